import { and, asc, count, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../domain/calendar.ts';
import type { FlagLevel, FlagType } from '../../../domain/case-flags.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { contains, startsWith } from '../../db/patterns.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments, users } from '../org/org.tables.ts';
import {
  caseEvaluations,
  caseFlagActions,
  caseFlags,
  cases,
  FLAG_STATUSES,
  FLAG_ACTIONS,
} from './cases.tables.ts';

export type FlagStatus = (typeof FLAG_STATUSES)[number];
export type FlagAction = (typeof FLAG_ACTIONS)[number];

/**
 * Which cases (and their flags and evaluations) a caller reaches: a region subtree (division-code
 * prefix) and/or one department. Applied in SQL by every query here.
 */
export interface CaseScope {
  regionPrefix: string | null;
  departmentId: string | null;
}

/** A department id no row has: the scope of a department role without a department (reaches nothing). */
export const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

export function scopeWhere(t: { regionCode: AnyColumn; departmentId: AnyColumn }, s: CaseScope): SQL {
  return (
    and(
      s.regionPrefix ? startsWith(t.regionCode, s.regionPrefix) : undefined,
      s.departmentId ? eq(t.departmentId, s.departmentId) : undefined,
    ) ?? sql`true`
  );
}

/** A China date in SQL, from a timestamptz (China has one fixed offset, no daylight saving). */
export const chinaDay = (col: AnyColumn | SQL) =>
  sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;

export const FLAG_SORTS = ['detectedAt', '-detectedAt', 'level', '-level', 'dueOn', '-dueOn'] as const;
export type FlagSort = (typeof FLAG_SORTS)[number];

export interface FlagFilter {
  type?: FlagType | undefined;
  level?: FlagLevel | undefined;
  status?: FlagStatus | undefined;
  departmentId?: string | undefined;
  /** Open (not rectified) with its rectification deadline passed. */
  rectificationOverdue?: boolean | undefined;
  caseNo?: string | undefined;
  id?: string | undefined;
}

const levelRank = sql`case ${caseFlags.level} when 'alarm' then 3 when 'warning' then 2 else 1 end`;

/** The department has not rectified and the deadline has passed (today is the China date of now). */
const rectificationOverdue = (today: IsoDate) =>
  sql<boolean>`(${caseFlags.status} = 'open' and ${caseFlags.dueOn} is not null and ${caseFlags.dueOn} < ${today}::date)`;

/** A period as instants: [from 00:00, to + 1 day 00:00) China time. */
export interface Period {
  from: Date;
  until: Date;
}

const inPeriod = (col: AnyColumn, p: Period) => sql`${col} >= ${p.from} and ${col} < ${p.until}`;

export type FlagListRow = Awaited<ReturnType<SupervisionRepo['list']>>['items'][number];

/** Case flags as the bureau supervises them and departments rectify them; the department ranking. */
export class SupervisionRepo {
  constructor(private readonly db: Db) {}

  private where(scope: CaseScope, f: FlagFilter, today: IsoDate): SQL | undefined {
    return and(
      scopeWhere(caseFlags, scope),
      f.id ? eq(caseFlags.id, f.id) : undefined,
      f.type ? eq(caseFlags.type, f.type) : undefined,
      f.level ? eq(caseFlags.level, f.level) : undefined,
      f.status ? eq(caseFlags.status, f.status) : undefined,
      f.departmentId ? eq(caseFlags.departmentId, f.departmentId) : undefined,
      f.rectificationOverdue === undefined
        ? undefined
        : f.rectificationOverdue
          ? rectificationOverdue(today)
          : sql`not ${rectificationOverdue(today)}`,
      f.caseNo ? contains(cases.caseNo, f.caseNo) : undefined,
    );
  }

  private base(today: IsoDate, tx: DbOrTx = this.db) {
    return tx
      .select({
        flag: caseFlags,
        rectificationOverdue: rectificationOverdue(today).mapWith(Boolean),
        departmentName: departments.name,
        case: {
          id: cases.id,
          caseNo: cases.caseNo,
          matterId: cases.matterId,
          matterCode: cases.matterCode,
          matterName: matters.name,
          regionCode: cases.regionCode,
          channel: cases.channel,
          status: cases.status,
          result: cases.result,
          submittedAt: cases.submittedAt,
          acceptedAt: cases.acceptedAt,
          completedAt: cases.completedAt,
          committedDue: cases.committedDue,
          statutoryDue: cases.statutoryDue,
          openFlags: cases.openFlags,
        },
      })
      .from(caseFlags)
      .innerJoin(cases, eq(cases.id, caseFlags.caseId))
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .innerJoin(departments, eq(departments.id, caseFlags.departmentId));
  }

  async list(
    scope: CaseScope,
    f: FlagFilter,
    sort: FlagSort,
    page: number,
    pageSize: number,
    today: IsoDate,
    tx: DbOrTx = this.db,
  ) {
    const w = this.where(scope, f, today);
    const by = sort.startsWith('-') ? desc : asc;
    const key = sort.replace('-', '') as 'detectedAt' | 'level' | 'dueOn';
    const order =
      key === 'level'
        ? [by(levelRank), desc(caseFlags.detectedAt)]
        : key === 'dueOn'
          ? [sql`${caseFlags.dueOn} ${sort.startsWith('-') ? sql`desc` : sql`asc`} nulls last`]
          : [by(caseFlags.detectedAt)];
    const items = await this.base(today, tx)
      .where(w)
      .orderBy(...order, asc(caseFlags.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx
      .select({ n: count() })
      .from(caseFlags)
      .innerJoin(cases, eq(cases.id, caseFlags.caseId))
      .where(w);
    return { items, total: total?.n ?? 0 };
  }

  /** Flags counted by type, level and status, and whether their rectification is overdue: one pass. */
  async tallies(scope: CaseScope, departmentId: string | undefined, today: IsoDate) {
    const overdue = rectificationOverdue(today);
    return (
      this.db
        .select({
          type: caseFlags.type,
          level: caseFlags.level,
          status: caseFlags.status,
          rectificationOverdue: overdue.mapWith(Boolean),
          n: count(),
        })
        .from(caseFlags)
        .where(this.where(scope, { departmentId }, today))
        // By position: the overdue expression carries a bound date, which a repeated expression would not match.
        .groupBy(sql`1, 2, 3, 4`)
    );
  }

  async get(scope: CaseScope, id: string, today: IsoDate, tx: DbOrTx = this.db) {
    const { items } = await this.list(scope, { id }, '-detectedAt', 1, 1, today, tx);
    return items[0];
  }

  /**
   * What happened to a flag, in order (raised, explained, accepted or rejected, …), each step with the
   * display name of the staff member who took it (none for the applicant and the platform).
   */
  async actions(flagId: string) {
    const rows = await this.db
      .select({ a: caseFlagActions, actorDisplayName: users.displayName })
      .from(caseFlagActions)
      .leftJoin(users, eq(users.username, caseFlagActions.actorName))
      .where(eq(caseFlagActions.flagId, flagId))
      .orderBy(
        asc(caseFlagActions.at),
        asc(
          sql`case ${caseFlagActions.action} when 'raised' then 0 when 'explained' then 1 when 'reopened' then 1 else 2 end`,
        ),
      );
    return rows.map((r) => ({ ...r.a, actorDisplayName: r.actorDisplayName }));
  }

  /** The evaluations that raised a poor-evaluation flag. */
  evaluationsOf(flagId: string) {
    return this.db
      .select()
      .from(caseEvaluations)
      .where(eq(caseEvaluations.flagId, flagId))
      .orderBy(asc(caseEvaluations.at));
  }

  /**
   * Moves a flag from one status to another, only if it is still in `from` (a guarded update: of two
   * concurrent reviewers, one wins). Returns whether it moved.
   */
  async move(
    tx: DbOrTx,
    id: string,
    from: FlagStatus,
    set: { status: FlagStatus; at: Date; dueOn?: string | null; closedAt?: Date | null },
  ): Promise<boolean> {
    const rows = await tx
      .update(caseFlags)
      .set({
        status: set.status,
        updatedAt: set.at,
        ...(set.dueOn !== undefined ? { dueOn: set.dueOn } : {}),
        ...(set.closedAt !== undefined ? { closedAt: set.closedAt } : {}),
      })
      .where(and(eq(caseFlags.id, id), eq(caseFlags.status, from)))
      .returning({ id: caseFlags.id });
    return rows.length > 0;
  }

  async status(tx: DbOrTx, id: string): Promise<FlagStatus | undefined> {
    const [row] = await tx.select({ status: caseFlags.status }).from(caseFlags).where(eq(caseFlags.id, id));
    return row?.status;
  }

  async addAction(
    tx: DbOrTx,
    a: {
      flagId: string;
      action: FlagAction;
      kind?: string | null;
      note: string;
      actorName: string;
      at: Date;
    },
  ) {
    await tx.insert(caseFlagActions).values({ ...a, kind: a.kind ?? null });
  }

  // -------------------------------------------------------------------------------------------
  // The department ranking: one aggregate per source, grouped by department.

  /** Cases submitted in the period: completed, on time (by the committed limit), overdue. */
  async caseFigures(scope: CaseScope, p: Period, today: IsoDate) {
    const stoppedOn = sql`(${cases.clockInputs}->>'stoppedOn')::date`;
    return this.db
      .select({
        departmentId: cases.departmentId,
        cases: count(),
        completed: sql<number>`count(*) filter (where ${cases.completedAt} is not null)`.mapWith(Number),
        onTime: sql<number>`count(*) filter (where ${cases.completedAt} is not null
            and ${cases.committedDue} is not null and ${chinaDay(cases.completedAt)} <= ${cases.committedDue})`.mapWith(
          Number,
        ),
        overdue: sql<number>`count(*) filter (where ${cases.committedDue} is not null
            and coalesce(${stoppedOn}, ${today}::date) > ${cases.committedDue})`.mapWith(Number),
      })
      .from(cases)
      .where(and(scopeWhere(cases, scope), inPeriod(cases.submittedAt, p)))
      .groupBy(cases.departmentId);
  }

  /**
   * Flags detected in the period: abnormal ones (not overdue, not poor evaluations, not cleared) by
   * level; rectifications that were due (explained or closed, or past their deadline) and those the
   * department explained on or before the deadline in force.
   */
  async flagFigures(scope: CaseScope, p: Period, today: IsoDate) {
    const abnormal = sql`${caseFlags.type} not in ('overdue_committed', 'overdue_statutory', 'poor_evaluation')
        and ${caseFlags.status} <> 'cleared'`;
    const rectified = sql`${caseFlags.status} in ('explained', 'closed')`;
    const lastExplained = sql`(select max(${chinaDay(caseFlagActions.at)}) from ${caseFlagActions}
        where ${caseFlagActions.flagId} = ${caseFlags.id} and ${caseFlagActions.action} = 'explained')`;
    const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
    return this.db
      .select({
        departmentId: caseFlags.departmentId,
        notice: n(sql`${abnormal} and ${caseFlags.level} = 'notice'`),
        warning: n(sql`${abnormal} and ${caseFlags.level} = 'warning'`),
        alarm: n(sql`${abnormal} and ${caseFlags.level} = 'alarm'`),
        rectificationsDue: n(
          sql`${caseFlags.dueOn} is not null and ${caseFlags.status} <> 'cleared'
              and (${rectified} or ${caseFlags.dueOn} < ${today}::date)`,
        ),
        rectifiedOnTime: n(
          sql`${caseFlags.dueOn} is not null and ${rectified} and ${lastExplained} <= ${caseFlags.dueOn}`,
        ),
      })
      .from(caseFlags)
      .where(and(scopeWhere(caseFlags, scope), inPeriod(caseFlags.detectedAt, p)))
      .groupBy(caseFlags.departmentId);
  }

  /** Evaluations given in the period: count, grade sum, poor ones, real-name poor ones and their visits. */
  async evaluationFigures(scope: CaseScope, p: Period) {
    const poor = sql`${caseEvaluations.grade} <= 2`;
    const n = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
    return this.db
      .select({
        departmentId: cases.departmentId,
        evaluations: count(),
        gradeSum: sql<number>`coalesce(sum(${caseEvaluations.grade}), 0)`.mapWith(Number),
        poor: n(poor),
        realNamePoor: n(sql`${poor} and ${caseEvaluations.realName}`),
        returnVisited: n(
          sql`${poor} and ${caseEvaluations.realName} and ${caseEvaluations.returnVisitAt} is not null`,
        ),
      })
      .from(caseEvaluations)
      .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
      .where(and(scopeWhere(cases, scope), inPeriod(caseEvaluations.at, p)))
      .groupBy(cases.departmentId);
  }

  /** Departments that offer matters in the scope, plus any others named (those with figures). */
  async departments(scope: CaseScope, also: string[]) {
    const offering = this.db
      .selectDistinct({ id: matters.departmentId })
      .from(matters)
      .where(scopeWhere(matters, scope));
    const ids = [...new Set([...(await offering).map((r) => r.id), ...also])];
    if (ids.length === 0) return [];
    return this.db
      .select({ id: departments.id, code: departments.code, name: departments.name })
      .from(departments)
      .where(inArray(departments.id, ids))
      .orderBy(asc(departments.code));
  }
}
