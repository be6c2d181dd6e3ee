import { label } from '../../http/labels.ts';
import { addDays, chinaDateOf, type IsoDate } from '../../../domain/calendar.ts';
import type { FlagLevel, FlagType } from '../../../domain/case-flags.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { DEPARTMENT_CASE_ROLES } from '../../../domain/permissions.ts';
import { DEPARTMENT_ROLES } from '../org/org.service.ts';
import { caseFlagStore } from './flags.repo.ts';
import {
  NO_DEPARTMENT,
  SupervisionRepo,
  type CaseScope,
  type FlagFilter,
  type FlagSort,
  type FlagStatus,
  type Period,
} from './supervision.repo.ts';

/**
 * Who reaches which flags and evaluations: the bureau (cases.supervise) its region (the whole
 * district); a department's case officers and approvers (cases.rectify) their own department; an API
 * client its own scope. Anyone else reaches none.
 */
export function supervisionScope(p: Principal): CaseScope {
  if (p.kind === 'token') return { regionPrefix: p.regionCode, departmentId: p.departmentId };
  if (p.permissions.includes('cases.supervise')) return { regionPrefix: p.regionCode, departmentId: null };
  if (p.permissions.includes('cases.rectify'))
    return { regionPrefix: null, departmentId: p.departmentId ?? NO_DEPARTMENT };
  throw forbidden();
}

/**
 * Which cases a reader of figures reaches: department roles their department (wherever its cases are
 * handled), everyone else their region subtree.
 */
export function readScope(p: Principal): CaseScope {
  if (p.kind === 'token') return { regionPrefix: p.regionCode, departmentId: p.departmentId };
  const departmentOnly = p.roles.length > 0 && p.roles.every((r) => DEPARTMENT_ROLES.includes(r));
  return departmentOnly
    ? { regionPrefix: null, departmentId: p.departmentId ?? NO_DEPARTMENT }
    : { regionPrefix: p.regionCode, departmentId: null };
}

export interface PeriodQuery {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

/** A period of China dates, both included; by default the last 12 months up to today. */
export function periodOf(q: PeriodQuery, today: IsoDate): { from: IsoDate; to: IsoDate; period: Period } {
  const to = q.to ?? today;
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  // The same day a year before (29 February → 28 February), then the day after it.
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
  const from = q.from ?? addDays(yearBefore, 1);
  if (from > to) throw invalid([{ path: 'from', message: 'od.cases.period.order' }]);
  return {
    from,
    to,
    period: { from: new Date(`${from}T00:00:00+08:00`), until: new Date(`${addDays(to, 1)}T00:00:00+08:00`) },
  };
}

/** A refused flag transition: 409 with the reason, named after the flag's current status. */
function refusal(step: 'rectify' | 'review', status: FlagStatus | undefined): AppError {
  if (!status) return notFound();
  return new AppError('CONFLICT', { status }, [
    { path: 'status', message: `od.cases.supervision.${step}.${status}`, params: { status } },
  ]);
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);

export const RANKING_KEYS = [
  'cases',
  'completed',
  'onTimeRate',
  'overdue',
  'abnormal',
  'rectificationOnTimeRate',
  'averageGrade',
  'poorEvaluations',
  'returnVisitRate',
] as const;
export type RankingKey = (typeof RANKING_KEYS)[number];
export const RANKING_SORTS = RANKING_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type RankingSort = RankingKey | `-${RankingKey}`;

export type RankingRow = Awaited<ReturnType<SupervisionService['ranking']>>['items'][number];

/**
 * Supervision of overdue and abnormal cases (超期 / 异常): the flags the case engine raised, their
 * rectification (整改: the department explains or corrects, the bureau accepts or sends it back) and
 * the department ranking.
 */
export class SupervisionService {
  readonly repo: SupervisionRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new SupervisionRepo(deps.db);
  }

  today(): IsoDate {
    return chinaDateOf(this.deps.clock.now());
  }

  /** Working days a department has to rectify a flag of this type. */
  rectifyDays(type: FlagType): number {
    return type === 'poor_evaluation'
      ? this.deps.config.POOR_EVALUATION_RECTIFY_DAYS
      : this.deps.config.RECTIFY_DAYS;
  }

  listFlags(p: Principal, f: FlagFilter, sort: FlagSort, page: number, pageSize: number) {
    return this.repo.list(supervisionScope(p), f, sort, page, pageSize, this.today());
  }

  /**
   * The figures above the flag list (the bureau, or one department): open flags by type and by level,
   * and the open, explained (awaiting review), rectification-overdue and open-alarm counts.
   */
  async flagSummary(p: Principal, departmentId: string | undefined) {
    const rows = await this.repo.tallies(supervisionScope(p), departmentId, this.today());
    const openByType: Partial<Record<FlagType, number>> = {};
    const openByLevel: Record<FlagLevel, number> = { notice: 0, warning: 0, alarm: 0 };
    const out = { open: 0, explained: 0, rectificationOverdue: 0 };
    for (const r of rows) {
      if (r.rectificationOverdue) out.rectificationOverdue += r.n;
      if (r.status === 'explained') out.explained += r.n;
      if (r.status !== 'open') continue;
      out.open += r.n;
      openByType[r.type] = (openByType[r.type] ?? 0) + r.n;
      openByLevel[r.level] += r.n;
    }
    return { ...out, alarm: openByLevel.alarm, openByType, openByLevel };
  }

  /** A flag with its case, everything that happened to it, and the evaluation behind a poor grade. */
  async flag(p: Principal, id: string) {
    const row = await this.repo.get(supervisionScope(p), id, this.today());
    if (!row) throw notFound();
    const [actions, evaluations] = await Promise.all([this.repo.actions(id), this.repo.evaluationsOf(id)]);
    return { ...row, actions, evaluations };
  }

  /** The department explains (the case was right) or corrects it: open → explained; the bureau is told. */
  async rectify(
    p: Principal,
    id: string,
    input: { kind: 'explain' | 'correct'; note: string },
    actor: Actor,
  ) {
    if (!p.permissions.includes('cases.rectify')) throw forbidden();
    const scope: CaseScope = { regionPrefix: null, departmentId: p.departmentId ?? NO_DEPARTMENT };
    const row = await this.repo.get(scope, id, this.today());
    if (!row) throw notFound();
    const now = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      if (!(await this.repo.move(tx, id, 'open', { status: 'explained', at: now })))
        throw refusal('rectify', await this.repo.status(tx, id));
      await this.repo.addAction(tx, {
        flagId: id,
        action: 'explained',
        kind: input.kind,
        note: input.note,
        actorName: actor.actor,
        at: now,
      });
      const what = label('caseFlagType', row.flag.type, 'zh-CN');
      await this.deps.notify.toRole(tx, 'bureau_admin', {
        kind: 'cases.flag.explained',
        title: `整改待审核：${row.case.caseNo}（${what}）`,
        body: `${row.departmentName}提交了${label('rectifyKind', String(input.kind), 'zh-CN')}：${input.note}`,
        robotBody: `${row.departmentName}提交了${label('rectifyKind', String(input.kind), 'zh-CN')}，请在平台中审核。`,
        link: `/supervision/flags/${id}`,
      });
      await this.deps.audit.append(tx, actor, {
        action: 'case.flag.rectify',
        target: id,
        detail: { caseId: row.case.id, caseNo: row.case.caseNo, type: row.flag.type, kind: input.kind },
      });
    });
    return this.flag(p, id);
  }

  /**
   * The bureau reviews a rectification: accept closes the flag; reject sends it back (open) with a
   * new deadline in working days and tells the department's case officers and approvers.
   */
  async review(
    p: Principal,
    id: string,
    input: { decision: 'accept' | 'reject'; note?: string | undefined },
    actor: Actor,
  ) {
    const row = await this.repo.get(supervisionScope(p), id, this.today());
    if (!row) throw notFound();
    const now = this.deps.clock.now();
    const note = input.note ?? '';
    const accept = input.decision === 'accept';
    // Fails closed (CALENDAR_YEAR_MISSING) when the deadline falls in a year without a schedule.
    const dueOn = accept
      ? null
      : await this.deps.calendar.addWorkdays(this.today(), this.rectifyDays(row.flag.type));
    await this.deps.db.transaction(async (tx) => {
      const moved = accept
        ? await this.repo.move(tx, id, 'explained', { status: 'closed', at: now, closedAt: now })
        : await this.repo.move(tx, id, 'explained', { status: 'open', at: now, dueOn });
      if (!moved) throw refusal('review', await this.repo.status(tx, id));
      await this.repo.addAction(tx, {
        flagId: id,
        action: accept ? 'accepted' : 'rejected',
        note,
        actorName: actor.actor,
        at: now,
      });
      if (accept) await caseFlagStore.recount(tx, row.case.id);
      else {
        const notice = {
          kind: 'cases.flag.rejected',
          title: `整改被退回：${row.case.caseNo}（${label('caseFlagType', row.flag.type, 'zh-CN')}）`,
          body: `请于 ${dueOn} 前重新整改。审核意见：${note}`,
          robotBody: `请于 ${dueOn} 前重新整改，审核意见见平台。`,
          link: `/supervision/flags/${id}`,
        };
        await this.deps.notify.toRoles(tx, DEPARTMENT_CASE_ROLES, notice, row.flag.departmentId);
      }
      await this.deps.audit.append(tx, actor, {
        action: 'case.flag.review',
        target: id,
        detail: {
          caseId: row.case.id,
          caseNo: row.case.caseNo,
          type: row.flag.type,
          decision: input.decision,
          dueOn,
        },
      });
    });
    return this.flag(p, id);
  }

  /**
   * Per department over a period: cases submitted, completed, on-time rate (completed by the
   * committed due date), overdue cases (past the committed due date when stopped, or now if open),
   * abnormal flags by level, rectification on-time rate, evaluations (average grade, poor ones,
   * return-visit rate of real-name poor ones). The bureau and leaders see every department; other
   * readers the same figures within their scope (a department its own row, a street its cases).
   */
  async ranking(p: Principal, q: PeriodQuery, sort: RankingSort = '-onTimeRate') {
    const scope = p.permissions.includes('cases.supervise')
      ? { regionPrefix: p.regionCode, departmentId: null }
      : readScope(p);
    const today = this.today();
    const { from, to, period } = periodOf(q, today);
    const [caseRows, flagRows, evalRows] = await Promise.all([
      this.repo.caseFigures(scope, period, today),
      this.repo.flagFigures(scope, period, today),
      this.repo.evaluationFigures(scope, period),
    ]);
    const byDept = <T extends { departmentId: string }>(rows: T[]) =>
      new Map(rows.map((r) => [r.departmentId, r]));
    const c = byDept(caseRows);
    const f = byDept(flagRows);
    const e = byDept(evalRows);
    // A department always sees its own row, figures or not.
    const named = [
      ...c.keys(),
      ...f.keys(),
      ...e.keys(),
      ...(scope.departmentId ? [scope.departmentId] : []),
    ];
    const departments = await this.repo.departments(scope, named);
    const items = departments.map((d) => {
      const cs = c.get(d.id) ?? { cases: 0, completed: 0, onTime: 0, overdue: 0 };
      const fs = f.get(d.id) ?? { notice: 0, warning: 0, alarm: 0, rectificationsDue: 0, rectifiedOnTime: 0 };
      const es = e.get(d.id) ?? { evaluations: 0, gradeSum: 0, poor: 0, realNamePoor: 0, returnVisited: 0 };
      return {
        department: d,
        cases: cs.cases,
        completed: cs.completed,
        onTime: cs.onTime,
        onTimeRate: ratio(cs.onTime, cs.completed),
        overdue: cs.overdue,
        abnormal: fs.notice + fs.warning + fs.alarm,
        abnormalByLevel: { notice: fs.notice, warning: fs.warning, alarm: fs.alarm },
        rectificationsDue: fs.rectificationsDue,
        rectifiedOnTime: fs.rectifiedOnTime,
        rectificationOnTimeRate: ratio(fs.rectifiedOnTime, fs.rectificationsDue),
        evaluations: es.evaluations,
        averageGrade: ratio(es.gradeSum, es.evaluations),
        poorEvaluations: es.poor,
        realNamePoor: es.realNamePoor,
        returnVisited: es.returnVisited,
        returnVisitRate: ratio(es.returnVisited, es.realNamePoor),
      };
    });
    const key = sort.replace('-', '') as RankingKey;
    const sign = sort.startsWith('-') ? -1 : 1;
    items.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      if (x === null || y === null)
        return x === y ? a.department.code.localeCompare(b.department.code) : x === null ? 1 : -1;
      return (x - y) * sign || a.department.code.localeCompare(b.department.code);
    });
    return { from, to, items };
  }
}
