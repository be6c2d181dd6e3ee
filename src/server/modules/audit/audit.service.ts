import { hmacSm3Hex } from '../../crypto/index.ts';
import type { Clock } from '../../clock.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { AuditFilter, AuditRepo, AuditRow } from './audit.repo.ts';

/** Who acts, from where: taken from the request by the HTTP layer, or `system` for jobs and the CLI. */
export interface Actor {
  actorId: string | null;
  actor: string;
  role: string;
  ip: string | null;
  requestId: string | null;
  scope?: string | null;
}

export const systemActor = (name = 'system'): Actor => ({
  actorId: null,
  actor: name,
  role: 'system',
  ip: null,
  requestId: null,
  scope: null,
});

export interface AuditEvent {
  action: string;
  target?: string | null;
  result?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad?: { seq: number; reason: string };
}

/** The canonical bytes a record's hash covers: fixed field order, UTC milliseconds. */
export function canonicalRecord(r: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    r.seq,
    r.at.toISOString(),
    r.actorId,
    r.actor,
    r.role,
    r.action,
    r.target,
    r.scope,
    r.ip,
    r.result,
    r.requestId,
    sortKeys(r.detail),
    r.prevHash,
  ]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly repo: AuditRepo,
    private readonly key: Buffer,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one record inside the caller's transaction, so that the business change and its record
   * commit together or not at all (AUD-5).
   */
  async append(tx: DbOrTx, actor: Actor, event: AuditEvent): Promise<number> {
    const head = await this.repo.lockHead(tx);
    const base = {
      seq: head.seq + 1,
      at: new Date(Math.floor(this.clock.now().getTime())),
      actorId: actor.actorId,
      actor: actor.actor,
      role: actor.role,
      action: event.action,
      target: event.target ?? null,
      scope: actor.scope ?? null,
      ip: actor.ip,
      result: event.result ?? 'success',
      requestId: actor.requestId,
      detail: event.detail ?? {},
      prevHash: head.hash,
    } satisfies Omit<AuditRow, 'hash'>;
    const hash = hmacSm3Hex(this.key, canonicalRecord(base));
    await this.repo.insert(tx, { ...base, hash });
    return base.seq;
  }

  /** Records an event in a transaction of its own (sign-in failures, denials, reads). */
  async record(actor: Actor, event: AuditEvent): Promise<number> {
    return this.db.transaction((tx) => this.append(tx, actor, event));
  }

  /** Walks the whole chain; names the first record that was edited, deleted or reordered. */
  async verify(onProgress?: (checked: number, total: number) => void): Promise<VerifyResult> {
    const head = await this.repo.head();
    const total = head?.seq ?? 0;
    let prevHash = '0'.repeat(64);
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const page = await this.repo.pageAfter(expectedSeq - 1, 5000);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.seq !== expectedSeq) {
          return {
            ok: false,
            checked,
            firstBad: { seq: expectedSeq, reason: `record ${expectedSeq} is missing (deleted)` },
          };
        }
        if (row.prevHash !== prevHash) {
          return {
            ok: false,
            checked,
            firstBad: {
              seq: row.seq,
              reason: 'previous-hash link broken (record removed or reordered before it)',
            },
          };
        }
        const { hash, ...rest } = row;
        if (hmacSm3Hex(this.key, canonicalRecord(rest)) !== hash) {
          return {
            ok: false,
            checked,
            firstBad: { seq: row.seq, reason: 'content does not match its hash (record edited)' },
          };
        }
        prevHash = hash;
        expectedSeq++;
        checked++;
      }
      onProgress?.(checked, total);
    }
    if (head && (head.seq !== checked || head.hash !== prevHash)) {
      return {
        ok: false,
        checked,
        firstBad: {
          seq: checked + 1,
          reason: `chain ends at ${checked} but the head says ${head.seq} (records deleted at the end)`,
        },
      };
    }
    return { ok: true, checked };
  }

  search(filter: AuditFilter, page: number, pageSize: number) {
    return this.repo.search(filter, page, pageSize);
  }
}
