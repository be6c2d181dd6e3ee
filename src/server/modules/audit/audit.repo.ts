import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { contains } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { auditHead, auditLog } from './audit.tables.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditInsert = typeof auditLog.$inferInsert;

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  result?: 'success' | 'failure' | 'denied' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function where(f: AuditFilter): SQL | undefined {
  return and(
    f.actor ? contains(auditLog.actor, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.result ? eq(auditLog.result, f.result) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
  );
}

export class AuditRepo {
  constructor(private readonly db: Db) {}

  /** Locks the chain head for the rest of the transaction: appends are serialised, the chain stays linear. */
  async lockHead(tx: DbOrTx): Promise<{ seq: number; hash: string }> {
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    if (!head) throw new Error('audit_head row missing: run migrations');
    return { seq: head.seq, hash: head.hash };
  }

  /** Appends the record and moves the head in one statement (one round trip on every audited write). */
  async insert(tx: DbOrTx, row: AuditInsert): Promise<void> {
    await tx.execute(
      sql`with appended as (${tx.insert(auditLog).values(row).getSQL()}) ${tx
        .update(auditHead)
        .set({ seq: row.seq, hash: row.hash })
        .where(eq(auditHead.id, 1))
        .getSQL()}`,
    );
  }

  async head(): Promise<{ seq: number; hash: string } | undefined> {
    const [head] = await this.db.select().from(auditHead).where(eq(auditHead.id, 1));
    return head;
  }

  /** Records after `afterSeq` in chain order, a page at a time (the verifier streams the chain). */
  async pageAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .select()
      .from(auditLog)
      .where(gte(auditLog.seq, afterSeq + 1))
      .orderBy(asc(auditLog.seq))
      .limit(limit);
  }

  async search(
    f: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: AuditRow[]; total: number }> {
    const w = where(f);
    const [items, [totalRow]] = await Promise.all([
      this.db
        .select()
        .from(auditLog)
        .where(w)
        .orderBy(desc(auditLog.seq))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(auditLog).where(w),
    ]);
    return { items, total: totalRow?.n ?? 0 };
  }
}
