import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  FLAG_LEVEL_OF,
  RULE_FLAG_TYPES,
  type CaseFlagFinding,
  type FlagType,
} from '../../../domain/case-flags.ts';
import type { DbOrTx } from '../../db/client.ts';
import { caseFlagActions, caseFlags, cases } from './cases.tables.ts';

export type FlagSource = (typeof caseFlags.$inferInsert)['source'];
export type CaseFlagRow = typeof caseFlags.$inferSelect;

/** The case facts a flag copies (for scope in SQL). */
export interface FlaggedCase {
  id: string;
  departmentId: string;
  regionCode: string;
  /** The case's count of live flags, when the caller knows it: 0 spares the lookup. */
  openFlags?: number;
}

export interface RaiseFlag {
  type: FlagType;
  params: Record<string, string | number>;
  source: FlagSource;
  at: Date;
  /** The rectification deadline, if the raiser sets one. */
  dueOn: string | null;
  actorName: string;
}

const LIVE = ['open', 'explained'] as const;

/**
 * Raising and clearing case flags, shared by live events, the scheduled scan, reconciliation,
 * evaluations and imports. A case has at most one live flag per type (a partial unique index), every
 * change is a flag action, and `cases.open_flags` is kept equal to the number of live flags.
 */
export const caseFlagStore = {
  /** Raises a flag unless one of that type is already live; returns the live flag's id either way. */
  async raise(tx: DbOrTx, c: FlaggedCase, f: RaiseFlag): Promise<{ id: string; raised: boolean }> {
    const [inserted] = await tx
      .insert(caseFlags)
      .values({
        caseId: c.id,
        departmentId: c.departmentId,
        regionCode: c.regionCode,
        type: f.type,
        level: FLAG_LEVEL_OF[f.type],
        params: f.params,
        source: f.source,
        detectedAt: f.at,
        dueOn: f.dueOn,
      })
      .onConflictDoNothing()
      .returning({ id: caseFlags.id });
    if (!inserted) {
      const [live] = await tx
        .select({ id: caseFlags.id })
        .from(caseFlags)
        .where(and(eq(caseFlags.caseId, c.id), eq(caseFlags.type, f.type), inArray(caseFlags.status, LIVE)));
      return { id: live!.id, raised: false };
    }
    await tx.insert(caseFlagActions).values({
      flagId: inserted.id,
      action: 'raised',
      note: '',
      actorName: f.actorName,
      at: f.at,
    });
    await this.recount(tx, c.id);
    return { id: inserted.id, raised: true };
  },

  /** Clears a live flag of a type whose condition has gone (e.g. the upstream copy now agrees). */
  async clear(tx: DbOrTx, caseId: string, type: FlagType, at: Date, actorName: string, note = '') {
    const cleared = await tx
      .update(caseFlags)
      .set({ status: 'cleared', closedAt: at, updatedAt: at })
      .where(and(eq(caseFlags.caseId, caseId), eq(caseFlags.type, type), inArray(caseFlags.status, LIVE)))
      .returning({ id: caseFlags.id });
    for (const f of cleared)
      await tx.insert(caseFlagActions).values({ flagId: f.id, action: 'cleared', note, actorName, at });
    if (cleared.length) await this.recount(tx, caseId);
    return cleared.length;
  },

  /**
   * Makes the live rule flags of a case match the findings of caseFlagFindings: raises the new ones
   * and clears those whose condition no longer holds (overdue is never cleared: once late, late).
   */
  async syncRuleFlags(
    tx: DbOrTx,
    c: FlaggedCase,
    findings: readonly CaseFlagFinding[],
    at: Date,
    source: FlagSource,
    dueOn: string | null,
    actorName: string,
  ): Promise<FlagType[]> {
    if (c.openFlags === 0 && findings.length === 0) return []; // nothing to raise, nothing to clear
    const live =
      c.openFlags === 0
        ? []
        : await tx
            .select({ type: caseFlags.type })
            .from(caseFlags)
            .where(and(eq(caseFlags.caseId, c.id), inArray(caseFlags.status, LIVE)));
    const liveTypes = new Set(live.map((l) => l.type));
    const raised: FlagType[] = [];
    for (const f of findings) {
      if (liveTypes.has(f.type)) continue;
      const r = await this.raise(tx, c, { type: f.type, params: f.params, source, at, dueOn, actorName });
      if (r.raised) raised.push(f.type);
    }
    const found = new Set(findings.map((f) => f.type));
    for (const type of liveTypes) {
      const stays = type === 'overdue_committed' || type === 'overdue_statutory';
      if (RULE_FLAG_TYPES.includes(type) && !found.has(type) && !stays)
        await this.clear(tx, c.id, type, at, actorName, 'condition no longer holds');
    }
    return raised;
  },

  async recount(tx: DbOrTx, caseId: string) {
    await tx
      .update(cases)
      .set({
        openFlags: sql`(select count(*)::int from ${caseFlags} where ${caseFlags.caseId} = ${caseId} and ${caseFlags.status} in ('open','explained'))`,
      })
      .where(eq(cases.id, caseId));
  },
};
