import { addDays, chinaDateOf, type IsoDate } from '../../../domain/calendar.ts';
import { USAGE_SIGNALS, type UsageSignal } from '../../../domain/registry.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../../http/messages.ts';
import { importRejected, importTemplate, mergeProblems, readImportWorkbook } from '../../http/xlsx-import.ts';
import { systemActor, type Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import { datasetVisibility } from '../catalog/visibility.ts';
import type { ModuleDeps } from '../deps.ts';
import { DepartmentsRepo } from '../org/departments.repo.ts';
import { isUniqueViolation } from '../org/org.service.ts';
import { FlagsRepo, type FlagFilter, type FlagStatus } from './flags.repo.ts';
import { scanFlags, type ScanResult } from './registry.flags.ts';
import {
  changedFields,
  newSystemColumns,
  systemColumns,
  systemRuleProblems,
  type SystemValues,
} from './registry.rules.ts';
import { mayKeepDepartment, registryScope } from './registry.scope.ts';
import { SystemsRepo, type SystemFilter, type SystemSort } from './systems.repo.ts';
import { importedCodes, planSystemImport, SYSTEM_IMPORT_MAX_ROWS, SYSTEM_SHEET } from './systems.import.ts';
import { UsageRepo } from './usage.repo.ts';

export interface SystemInput extends SystemValues {
  departmentId?: string | undefined;
}

export type SystemPatch = Partial<SystemInput>;

export interface UsageReport {
  systemCode: string;
  signal: 'sign_in' | 'api_call';
  day?: IsoDate | undefined;
  count: number;
}

/** How far back a system may report its use. */
export const USAGE_REPORT_MAX_AGE_DAYS = 400;
const SERIES_DAYS = 90;

const duplicateCode = () =>
  new AppError('DUPLICATE', { field: 'code' }, [{ path: 'code', message: 'od.duplicate' }]);

/** The registry of information systems: the ledger, usage signals, zombie and duplicate flags. */
export class RegistryService {
  private readonly systems: SystemsRepo;
  private readonly usage: UsageRepo;
  private readonly flags: FlagsRepo;
  private readonly departments: DepartmentsRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.systems = new SystemsRepo(deps.db);
    this.usage = new UsageRepo(deps.db);
    this.flags = new FlagsRepo(deps.db);
    this.departments = new DepartmentsRepo(deps.db);
  }

  private today(): IsoDate {
    return chinaDateOf(this.deps.clock.now());
  }

  // ----- the ledger -----

  list(p: Principal, f: SystemFilter, sort: SystemSort, page: number, pageSize: number) {
    return this.systems.list(registryScope(p), f, sort, page, pageSize);
  }

  /** One system with what it produces and consumes, its use and its flags; outside scope, 404. */
  async detail(p: Principal, id: string) {
    const system = await this.systems.get(registryScope(p), id);
    if (!system) throw notFound();
    const visible = datasetVisibility(p);
    const [produces, consumes, usage, flags] = await Promise.all([
      this.systems.produced(id, visible),
      this.systems.consumed(id, visible),
      this.usageSummary(id),
      this.flags.list({ regionPrefix: '' }, { systemId: id }, 1, 200),
    ]);
    return { system, produces, consumes, usage, flags: flags.items };
  }

  /** Per signal: last day used, totals of the last 30 and 90 days; and a daily series of 90 days. */
  private async usageSummary(id: string) {
    const today = this.today();
    const from = addDays(today, -(SERIES_DAYS - 1));
    const from30 = addDays(today, -29);
    const [daily, last] = await Promise.all([this.usage.daily(id, from), this.usage.lastUse([id])]);
    const series = Array.from({ length: SERIES_DAYS }, (_, i) => ({
      day: addDays(from, i),
      ...(Object.fromEntries(USAGE_SIGNALS.map((s) => [s, 0])) as Record<UsageSignal, number>),
    }));
    const index = new Map(series.map((d, i) => [d.day, i]));
    for (const r of daily) {
      const i = index.get(r.day);
      if (i !== undefined) series[i]![r.signal] += r.count;
    }
    const signals = USAGE_SIGNALS.map((signal) => ({
      signal,
      lastUsedOn: last.find((l) => l.signal === signal)?.day ?? null,
      last30: series.filter((d) => d.day >= from30).reduce((n, d) => n + d[signal], 0),
      last90: series.reduce((n, d) => n + d[signal], 0),
    }));
    return { today, signals, series };
  }

  /** The department a new or moved system belongs to: the officer's own; the bureau names one. */
  private async department(p: Principal, departmentId: string | undefined, problems: FieldProblem[]) {
    const scope = registryScope(p);
    const id = departmentId ?? scope.departmentId ?? undefined;
    if (!id) {
      problems.push({ path: 'departmentId', message: 'od.registry.departmentRequired' });
      return undefined;
    }
    if (scope.departmentId && id !== scope.departmentId) throw forbidden();
    const dept = await this.departments.get(id);
    if (!dept) {
      problems.push({ path: 'departmentId', message: 'od.unknownDepartment' });
      return undefined;
    }
    if (!mayKeepDepartment(scope, dept)) throw forbidden();
    return dept;
  }

  async create(p: Principal, input: SystemInput, actor: Actor) {
    const problems: FieldProblem[] = [];
    const dept = await this.department(p, input.departmentId, problems);
    problems.push(...systemRuleProblems(input, this.today()));
    if (problems.length) throw invalid(problems);
    if (await this.systems.byCode(input.code)) throw duplicateCode();
    try {
      const row = await this.deps.db.transaction(async (tx) => {
        const now = this.deps.clock.now();
        const { departmentId: _, ...values } = input;
        const created = await this.systems.insert(tx, {
          ...newSystemColumns(values),
          departmentId: dept!.id,
          regionCode: dept!.regionCode,
          createdAt: now,
          updatedAt: now,
        });
        await this.deps.audit.append(tx, actor, {
          action: 'system.create',
          target: created.id,
          detail: { code: created.code, name: created.name, departmentId: created.departmentId },
        });
        return created;
      });
      return (await this.systems.get({ regionPrefix: '' }, row.id))!;
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode();
      throw err;
    }
  }

  async update(p: Principal, id: string, patch: SystemPatch, actor: Actor) {
    const scope = registryScope(p);
    const before = await this.systems.get(scope, id);
    if (!before) throw notFound();
    const problems: FieldProblem[] = [];
    const moved = patch.departmentId !== undefined && patch.departmentId !== before.departmentId;
    const dept = moved ? await this.department(p, patch.departmentId, problems) : undefined;
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    problems.push(...systemRuleProblems(merged as typeof before, this.today()));
    if (problems.length) throw invalid(problems);
    if (patch.code && patch.code !== before.code && (await this.systems.byCode(patch.code)))
      throw duplicateCode();
    const changed = changedFields(before, patch);
    if (changed.length === 0) return before;
    const { departmentId: _, ...values } = patch;
    try {
      await this.deps.db.transaction(async (tx) => {
        await this.systems.update(
          tx,
          id,
          {
            ...systemColumns(values),
            ...(dept ? { departmentId: dept.id, regionCode: dept.regionCode } : {}),
          },
          this.deps.clock.now(),
        );
        await this.deps.audit.append(tx, actor, {
          action: 'system.update',
          target: id,
          detail: { code: patch.code ?? before.code, changed },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw duplicateCode();
      throw err;
    }
    return (await this.systems.get({ regionPrefix: '' }, id))!;
  }

  /** Replaces the list of datasets a system uses; every one must exist and be visible to the caller. */
  async setConsumes(p: Principal, id: string, datasetIds: string[], actor: Actor) {
    const system = await this.systems.get(registryScope(p), id);
    if (!system) throw notFound();
    const visible = datasetVisibility(p);
    const known = await this.systems.visibleDatasetIds(datasetIds, visible);
    const problems = datasetIds.flatMap((d, i) =>
      known.has(d) ? [] : [{ path: `datasetIds.${i}`, message: 'od.registry.unknownDataset' }],
    );
    if (problems.length) throw invalid(problems);
    const ids = [...new Set(datasetIds)];
    await this.deps.db.transaction(async (tx) => {
      const before = new Set(await this.systems.consumedIds(tx, id));
      await this.systems.setConsumed(tx, id, ids);
      await this.deps.audit.append(tx, actor, {
        action: 'system.consumes.set',
        target: id,
        detail: {
          code: system.code,
          added: ids.filter((d) => !before.has(d)).length,
          removed: [...before].filter((d) => !ids.includes(d)).length,
          total: ids.length,
        },
      });
    });
    return this.systems.consumed(id, visible);
  }

  // ----- Excel import -----

  /** The template to fill in: the 信息系统 sheet with drop-downs, and the instructions. */
  importTemplate(lang: Lang): Promise<Buffer> {
    return importTemplate([SYSTEM_SHEET], lang);
  }

  /**
   * Imports a workbook all or nothing: every row is checked with the API's rules first and any problem
   * rejects the file with all of them (row, column, reason); otherwise new codes are registered and
   * codes the caller keeps are updated, in one transaction with one audit record.
   */
  async importWorkbook(p: Principal, data: Buffer, dryRun: boolean, actor: Actor) {
    const scope = registryScope(p);
    const read = await readImportWorkbook(data, [SYSTEM_SHEET], { maxRows: SYSTEM_IMPORT_MAX_ROWS });
    // A file that cannot be read as the template (not XLSX, sheet or headers missing) says only that.
    if (read.problems.some((x) => x.row <= 1)) throw importRejected(read.problems);
    const rows = read.sheets[SYSTEM_SHEET.key] ?? [];
    const [departments, existing] = await Promise.all([
      this.systems.departments(),
      this.systems.withCodes(importedCodes(rows)),
    ]);
    const plan = planSystemImport(rows, {
      departments,
      scope,
      existing: new Map(existing.map((s) => [s.code, s])),
      today: this.today(),
    });
    const problems = mergeProblems(read.problems, plan.problems);
    if (problems.length) throw importRejected([...problems].sort((a, b) => a.row - b.row));
    // Rows that repeat a system as it is change nothing (and are counted as such).
    const updates = plan.updates.filter((u) => u.changed!.length > 0);
    const result = {
      created: plan.creates.length,
      updated: updates.length,
      unchanged: plan.updates.length - updates.length,
      dryRun,
    };
    if (dryRun) return result;
    await this.deps.db
      .transaction(async (tx) => {
        const now = this.deps.clock.now();
        await this.systems.insertMany(
          tx,
          plan.creates.map((c) => ({
            ...newSystemColumns(c.values),
            departmentId: c.department.id,
            regionCode: c.department.regionCode,
            createdAt: now,
            updatedAt: now,
          })),
        );
        for (const u of updates)
          await this.systems.update(
            tx,
            u.existing!.id,
            {
              ...systemColumns(u.values),
              departmentId: u.department.id,
              regionCode: u.department.regionCode,
            },
            now,
          );
        await this.deps.audit.append(tx, actor, {
          action: 'system.import',
          detail: { created: result.created, updated: result.updated, unchanged: result.unchanged },
        });
      })
      .catch((err: unknown) => {
        // Someone took one of the codes after the check: the file is refused, nothing written.
        throw isUniqueViolation(err) ? duplicateCode() : err;
      });
    return result;
  }

  // ----- usage -----

  /**
   * Systems report their use: each report sets that day's total, so a retried call changes nothing.
   * All or nothing: an unknown or out-of-scope code, a future day or one older than 400 days, or the
   * same system, signal and day twice, is reported per item and nothing is written.
   */
  async reportUsage(p: Principal, reports: UsageReport[], actor: Actor) {
    const scope = registryScope(p);
    const today = this.today();
    const oldest = addDays(today, -USAGE_REPORT_MAX_AGE_DAYS);
    const codes = [...new Set(reports.map((r) => r.systemCode))];
    const found = new Map((await this.systems.byCodes(scope, codes)).map((s) => [s.code, s.id]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const rows = reports.map((r, i) => {
      const day = r.day ?? today;
      const systemId = found.get(r.systemCode);
      if (!systemId)
        problems.push({
          path: `reports.${i}.systemCode`,
          message: 'od.registry.unknownSystem',
          params: { code: r.systemCode },
        });
      if (day > today)
        problems.push({ path: `reports.${i}.day`, message: 'od.registry.dayInFuture', params: { today } });
      else if (day < oldest)
        problems.push({
          path: `reports.${i}.day`,
          message: 'od.registry.dayTooOld',
          params: { days: USAGE_REPORT_MAX_AGE_DAYS },
        });
      const key = `${r.systemCode}|${r.signal}|${day}`;
      if (seen.has(key)) problems.push({ path: `reports.${i}`, message: 'od.registry.duplicateReport' });
      seen.add(key);
      return { systemId: systemId ?? '', signal: r.signal, day, count: r.count };
    });
    if (problems.length) throw invalid(problems);
    const changed = await this.deps.db.transaction(async (tx) => {
      const n = await this.usage.upsert(tx, rows, 'set', this.deps.clock.now());
      await this.deps.audit.append(tx, actor, {
        action: 'system.usage.report',
        detail: { reports: rows.length, systems: found.size, changed: n },
      });
      return n;
    });
    return { accepted: rows.length, changed };
  }

  /**
   * A usage signal recorded in-process (the catalogue: data_update, catalog_view), inside the caller's
   * transaction: `set` replaces the day's total, `add` adds to it. Not audited (the caller's change is).
   */
  recordUsage(
    tx: DbOrTx,
    systemId: string,
    signal: UsageSignal,
    day: IsoDate,
    count: number,
    mode: 'set' | 'add' = 'set',
  ): Promise<number> {
    return this.usage.upsert(tx, [{ systemId, signal, day, count }], mode, this.deps.clock.now());
  }

  // ----- flags -----

  listFlags(p: Principal, f: FlagFilter, page: number, pageSize: number) {
    return this.flags.list(registryScope(p), f, page, pageSize);
  }

  /** The bureau confirms a flag (it is a zombie / a duplicate) or dismisses it (it is not). */
  async resolveFlag(
    p: Principal,
    id: string,
    status: 'confirmed' | 'dismissed',
    resolution: string,
    actor: Actor,
  ) {
    const { items } = await this.flags.list(registryScope(p), { id }, 1, 1);
    const flag = items[0];
    if (!flag) throw notFound();
    const from: FlagStatus[] = status === 'confirmed' ? ['open'] : ['open', 'confirmed'];
    await this.deps.db.transaction(async (tx) => {
      const ok = await this.flags.setStatus(tx, id, from, {
        status,
        resolvedAt: this.deps.clock.now(),
        resolvedBy: actor.actor,
        resolution,
      });
      // Already resolved, or resolved by someone else a moment ago.
      if (!ok) throw new AppError('CONFLICT', {}, [{ path: 'status', message: 'od.registry.flagResolved' }]);
      await this.deps.audit.append(tx, actor, {
        action: 'system.flag.resolve',
        target: id,
        detail: {
          kind: flag.flag.kind,
          status,
          systemId: flag.flag.systemId,
          otherSystemId: flag.flag.otherSystemId,
        },
      });
    });
    return (await this.flags.get(id))!;
  }

  /** Runs zombie and duplicate detection now (the `registry.flags` job, the bureau's button, the demo seed). */
  scanFlags(now: Date, actor: Actor = systemActor('registry.flags')): Promise<ScanResult> {
    return scanFlags(this.deps, { systems: this.systems, usage: this.usage, flags: this.flags }, now, actor);
  }
}
