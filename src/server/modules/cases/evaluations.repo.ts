import { and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../domain/calendar.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { contains } from '../../db/patterns.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments } from '../org/org.tables.ts';
import { caseEvaluations, caseFlags, cases } from './cases.tables.ts';
import { scopeWhere, type CaseScope, type Period } from './supervision.repo.ts';

export const EVALUATION_STAGES = ['accepted', 'completed'] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];
/** Grades at or below this are poor (差评: 不满意, 非常不满意). */
export const POOR_GRADE = 2;

export const EVALUATION_SORTS = ['at', '-at', 'grade', '-grade'] as const;
export type EvaluationSort = (typeof EVALUATION_SORTS)[number];

export interface EvaluationFilter {
  grade?: number | undefined;
  poor?: boolean | undefined;
  realName?: boolean | undefined;
  /** pending: a real-name poor evaluation without its return visit; done: visited. */
  returnVisit?: 'pending' | 'done' | undefined;
  stage?: EvaluationStage | undefined;
  departmentId?: string | undefined;
  caseNo?: string | undefined;
  /** China dates, both included. */
  from?: string | undefined;
  to?: string | undefined;
  id?: string | undefined;
}

/** The instant a China date (UTC+8, no daylight saving) begins. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

const poor = lte(caseEvaluations.grade, POOR_GRADE);
const visitPending = and(poor, eq(caseEvaluations.realName, true), isNull(caseEvaluations.returnVisitAt))!;

export type EvaluationListRow = Awaited<ReturnType<EvaluationsRepo['list']>>['items'][number];

/** 好差评: evaluations of cases by their applicants, and the return visits after poor ones. */
export class EvaluationsRepo {
  constructor(private readonly db: Db) {}

  /** The case an applicant names by its number, with what an evaluation needs to know of it. */
  async caseByNo(caseNo: string) {
    const [row] = await this.db
      .select({
        id: cases.id,
        caseNo: cases.caseNo,
        departmentId: cases.departmentId,
        regionCode: cases.regionCode,
        queryPasswordHash: cases.queryPasswordHash,
        acceptedAt: cases.acceptedAt,
        completedAt: cases.completedAt,
        matterName: matters.name,
      })
      .from(cases)
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .where(eq(cases.caseNo, caseNo));
    return row;
  }

  /** Inserts an evaluation unless the stage has one already (then undefined). */
  async insert(tx: DbOrTx, row: typeof caseEvaluations.$inferInsert) {
    const [out] = await tx.insert(caseEvaluations).values(row).onConflictDoNothing().returning();
    return out;
  }

  async setFlag(tx: DbOrTx, id: string, flagId: string) {
    await tx.update(caseEvaluations).set({ flagId }).where(eq(caseEvaluations.id, id));
  }

  private where(scope: CaseScope, f: EvaluationFilter): SQL | undefined {
    return and(
      scopeWhere(cases, scope),
      f.id ? eq(caseEvaluations.id, f.id) : undefined,
      f.grade !== undefined ? eq(caseEvaluations.grade, f.grade) : undefined,
      f.poor === undefined ? undefined : f.poor ? poor : gt(caseEvaluations.grade, POOR_GRADE),
      f.realName === undefined ? undefined : eq(caseEvaluations.realName, f.realName),
      f.returnVisit === 'pending'
        ? visitPending
        : f.returnVisit === 'done'
          ? isNotNull(caseEvaluations.returnVisitAt)
          : undefined,
      f.stage ? eq(caseEvaluations.stage, f.stage) : undefined,
      f.departmentId ? eq(cases.departmentId, f.departmentId) : undefined,
      f.caseNo ? contains(cases.caseNo, f.caseNo) : undefined,
      f.from ? gte(caseEvaluations.at, chinaMidnight(f.from)) : undefined,
      f.to ? lt(caseEvaluations.at, chinaMidnight(addDays(f.to, 1))) : undefined,
    );
  }

  async list(
    scope: CaseScope,
    f: EvaluationFilter,
    sort: EvaluationSort,
    page: number,
    pageSize: number,
    tx: DbOrTx = this.db,
  ) {
    const w = this.where(scope, f);
    const by = sort.startsWith('-') ? desc : asc;
    const key = sort.startsWith('-') ? sort.slice(1) : sort;
    const items = await tx
      .select({
        evaluation: caseEvaluations,
        returnVisitPending: sql<boolean>`coalesce(${visitPending}, false)`.mapWith(Boolean),
        case: {
          id: cases.id,
          caseNo: cases.caseNo,
          matterName: matters.name,
          applicantType: cases.applicantType,
          applicantName: cases.applicantName,
          departmentId: cases.departmentId,
        },
        departmentName: departments.name,
        flag: { status: caseFlags.status, dueOn: caseFlags.dueOn },
      })
      .from(caseEvaluations)
      .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .leftJoin(caseFlags, eq(caseFlags.id, caseEvaluations.flagId))
      .where(w)
      .orderBy(
        by(key === 'grade' ? caseEvaluations.grade : caseEvaluations.at),
        desc(caseEvaluations.at),
        asc(caseEvaluations.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await tx
      .select({ n: count() })
      .from(caseEvaluations)
      .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
      .where(w);
    return { items, total: total?.n ?? 0 };
  }

  async get(scope: CaseScope, id: string, tx: DbOrTx = this.db) {
    const { items } = await this.list(scope, { id }, '-at', 1, 1, tx);
    return items[0];
  }

  /** Records the return visit unless one is recorded already (a guarded update); returns whether it did. */
  async recordReturnVisit(tx: DbOrTx, id: string, v: { at: Date; by: string; note: string }) {
    const rows = await tx
      .update(caseEvaluations)
      .set({ returnVisitAt: v.at, returnVisitBy: v.by, returnVisitNote: v.note })
      .where(and(eq(caseEvaluations.id, id), isNull(caseEvaluations.returnVisitAt)))
      .returning({ id: caseEvaluations.id });
    return rows.length > 0;
  }

  /** Evaluations given in the period: counts per grade, real-name poor ones and those visited. */
  async summary(scope: CaseScope, p: Period) {
    const where = and(
      scopeWhere(cases, scope),
      sql`${caseEvaluations.at} >= ${p.from} and ${caseEvaluations.at} < ${p.until}`,
    );
    const [grades, [visits]] = await Promise.all([
      this.db
        .select({ grade: caseEvaluations.grade, n: count() })
        .from(caseEvaluations)
        .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
        .where(where)
        .groupBy(caseEvaluations.grade),
      this.db
        .select({
          realNamePoor:
            sql<number>`count(*) filter (where ${and(poor, eq(caseEvaluations.realName, true))})`.mapWith(
              Number,
            ),
          returnVisited: sql<number>`count(*) filter (where ${and(
            poor,
            eq(caseEvaluations.realName, true),
            isNotNull(caseEvaluations.returnVisitAt),
          )})`.mapWith(Number),
        })
        .from(caseEvaluations)
        .innerJoin(cases, eq(cases.id, caseEvaluations.caseId))
        .where(where),
    ]);
    return { grades, realNamePoor: visits?.realNamePoor ?? 0, returnVisited: visits?.returnVisited ?? 0 };
  }
}
