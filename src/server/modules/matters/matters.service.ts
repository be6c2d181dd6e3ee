import { chinaDateOf } from '../../../domain/calendar.ts';
import {
  GUIDE_RULE_CODES,
  guideInputProblems,
  inspectGuide,
  type GuideFinding,
} from '../../../domain/guide-inspection.ts';
import {
  defaultStages,
  matterCode,
  matterProblems,
  type GuideMaterial,
  type MatterFee,
  type MatterLevel,
  type MatterStage,
  type MatterType,
  type SpecialProcedure,
} from '../../../domain/matters.ts';
import { ROLE_PERMISSIONS } from '../../../domain/permissions.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, forbidden, invalid, notFound, type FieldProblem } from '../../http/errors.ts';
import { label } from '../../http/labels.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { DepartmentsRepo } from '../org/departments.repo.ts';
import { DEPARTMENT_ROLES, isUniqueViolation, rowScope } from '../org/org.service.ts';
import { InspectionRepo, type FindingFilter, type RunWithCounts } from './inspection.repo.ts';
import {
  MattersRepo,
  type GuideRow,
  type MatterFilter,
  type MatterInsert,
  type MatterScope,
  type MatterSort,
  type MatterWithDepartment,
} from './matters.repo.ts';

export interface MatterInput {
  departmentId?: string | undefined;
  basicCode: string;
  level: MatterLevel;
  name: string;
  type: MatterType;
  onTheSpot: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  maxExtensionDays: number;
  visits: number;
  onlineDepth: number;
  stages?: MatterStage[] | undefined;
  specialProcedures: SpecialProcedure[];
  fees: MatterFee[];
  minHandlingMinutes: number;
}

export interface GuideInput {
  conditions: string;
  materials: GuideMaterial[];
  process: string;
  legalBasis: string;
  place: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  onlineUrl: string | null;
  /** The guide's updatedAt as the editor read it (ISO): a guide changed since is not overwritten. */
  updatedAt?: string | undefined;
}

export type InspectionTrigger = 'schedule' | 'manual';

/** A department id no row has: an edit scope that reaches nothing. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

const GUIDE_FIELDS = [
  'conditions',
  'materials',
  'process',
  'legalBasis',
  'place',
  'hours',
  'contactPhone',
  'complaintPhone',
  'onlineUrl',
] as const;
const MATTER_FIELDS = [
  'code',
  'name',
  'type',
  'level',
  'departmentId',
  'onTheSpot',
  'statutoryLimitDays',
  'committedLimitDays',
  'maxExtensionDays',
  'visits',
  'onlineDepth',
  'stages',
  'specialProcedures',
  'fees',
  'minHandlingMinutes',
] as const;

/** Department roles read their own department's matters; everyone else with matters.read all of them. */
export function matterReadScope(p: Principal): { departmentId: string | null } {
  if (p.kind === 'token') return { departmentId: p.departmentId };
  return { departmentId: rowScope(p).departmentId ?? null };
}

/**
 * The department whose matters the caller may edit, or null for any: only a role that holds
 * matters.edit outside a department (the bureau) reaches all; an approver keeps their own.
 */
export function matterEditDepartment(p: Principal): string | null {
  const wide =
    p.kind === 'session' &&
    p.roles.some((r) => !DEPARTMENT_ROLES.includes(r) && ROLE_PERMISSIONS[r].includes('matters.edit'));
  return wide ? null : (p.departmentId ?? NO_DEPARTMENT);
}

const stale = (version: number) =>
  new AppError('CONFLICT', { version }, [
    { path: 'version', message: 'od.matters.stale', params: { version } },
  ]);
const codeTaken = (code: string) =>
  new AppError('DUPLICATE', { field: 'basicCode' }, [
    { path: 'basicCode', message: 'od.matters.codeTaken', params: { code } },
  ]);

/** A domain problem as a field problem; stage codes get their names in both languages. */
function fieldProblem(p: {
  path: string;
  reason: string;
  params?: Record<string, string | number>;
}): FieldProblem {
  const params: Record<string, unknown> = { ...p.params };
  if (typeof params.stage === 'string') {
    params.stageZh = label('matterStage', params.stage, 'zh-CN');
    params.stageEn = label('matterStage', params.stage, 'en');
  }
  return { path: p.path, message: `od.matters.${p.reason}`, params };
}

/** Deep equality of JSON values, whatever the order of object keys (jsonb reorders them). */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object' && !(v instanceof Date)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Service matters (事项), their guides (办事指南) and guide inspection. */
export class MattersService {
  private readonly repo: MattersRepo;
  private readonly inspections: InspectionRepo;
  private readonly departments: DepartmentsRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new MattersRepo(deps.db);
    this.inspections = new InspectionRepo(deps.db);
    this.departments = new DepartmentsRepo(deps.db);
  }

  // ----- matters -----

  /** The chart above the list: matters per type under the same filters, in one answer. */
  async countByType(p: Principal, f: Omit<MatterFilter, 'type'>) {
    const rows = await this.repo.countByType(matterReadScope(p), f);
    return { byType: Object.fromEntries(rows.map((r) => [r.type, r.n])) };
  }

  list(p: Principal, f: MatterFilter, sort: MatterSort, page: number, pageSize: number) {
    return this.repo.list(matterReadScope(p), f, sort, page, pageSize);
  }

  /** A matter and its guide; outside the caller's scope, 404. */
  async detail(p: Principal | 'public', id: string) {
    const scope: MatterScope = p === 'public' ? 'public' : matterReadScope(p);
    const matter = await this.repo.get(scope, id);
    if (!matter) throw notFound();
    return { matter, guide: (await this.repo.guide(id)) ?? null };
  }

  /** Active matters for the public (never internal ones). */
  publicList(f: Pick<MatterFilter, 'q' | 'departmentId' | 'type'>, page: number, pageSize: number) {
    return this.repo.list('public', f, 'code', page, pageSize);
  }

  /** The matter a caller may edit: in their read scope (else 404) and their edit scope (else 403). */
  private async editable(p: Principal, id: string, tx?: DbOrTx): Promise<MatterWithDepartment> {
    const matter = await this.repo.get(matterReadScope(p), id, tx);
    if (!matter) throw notFound();
    const own = matterEditDepartment(p);
    if (own && matter.departmentId !== own) throw forbidden();
    return matter;
  }

  /** The implementing department: the approver's own; the bureau names one. */
  private async department(p: Principal, departmentId: string | undefined, problems: FieldProblem[]) {
    const own = matterEditDepartment(p);
    if (own === NO_DEPARTMENT) throw forbidden();
    const id = departmentId ?? own;
    if (!id) {
      problems.push({ path: 'departmentId', message: 'od.matters.departmentRequired' });
      return undefined;
    }
    if (own && id !== own) throw forbidden();
    const dept = await this.departments.get(id);
    if (!dept) problems.push({ path: 'departmentId', message: 'od.unknownDepartment' });
    return dept;
  }

  /** Checks an input and turns it into columns; every problem at once, each naming its field. */
  private async columns(p: Principal, input: MatterInput, departmentId: string | undefined) {
    const problems: FieldProblem[] = [];
    const dept = await this.department(p, departmentId, problems);
    const stages = input.stages ?? defaultStages(input.type, input.onTheSpot);
    problems.push(...matterProblems({ ...input, stages }).map(fieldProblem));
    if (problems.length || !dept) throw invalid(problems);
    const values = {
      code: matterCode(dept.uscc, input.level, input.basicCode),
      basicCode: input.basicCode,
      name: input.name,
      type: input.type,
      level: input.level,
      departmentId: dept.id,
      regionCode: dept.regionCode,
      onTheSpot: input.onTheSpot,
      statutoryLimitDays: input.statutoryLimitDays,
      committedLimitDays: input.committedLimitDays,
      maxExtensionDays: input.maxExtensionDays,
      visits: input.visits,
      onlineDepth: input.onlineDepth,
      stages,
      specialProcedures: input.specialProcedures,
      fees: input.fees,
      minHandlingMinutes: input.minHandlingMinutes,
    } satisfies MatterInsert;
    return values;
  }

  async create(p: Principal, input: MatterInput, actor: Actor) {
    const values = await this.columns(p, input, input.departmentId);
    if (await this.repo.byCode(values.code)) throw codeTaken(values.code);
    const now = this.deps.clock.now();
    try {
      const id = await this.deps.db.transaction(async (tx) => {
        const row = await this.repo.insert(tx, { ...values, createdAt: now, updatedAt: now });
        await this.deps.audit.append(tx, actor, {
          action: 'matter.create',
          target: row.id,
          detail: {
            code: values.code,
            name: values.name,
            type: values.type,
            departmentId: values.departmentId,
          },
        });
        return row.id;
      });
      return this.detail(p, id);
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(values.code);
      throw err;
    }
  }

  /** A full replacement guarded by the version read: of two editors, the second gets 409. */
  async update(p: Principal, id: string, input: MatterInput & { version: number }, actor: Actor) {
    const before = await this.editable(p, id);
    if (input.version !== before.version) throw stale(before.version);
    const values = await this.columns(p, input, input.departmentId ?? before.departmentId);
    if (values.code !== before.code && (await this.repo.byCode(values.code))) throw codeTaken(values.code);
    const changed = MATTER_FIELDS.filter((k) => !same(values[k], before[k]));
    if (changed.length === 0) return this.detail(p, id);
    try {
      await this.deps.db.transaction(async (tx) => {
        const row = await this.repo.update(tx, id, input.version, values, this.deps.clock.now());
        if (!row)
          throw stale((await this.repo.get({ departmentId: null }, id, tx))?.version ?? input.version);
        await this.deps.audit.append(tx, actor, {
          action: 'matter.update',
          target: id,
          detail: { code: values.code, version: row.version, changed },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(values.code);
      throw err;
    }
    return this.detail(p, id);
  }

  suspend(p: Principal, id: string, version: number | undefined, actor: Actor) {
    return this.setStatus(p, id, version, 'suspended', actor, { action: 'matter.suspend' });
  }

  activate(p: Principal, id: string, version: number | undefined, actor: Actor) {
    return this.setStatus(p, id, version, 'active', actor, { action: 'matter.activate' });
  }

  private async setStatus(
    p: Principal,
    id: string,
    version: number | undefined,
    to: 'active' | 'suspended',
    actor: Actor,
    event: { action: string },
  ) {
    const before = await this.editable(p, id);
    if (before.status === to)
      throw new AppError('CONFLICT', {}, [
        {
          path: 'status',
          message: to === 'suspended' ? 'od.matters.alreadySuspended' : 'od.matters.alreadyActive',
        },
      ]);
    if (version !== undefined && version !== before.version) throw stale(before.version);
    await this.deps.db.transaction(async (tx) => {
      const row = await this.repo.update(tx, id, before.version, { status: to }, this.deps.clock.now());
      if (!row) throw stale((await this.repo.get({ departmentId: null }, id, tx))?.version ?? before.version);
      await this.deps.audit.append(tx, actor, {
        ...event,
        target: id,
        detail: { code: before.code, version: row.version },
      });
    });
    return this.detail(p, id);
  }

  // ----- guides -----

  async guide(p: Principal, id: string): Promise<GuideRow | null> {
    return (await this.detail(p, id)).guide;
  }

  async saveGuide(p: Principal, id: string, input: GuideInput, actor: Actor): Promise<GuideRow> {
    const matter = await this.editable(p, id);
    const problems = guideInputProblems(input).map(fieldProblem);
    if (problems.length) throw invalid(problems);
    const { updatedAt: expected, ...values } = input;
    return this.deps.db.transaction(async (tx) => {
      const current = await this.repo.guideForUpdate(tx, id);
      if (expected && current && current.updatedAt.toISOString() !== new Date(expected).toISOString())
        throw new AppError('CONFLICT', {}, [{ path: 'updatedAt', message: 'od.matters.guideStale' }]);
      const changed = GUIDE_FIELDS.filter((k) => !current || !same(values[k], current[k]));
      const saved = await this.repo.saveGuide(tx, id, {
        ...values,
        updatedAt: this.deps.clock.now(),
        updatedBy: actor.actor,
      });
      await this.deps.audit.append(tx, actor, {
        action: 'guide.update',
        target: id,
        detail: { code: matter.code, changed },
      });
      return saved;
    });
  }

  // ----- guide inspection -----

  /**
   * Inspects every active matter's guide: one run and its findings in one transaction, audited,
   * and a notice to the approvers of each department with findings.
   */
  async inspectGuides(trigger: InspectionTrigger, actor: Actor) {
    const startedAt = this.deps.clock.now();
    const today = chinaDateOf(startedAt);
    return this.deps.db.transaction(async (tx) => {
      const rows = await this.repo.activeWithGuides(tx);
      const found: (GuideFinding & { matterId: string; departmentId: string })[] = [];
      for (const { matter, guide } of rows) {
        const g = guide ? { ...guide, updatedOn: chinaDateOf(guide.updatedAt) } : null;
        for (const f of inspectGuide(matter, g, today))
          found.push({ matterId: matter.id, departmentId: matter.departmentId, ...f });
      }
      const run = await this.inspections.insertRun(tx, {
        trigger,
        startedBy: trigger === 'manual' ? actor.actor : null,
        startedAt,
        finishedAt: this.deps.clock.now(),
        matterCount: rows.length,
        findingCount: found.length,
        departmentMatters: countBy(rows, ({ matter }) => matter.departmentId),
      });
      await this.inspections.insertFindings(
        tx,
        found.map((f) => ({ ...f, runId: run.id })),
      );
      const perDepartment = tallyByDepartment(found);
      let notified = 0;
      for (const [departmentId, t] of perDepartment)
        notified += await this.deps.notify.toRole(
          tx,
          'dept_case_approver',
          {
            kind: 'guides.inspection',
            title: `办事指南检查：本部门 ${t.matters.size} 个事项发现 ${t.error} 个问题、${t.warning} 个提醒`,
            body: `主要问题：${[...t.rules]
              .sort((a, b) => b[1] - a[1])
              .slice(0, 5)
              .map(([rule, n]) => `${label('guideRule', rule, 'zh-CN')} ${n} 处`)
              .join('；')}。请逐项修改办事指南或事项信息。`,
            link: `/guides/inspection?department=${departmentId}`,
          },
          departmentId,
        );
      const errors = found.filter((f) => f.severity === 'error').length;
      const summary = {
        run,
        errors,
        warnings: found.length - errors,
        departments: perDepartment.size,
        notified,
      };
      await this.deps.audit.append(tx, actor, {
        action: 'guides.inspect',
        target: run.id,
        detail: {
          trigger,
          matters: rows.length,
          findings: found.length,
          errors,
          departments: perDepartment.size,
          notified,
        },
      });
      return summary;
    });
  }

  runs(page: number, pageSize: number) {
    return this.inspections.runs(page, pageSize);
  }

  /** The latest run, and per department (a department role: their own) its matters and findings. */
  async latest(p: Principal) {
    const { departmentId } = matterReadScope(p);
    const run = await this.inspections.latestRun();
    // The run's own counts of inspected matters (runs from before they were kept: today's active ones).
    const kept = run?.run.departmentMatters ?? {};
    const atRun = Object.keys(kept).length
      ? Object.keys(kept).filter((id) => !departmentId || id === departmentId)
      : null;
    const active = atRun
      ? (await this.repo.departmentsOf(atRun)).map((department) => ({ department, n: kept[department.id]! }))
      : await this.repo.activeCounts(departmentId);
    const rows = new Map(
      active.map((a) => [
        a.department.id,
        {
          department: a.department,
          matters: a.n,
          mattersWithFindings: 0,
          findings: 0,
          bySeverity: { error: 0, warning: 0 },
          byRule: {} as Record<string, number>,
        },
      ]),
    );
    if (run) {
      const tally = await this.inspections.tally(run.run.id, departmentId);
      for (const d of tally.byDepartment) {
        const row = rows.get(d.departmentId) ?? {
          department: { id: d.departmentId, code: d.code, name: d.name },
          matters: 0,
          mattersWithFindings: 0,
          findings: 0,
          bySeverity: { error: 0, warning: 0 },
          byRule: {},
        };
        row.mattersWithFindings = d.matters;
        rows.set(d.departmentId, row);
      }
      for (const r of tally.byRule) {
        const row = rows.get(r.departmentId)!;
        row.findings += r.n;
        row.bySeverity[r.severity] += r.n;
        row.byRule[r.rule] = (row.byRule[r.rule] ?? 0) + r.n;
      }
    }
    const departments = [...rows.values()].sort(
      (a, b) => b.findings - a.findings || a.department.code.localeCompare(b.department.code),
    );
    return { run: run ?? null, departments };
  }

  /** A run's findings (a department role: their own department's); an unknown run, 404. */
  async findings(p: Principal, runId: string, f: FindingFilter, page: number, pageSize: number) {
    const run = await this.inspections.run(runId);
    if (!run) throw notFound();
    const { departmentId } = matterReadScope(p);
    return this.inspections.findings(runId, departmentId, f, GUIDE_RULE_CODES, page, pageSize);
  }

  async run(runId: string): Promise<RunWithCounts> {
    const run = await this.inspections.run(runId);
    if (!run) throw notFound();
    return run;
  }
}

/** How many items fall under each key. */
function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** Per department: the matters with findings, the count by severity and by rule. */
function tallyByDepartment(found: readonly (GuideFinding & { matterId: string; departmentId: string })[]) {
  const out = new Map<
    string,
    { matters: Set<string>; error: number; warning: number; rules: Map<string, number> }
  >();
  for (const f of found) {
    let t = out.get(f.departmentId);
    if (!t) out.set(f.departmentId, (t = { matters: new Set(), error: 0, warning: 0, rules: new Map() }));
    t.matters.add(f.matterId);
    t[f.severity] += 1;
    t.rules.set(f.rule, (t.rules.get(f.rule) ?? 0) + 1);
  }
  return out;
}
