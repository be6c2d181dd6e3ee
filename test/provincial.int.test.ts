import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeTime, type ExchangeRecord } from '../src/domain/exchange.ts';
import { matters } from '../src/server/modules/matters/matters.tables.ts';
import { departments } from '../src/server/modules/org/org.tables.ts';
import { caseFlagActions, caseFlags, caseOutbox, cases } from '../src/server/modules/cases/cases.tables.ts';
import { startDemoProvince } from '../src/server/modules/cases/provincial.demo.ts';
import { ProvincialService } from '../src/server/modules/cases/provincial.service.ts';
import { demoUpstreamPlant } from '../src/server/seed/demo-services.ts';
import { startProvinceSimulator, type ProvinceSimulator } from '../src/simulator/province-library.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TOKEN = 'province-test-token-0123456789';
const MINUTE = 60_000;

describe('provincial case library: outbox, simulator, reconciliation', () => {
  let ctx: TestContext;
  let sim: ProvinceSimulator;
  let dir: string;
  let matterId: string;
  // From the real time on (rows the database stamps with now() are due on this clock), only forward.
  const clock = new FakeClock(new Date());
  const province = () => ctx.services.province;

  /** A fresh session (the fake clock moves past idle limits between steps). */
  const as = (user: string): Promise<Session> => signIn(ctx.app, user);

  const outboxOf = (caseId: string) =>
    ctx.database.db.select().from(caseOutbox).where(eq(caseOutbox.caseId, caseId)).orderBy(caseOutbox.seq);

  /** A case taken in at the district hall, then the given actions, all through the API. */
  async function caseWith(
    kinds: ('accepted' | 'completed' | 'delivered')[],
  ): Promise<{ id: string; caseNo: string }> {
    const window = await as('window');
    const res = await window.request('POST', '/api/cases', {
      matterId,
      channel: 'window',
      applicant: { type: 'person', name: '测试申请人', idNumber: '11010519491231002X' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = (res.json() as Json).case as Json;
    for (const kind of kinds) await act(window, c.id as string, kind);
    return { id: c.id as string, caseNo: c.caseNo as string };
  }

  async function act(s: Session, id: string, kind: 'accepted' | 'completed' | 'delivered') {
    const current = (await s.request('GET', `/api/cases/${id}`)).json() as Json;
    const payload =
      kind === 'accepted' ? {} : kind === 'completed' ? { result: 'approved' } : { method: 'window' };
    clock.advance(MINUTE);
    const res = await s.request('POST', `/api/cases/${id}/actions`, {
      kind,
      version: current.version,
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Every record the library accepted for a case, in arrival order. */
  const receivedVersions = (caseNo: string) =>
    sim
      .receipts()
      .filter((r) => r.caseNo === caseNo)
      .map((r) => r.version);

  /** A reconciliation run by the bureau, a second after the one before (runs are listed by start). */
  const reconcileNow = (bureau: Session) => {
    clock.advance(1000);
    return bureau.request('POST', '/api/province/reconciliations');
  };

  const liveMismatch = async (caseId: string) =>
    (
      await ctx.database.db
        .select()
        .from(caseFlags)
        .where(and(eq(caseFlags.caseId, caseId), eq(caseFlags.type, 'upstream_mismatch')))
    ).filter((f) => f.status === 'open' || f.status === 'explained');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'od-province-'));
    sim = await startProvinceSimulator({ token: TOKEN, file: path.join(dir, 'library.jsonl') });
    ctx = await startTestApp({ clock, env: { PROVINCE_URL: sim.url, PROVINCE_TOKEN: TOKEN } });
    const [scj] = await ctx.database.db.select().from(departments).where(eq(departments.code, 'scj'));
    const basicCode = '000201999001';
    const [m] = await ctx.database.db
      .insert(matters)
      .values({
        code: `${scj!.uscc}4${basicCode}`,
        basicCode,
        name: '省办件库对接测试事项',
        type: 'licensing',
        level: 'district',
        departmentId: scj!.id,
        regionCode: scj!.regionCode,
        statutoryLimitDays: 20,
        committedLimitDays: 5,
        onlineDepth: 4,
        minHandlingMinutes: 0,
        stages: [
          { code: 'receive', limitDays: null, role: 'window_officer', required: true },
          { code: 'accept', limitDays: null, role: 'window_officer', required: true },
          { code: 'complete', limitDays: null, role: 'window_officer', required: true },
          { code: 'deliver', limitDays: null, role: 'window_officer', required: false },
        ],
      })
      .returning({ id: matters.id });
    matterId = m!.id;
  });

  afterAll(async () => {
    await sim.close();
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the simulator wants its token and each case in order, and pages with a stable cursor', async () => {
    const lib = await startProvinceSimulator({ token: TOKEN });
    const post = (body: unknown, token = TOKEN) =>
      fetch(`${lib.url}/records`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ SBLSH: 'SIM-1', SJBBH: 1 }, 'wrong-token-0123456789')).status).toBe(401);
    expect((await post({ SBLSH: 'SIM-1', SJBBH: 2 })).status).toBe(409);
    expect(await (await post({ SBLSH: 'SIM-1', SJBBH: 2 })).json()).toMatchObject({ expected: 1 });
    expect(
      (
        await post([
          { SBLSH: 'SIM-1', SJBBH: 1 },
          { SBLSH: 'SIM-1', SJBBH: 2 },
        ])
      ).status,
    ).toBe(200);
    expect((await post({ SBLSH: 'SIM-1', SJBBH: 2 })).status).toBe(409); // a duplicate is refused too
    expect((await post({ SBLSH: '', SJBBH: 1 })).status).toBe(400);
    expect((await post({ SBLSH: 'SIM-2', SJBBH: 1 })).status).toBe(200);

    const get = async (q: string) =>
      (await (
        await fetch(`${lib.url}/records${q}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      ).json()) as Json;
    const first = await get('?since=0&limit=1');
    expect(first.items.map((r: Json) => r.SBLSH)).toEqual(['SIM-1']);
    expect(first.more).toBe(true);
    const second = await get(`?since=${first.cursor}&limit=10`);
    expect(second.items.map((r: Json) => r.SBLSH)).toEqual(['SIM-2']);
    expect(second.more).toBe(false);
    expect((await get('/SIM-1')).SJBBH).toBe(2);
    await lib.close();
  });

  it('delivers every event of every case, in order per case, in the exchange format', async () => {
    const a = await caseWith(['accepted', 'completed']);
    const b = await caseWith(['accepted']);
    const window = await as('window');
    await act(window, a.id, 'delivered');
    await act(window, b.id, 'completed');

    const status0 = (await (await as('bureau')).request('GET', '/api/province/status')).json() as Json;
    expect(status0).toMatchObject({ configured: true, pending: 7, failingCases: 0 });

    const result = await province().deliverNow();
    expect(result).toEqual({ configured: true, delivered: 7, failed: 0, replayed: 0 });
    expect(receivedVersions(a.caseNo)).toEqual([1, 2, 3, 4]);
    expect(receivedVersions(b.caseNo)).toEqual([1, 2, 3]);

    const copy = sim.get(a.caseNo)!;
    const [row] = await ctx.database.db.select().from(cases).where(eq(cases.id, a.id));
    expect(copy).toMatchObject({
      SBLSH: a.caseNo,
      SXBM: row!.matterCode,
      SXMC: '省办件库对接测试事项',
      SQRLX: '1',
      SBQD: '1',
      BJJGDM: '1',
      BLZT: '08',
      CNSX: 5,
      FDSX: 20,
      SJBBH: 4,
      SJLX: '12',
    });
    expect(copy.SLSJ).toBe(exchangeTime(row!.acceptedAt));
    expect(copy.BJSJ).toBe(exchangeTime(row!.completedAt));
    expect(copy.SLSJ).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await outboxOf(a.id)).every((r) => r.deliveredAt !== null)).toBe(true);

    const status = (await (await as('bureau')).request('GET', '/api/province/status')).json() as Json;
    expect(status).toMatchObject({ configured: true, pending: 0, failingCases: 0, lastError: null });
    expect(status.lastDeliveryAt).not.toBeNull();
    // Only the bureau supervises the adapter.
    expect((await (await as('window')).request('GET', '/api/province/status')).statusCode).toBe(403);
  });

  it('holds every event while the library is down, backs off, and delivers all in order when it returns', async () => {
    const port = sim.port;
    const before = sim.receipts().length;
    await sim.close();

    const c = await caseWith(['accepted', 'completed']);
    const d = await caseWith(['accepted']);
    const first = await province().deliverNow();
    expect(first).toMatchObject({ delivered: 0, failed: 2 }); // one head per case, the rest wait
    const rows = await outboxOf(c.id);
    expect(rows.map((r) => r.attempts)).toEqual([1, 0, 0]);
    expect(rows[0]!.lastError).toMatch(/unreachable/);
    expect(rows[0]!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);

    // Not due yet: nothing is tried again.
    expect(await province().deliverNow()).toMatchObject({ delivered: 0, failed: 0 });

    // Hours of outage: the delay doubles up to ten minutes and stays there.
    for (let i = 0; i < 9; i++) {
      clock.advance(11 * MINUTE);
      expect(await province().deliverNow()).toMatchObject({ delivered: 0, failed: 2 });
    }
    const head = (await outboxOf(c.id))[0]!;
    expect(head.attempts).toBe(10);
    expect(head.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10 * MINUTE);

    const status = (await (await as('bureau')).request('GET', '/api/province/status')).json() as Json;
    expect(status).toMatchObject({ pending: 5, failingCases: 2 });
    expect(status.lastError.error).toMatch(/unreachable/);
    expect(status.oldestPendingSeconds).toBeGreaterThan(90 * 60);

    // The library comes back on the same address with the copies it kept.
    sim = await startProvinceSimulator({ token: TOKEN, port, file: path.join(dir, 'library.jsonl') });
    expect(sim.receipts()).toHaveLength(before);
    const res = await (await as('bureau')).request('POST', '/api/province/outbox/deliver');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ configured: true, delivered: 5, failed: 0, replayed: 0 });
    expect(receivedVersions(c.caseNo)).toEqual([1, 2, 3]);
    expect(receivedVersions(d.caseNo)).toEqual([1, 2]);
    // Nothing lost, nothing twice: one receipt per outbox row, every row delivered.
    const all = await ctx.database.db.select().from(caseOutbox);
    expect(sim.receipts()).toHaveLength(all.length);
    expect(all.every((r) => r.deliveredAt !== null)).toBe(true);
    expect(new Set(sim.receipts().map((r) => `${r.caseNo}#${r.version}`)).size).toBe(all.length);
  });

  it('takes a repeated delivery as delivered, and replays what the library lost', async () => {
    const e = await caseWith(['accepted']);
    await province().deliverNow();
    // The process died after the library stored the record but before the outbox said so.
    const [second] = (await outboxOf(e.id)).filter((r) => r.seq === 2);
    await ctx.database.db.update(caseOutbox).set({ deliveredAt: null }).where(eq(caseOutbox.id, second!.id));
    // Its lease runs out, and the row is sent again.
    expect(await province().deliverNow()).toMatchObject({ delivered: 0 });
    clock.advance(6 * MINUTE);
    expect(await province().deliverNow()).toMatchObject({ delivered: 1, failed: 0 });
    expect(receivedVersions(e.caseNo)).toEqual([1, 2]);

    // The library lost the case: the next event makes the adapter send the whole history again.
    sim.remove(e.caseNo);
    await act(await as('window'), e.id, 'completed');
    expect(await province().deliverNow()).toMatchObject({ failed: 0, replayed: 2 });
    expect(sim.get(e.caseNo)?.SJBBH).toBe(3);
    expect(receivedVersions(e.caseNo)).toEqual([1, 2, 1, 2, 3]);
  });

  it('flags every difference from the library copy, and clears the flag when the copy agrees', async () => {
    const f = await caseWith(['accepted', 'completed']);
    const g = await caseWith(['accepted']);
    await province().deliverNow();
    const original = sim.get(f.caseNo)!;
    sim.alter(f.caseNo, { BJJGDM: '2', SLSJ: '2026-03-01 09:00:00' });
    sim.remove(g.caseNo);
    sim.load([{ SBLSH: 'PROV-ONLY-1', SXBM: 'x', SJBBH: 1 }]);

    const bureau = await as('bureau');
    const res = await reconcileNow(bureau);
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json() as Json;
    expect(run).toMatchObject({
      status: 'ok',
      trigger: 'manual',
      mismatches: 1,
      missingUpstream: 1,
      unknownUpstream: 1,
    });
    expect(run.compared).toBe(sim.count() - 1);

    const [flag] = await liveMismatch(f.id);
    expect(flag).toMatchObject({ level: 'alarm', source: 'reconciliation', status: 'open' });
    expect(flag!.params).toMatchObject({
      fields: 'SLSJ,BJJGDM',
      local_SLSJ: original.SLSJ,
      upstream_SLSJ: '2026-03-01 09:00:00',
      local_BJJGDM: '1',
      upstream_BJJGDM: '2',
    });
    expect(flag!.dueOn).not.toBeNull();
    // Supervisors read the fields by their names in the standard, in their language.
    const listed = (
      await bureau.request('GET', `/api/supervision/flags?type=upstream_mismatch&caseNo=${f.caseNo}`)
    ).json() as Json;
    expect(listed.items[0].reason).toBe(
      `与省办件库的副本不一致：受理时间 ${original.SLSJ} ≠ 2026-03-01 09:00:00；办结结果代码 1 ≠ 2`,
    );
    const english = (
      await bureau.request(
        'GET',
        `/api/supervision/flags?type=upstream_mismatch&caseNo=${f.caseNo}`,
        undefined,
        {
          'accept-language': 'en',
        },
      )
    ).json() as Json;
    expect(english.items[0].reason).toMatch(/: Accepted .* ≠ 2026-03-01 09:00:00; Result code 1 ≠ 2$/);
    expect((await liveMismatch(g.id))[0]!.params).toMatchObject({ fields: 'SBLSH', upstream_SBLSH: '' });
    const [fRow] = await ctx.database.db.select().from(cases).where(eq(cases.id, f.id));
    expect(fRow!.openFlags).toBeGreaterThanOrEqual(1);

    // Run again with nothing changed: the same flags, nothing raised twice.
    expect((await reconcileNow(bureau)).json()).toMatchObject({
      mismatches: 1,
    });
    const flags = await ctx.database.db
      .select()
      .from(caseFlags)
      .where(and(inArray(caseFlags.caseId, [f.id, g.id]), eq(caseFlags.type, 'upstream_mismatch')));
    expect(flags).toHaveLength(2);

    // The library corrects its copies: the flags clear.
    sim.alter(f.caseNo, { BJJGDM: original.BJJGDM ?? null, SLSJ: original.SLSJ ?? null });
    sim.load([(await outboxOf(g.id)).at(-1)!.payload as ExchangeRecord]);
    sim.remove('PROV-ONLY-1');
    expect((await reconcileNow(bureau)).json()).toMatchObject({
      status: 'ok',
      mismatches: 0,
      missingUpstream: 0,
      unknownUpstream: 0,
    });
    expect(await liveMismatch(f.id)).toHaveLength(0);
    expect(await liveMismatch(g.id)).toHaveLength(0);
    const [cleared] = await ctx.database.db.select().from(caseFlags).where(eq(caseFlags.id, flag!.id));
    expect(cleared!.status).toBe('cleared');

    const runs = (await bureau.request('GET', '/api/province/reconciliations?pageSize=2')).json() as Json;
    expect(runs.total).toBeGreaterThanOrEqual(3);
    expect(runs.items[0]).toMatchObject({ status: 'ok', mismatches: 0 });
  });

  it('records a failed run and touches no flag when the library is down; the next run resumes', async () => {
    const h = await caseWith(['accepted', 'completed']);
    await province().deliverNow();
    sim.alter(h.caseNo, { SXBM: 'WRONG-CODE' });
    const bureau = await as('bureau');
    await reconcileNow(bureau);
    expect(await liveMismatch(h.id)).toHaveLength(1);

    // The copy is right again, but the library is down: nothing may change.
    sim.alter(h.caseNo, { SXBM: (await outboxOf(h.id)).at(-1)!.payload.SXBM as string });
    const port = sim.port;
    await sim.close();
    const actionsBefore = (await ctx.database.db.select().from(caseFlagActions)).length;
    const flagsBefore = await ctx.database.db.select().from(caseFlags);
    const res = await reconcileNow(bureau);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'failed', compared: 0, mismatches: 0 });
    expect((res.json() as Json).error).toMatch(/unreachable/);
    expect(await ctx.database.db.select().from(caseFlags)).toEqual(flagsBefore);
    expect((await ctx.database.db.select().from(caseFlagActions)).length).toBe(actionsBefore);
    expect(await liveMismatch(h.id)).toHaveLength(1);

    sim = await startProvinceSimulator({ token: TOKEN, port, file: path.join(dir, 'library.jsonl') });
    expect((await reconcileNow(bureau)).json()).toMatchObject({
      status: 'ok',
    });
    expect(await liveMismatch(h.id)).toHaveLength(0);
  });

  it('lets the rows wait when no library is configured', async () => {
    const unconfigured = new ProvincialService({
      db: ctx.database.db,
      config: { ...ctx.services.config, PROVINCE_URL: undefined },
      clock,
      audit: ctx.services.audit,
      calendar: ctx.services.calendar,
      notify: ctx.services.notify,
    });
    const i = await caseWith([]);
    expect(await unconfigured.deliverNow()).toEqual({
      configured: false,
      delivered: 0,
      failed: 0,
      replayed: 0,
    });
    expect(await unconfigured.status()).toMatchObject({ configured: false, url: null, pending: 1 });
    expect((await outboxOf(i.id))[0]!.deliveredAt).toBeNull();
    await province().deliverNow();
  });

  it('gives the demo a loaded library with one planted mismatch that reconciliation finds', async () => {
    // A separate adapter instance: the demo points its own at the simulator it starts.
    const services = { ...ctx.services };
    const plant = await demoUpstreamPlant(ctx.database.db);
    expect(plant).not.toBeNull();
    const demo = await startDemoProvince(services, plant);
    try {
      expect(demo.loaded).toBeGreaterThan(0);
      expect(demo.planted).toEqual(plant);
      const run = await services.province.reconcile('manual');
      expect(run).toMatchObject({ status: 'ok', mismatches: 1, missingUpstream: 0, unknownUpstream: 0 });
      const [planted] = await ctx.database.db
        .select()
        .from(cases)
        .where(eq(cases.caseNo, demo.planted!.caseNo));
      const [flag] = await liveMismatch(planted!.id);
      expect(flag!.params).toMatchObject({ fields: 'BJJGDM', upstream_BJJGDM: plant!.changes.BJJGDM });
    } finally {
      await demo.close();
    }
  });
});
