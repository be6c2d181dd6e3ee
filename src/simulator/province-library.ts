// A small stand-in for the provincial case library (省办件库): its own HTTP service that keeps the
// latest copy of every case it is sent, so that the outbox adapter and reconciliation run over real
// HTTP in tests and in the demo. It behaves like the library in the ways the adapter must respect:
// a bearer token is required, and a case's records must arrive in order (a record whose 数据版本号
// is not the next one for its case is refused with 409 and the expected version).
//
//   POST   /records                 one record, or an array of records (applied in order)
//   GET    /records?since=&limit=   the copies changed after a cursor, oldest change first
//   GET    /records/:caseNo         one copy
//   POST   /admin/load              bulk-load copies as they are (no version rule; the demo)
//   PATCH  /admin/records/:caseNo   alter fields of a stored copy (plant a mismatch)
//   DELETE /admin/records/:caseNo   drop a copy
//   GET    /admin/receipts          every record accepted through POST /records, in arrival order
//   GET    /health                  no token needed
//
// With `file`, every change is appended to a JSON-lines journal before it is acknowledged, and a
// restart on the same file replays it: the copies, the cursor and the receipts survive.

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { ExchangeRecord } from '../domain/exchange.ts';
import { recordVersion } from '../domain/exchange.ts';
import { constantTimeEqual } from '../server/crypto/index.ts';

export interface ProvinceSimulatorOptions {
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  /** The bearer token callers must present. */
  token: string;
  /** A JSON-lines journal that keeps the copies across restarts. */
  file?: string;
}

export interface Receipt {
  caseNo: string;
  version: number;
}

export interface ProvinceSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** The stored copy of a case. */
  get(caseNo: string): ExchangeRecord | undefined;
  count(): number;
  /** Test and demo hooks, the same as the /admin routes. */
  load(records: readonly ExchangeRecord[]): number;
  alter(caseNo: string, changes: ExchangeRecord): ExchangeRecord | undefined;
  remove(caseNo: string): boolean;
  receipts(): Receipt[];
}

type JournalEntry =
  | { op: 'put'; rev: number; via: 'post' | 'load' | 'alter'; record: ExchangeRecord }
  | { op: 'del'; rev: number; caseNo: string };

interface Stored {
  rev: number;
  record: ExchangeRecord;
}

const PAGE_MAX = 1000;

class Library {
  private readonly copies = new Map<string, Stored>();
  /** rev → caseNo, in rev order (a changed copy moves to the end): the cursor's order. */
  private readonly byRev = new Map<number, string>();
  private rev = 0;
  readonly accepted: Receipt[] = [];

  constructor(private readonly file: string | undefined) {
    if (!file) return;
    mkdirSync(path.dirname(file), { recursive: true });
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a line cut short by a crash: the change was never acknowledged
      }
      this.apply(entry);
    }
  }

  private apply(e: JournalEntry) {
    this.rev = Math.max(this.rev, e.rev);
    const caseNo = e.op === 'put' ? String(e.record.SBLSH) : e.caseNo;
    const old = this.copies.get(caseNo);
    if (old) this.byRev.delete(old.rev);
    if (e.op === 'del') {
      this.copies.delete(caseNo);
      return;
    }
    this.copies.set(caseNo, { rev: e.rev, record: e.record });
    this.byRev.set(e.rev, caseNo);
    if (e.via === 'post') this.accepted.push({ caseNo, version: recordVersion(e.record)! });
  }

  private commit(entries: JournalEntry[]) {
    if (this.file && entries.length)
      appendFileSync(this.file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    for (const e of entries) this.apply(e);
  }

  get(caseNo: string) {
    return this.copies.get(caseNo)?.record;
  }

  get size() {
    return this.copies.size;
  }

  /** Applies records in order; stops at the first one out of order. */
  post(
    records: readonly ExchangeRecord[],
  ):
    | { ok: true; accepted: number }
    | { ok: false; accepted: number; caseNo: string; expected: number; received: number } {
    let accepted = 0;
    for (const record of records) {
      const caseNo = String(record.SBLSH);
      const current = recordVersion(this.copies.get(caseNo)?.record ?? {}) ?? 0;
      const version = recordVersion(record)!;
      if (version !== current + 1)
        return { ok: false, accepted, caseNo, expected: current + 1, received: version };
      this.commit([{ op: 'put', rev: this.rev + 1, via: 'post', record: { ...record } }]);
      accepted++;
    }
    return { ok: true, accepted };
  }

  load(records: readonly ExchangeRecord[]) {
    let rev = this.rev;
    this.commit(records.map((record) => ({ op: 'put', rev: ++rev, via: 'load', record: { ...record } })));
    return records.length;
  }

  alter(caseNo: string, changes: ExchangeRecord) {
    const old = this.copies.get(caseNo);
    if (!old) return undefined;
    const record = { ...old.record, ...changes, SBLSH: caseNo };
    this.commit([{ op: 'put', rev: this.rev + 1, via: 'alter', record }]);
    return record;
  }

  remove(caseNo: string) {
    if (!this.copies.has(caseNo)) return false;
    this.commit([{ op: 'del', rev: this.rev + 1, caseNo }]);
    return true;
  }

  /** Copies changed after `since`, oldest change first; the cursor is the last one's change number. */
  page(since: number, limit: number) {
    const items: ExchangeRecord[] = [];
    let cursor = since;
    let more = false;
    for (const [rev, caseNo] of this.byRev) {
      if (rev <= since) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(this.copies.get(caseNo)!.record);
      cursor = rev;
    }
    return { items, cursor: String(cursor), more };
  }
}

/** Why a posted record is not one: null when it is. */
function recordProblem(r: unknown): string | null {
  if (!r || typeof r !== 'object' || Array.isArray(r)) return 'not an object';
  const rec = r as Record<string, unknown>;
  if (typeof rec.SBLSH !== 'string' || !rec.SBLSH.trim()) return 'SBLSH (申办流水号) missing';
  if (recordVersion(rec as ExchangeRecord) === null) return 'SJBBH (数据版本号) must be a positive integer';
  for (const [k, v] of Object.entries(rec))
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return `${k}: not a string or number`;
  return null;
}

function recordsOf(body: unknown): { records: ExchangeRecord[] } | { problem: string } {
  const list = Array.isArray(body) ? body : [body];
  for (const [i, r] of list.entries()) {
    const problem = recordProblem(r);
    if (problem) return { problem: Array.isArray(body) ? `record ${i}: ${problem}` : problem };
  }
  return { records: list as ExchangeRecord[] };
}

/** Starts the simulated library; `close()` stops it (its copies stay in `file`, if given). */
export async function startProvinceSimulator(opts: ProvinceSimulatorOptions): Promise<ProvinceSimulator> {
  if (opts.token.length < 16) throw new Error('the simulator token must have at least 16 characters');
  const library = new Library(opts.file);
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 * 1024, forceCloseConnections: true });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url === '/health') return;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!constantTimeEqual(bearer, opts.token)) return reply.code(401).send({ error: 'unauthorized' });
  });

  app.get('/health', async () => ({ ok: true, records: library.size }));

  app.post('/records', async (request, reply) => {
    const parsed = recordsOf(request.body);
    if ('problem' in parsed) return reply.code(400).send({ error: 'invalid', reason: parsed.problem });
    const out = library.post(parsed.records);
    if (!out.ok)
      return reply.code(409).send({
        error: 'version',
        caseNo: out.caseNo,
        expected: out.expected,
        received: out.received,
        accepted: out.accepted,
      });
    return { accepted: out.accepted };
  });

  app.get<{ Querystring: { since?: string; limit?: string } }>('/records', async (request, reply) => {
    const since = Number(request.query.since ?? '0');
    const limit = Number(request.query.limit ?? '500');
    if (!Number.isSafeInteger(since) || since < 0 || !Number.isSafeInteger(limit) || limit < 1)
      return reply.code(400).send({ error: 'invalid', reason: 'since and limit must be whole numbers' });
    return library.page(since, Math.min(limit, PAGE_MAX));
  });

  app.get<{ Params: { caseNo: string } }>('/records/:caseNo', async (request, reply) => {
    const record = library.get(request.params.caseNo);
    return record ?? reply.code(404).send({ error: 'not found' });
  });

  app.post('/admin/load', async (request, reply) => {
    const body = request.body as { records?: unknown } | unknown[];
    const parsed = recordsOf(Array.isArray(body) ? body : ((body as { records?: unknown }).records ?? []));
    if ('problem' in parsed) return reply.code(400).send({ error: 'invalid', reason: parsed.problem });
    return { loaded: library.load(parsed.records) };
  });

  app.patch<{ Params: { caseNo: string }; Body: ExchangeRecord }>(
    '/admin/records/:caseNo',
    async (request, reply) => {
      const record = library.alter(request.params.caseNo, request.body ?? {});
      return record ?? reply.code(404).send({ error: 'not found' });
    },
  );

  app.delete<{ Params: { caseNo: string } }>('/admin/records/:caseNo', async (request, reply) =>
    library.remove(request.params.caseNo)
      ? reply.code(204).send()
      : reply.code(404).send({ error: 'not found' }),
  );

  app.get('/admin/receipts', async () => library.accepted);

  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => app.close(),
    get: (caseNo) => library.get(caseNo),
    count: () => library.size,
    load: (records) => library.load(records),
    alter: (caseNo, changes) => library.alter(caseNo, changes),
    remove: (caseNo) => library.remove(caseNo),
    receipts: () => [...library.accepted],
  };
}
