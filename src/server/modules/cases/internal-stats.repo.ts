import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments } from '../org/org.tables.ts';
import { cases } from './cases.tables.ts';
import { scopeWhere, type CaseScope, type Period } from './supervision.repo.ts';

/** 网办深度 at which a matter counts as available online (3 = 一次不用跑 online handling, 4 = 全程网办). */
export const ONLINE_DEPTH = 3;
/** Channels that are online: a case is handled fully online when it came through one with no visit. */
export const ONLINE_CHANNELS = ['online', 'mobile'] as const;

const department = { id: departments.id, code: departments.code, name: departments.name };

/** Figures of 机关内部最多跑一次: internal matters and the internal cases handled on them. */
export class InternalStatsRepo {
  constructor(private readonly db: Db) {}

  /** Active internal matters per department, and those available online. */
  matterFigures(scope: CaseScope) {
    return this.db
      .select({
        department,
        matters: count(),
        online: sql<number>`count(*) filter (where ${matters.onlineDepth} >= ${ONLINE_DEPTH})`.mapWith(
          Number,
        ),
      })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(and(eq(matters.type, 'internal'), eq(matters.status, 'active'), scopeWhere(matters, scope)))
      .groupBy(departments.id, departments.code, departments.name);
  }

  /**
   * Internal cases submitted in the period per handling department: how many, how many fully online
   * (an online channel and no visit), visits, and the counted working days from acceptance to
   * completion of the completed ones (the clock projection: pauses excluded).
   */
  caseFigures(scope: CaseScope, p: Period) {
    const channels = sql.join(
      ONLINE_CHANNELS.map((c) => sql`${c}`),
      sql`, `,
    );
    const done = sql`${cases.completedAt} is not null and ${cases.acceptedAt} is not null`;
    return this.db
      .select({
        department,
        cases: count(),
        online:
          sql<number>`count(*) filter (where ${cases.channel} in (${channels}) and ${cases.visits} = 0)`.mapWith(
            Number,
          ),
        visits: sql<number>`coalesce(sum(${cases.visits}), 0)`.mapWith(Number),
        completed: sql<number>`count(*) filter (where ${done})`.mapWith(Number),
        days: sql<number>`coalesce(sum(${cases.usedDays}) filter (where ${done}), 0)`.mapWith(Number),
      })
      .from(cases)
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .where(
        and(
          eq(cases.internal, true),
          scopeWhere(cases, scope),
          sql`${cases.submittedAt} >= ${p.from} and ${cases.submittedAt} < ${p.until}`,
        ),
      )
      .groupBy(departments.id, departments.code, departments.name);
  }
}
