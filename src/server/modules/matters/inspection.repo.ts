import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { departments } from '../org/org.tables.ts';
import { guideFindings, guideInspectionRuns, matters } from './matters.tables.ts';

export type RunRow = typeof guideInspectionRuns.$inferSelect;
export type FindingInsert = typeof guideFindings.$inferInsert;

export interface FindingFilter {
  departmentId?: string | undefined;
  rule?: string | undefined;
  severity?: 'error' | 'warning' | undefined;
}

/** A run with its findings counted by severity and the departments they concern. */
const runColumns = {
  run: guideInspectionRuns,
  errors: sql<number>`(select count(*) from ${guideFindings} f where f.run_id = "guide_inspection_runs"."id" and f.severity = 'error')::int`,
  warnings: sql<number>`(select count(*) from ${guideFindings} f where f.run_id = "guide_inspection_runs"."id" and f.severity = 'warning')::int`,
  departments: sql<number>`(select count(distinct f.department_id) from ${guideFindings} f where f.run_id = "guide_inspection_runs"."id")::int`,
};
export type RunWithCounts = { run: RunRow; errors: number; warnings: number; departments: number };

/** Guide inspection runs and their findings. */
export class InspectionRepo {
  constructor(private readonly db: Db) {}

  async insertRun(tx: DbOrTx, values: typeof guideInspectionRuns.$inferInsert) {
    const [row] = await tx.insert(guideInspectionRuns).values(values).returning();
    return row!;
  }

  async insertFindings(tx: DbOrTx, rows: FindingInsert[]) {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(guideFindings).values(rows.slice(i, i + 500));
  }

  async runs(page: number, pageSize: number): Promise<{ items: RunWithCounts[]; total: number }> {
    const items = await this.db
      .select(runColumns)
      .from(guideInspectionRuns)
      .orderBy(desc(guideInspectionRuns.startedAt), desc(guideInspectionRuns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(guideInspectionRuns);
    return { items, total: total?.n ?? 0 };
  }

  async run(id: string): Promise<RunWithCounts | undefined> {
    const [row] = await this.db
      .select(runColumns)
      .from(guideInspectionRuns)
      .where(eq(guideInspectionRuns.id, id));
    return row;
  }

  async latestRun(): Promise<RunWithCounts | undefined> {
    const [row] = await this.db
      .select(runColumns)
      .from(guideInspectionRuns)
      .where(sql`${guideInspectionRuns.finishedAt} is not null`)
      .orderBy(desc(guideInspectionRuns.startedAt), desc(guideInspectionRuns.id))
      .limit(1);
    return row;
  }

  /** A run's findings counted per department, rule and severity, with the matters they touch. */
  async tally(runId: string, departmentId: string | null) {
    const scope = and(
      eq(guideFindings.runId, runId),
      departmentId ? eq(guideFindings.departmentId, departmentId) : undefined,
    );
    const [byRule, byDepartment] = await Promise.all([
      this.db
        .select({
          departmentId: guideFindings.departmentId,
          rule: guideFindings.rule,
          severity: guideFindings.severity,
          n: count(),
        })
        .from(guideFindings)
        .where(scope)
        .groupBy(guideFindings.departmentId, guideFindings.rule, guideFindings.severity),
      this.db
        .select({
          departmentId: guideFindings.departmentId,
          code: departments.code,
          name: departments.name,
          matters: sql<number>`count(distinct ${guideFindings.matterId})::int`,
        })
        .from(guideFindings)
        .innerJoin(departments, eq(departments.id, guideFindings.departmentId))
        .where(scope)
        .groupBy(guideFindings.departmentId, departments.code, departments.name),
    ]);
    return { byRule, byDepartment };
  }

  private findingWhere(runId: string, scopeDepartmentId: string | null, f: FindingFilter): SQL | undefined {
    return and(
      eq(guideFindings.runId, runId),
      scopeDepartmentId ? eq(guideFindings.departmentId, scopeDepartmentId) : undefined,
      f.departmentId ? eq(guideFindings.departmentId, f.departmentId) : undefined,
      f.rule ? eq(guideFindings.rule, f.rule) : undefined,
      f.severity ? eq(guideFindings.severity, f.severity) : undefined,
    );
  }

  /** A run's findings with their matter and department, by department, matter code and rule order. */
  async findings(
    runId: string,
    scopeDepartmentId: string | null,
    f: FindingFilter,
    ruleOrder: readonly string[],
    page: number,
    pageSize: number,
  ) {
    const w = this.findingWhere(runId, scopeDepartmentId, f);
    // The rule codes are the domain's constants (never input): their order is the report's.
    const ruleRank = sql`array_position(${sql.raw(
      `array[${ruleOrder.map((r) => `'${r.replace(/'/g, "''")}'`).join(',')}]::text[]`,
    )}, ${guideFindings.rule})`;
    const items = await this.db
      .select({
        id: guideFindings.id,
        rule: guideFindings.rule,
        severity: guideFindings.severity,
        params: guideFindings.params,
        matter: { id: matters.id, code: matters.code, name: matters.name, type: matters.type },
        department: { id: departments.id, code: departments.code, name: departments.name },
      })
      .from(guideFindings)
      .innerJoin(matters, eq(matters.id, guideFindings.matterId))
      .innerJoin(departments, eq(departments.id, guideFindings.departmentId))
      .where(w)
      .orderBy(
        asc(departments.code),
        asc(matters.code),
        ruleRank,
        sql`(${guideFindings.params}->>'index')::int nulls first`,
        asc(guideFindings.id),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(guideFindings).where(w);
    return { items, total: total?.n ?? 0 };
  }
}
