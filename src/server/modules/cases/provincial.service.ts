// The provincial case library (省办件库) adapter: the outbox worker that pushes every case event to
// the library in order per case, and the reconciliation that compares the library's copies with the
// local cases and flags every difference (upstream_mismatch).
import { chinaDateOf } from '../../../domain/calendar.ts';
import {
  missingUpstream,
  mismatchParams,
  reconcile,
  retryDelayMs,
  type ExchangeRecord,
  type FieldDifference,
} from '../../../domain/exchange.ts';
import { AppError } from '../../http/errors.ts';
import { systemActor, type Actor } from '../audit/audit.service.ts';
import type { ModuleDeps } from '../deps.ts';
import { caseFlagStore } from './flags.repo.ts';
import {
  ProvinceClient,
  UpstreamUnavailableError,
  type PostOutcome,
  type Upstream,
} from './provincial.client.ts';
import { toExchangeRecord } from './provincial.format.ts';
import { ProvincialRepo, type CaseForExchange, type OutboxRow, type RunRow } from './provincial.repo.ts';

/** Rows claimed per round, and how many are in flight at once. */
const ROUND_SIZE = 32;
const CONCURRENCY = 4;
/** A claimed row's lease: longer than a round can take (32 rows / 4 at a time × 10 s timeout). */
const LEASE_MS = 5 * 60_000;
/** One delivery run sends at most this many rows (the job runs again soon). */
const MAX_ROWS_PER_RUN = 2000;
const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 10 * 60_000;
const PAGE_SIZE = 500;
const LOCAL_PAGE = 2000;
/** A 'running' reconciliation older than this was cut short (the process died). */
const RUN_STALE_MS = 60 * 60_000;
const ACTOR_NAME = 'reconciliation';

export interface DeliveryResult {
  configured: boolean;
  delivered: number;
  failed: number;
  /** Rows sent again because the library had lost them. */
  replayed: number;
}

export interface ProvinceStatus {
  configured: boolean;
  url: string | null;
  pending: number;
  oldestPendingAt: Date | null;
  oldestPendingSeconds: number | null;
  failingCases: number;
  lastDeliveryAt: Date | null;
  lastError: {
    caseNo: string;
    seq: number;
    attempts: number;
    error: string;
    failedAt: Date;
    nextAttemptAt: Date;
  } | null;
  lastReconciliation: RunRow | null;
}

/** Maps over items with at most `limit` calls in flight, keeping the order of the results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The address without credentials, for the status page. */
function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export class ProvincialService {
  private readonly repo: ProvincialRepo;
  /** Set by the demo when it starts its own simulated library; otherwise PROVINCE_URL/TOKEN. */
  private override: Upstream | null = null;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new ProvincialRepo(deps.db);
  }

  /** Points the adapter at another library (the demo's simulator). */
  useUpstream(upstream: Upstream) {
    this.override = upstream;
  }

  upstream(): Upstream | null {
    if (this.override) return this.override;
    const url = this.deps.config.PROVINCE_URL;
    return url ? { url, token: this.deps.config.PROVINCE_TOKEN ?? null } : null;
  }

  // ----- delivery -----

  /**
   * Sends what is due, case by case in seq order: a row is sent only when every earlier row of its
   * case is delivered, so a failing case waits (backing off exponentially up to 10 min) while the
   * others proceed. Nothing is ever dropped: a row leaves the outbox only as delivered.
   */
  async deliverNow(maxRows = MAX_ROWS_PER_RUN): Promise<DeliveryResult> {
    const upstream = this.upstream();
    const result: DeliveryResult = { configured: !!upstream, delivered: 0, failed: 0, replayed: 0 };
    if (!upstream) return result;
    const client = new ProvinceClient(upstream);
    let sent = 0;
    while (sent < maxRows) {
      const now = this.deps.clock.now();
      const rows = await this.repo.claimHeads(
        now,
        new Date(now.getTime() + LEASE_MS),
        Math.min(ROUND_SIZE, maxRows - sent),
      );
      if (!rows.length) break;
      sent += rows.length;
      const outcomes = await mapLimit(rows, CONCURRENCY, (r) =>
        client.post(r.payload as ExchangeRecord, r.seq),
      );
      const done: number[] = [];
      let reached = false;
      for (const [i, outcome] of outcomes.entries()) {
        const row = rows[i]!;
        if (outcome.kind !== 'failed' || !outcome.transport) reached = true;
        if (outcome.kind === 'stored' || outcome.kind === 'already') done.push(row.id);
        else if (outcome.kind === 'gap' && (await this.repo.replayFrom(row, outcome.expected, now)))
          result.replayed += row.seq - outcome.expected;
        else {
          await this.fail(row, outcome, now);
          result.failed++;
        }
      }
      await this.repo.markDelivered(done, this.deps.clock.now());
      result.delivered += done.length;
      // The library did not answer at all this round: stop knocking until the rows are due again.
      if (!reached) break;
    }
    return result;
  }

  private async fail(row: OutboxRow, outcome: PostOutcome, now: Date) {
    const attempts = row.attempts + 1;
    const error =
      outcome.kind === 'failed'
        ? outcome.error
        : outcome.kind === 'gap'
          ? `the library expects version ${outcome.expected}, which the outbox no longer holds`
          : 'unexpected answer';
    await this.repo.markFailed(
      row.id,
      attempts,
      error,
      new Date(now.getTime() + retryDelayMs(attempts, RETRY_BASE_MS, RETRY_CAP_MS)),
    );
  }

  /** The bureau's "deliver now": failed rows are retried at once, then everything due is sent. */
  async deliverNowFor(actor: Actor): Promise<DeliveryResult> {
    const retried = this.upstream() ? await this.repo.retryFailedNow(this.deps.clock.now()) : 0;
    const result = await this.deliverNow();
    await this.deps.db.transaction((tx) =>
      this.deps.audit.append(tx, actor, {
        action: 'province.deliver',
        detail: { ...result, retried },
      }),
    );
    return result;
  }

  async status(): Promise<ProvinceStatus> {
    const upstream = this.upstream();
    const now = this.deps.clock.now();
    const [outbox, failing, lastReconciliation] = await Promise.all([
      this.repo.outboxStatus(),
      this.repo.failingRows(500),
      this.repo.lastRun(),
    ]);
    // When each failing row last failed: its next attempt less the backoff it was given.
    const lastError = failing
      .map((f) => ({
        caseNo: f.caseNo,
        seq: f.seq,
        attempts: f.attempts,
        error: f.error ?? '',
        nextAttemptAt: f.nextAttemptAt,
        failedAt: new Date(f.nextAttemptAt.getTime() - retryDelayMs(f.attempts, RETRY_BASE_MS, RETRY_CAP_MS)),
      }))
      .sort((a, b) => b.failedAt.getTime() - a.failedAt.getTime())[0];
    return {
      configured: !!upstream,
      url: upstream ? displayUrl(upstream.url) : null,
      pending: outbox.pending,
      oldestPendingAt: outbox.oldestPendingAt,
      oldestPendingSeconds: outbox.oldestPendingAt
        ? Math.max(0, Math.floor((now.getTime() - outbox.oldestPendingAt.getTime()) / 1000))
        : null,
      failingCases: outbox.failingCases,
      lastDeliveryAt: outbox.lastDeliveryAt,
      lastError: lastError ?? null,
      lastReconciliation,
    };
  }

  // ----- reconciliation -----

  runs(page: number, pageSize: number) {
    return this.repo.runs(page, pageSize);
  }

  /**
   * Compares every copy the library holds with the local case: the matter code, acceptance and
   * completion times (to the second), the result code and the status (domain/exchange.ts
   * reconcile). Each case that differs gets an upstream_mismatch flag naming the fields with both
   * values, a case the library lacks though it was delivered gets one too, and a flag whose case
   * agrees again is cleared. The library is read completely before anything changes: if it cannot
   * be read, the run is 'failed' with the reason and no flag is touched.
   */
  async reconcile(
    trigger: RunRow['trigger'],
    actor: Actor = systemActor('province.reconcile'),
  ): Promise<RunRow> {
    const started = this.deps.clock.now();
    const run = await this.repo.startRun(trigger, started, RUN_STALE_MS);
    if (!run) throw new AppError('CONFLICT', { reason: 'a reconciliation is under way' });
    const upstream = this.upstream();
    if (!upstream) return this.failRun(run, 'not configured (PROVINCE_URL is not set)', actor);

    let copies: Map<string, ExchangeRecord>;
    try {
      copies = await this.readLibrary(new ProvinceClient(upstream));
    } catch (err) {
      if (err instanceof UpstreamUnavailableError) return this.failRun(run, err.message, actor);
      await this.failRun(run, 'internal error', actor);
      throw err;
    }

    const differing: { c: CaseForExchange; differences: FieldDifference[] }[] = [];
    const agreeing = new Set<string>();
    const seen = new Set<string>();
    let compared = 0;
    let mismatches = 0;
    let missing = 0;
    for await (const c of this.localCases()) {
      const local = toExchangeRecord(c.snapshot);
      const copy = copies.get(c.snapshot.caseNo);
      if (!copy) {
        if (c.delivered) {
          missing++;
          differing.push({ c, differences: missingUpstream(local) });
        }
        continue;
      }
      seen.add(c.snapshot.caseNo);
      compared++;
      const verdict = reconcile(local, copy, c.undelivered);
      if (verdict.kind === 'differs') {
        mismatches++;
        differing.push({ c, differences: verdict.differences });
      } else if (verdict.kind === 'agrees') agreeing.add(c.id);
    }
    const unknown = [...copies.keys()].filter((k) => !seen.has(k));

    // Outside the transaction: the calendar reads through its own connection.
    const dueOn = await this.rectifyDue(this.deps.clock.now());
    return this.deps.db.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const live = await this.repo.liveMismatchFlags(tx);
      let raised = 0;
      let cleared = 0;
      const raisedByDepartment = new Map<string, number>();
      for (const { c, differences } of differing) {
        const params = mismatchParams(differences);
        const existing = live.get(c.id);
        if (existing) {
          if (JSON.stringify(existing.params) !== JSON.stringify(params))
            await this.repo.refreshFlagParams(tx, existing.id, params, now);
          continue;
        }
        const r = await caseFlagStore.raise(tx, c, {
          type: 'upstream_mismatch',
          params,
          source: 'reconciliation',
          at: now,
          dueOn,
          actorName: ACTOR_NAME,
        });
        if (r.raised) {
          raised++;
          raisedByDepartment.set(c.departmentId, (raisedByDepartment.get(c.departmentId) ?? 0) + 1);
        }
      }
      for (const caseId of live.keys())
        if (agreeing.has(caseId))
          cleared += await caseFlagStore.clear(
            tx,
            caseId,
            'upstream_mismatch',
            now,
            ACTOR_NAME,
            'the provincial copy agrees again',
          );
      for (const [departmentId, n] of raisedByDepartment)
        await this.deps.notify.toRole(
          tx,
          'dept_case_officer',
          {
            kind: 'cases.upstream_mismatch',
            title: `与省办件库比对：${n} 件办件数据不一致，请核实整改`,
            body: `Reconciliation with the provincial case library: ${n} case(s) differ from the library's copy.`,
            link: '/supervision?type=upstream_mismatch',
          },
          departmentId,
        );
      const finished = await this.repo.finishRun(tx, run.id, {
        status: 'ok',
        finishedAt: now,
        compared,
        mismatches,
        missingUpstream: missing,
        unknownUpstream: unknown.length,
      });
      await this.deps.audit.append(tx, actor, {
        action: 'province.reconcile',
        target: run.id,
        detail: {
          trigger,
          status: 'ok',
          compared,
          mismatches,
          missingUpstream: missing,
          unknownUpstream: unknown.length,
          unknownSample: unknown.slice(0, 20),
          flagsRaised: raised,
          flagsCleared: cleared,
        },
      });
      return finished;
    });
  }

  /** Every local case that has events, page by page. */
  private async *localCases(): AsyncGenerator<CaseForExchange> {
    for (let after: string | null = null; ;) {
      const page = await this.repo.casesPage(after, LOCAL_PAGE);
      yield* page.items;
      if (!page.next) return;
      after = page.next;
    }
  }

  /** Every copy the library holds, latest per case (a copy changed while paging appears again later). */
  private async readLibrary(client: ProvinceClient): Promise<Map<string, ExchangeRecord>> {
    const copies = new Map<string, ExchangeRecord>();
    let cursor = '0';
    for (;;) {
      const page = await client.page(cursor, PAGE_SIZE);
      for (const r of page.items) if (typeof r.SBLSH === 'string') copies.set(r.SBLSH, r);
      if (!page.more || page.cursor === cursor) break;
      cursor = page.cursor;
    }
    return copies;
  }

  private async failRun(run: RunRow, error: string, actor: Actor): Promise<RunRow> {
    return this.deps.db.transaction(async (tx) => {
      const finished = await this.repo.finishRun(tx, run.id, {
        status: 'failed',
        finishedAt: this.deps.clock.now(),
        error,
      });
      await this.deps.audit.append(tx, actor, {
        action: 'province.reconcile',
        target: run.id,
        result: 'failure',
        detail: { trigger: run.trigger, status: 'failed', error },
      });
      return finished;
    });
  }

  /** The rectification deadline of a new flag: RECTIFY_DAYS working days on (none if the year is unknown). */
  private async rectifyDue(now: Date): Promise<string | null> {
    try {
      return await this.deps.calendar.addWorkdays(chinaDateOf(now), this.deps.config.RECTIFY_DAYS);
    } catch {
      return null;
    }
  }

  // ----- the demo -----

  /** The exchange records of every case at its current version (the demo's bulk load). */
  async currentRecords(): Promise<ExchangeRecord[]> {
    const out: ExchangeRecord[] = [];
    for await (const c of this.localCases()) out.push(toExchangeRecord(c.snapshot));
    return out;
  }

  /** After a bulk load of the current records: the outbox rows they contain are delivered. */
  markLoaded(): Promise<number> {
    return this.repo.markDeliveredUpToCurrent(this.deps.clock.now());
  }
}
