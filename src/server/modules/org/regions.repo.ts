import { and, asc, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { contains, startsWith } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { regions } from './org.tables.ts';

export type RegionRow = typeof regions.$inferSelect;
export type RegionLevel = RegionRow['level'];
export type RegionSort = 'code' | '-code' | 'name' | '-name';

export interface RegionFilter {
  level?: RegionLevel | undefined;
  parentCode?: string | undefined;
  code?: string | undefined;
  q?: string | undefined;
}

export class RegionsRepo {
  constructor(private readonly db: Db) {}

  /** The scope is applied here, in SQL: only the caller's subtree is ever read. */
  private where(scopePrefix: string, f: RegionFilter): SQL | undefined {
    return and(
      startsWith(regions.code, scopePrefix),
      f.level ? eq(regions.level, f.level) : undefined,
      f.parentCode ? eq(regions.parentCode, f.parentCode) : undefined,
      f.code ? eq(regions.code, f.code) : undefined,
      f.q ? or(contains(regions.name, f.q), startsWith(regions.code, f.q)) : undefined,
    );
  }

  async list(
    scopePrefix: string,
    f: RegionFilter,
    page: number,
    pageSize: number,
    sort: RegionSort = 'code',
  ) {
    const w = this.where(scopePrefix, f);
    const items = await this.db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
        hasBoundary: sql<boolean>`${regions.boundary} is not null`,
        schematic: regions.schematic,
        // Qualified by hand: drizzle leaves columns unqualified in single-table selects.
        childCount: sql<number>`(select count(*)::int from regions c where c.parent_code = "regions"."code")`,
      })
      .from(regions)
      .where(w)
      .orderBy(
        {
          code: asc(regions.code),
          '-code': desc(regions.code),
          name: asc(regions.name),
          '-name': desc(regions.name),
        }[sort],
        asc(regions.code),
      )
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(regions).where(w);
    return { items, total: total?.n ?? 0 };
  }

  async boundaries(scopePrefix: string, f: RegionFilter) {
    return this.db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        schematic: regions.schematic,
        boundary: regions.boundary,
      })
      .from(regions)
      .where(and(this.where(scopePrefix, f), sql`${regions.boundary} is not null`))
      .orderBy(asc(regions.code));
  }

  async get(code: string, tx: DbOrTx = this.db): Promise<RegionRow | undefined> {
    const [row] = await tx.select().from(regions).where(eq(regions.code, code));
    return row;
  }

  async setBoundary(tx: DbOrTx, code: string, boundary: unknown, schematic: boolean) {
    await tx
      .update(regions)
      .set({ boundary, schematic, updatedAt: new Date() })
      .where(eq(regions.code, code));
  }

  async rename(tx: DbOrTx, code: string, name: string) {
    await tx.update(regions).set({ name, updatedAt: new Date() }).where(eq(regions.code, code));
  }

  async upsertMany(tx: DbOrTx, rows: (typeof regions.$inferInsert)[]) {
    for (let i = 0; i < rows.length; i += 200) {
      await tx
        .insert(regions)
        .values(rows.slice(i, i + 200))
        .onConflictDoNothing();
    }
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(regions);
    return row?.n ?? 0;
  }
}
