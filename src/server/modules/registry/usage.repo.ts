import { and, asc, eq, gt, gte, inArray, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { systemUsage, USAGE_SIGNALS } from './registry.tables.ts';

export type UsageSignal = (typeof USAGE_SIGNALS)[number];

export interface UsageRow {
  systemId: string;
  signal: UsageSignal;
  day: string;
  count: number;
}

/** Usage signals per system, signal and day (system_usage). */
export class UsageRepo {
  constructor(private readonly db: Db) {}

  /**
   * Writes day totals: `set` replaces the day's count (a retried report changes nothing), `add` adds to it
   * (views counted as they happen). Returns how many rows were inserted or actually changed.
   */
  async upsert(tx: DbOrTx, rows: UsageRow[], mode: 'set' | 'add', at: Date): Promise<number> {
    let changed = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => ({ ...r, updatedAt: at }));
      const out = await tx
        .insert(systemUsage)
        .values(chunk)
        .onConflictDoUpdate({
          target: [systemUsage.systemId, systemUsage.signal, systemUsage.day],
          set: {
            count: mode === 'set' ? sql`excluded.count` : sql`${systemUsage.count} + excluded.count`,
            updatedAt: sql`excluded.updated_at`,
          },
          // Setting the same total again is no change at all.
          ...(mode === 'set' ? { setWhere: sql`${systemUsage.count} <> excluded.count` } : {}),
        })
        .returning({ systemId: systemUsage.systemId });
      changed += out.length;
    }
    return changed;
  }

  /** The last day with any use, per system and signal (all systems, or the given ones). */
  lastUse(systemIds?: string[], tx: DbOrTx = this.db) {
    return tx
      .select({ systemId: systemUsage.systemId, signal: systemUsage.signal, day: max(systemUsage.day) })
      .from(systemUsage)
      .where(and(gt(systemUsage.count, 0), systemIds ? inArray(systemUsage.systemId, systemIds) : undefined))
      .groupBy(systemUsage.systemId, systemUsage.signal);
  }

  /** One system's daily counts from a day on. */
  daily(systemId: string, from: string) {
    return this.db
      .select({ day: systemUsage.day, signal: systemUsage.signal, count: systemUsage.count })
      .from(systemUsage)
      .where(and(eq(systemUsage.systemId, systemId), gte(systemUsage.day, from)))
      .orderBy(asc(systemUsage.day));
  }
}
