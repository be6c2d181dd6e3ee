import { and, asc, count, desc, eq, or, type SQL } from 'drizzle-orm';
import { contains } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { departments } from './org.tables.ts';

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentKind = DepartmentRow['kind'];
export type DepartmentSort = 'name' | '-name' | 'code' | '-code';

export interface DepartmentFilter {
  q?: string | undefined;
  kind?: DepartmentKind | undefined;
}

export class DepartmentsRepo {
  constructor(private readonly db: Db) {}

  private where(f: DepartmentFilter, onlyId?: string | null): SQL | undefined {
    return and(
      onlyId ? eq(departments.id, onlyId) : undefined,
      f.kind ? eq(departments.kind, f.kind) : undefined,
      f.q
        ? or(
            contains(departments.name, f.q),
            contains(departments.shortName, f.q),
            contains(departments.code, f.q),
          )
        : undefined,
    );
  }

  /** `onlyId` restricts a department-scoped caller to its own department, in SQL. */
  async list(
    f: DepartmentFilter,
    sort: DepartmentSort,
    page: number,
    pageSize: number,
    onlyId?: string | null,
  ) {
    const w = this.where(f, onlyId);
    const order = {
      name: asc(departments.name),
      '-name': desc(departments.name),
      code: asc(departments.code),
      '-code': desc(departments.code),
    }[sort];
    const items = await this.db
      .select()
      .from(departments)
      .where(w)
      .orderBy(order)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(departments).where(w);
    return { items, total: total?.n ?? 0 };
  }

  async get(id: string, tx: DbOrTx = this.db) {
    const [row] = await tx.select().from(departments).where(eq(departments.id, id));
    return row;
  }

  async byCode(code: string) {
    const [row] = await this.db.select().from(departments).where(eq(departments.code, code));
    return row;
  }

  async insert(tx: DbOrTx, values: typeof departments.$inferInsert) {
    const [row] = await tx.insert(departments).values(values).returning();
    return row!;
  }

  async update(tx: DbOrTx, id: string, values: Partial<typeof departments.$inferInsert>) {
    const [row] = await tx
      .update(departments)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(departments.id, id))
      .returning();
    return row;
  }

  async all() {
    return this.db.select().from(departments).orderBy(asc(departments.code));
  }
}
