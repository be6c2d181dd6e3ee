import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  max,
  min,
  sql,
} from 'drizzle-orm';
import type { CaseEventKind, CaseResult, CaseStatus } from '../../../domain/cases.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments } from '../org/org.tables.ts';
import { caseEvents, caseFlags, caseOutbox, cases, reconciliationRuns } from './cases.tables.ts';
import type { ExchangeSnapshot } from './provincial.format.ts';

export type OutboxRow = Pick<
  typeof caseOutbox.$inferSelect,
  'id' | 'caseId' | 'seq' | 'payload' | 'attempts'
>;
export type RunRow = typeof reconciliationRuns.$inferSelect;

/** A case as reconciliation and the demo's bulk load see it: its snapshot and its outbox state. */
export interface CaseForExchange {
  id: string;
  departmentId: string;
  regionCode: string;
  snapshot: ExchangeSnapshot;
  /** Outbox rows not yet delivered, and whether any was delivered. */
  undelivered: number;
  delivered: boolean;
}

const LIVE_FLAG = ['open', 'explained'] as const;

/** Queries of the provincial adapter: the outbox, the cases' exchange snapshots, reconciliation runs. */
export class ProvincialRepo {
  constructor(private readonly db: Db) {}

  /**
   * Claims up to `limit` rows that may be sent now: each is the earliest undelivered row of its case
   * (a case whose earlier row waits or fails does not move), due, and not held by another worker.
   * The claim is a lease: the rows' next attempt moves to `leaseUntil`, so that a crashed worker's
   * rows come back by themselves.
   */
  claimHeads(now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: caseOutbox.id,
          caseId: caseOutbox.caseId,
          seq: caseOutbox.seq,
          payload: caseOutbox.payload,
          attempts: caseOutbox.attempts,
        })
        .from(caseOutbox)
        .where(
          and(
            isNull(caseOutbox.deliveredAt),
            lte(caseOutbox.nextAttemptAt, now),
            sql`not exists (select 1 from case_outbox p where p.case_id = ${caseOutbox.caseId}
                             and p.delivered_at is null and p.seq < ${caseOutbox.seq})`,
          ),
        )
        .orderBy(asc(caseOutbox.nextAttemptAt), asc(caseOutbox.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (rows.length)
        await tx
          .update(caseOutbox)
          .set({ nextAttemptAt: leaseUntil })
          .where(
            inArray(
              caseOutbox.id,
              rows.map((r) => r.id),
            ),
          );
      return rows;
    });
  }

  async markDelivered(ids: number[], at: Date) {
    if (!ids.length) return;
    await this.db
      .update(caseOutbox)
      .set({ deliveredAt: at, lastError: null })
      .where(and(inArray(caseOutbox.id, ids), isNull(caseOutbox.deliveredAt)));
  }

  async markFailed(id: number, attempts: number, error: string, nextAttemptAt: Date) {
    await this.db
      .update(caseOutbox)
      .set({ attempts, lastError: error, nextAttemptAt })
      .where(and(eq(caseOutbox.id, id), isNull(caseOutbox.deliveredAt)));
  }

  /**
   * The library lost versions [from, row.seq) of a case: sends them again, in order, if the outbox
   * still has every one of them (then the row waits its turn); returns false when it does not.
   */
  replayFrom(row: OutboxRow, from: number, now: Date): Promise<boolean> {
    const lost = and(
      eq(caseOutbox.caseId, row.caseId),
      gte(caseOutbox.seq, from),
      lt(caseOutbox.seq, row.seq),
    );
    return this.db.transaction(async (tx) => {
      const [have] = await tx.select({ n: count() }).from(caseOutbox).where(lost);
      if ((have?.n ?? 0) < row.seq - from) return false;
      await tx.update(caseOutbox).set({ deliveredAt: null, nextAttemptAt: now }).where(lost);
      await tx.update(caseOutbox).set({ nextAttemptAt: now }).where(eq(caseOutbox.id, row.id));
      return true;
    });
  }

  /** Failed rows become due now (the bureau's "deliver now" after the library is back). */
  async retryFailedNow(now: Date): Promise<number> {
    const rows = await this.db
      .update(caseOutbox)
      .set({ nextAttemptAt: now })
      .where(
        and(isNull(caseOutbox.deliveredAt), gt(caseOutbox.attempts, 0), gt(caseOutbox.nextAttemptAt, now)),
      )
      .returning({ id: caseOutbox.id });
    return rows.length;
  }

  /**
   * Marks every outbox row up to its case's current version delivered: the demo has just loaded the
   * library with the copies at those versions (before the server listens, so nothing moves between).
   */
  async markDeliveredUpToCurrent(at: Date): Promise<number> {
    const rows = await this.db
      .update(caseOutbox)
      .set({ deliveredAt: at, lastError: null })
      .where(
        and(
          isNull(caseOutbox.deliveredAt),
          sql`${caseOutbox.seq} <= (select c.version from cases c where c.id = ${caseOutbox.caseId})`,
        ),
      )
      .returning({ id: caseOutbox.id });
    return rows.length;
  }

  async outboxStatus() {
    const [pending] = await this.db
      .select({ n: count(), oldest: min(caseOutbox.createdAt) })
      .from(caseOutbox)
      .where(isNull(caseOutbox.deliveredAt));
    const [failing] = await this.db
      .select({ n: sql<number>`count(distinct ${caseOutbox.caseId})::int` })
      .from(caseOutbox)
      .where(and(isNull(caseOutbox.deliveredAt), gt(caseOutbox.attempts, 0)));
    const [last] = await this.db
      .select({ at: max(caseOutbox.deliveredAt) })
      .from(caseOutbox)
      .where(isNotNull(caseOutbox.deliveredAt));
    return {
      pending: pending?.n ?? 0,
      oldestPendingAt: pending?.oldest ?? null,
      failingCases: failing?.n ?? 0,
      lastDeliveryAt: last?.at ?? null,
    };
  }

  /** The failing rows (the latest attempts first), with their case numbers. */
  failingRows(limit: number) {
    return this.db
      .select({
        caseNo: cases.caseNo,
        seq: caseOutbox.seq,
        attempts: caseOutbox.attempts,
        error: caseOutbox.lastError,
        nextAttemptAt: caseOutbox.nextAttemptAt,
      })
      .from(caseOutbox)
      .innerJoin(cases, eq(cases.id, caseOutbox.caseId))
      .where(and(isNull(caseOutbox.deliveredAt), isNotNull(caseOutbox.lastError)))
      .orderBy(desc(caseOutbox.nextAttemptAt))
      .limit(limit);
  }

  /**
   * A page of cases (keyset by id) as exchange snapshots at their current version, with their
   * outbox state. Cases without events are left out (nothing to exchange yet).
   */
  async casesPage(
    afterId: string | null,
    limit: number,
    tx: DbOrTx = this.db,
  ): Promise<{ items: CaseForExchange[]; next: string | null }> {
    // Three narrow queries keyed by the page's ids: each uses an index whatever the statistics say.
    const rows = await tx
      .select({
        id: cases.id,
        caseNo: cases.caseNo,
        matterCode: cases.matterCode,
        matterName: matters.name,
        departmentId: cases.departmentId,
        departmentCode: departments.code,
        departmentName: departments.name,
        regionCode: cases.regionCode,
        channel: cases.channel,
        applicantType: cases.applicantType,
        applicantName: cases.applicantName,
        submittedAt: cases.submittedAt,
        acceptedAt: cases.acceptedAt,
        completedAt: cases.completedAt,
        result: cases.result,
        status: cases.status,
        committedLimitDays: cases.committedLimitDays,
        statutoryLimitDays: cases.statutoryLimitDays,
        version: cases.version,
      })
      .from(cases)
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .innerJoin(departments, eq(departments.id, cases.departmentId))
      .where(and(gt(cases.version, 0), afterId ? gt(cases.id, afterId) : undefined))
      .orderBy(asc(cases.id))
      .limit(limit);
    if (!rows.length) return { items: [], next: null };
    const ids = rows.map((r) => r.id);
    const [events, outbox] = await Promise.all([
      tx
        .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, at: caseEvents.at })
        .from(caseEvents)
        .innerJoin(cases, and(eq(cases.id, caseEvents.caseId), eq(cases.version, caseEvents.seq)))
        .where(inArray(cases.id, ids)),
      tx
        .select({
          caseId: caseOutbox.caseId,
          undelivered: sql<number>`(count(*) filter (where ${caseOutbox.deliveredAt} is null))::int`,
          delivered: sql<boolean>`bool_or(${caseOutbox.deliveredAt} is not null)`,
        })
        .from(caseOutbox)
        .where(inArray(caseOutbox.caseId, ids))
        .groupBy(caseOutbox.caseId),
    ]);
    const lastEvent = new Map(events.map((e) => [e.caseId, e]));
    const outboxOf = new Map(outbox.map((o) => [o.caseId, o]));
    const items = rows.flatMap((r) => {
      const event = lastEvent.get(r.id);
      if (!event) return [];
      const o = outboxOf.get(r.id);
      return [
        {
          id: r.id,
          departmentId: r.departmentId,
          regionCode: r.regionCode,
          undelivered: o?.undelivered ?? 0,
          delivered: o?.delivered ?? false,
          snapshot: {
            caseNo: r.caseNo,
            matterCode: r.matterCode,
            matterName: r.matterName,
            departmentCode: r.departmentCode,
            departmentName: r.departmentName,
            regionCode: r.regionCode,
            channel: r.channel,
            applicantType: r.applicantType,
            applicantName: r.applicantName,
            submittedAt: r.submittedAt,
            acceptedAt: r.acceptedAt,
            completedAt: r.completedAt,
            result: r.result as CaseResult | null,
            status: r.status as CaseStatus,
            committedLimitDays: r.committedLimitDays,
            statutoryLimitDays: r.statutoryLimitDays,
            event: { seq: r.version, kind: event.kind as CaseEventKind, at: event.at },
          },
        },
      ];
    });
    return { items, next: rows.length === limit ? rows[rows.length - 1]!.id : null };
  }

  /** Live upstream_mismatch flags: case id → the flag's id and params. */
  async liveMismatchFlags(tx: DbOrTx = this.db) {
    const rows = await tx
      .select({ id: caseFlags.id, caseId: caseFlags.caseId, params: caseFlags.params })
      .from(caseFlags)
      .where(and(eq(caseFlags.type, 'upstream_mismatch'), inArray(caseFlags.status, LIVE_FLAG)));
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  /** A live flag's evidence changed (other fields differ now): the same flag, new parameters. */
  async refreshFlagParams(tx: DbOrTx, flagId: string, params: Record<string, string>, at: Date) {
    await tx.update(caseFlags).set({ params, updatedAt: at }).where(eq(caseFlags.id, flagId));
  }

  // ----- reconciliation runs -----

  /**
   * Opens a run unless one is under way (started within `staleAfterMs`); an older 'running' row is
   * a run cut short by a crash and is closed as failed. Returns null when another run is going on.
   */
  startRun(trigger: RunRow['trigger'], now: Date, staleAfterMs: number): Promise<RunRow | null> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727104)`);
      const staleBefore = new Date(now.getTime() - staleAfterMs);
      await tx
        .update(reconciliationRuns)
        .set({ status: 'failed', finishedAt: now, error: 'interrupted' })
        .where(and(eq(reconciliationRuns.status, 'running'), lt(reconciliationRuns.startedAt, staleBefore)));
      const [running] = await tx
        .select({ id: reconciliationRuns.id })
        .from(reconciliationRuns)
        .where(eq(reconciliationRuns.status, 'running'))
        .limit(1);
      if (running) return null;
      const [run] = await tx.insert(reconciliationRuns).values({ trigger, startedAt: now }).returning();
      return run!;
    });
  }

  async finishRun(
    tx: DbOrTx,
    id: string,
    values: Partial<
      Pick<RunRow, 'status' | 'compared' | 'mismatches' | 'missingUpstream' | 'unknownUpstream' | 'error'>
    > & {
      finishedAt: Date;
    },
  ): Promise<RunRow> {
    const [run] = await tx
      .update(reconciliationRuns)
      .set(values)
      .where(eq(reconciliationRuns.id, id))
      .returning();
    return run!;
  }

  async runs(page: number, pageSize: number) {
    const [items, [total]] = await Promise.all([
      this.db
        .select()
        .from(reconciliationRuns)
        .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(reconciliationRuns),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  async lastRun(): Promise<RunRow | null> {
    const [run] = await this.db
      .select()
      .from(reconciliationRuns)
      .orderBy(desc(reconciliationRuns.startedAt), desc(reconciliationRuns.id))
      .limit(1);
    return run ?? null;
  }
}
