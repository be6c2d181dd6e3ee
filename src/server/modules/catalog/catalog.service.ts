import { sql } from 'drizzle-orm';
import { chinaDateOf } from '../../../domain/calendar.ts';
import * as rules from '../../../domain/catalog.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../../http/messages.ts';
import {
  importRejected,
  importTemplate,
  readImportWorkbook,
  type ImportProblem,
  mergeProblems,
} from '../../http/xlsx-import.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { isUniqueViolation, rowScope } from '../org/org.service.ts';
import { UsageRepo } from '../registry/usage.repo.ts';
import {
  entryValues,
  fieldProblem,
  type CreateBody,
  type DatasetView,
  type PatchBody,
} from './catalog.contract.ts';
import {
  IMPORT_MAX_ROWS,
  IMPORT_SHEETS,
  planImport,
  referencedCodes,
  type PlannedEntry,
} from './catalog.import.ts';
import { catalogLabels } from './catalog.labels.ts';
import { CatalogRepo, type DatasetValues, type DatasetWithRefs, type NewDataset } from './catalog.repo.ts';
import type { DatasetField } from './catalog.tables.ts';
import { datasetVisibility, mayEditDepartment } from './visibility.ts';

const everything = sql`true`;
const VALUE_KEYS = [
  'code',
  'name',
  'summary',
  'category',
  'baseResource',
  'theme',
  'sourceSystemId',
  'format',
  'formatDetail',
  'fields',
  'maxLevel',
  'sharingType',
  'sharingConditions',
  'sharingMethod',
  'openType',
  'openConditions',
  'updateFrequency',
  'releaseDate',
  'keywords',
  'relatedCodes',
] as const satisfies readonly (keyof DatasetValues)[];

function valuesOf(row: DatasetValues): DatasetValues {
  return Object.fromEntries(VALUE_KEYS.map((k) => [k, row[k]])) as unknown as DatasetValues;
}

const presentField = (f: DatasetField) => ({
  name: f.name,
  label: f.label,
  type: f.type,
  required: f.required,
  key: f.key,
  level: f.level,
  pattern: f.pattern ?? null,
  codeList: f.codeList ?? null,
  unit: f.unit ?? null,
  description: f.description ?? null,
});

/**
 * An entry as clients see it (and as versions keep it). `insider`: callers who read the sharing
 * catalogue see the source system; the public sees the entry without the government's systems.
 */
export function presentDataset(d: DatasetWithRefs, insider = true): DatasetView {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    summary: d.summary,
    category: d.category,
    baseResource: d.baseResource,
    theme: d.theme,
    provider: { id: d.departmentId, name: d.departmentName },
    regionCode: d.regionCode,
    sourceSystem: insider ? d.system : null,
    format: d.format,
    formatDetail: d.formatDetail,
    fields: d.fields.map(presentField),
    maxLevel: d.maxLevel,
    sharingType: d.sharingType,
    sharingConditions: d.sharingConditions,
    sharingMethod: d.sharingMethod,
    openType: d.openType,
    openConditions: d.openConditions,
    updateFrequency: d.updateFrequency,
    releaseDate: d.releaseDate,
    keywords: d.keywords,
    relatedCodes: d.relatedCodes,
    status: d.status,
    version: d.version,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

const isInsider = (p: Principal | null) => !!p?.permissions.includes('catalog.read');

/** A conflict with the entry's current state, worded for people. */
const stale = () => new AppError('CONFLICT', {}, [{ path: 'updatedAt', message: 'od.catalog.stale' }]);

/** The catalogue's decisions: entries, their lifecycle, versions and diffs, and the Excel import. */
export class CatalogService {
  private readonly repo: CatalogRepo;
  private readonly usage: UsageRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new CatalogRepo(deps.db);
    this.usage = new UsageRepo(deps.db);
  }

  private today() {
    return chinaDateOf(this.deps.clock.now());
  }

  /** A change's time: now, but always after the entry's last change (guards compare it). */
  private stamp(previous: Date): Date {
    const now = this.deps.clock.now();
    return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
  }

  private standing(p: Principal | null, d: { departmentId: string }): rules.Standing {
    return {
      provider: !!p && mayEditDepartment(p, d.departmentId),
      bureau: !!p?.permissions.includes('catalog.review'),
    };
  }

  /** What the caller may do with an entry now. */
  can(p: Principal | null, d: { departmentId: string; status: rules.DatasetStatus }) {
    const standing = this.standing(p, d);
    const actions = new Set(rules.availableActions(d.status, standing));
    return {
      edit: standing.provider && rules.editEffect(d.status) !== 'locked',
      submit: actions.has('submit'),
      withdraw: actions.has('withdraw'),
      approve: actions.has('approve'),
      reject: actions.has('reject'),
      publish: actions.has('publish'),
      deprecate: actions.has('deprecate'),
    };
  }

  /** The provider of a new entry: an officer's own department; the bureau names one. */
  private providerOf(p: Principal, requested: string | undefined): string {
    if (p.permissions.includes('catalog.review')) {
      if (!requested) throw invalid([{ path: 'departmentId', message: 'od.catalog.required' }]);
      return requested;
    }
    const own = rowScope(p).departmentId;
    if (!own) throw forbidden();
    if (requested && requested !== own)
      throw invalid([{ path: 'departmentId', message: 'od.catalog.departmentScope' }]);
    return own;
  }

  /** Every problem of an entry's content and references; then a taken code as DUPLICATE. */
  private async check(
    tx: DbOrTx,
    values: DatasetValues,
    departmentId: string,
    current: DatasetWithRefs | null,
  ): Promise<void> {
    const problems: FieldProblem[] = rules.datasetProblems(values).map(fieldProblem);
    if (values.sourceSystemId) {
      const system = await this.repo.system(values.sourceSystemId, tx);
      if (!system || system.departmentId !== departmentId)
        problems.push({ path: 'sourceSystemId', message: 'od.catalog.sourceSystem' });
    }
    const codeChanged = !current || current.code !== values.code;
    if (current && codeChanged && current.version > 0)
      problems.push({ path: 'code', message: 'od.catalog.codeFrozen' });
    if (problems.length) throw invalid(problems);
    if (codeChanged && (await this.repo.codeTaken(values.code, tx))) throw duplicateCode();
  }

  // ----- reads -----

  /** One entry with what the caller may do; `countView` records a page view (a usage signal). */
  async detail(p: Principal | null, id: string, countView = true) {
    const d = await this.repo.find(id, datasetVisibility(p));
    if (!d) throw notFound();
    const insider = isInsider(p);
    const relatedSystems = insider ? await this.repo.relatedSystems(id) : [];
    if (countView) {
      const day = this.today();
      await this.repo.countView(id, day);
      // Only government users' views show that a system's data is used: an anonymous visitor (or a
      // script) must not be able to keep a zombie system off the list.
      if (d.sourceSystemId && insider)
        await this.usage.upsert(
          this.deps.db,
          [{ systemId: d.sourceSystemId, signal: 'catalog_view', day, count: 1 }],
          'add',
          this.deps.clock.now(),
        );
    }
    return { ...presentDataset(d, insider), relatedSystems, can: this.can(p, d) };
  }

  private async mustSee(p: Principal | null, id: string) {
    if (!(await this.repo.visible(id, datasetVisibility(p)))) throw notFound();
  }

  async versions(p: Principal | null, id: string) {
    await this.mustSee(p, id);
    const insider = isInsider(p);
    return (await this.repo.versions(id)).map((v) => ({
      version: v.version,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
      createdBy: insider ? v.createdBy : null,
    }));
  }

  /** A published version as it was kept; the public sees it without the source system. */
  private async storedVersion(p: Principal | null, id: string, version: number, path: string) {
    const v = await this.repo.version(id, version);
    if (!v) throw new AppError('NOT_FOUND', {}, [{ path, message: 'od.catalog.versionMissing' }]);
    const snapshot = v.snapshot as DatasetView;
    return { ...v, snapshot: isInsider(p) ? snapshot : { ...snapshot, sourceSystem: null } };
  }

  private async snapshot(p: Principal | null, id: string, version: number | 'current', path: string) {
    if (version !== 'current') return (await this.storedVersion(p, id, version, path)).snapshot;
    const d = await this.repo.find(id, datasetVisibility(p));
    if (!d) throw notFound();
    return presentDataset(d, isInsider(p));
  }

  async version(p: Principal | null, id: string, version: number) {
    await this.mustSee(p, id);
    const v = await this.storedVersion(p, id, version, 'version');
    return {
      version: v.version,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
      createdBy: isInsider(p) ? v.createdBy : null,
      snapshot: v.snapshot,
    };
  }

  /** What changed between two published versions, or between a version and the working copy. */
  async diff(p: Principal | null, id: string, from: number, to: number | 'current') {
    await this.mustSee(p, id);
    const before = await this.snapshot(p, id, from, 'from');
    const after = await this.snapshot(p, id, to, 'to');
    const d = rules.diffDatasets(before, after);
    return {
      from,
      to,
      attributes: d.attributes,
      fields: {
        added: d.fields.added as DatasetView['fields'],
        removed: d.fields.removed as DatasetView['fields'],
        changed: d.fields.changed,
      },
    };
  }

  /** The lifecycle log; who acted is shown to readers of the sharing catalogue only. */
  async reviews(p: Principal | null, id: string) {
    await this.mustSee(p, id);
    const insider = isInsider(p);
    return (await this.repo.reviews(id)).map((r) => ({
      id: r.id,
      action: r.action,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      comment: r.comment,
      actor: insider ? r.actorName : null,
      at: r.at.toISOString(),
    }));
  }

  // ----- writes -----

  /** A new draft entry. */
  async create(p: Principal, body: CreateBody, actor: Actor) {
    const { departmentId: requested, ...input } = body;
    const departmentId = this.providerOf(p, requested);
    const id = await this.deps.db.transaction(async (tx) => {
      const dept = await this.repo.department(departmentId, tx);
      if (!dept) throw invalid([{ path: 'departmentId', message: 'od.unknownDepartment' }]);
      const values = entryValues(input);
      await this.check(tx, values, dept.id, null);
      const now = this.deps.clock.now();
      const ids = await this.repo
        .insertMany(
          tx,
          [
            {
              ...values,
              departmentId,
              regionCode: dept.regionCode,
              createdBy: actor.actor,
              createdAt: now,
              updatedAt: now,
            },
          ],
          new Map([[dept.id, dept.name]]),
        )
        .catch((err: unknown) => {
          throw isUniqueViolation(err) ? duplicateCode() : err;
        });
      const id = ids.get(values.code)!;
      await this.deps.audit.append(tx, actor, {
        action: 'dataset.create',
        target: id,
        detail: { code: values.code, department: dept.code, fields: values.fields.length },
      });
      return id;
    });
    return this.detail(p, id, false);
  }

  /**
   * Changes an entry's content, as its state allows: drafts in place; approved entries go back to
   * draft; published entries become their next version at once (the bureau is told).
   */
  async update(p: Principal, id: string, body: PatchBody, actor: Actor) {
    const { expectedVersion, updatedAt, changeNote, ...patch } = body;
    await this.deps.db.transaction(async (tx) => {
      const current = await this.repo.find(id, datasetVisibility(p), tx);
      if (!current) throw notFound();
      if (!mayEditDepartment(p, current.departmentId)) throw forbidden();
      if (
        (expectedVersion !== undefined && expectedVersion !== current.version) ||
        (updatedAt !== undefined && new Date(updatedAt).getTime() !== current.updatedAt.getTime())
      )
        throw stale();
      if (rules.editEffect(current.status) === 'locked') throw lockedError(current.status);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const values = entryValues({ ...valuesOf(current), ...defined } as Parameters<typeof entryValues>[0]);
      await this.check(tx, values, current.departmentId, current);
      const change = await this.applyEdit(tx, p, current, values, changeNote ?? null);
      if (!change) return;
      await this.deps.audit.append(tx, actor, {
        action: 'dataset.update',
        target: id,
        detail: { code: values.code, effect: change.effect, version: change.version, changed: change.paths },
      });
      if (change.effect === 'newVersion') {
        await this.deps.notify.toRole(tx, 'bureau_admin', {
          kind: 'dataset.changed',
          title: `数据资源「${values.name}」已更新为第 ${change.version} 版`,
          body: `${current.departmentName}：${change.paths.join('、')}${changeNote ? `（${changeNote}）` : ''}`,
          robotBody: `${current.departmentName}：${change.paths.join('、')}`,
          link: linkTo(id),
        });
      }
    });
    return this.detail(p, id, false);
  }

  /**
   * Writes an edit decided on by update and import (the state is not locked, values are checked);
   * returns what it did, or null when nothing changed.
   */
  private async applyEdit(
    tx: DbOrTx,
    p: Principal,
    current: DatasetWithRefs,
    values: DatasetValues,
    note: string | null,
  ): Promise<{ effect: rules.EditEffect; version: number; paths: string[] } | null> {
    const diff = rules.diffDatasets(valuesOf(current), values);
    if (rules.isEmptyDiff(diff)) return null;
    const effect = rules.editEffect(current.status);
    const now = this.stamp(current.updatedAt);
    const search = { ...values, departmentName: current.departmentName };
    let version = current.version;
    let set: Parameters<CatalogRepo['updateGuarded']>[3] = { ...values, updatedAt: now };
    if (effect === 'revise') set = { ...set, status: 'draft' };
    if (effect === 'newVersion') {
      version = current.version + 1;
      set = { ...set, version, publishedAt: now };
    }
    if (!(await this.repo.updateGuarded(tx, current.id, current, set, search))) throw stale();
    if (effect === 'revise')
      await this.repo.insertReview(tx, 'revise', {
        datasetId: current.id,
        fromStatus: 'approved',
        toStatus: 'draft',
        comment: note,
        actorId: p.userId,
        actorName: p.displayName,
        at: now,
      });
    if (effect === 'newVersion') {
      await this.recordVersion(tx, p, current.id, version, note, now);
      if (values.sourceSystemId)
        await this.usage.upsert(
          tx,
          [{ systemId: values.sourceSystemId, signal: 'data_update', day: chinaDateOf(now), count: 1 }],
          'add',
          now,
        );
    }
    return { effect, version, paths: rules.changedPaths(diff) };
  }

  private async recordVersion(
    tx: DbOrTx,
    p: Principal,
    id: string,
    version: number,
    note: string | null,
    at: Date,
  ) {
    const published = await this.repo.find(id, everything, tx);
    await this.repo.insertVersion(tx, {
      datasetId: id,
      version,
      snapshot: presentDataset(published!),
      note,
      createdBy: p.displayName,
      createdAt: at,
    });
  }

  /** A lifecycle action (submit, withdraw, approve, reject, publish, deprecate) with its comment. */
  async act(
    p: Principal,
    id: string,
    input: { action: rules.LifecycleAction; comment?: string | undefined; updatedAt?: string | undefined },
    actor: Actor,
  ) {
    const comment = input.comment?.trim() || null;
    await this.deps.db.transaction(async (tx) => {
      const current = await this.repo.find(id, datasetVisibility(p), tx);
      if (!current) throw notFound();
      const decision = rules.decideTransition(
        input.action,
        current.status,
        this.standing(p, current),
        comment,
      );
      if (!decision.ok) {
        if (decision.refusal === 'role') throw forbidden();
        if (decision.refusal === 'comment')
          throw invalid([{ path: 'comment', message: 'od.catalog.commentRequired' }]);
        const [statusZh, statusEn] = catalogLabels.codes.datasetStatus[current.status];
        const [actionZh, actionEn] = catalogLabels.codes.reviewAction[input.action];
        throw new AppError('CONFLICT', {}, [
          {
            path: 'action',
            message: 'od.catalog.wrongState',
            params: { statusZh, statusEn, actionZh, actionEn },
          },
        ]);
      }
      if (
        input.updatedAt !== undefined &&
        new Date(input.updatedAt).getTime() !== current.updatedAt.getTime()
      )
        throw stale();
      // Four eyes: whoever submitted an entry does not review it (the bureau editing for a department).
      if (
        (input.action === 'approve' || input.action === 'reject') &&
        actor.actorId !== null &&
        (await this.repo.lastSubmitter(tx, id)) === actor.actorId
      )
        throw new AppError('FORBIDDEN', {}, [{ path: 'action', message: 'od.catalog.ownSubmission' }]);
      const now = this.stamp(current.updatedAt);
      let set: Parameters<CatalogRepo['updateGuarded']>[3] = { status: decision.to, updatedAt: now };
      if (input.action === 'publish') {
        const next = rules.publication(current, chinaDateOf(now));
        set = { ...set, ...next, publishedAt: now };
      }
      if (!(await this.repo.updateGuarded(tx, id, current, set, null))) throw stale();
      await this.repo.insertReview(tx, input.action, {
        datasetId: id,
        fromStatus: current.status,
        toStatus: decision.to,
        comment,
        actorId: p.userId,
        actorName: p.displayName,
        at: now,
      });
      if (input.action === 'publish') await this.recordVersion(tx, p, id, set.version!, comment, now);
      await this.notifyAction(tx, input.action, current, comment);
      await this.deps.audit.append(tx, actor, {
        action: `dataset.${input.action}`,
        target: id,
        detail: {
          code: current.code,
          from: current.status,
          to: decision.to,
          ...(set.version ? { version: set.version } : {}),
        },
      });
    });
    return this.detail(p, id, false);
  }

  /** Submissions go to the bureau; review results and publication to the provider's data officers. */
  private async notifyAction(
    tx: DbOrTx,
    action: rules.LifecycleAction,
    d: DatasetWithRefs,
    comment: string | null,
  ) {
    const link = linkTo(d.id);
    if (action === 'submit') {
      await this.deps.notify.toRole(tx, 'bureau_admin', {
        kind: 'dataset.submitted',
        title: `数据资源「${d.name}」待审核`,
        body: `${d.departmentName} · ${d.code}`,
        link,
      });
      return;
    }
    const toProvider = {
      approve: { kind: 'dataset.approved', title: `数据资源「${d.name}」已审核通过` },
      reject: { kind: 'dataset.rejected', title: `数据资源「${d.name}」被退回修改` },
      publish: { kind: 'dataset.published', title: `数据资源「${d.name}」已发布` },
    } as const;
    if (action === 'approve' || action === 'reject' || action === 'publish')
      await this.deps.notify.toRole(
        tx,
        'dept_data_officer',
        { ...toProvider[action], body: comment ?? d.code, robotBody: d.code, link },
        d.departmentId,
      );
  }

  // ----- Excel -----

  importTemplate(lang: Lang) {
    return importTemplate(IMPORT_SHEETS, lang);
  }

  /**
   * Imports a workbook all or nothing: every row is checked first and any problem rejects the file
   * with all of them (sheet, row, column, reason); otherwise new codes become drafts and existing
   * codes of the caller's department are updated by the same rules as an edit, in one transaction.
   */
  async importWorkbook(p: Principal, data: Buffer, dryRun: boolean, actor: Actor) {
    const bureau = p.permissions.includes('catalog.review');
    const ownDepartmentId = bureau ? null : (rowScope(p).departmentId ?? null);
    if (!bureau && !ownDepartmentId) throw forbidden();
    const read = await readImportWorkbook(data, IMPORT_SHEETS, { maxRows: IMPORT_MAX_ROWS });
    // A file that cannot be read as the template (not XLSX, sheets or headers missing) says only that.
    if (read.problems.some((x) => x.row <= 1)) throw importRejected(read.problems);
    const refs = referencedCodes(read.sheets);
    const [departments, systems, existing] = await Promise.all([
      this.repo.allDepartments(),
      this.repo.systemsByCodes(refs.systems),
      this.repo.findByCodes(refs.codes),
    ]);
    const plan = planImport(read.sheets, {
      departments,
      ownDepartmentId,
      systems: new Map(systems.map((s) => [s.code, s])),
      existing: new Map(existing.map((d) => [d.code, d])),
    });
    const problems = mergeProblems(read.problems, plan.problems);
    if (problems.length) throw importRejected(sortProblems(problems));
    // Rows that repeat an entry as it is change nothing (and are counted as such).
    const updates = plan.updates.filter(
      (e) => !rules.isEmptyDiff(rules.diffDatasets(valuesOf(e.existing!), e.values)),
    );
    const result = {
      created: plan.creates.length,
      updated: updates.length,
      unchanged: plan.updates.length - updates.length,
      dryRun,
    };
    if (dryRun) return result;
    const changed: PlannedEntry[] = [];
    await this.deps.db
      .transaction(async (tx) => {
        const now = this.deps.clock.now();
        const names = new Map(departments.map((d) => [d.id, d.name]));
        const regions = new Map(departments.map((d) => [d.id, d.regionCode]));
        const rows: NewDataset[] = plan.creates.map((e) => ({
          ...e.values,
          departmentId: e.departmentId,
          regionCode: regions.get(e.departmentId)!,
          createdBy: actor.actor,
          createdAt: now,
          updatedAt: now,
        }));
        await this.repo.insertMany(tx, rows, names);
        for (const e of updates) {
          const change = await this.applyEdit(tx, p, e.existing!, e.values, e.changeNote);
          if (change?.effect === 'newVersion') changed.push(e);
        }
        if (changed.length)
          await this.deps.notify.toRole(tx, 'bureau_admin', {
            kind: 'dataset.changed',
            title: `导入更新了 ${changed.length} 个已发布的数据资源`,
            body: changed
              .slice(0, 20)
              .map((e) => e.values.code)
              .join('、'),
            link: '/catalog',
          });
        await this.deps.audit.append(tx, actor, {
          action: 'dataset.import',
          detail: {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            newVersions: changed.length,
          },
        });
      })
      .catch((err: unknown) => {
        // Someone took one of the codes after the check: the file is refused, nothing written.
        throw isUniqueViolation(err) ? duplicateCode() : err;
      });
    return result;
  }
}

function duplicateCode() {
  return new AppError('DUPLICATE', { field: 'code' }, [{ path: 'code', message: 'od.duplicate' }]);
}

function lockedError(status: rules.DatasetStatus) {
  return new AppError('CONFLICT', {}, [
    {
      path: 'status',
      message: status === 'submitted' ? 'od.catalog.locked.submitted' : 'od.catalog.locked.deprecated',
    },
  ]);
}

function linkTo(id: string) {
  return `/catalog/datasets/${id}`;
}

/** Problems in reading order: the file, then each sheet top to bottom. */
function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const sheetOrder = (s: string) => ['', ...IMPORT_SHEETS.map((x) => x.name)].indexOf(s);
  return [...problems].sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
}
