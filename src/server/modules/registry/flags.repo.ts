import { and, count, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { startsWith } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { departments } from '../org/org.tables.ts';
import type { RowScope } from '../org/users.repo.ts';
import { systemFlags, systems, SYSTEM_FLAG_STATUSES } from './registry.tables.ts';
import type { FlagKind } from './systems.repo.ts';

export type FlagRow = typeof systemFlags.$inferSelect;
export type FlagStatus = (typeof SYSTEM_FLAG_STATUSES)[number];

export interface FlagFilter {
  kind?: FlagKind | undefined;
  status?: FlagStatus | undefined;
  departmentId?: string | undefined;
  systemId?: string | undefined;
  id?: string | undefined;
}

const other = alias(systems, 'other_system');
const otherDept = alias(departments, 'other_department');

const inScope = (t: { regionCode: AnyColumn; departmentId: AnyColumn }, scope: RowScope) =>
  and(
    scope.regionPrefix ? startsWith(t.regionCode, scope.regionPrefix) : undefined,
    scope.departmentId ? eq(t.departmentId, scope.departmentId) : undefined,
  ) ?? sql`true`;

/** Zombie and duplicate flags (a duplicate pair is one row, the smaller system id first). */
export class FlagsRepo {
  constructor(private readonly db: Db) {}

  /** A flag is in scope when either of its systems is; filters by department likewise. */
  private where(scope: RowScope, f: FlagFilter): SQL | undefined {
    return and(
      or(inScope(systems, scope), and(sql`${other.id} is not null`, inScope(other, scope))),
      f.kind ? eq(systemFlags.kind, f.kind) : undefined,
      f.status ? eq(systemFlags.status, f.status) : undefined,
      f.departmentId
        ? or(eq(systems.departmentId, f.departmentId), eq(other.departmentId, f.departmentId))
        : undefined,
      f.id ? eq(systemFlags.id, f.id) : undefined,
      f.systemId
        ? or(eq(systemFlags.systemId, f.systemId), eq(systemFlags.otherSystemId, f.systemId))
        : undefined,
    );
  }

  private base(tx: DbOrTx = this.db) {
    return tx
      .select({
        flag: systemFlags,
        system: {
          id: systems.id,
          code: systems.code,
          name: systems.name,
          departmentId: systems.departmentId,
          departmentName: departments.name,
        },
        other: {
          id: other.id,
          code: other.code,
          name: other.name,
          departmentId: other.departmentId,
          departmentName: otherDept.name,
        },
      })
      .from(systemFlags)
      .innerJoin(systems, eq(systems.id, systemFlags.systemId))
      .innerJoin(departments, eq(departments.id, systems.departmentId))
      .leftJoin(other, eq(other.id, systemFlags.otherSystemId))
      .leftJoin(otherDept, eq(otherDept.id, other.departmentId));
  }

  async list(scope: RowScope, f: FlagFilter, page: number, pageSize: number) {
    const w = this.where(scope, f);
    const items = await this.base()
      .where(w)
      .orderBy(desc(systemFlags.detectedAt), desc(systemFlags.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db
      .select({ n: count() })
      .from(systemFlags)
      .innerJoin(systems, eq(systems.id, systemFlags.systemId))
      .leftJoin(other, eq(other.id, systemFlags.otherSystemId))
      .where(w);
    return { items, total: total?.n ?? 0 };
  }

  async get(id: string, tx: DbOrTx = this.db) {
    const [row] = await this.base(tx).where(eq(systemFlags.id, id));
    return row;
  }

  /** Every flag of a kind in the given states (the scan compares them with what it finds). */
  ofKind(tx: DbOrTx, kind: FlagKind, statuses: FlagStatus[]) {
    return tx
      .select()
      .from(systemFlags)
      .where(and(eq(systemFlags.kind, kind), inArray(systemFlags.status, statuses)))
      .orderBy(desc(systemFlags.resolvedAt));
  }

  async insert(tx: DbOrTx, rows: (typeof systemFlags.$inferInsert)[]) {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(systemFlags).values(rows.slice(i, i + 500));
  }

  async refresh(tx: DbOrTx, id: string, evidence: Record<string, unknown>) {
    await tx.update(systemFlags).set({ evidence }).where(eq(systemFlags.id, id));
  }

  async setStatus(
    tx: DbOrTx,
    id: string,
    from: FlagStatus[],
    values: { status: FlagStatus; resolvedAt: Date; resolvedBy: string; resolution: string },
  ): Promise<boolean> {
    const rows = await tx
      .update(systemFlags)
      .set(values)
      .where(and(eq(systemFlags.id, id), inArray(systemFlags.status, from)))
      .returning({ id: systemFlags.id });
    return rows.length > 0;
  }
}
