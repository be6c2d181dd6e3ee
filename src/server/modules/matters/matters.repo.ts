import { and, asc, count, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { contains } from '../../db/patterns.ts';
import { departments } from '../org/org.tables.ts';
import { guides, matters } from './matters.tables.ts';

export type MatterRow = typeof matters.$inferSelect;
export type MatterInsert = typeof matters.$inferInsert;
export type GuideRow = typeof guides.$inferSelect;
export type GuideValues = Omit<typeof guides.$inferInsert, 'matterId'>;
export type MatterWithDepartment = MatterRow & { department: { id: string; code: string; name: string } };

export const MATTER_SORTS = [
  'name',
  '-name',
  'code',
  '-code',
  'department',
  '-department',
  'statutoryLimitDays',
  '-statutoryLimitDays',
  'committedLimitDays',
  '-committedLimitDays',
] as const;
export type MatterSort = (typeof MATTER_SORTS)[number];

export interface MatterFilter {
  q?: string | undefined;
  departmentId?: string | undefined;
  type?: MatterRow['type'] | undefined;
  internal?: boolean | undefined;
  status?: MatterRow['status'] | undefined;
  onTheSpot?: boolean | undefined;
}

/**
 * Which matters a query reaches: one department's (department roles), all, or what the public may
 * see (active matters that are not internal).
 */
export type MatterScope = { departmentId: string | null } | 'public';

const department = { id: departments.id, code: departments.code, name: departments.name };

/** Matters and their guides; scope applied in SQL. */
export class MattersRepo {
  constructor(private readonly db: Db) {}

  scopeWhere(scope: MatterScope): SQL | undefined {
    if (scope === 'public') return and(eq(matters.status, 'active'), ne(matters.type, 'internal'));
    return scope.departmentId ? eq(matters.departmentId, scope.departmentId) : undefined;
  }

  private where(scope: MatterScope, f: MatterFilter): SQL | undefined {
    return and(
      this.scopeWhere(scope),
      f.q ? or(contains(matters.name, f.q), contains(matters.code, f.q)) : undefined,
      f.departmentId ? eq(matters.departmentId, f.departmentId) : undefined,
      f.type ? eq(matters.type, f.type) : undefined,
      f.internal === undefined
        ? undefined
        : f.internal
          ? eq(matters.type, 'internal')
          : ne(matters.type, 'internal'),
      f.status ? eq(matters.status, f.status) : undefined,
      f.onTheSpot === undefined ? undefined : eq(matters.onTheSpot, f.onTheSpot),
    );
  }

  /** Matters counted by type under the list's filters (its type filter aside). */
  countByType(scope: MatterScope, f: Omit<MatterFilter, 'type'>) {
    return this.db
      .select({ type: matters.type, n: count() })
      .from(matters)
      .where(this.where(scope, f))
      .groupBy(matters.type);
  }

  async list(
    scope: MatterScope,
    f: MatterFilter,
    sort: MatterSort,
    page: number,
    pageSize: number,
  ): Promise<{ items: MatterWithDepartment[]; total: number }> {
    const w = this.where(scope, f);
    const order = {
      name: asc(matters.name),
      '-name': desc(matters.name),
      code: asc(matters.code),
      '-code': desc(matters.code),
      department: asc(departments.code),
      '-department': desc(departments.code),
      statutoryLimitDays: asc(matters.statutoryLimitDays),
      '-statutoryLimitDays': desc(matters.statutoryLimitDays),
      committedLimitDays: asc(matters.committedLimitDays),
      '-committedLimitDays': desc(matters.committedLimitDays),
    }[sort];
    const rows = await this.db
      .select({ matter: matters, department })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(w)
      .orderBy(order, asc(matters.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(matters).where(w);
    return { items: rows.map((r) => ({ ...r.matter, department: r.department })), total: total?.n ?? 0 };
  }

  async get(scope: MatterScope, id: string, tx: DbOrTx = this.db): Promise<MatterWithDepartment | undefined> {
    const [row] = await tx
      .select({ matter: matters, department })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(and(eq(matters.id, id), this.scopeWhere(scope)));
    return row ? { ...row.matter, department: row.department } : undefined;
  }

  async byCode(code: string, tx: DbOrTx = this.db) {
    const [row] = await tx.select({ id: matters.id }).from(matters).where(eq(matters.code, code));
    return row;
  }

  async insert(tx: DbOrTx, values: MatterInsert) {
    const [row] = await tx.insert(matters).values(values).returning({ id: matters.id });
    return row!;
  }

  /** Writes the next version if the row is still at `version`; undefined when someone was first. */
  async update(tx: DbOrTx, id: string, version: number, values: Partial<MatterInsert>, at: Date) {
    const [row] = await tx
      .update(matters)
      .set({ ...values, version: version + 1, updatedAt: at })
      .where(and(eq(matters.id, id), eq(matters.version, version)))
      .returning({ id: matters.id, version: matters.version });
    return row;
  }

  async guide(matterId: string, tx: DbOrTx = this.db): Promise<GuideRow | undefined> {
    const [row] = await tx.select().from(guides).where(eq(guides.matterId, matterId));
    return row;
  }

  /** The guide under a row lock, so that a guarded save cannot interleave with another. */
  async guideForUpdate(tx: DbOrTx, matterId: string): Promise<GuideRow | undefined> {
    const [row] = await tx.select().from(guides).where(eq(guides.matterId, matterId)).for('update');
    return row;
  }

  async saveGuide(tx: DbOrTx, matterId: string, values: GuideValues) {
    const [row] = await tx
      .insert(guides)
      .values({ matterId, ...values })
      .onConflictDoUpdate({ target: guides.matterId, set: values })
      .returning();
    return row!;
  }

  /** Every active matter with its guide (or none), as inspection reads them. */
  activeWithGuides(tx: DbOrTx = this.db) {
    return tx
      .select({ matter: matters, guide: guides })
      .from(matters)
      .leftJoin(guides, eq(guides.matterId, matters.id))
      .where(eq(matters.status, 'active'))
      .orderBy(asc(matters.code));
  }

  /** Departments by id (those a guide inspection run counted). */
  async departmentsOf(ids: readonly string[]) {
    if (ids.length === 0) return [];
    return this.db
      .select(department)
      .from(departments)
      .where(inArray(departments.id, [...ids]));
  }

  /** Active matters per department (one department, or all). */
  activeCounts(departmentId: string | null) {
    return this.db
      .select({ department, n: count() })
      .from(matters)
      .innerJoin(departments, eq(departments.id, matters.departmentId))
      .where(
        and(eq(matters.status, 'active'), departmentId ? eq(matters.departmentId, departmentId) : undefined),
      )
      .groupBy(departments.id, departments.code, departments.name);
  }
}
