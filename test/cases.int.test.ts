import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStages, matterCode } from '../src/domain/matters.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { caseEvents, caseFlags, caseOutbox, cases } from '../src/server/modules/cases/cases.tables.ts';
import { matters } from '../src/server/modules/matters/matters.tables.ts';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { caseNumber } from '../src/server/modules/cases/cases.service.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** 2026-03-02 (Monday) 10:00 China time. */
const MONDAY = new Date('2026-03-02T02:00:00Z');
const DAY = 86_400_000;
const PERSON_ID = '110101199003074477';

describe('cases on the working-day clock', () => {
  let ctx: TestContext;
  const clock = new FakeClock(MONDAY);
  let licenceId: string;
  let onlineOnlyId: string;
  const as = (user: string): Promise<Session> => signIn(ctx.app, user);

  const createMatter = async (
    name: string,
    basic: string,
    extra: Partial<typeof matters.$inferInsert> = {},
  ) => {
    const dept = (await ctx.services.repos.departments.byCode('scj'))!;
    const [m] = await ctx.services.database.db
      .insert(matters)
      .values({
        code: matterCode(dept.uscc, 'district', basic),
        basicCode: basic,
        name,
        type: 'licensing',
        level: 'district',
        departmentId: dept.id,
        regionCode: dept.regionCode,
        statutoryLimitDays: 20,
        committedLimitDays: 5,
        maxExtensionDays: 10,
        visits: 0,
        onlineDepth: 4,
        stages: defaultStages('licensing', false),
        specialProcedures: ['hearing', 'expert_review'],
        ...extra,
      })
      .returning();
    return m!.id;
  };

  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    licenceId = await createMatter('食品经营许可（测试）', '000201001000');
    onlineOnlyId = await createMatter('测试即办事项', '000201002000', {
      onTheSpot: true,
      statutoryLimitDays: 0,
      committedLimitDays: 0,
      stages: defaultStages('licensing', true),
    });
  });
  afterAll(() => ctx.close());

  const intake = async (s: Session, key?: string) => {
    const res = await s.request(
      'POST',
      '/api/cases',
      {
        matterId: licenceId,
        applicant: { type: 'person', name: '张三', idNumber: PERSON_ID, phone: '13800000000' },
      },
      key ? { 'idempotency-key': key } : {},
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { case: Json; queryPassword: string };
  };
  const act = (s: Session, c: Json, kind: string, payload: Json = {}, headers: Record<string, string> = {}) =>
    s.request('POST', `/api/cases/${c.id}/actions`, { kind, version: c.version, payload }, headers);
  const ok = async (s: Session, c: Json, kind: string, payload: Json = {}) => {
    const res = await act(s, c, kind, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };

  it('an online application goes through acceptance, supplements, review, decision, completion and delivery', async () => {
    clock.set(MONDAY);
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        matterId: licenceId,
        applicant: { type: 'person', name: '李四', idNumber: PERSON_ID, phone: '13900000000' },
      },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const { caseNo, queryPassword } = applied.json() as Json;
    expect(caseNo).toMatch(/^330105202603020\d{7}$/);
    expect(queryPassword).toMatch(/^\d{6}$/);
    const [row] = await ctx.services.database.db.select().from(cases).where(eq(cases.caseNo, caseNo));
    expect(row!.applicantIdMasked).not.toContain('19900307');
    expect(row!.applicantIdEnc).not.toContain(PERSON_ID);

    const window = await as('window');
    let c = (await window.request('GET', `/api/cases/${row!.id}`)).json() as Json;
    expect(c.status).toBe('submitted');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['accepted', 'refused']));
    c = await ok(window, c, 'accepted');
    expect(c.committed).toMatchObject({ state: 'running', due: '2026-03-09', budget: 5 });
    expect(c.statutory.due).toBe('2026-03-30');

    clock.set(new Date(MONDAY.getTime() + DAY)); // Tue 03-03: supplement notice
    const officer = await as('case-scj');
    c = await ok(officer, c, 'supplement_requested', { items: [{ material: '健康证明', reason: '已过期' }] });
    expect(c.status).toBe('supplementing');
    expect(c.committed).toMatchObject({ state: 'paused', due: null, usedDays: 0 });
    expect(c.supplementItems).toEqual([{ material: '健康证明', reason: '已过期' }]);

    // The applicant sees what is missing.
    const status = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/case-status',
      payload: { caseNo, password: queryPassword },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      status: 'supplementing',
      supplementItems: [{ material: '健康证明' }],
    });
    expect(JSON.stringify(status.json())).not.toContain('case-scj');

    clock.set(new Date(MONDAY.getTime() + 3 * DAY)); // Thu 03-05: supplements in
    c = await ok(await as('case-scj'), c, 'supplement_received');
    // 03-03..03-05 removed: 03-06 1, 03-09 2, 03-10 3, 03-11 4, 03-12 5.
    expect(c.committed).toMatchObject({ state: 'running', due: '2026-03-12' });
    c = await ok(await as('case-scj'), c, 'reviewed', { opinion: '材料齐全' });
    // Staff see who acted by name (the login name stays beside it); applicants see no staff at all.
    const [officerRow] = await ctx.services.database.query<{ display_name: string }>(
      `select display_name from users where username = 'case-scj'`,
    );
    expect(c.events.at(-1)).toMatchObject({
      kind: 'reviewed',
      actorName: 'case-scj',
      actorDisplayName: officerRow!.display_name,
    });
    expect(
      JSON.stringify(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/public/case-status',
            payload: { caseNo, password: queryPassword },
          })
        ).json(),
      ),
    ).not.toContain(officerRow!.display_name);
    const approver = await as('approver-scj');
    c = await ok(approver, c, 'decided', { decision: 'approve', opinion: '准予许可' });
    c = await ok(await as('case-scj'), c, 'completed', { result: 'approved' });
    expect(c.committed).toMatchObject({ state: 'stopped', overdue: false });
    c = await ok(await as('window'), c, 'delivered', { method: 'window' });
    expect(c).toMatchObject({ status: 'delivered', open: false, result: 'approved', version: 8 });
    expect(c.events.map((e: Json) => e.kind)).toEqual([
      'submitted',
      'accepted',
      'supplement_requested',
      'supplement_received',
      'reviewed',
      'decided',
      'completed',
      'delivered',
    ]);
    expect(c.flags).toEqual([]);

    const outbox = await ctx.services.database.db
      .select()
      .from(caseOutbox)
      .where(eq(caseOutbox.caseId, c.id));
    expect(outbox.map((o) => o.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const audits = await ctx.services.database.db.select().from(auditLog).where(eq(auditLog.target, c.id));
    expect(audits.length).toBe(8);

    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/case-status',
      payload: { caseNo, password: '000000' },
    });
    expect(wrong.statusCode).toBe(404);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/case-status',
      payload: { caseNo: '330105x', password: queryPassword },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().fields).toEqual(wrong.json().fields);
  });

  it('refuses illegal transitions with 409 and the reason, in the caller language', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const officer = await as('case-scj');
    const early = await act(officer, c, 'completed', { result: 'approved' });
    expect(early.statusCode).toBe(409);
    expect(early.json().fields[0].message).toBe('办件尚未受理');
    const accepted = await ok(window, c, 'accepted');
    const twice = await window.request(
      'POST',
      `/api/cases/${c.id}/actions`,
      { kind: 'accepted', version: accepted.version, payload: {} },
      { 'accept-language': 'en' },
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.json().fields[0].message).toBe('The case has already been accepted or refused');
    // The window cannot decide: the matter names the approver.
    const decide = await act(window, accepted, 'decided', { decision: 'approve', opinion: 'x' });
    expect(decide.statusCode).toBe(403);
    // Another department's approver does not even see the case.
    const other = await act(await as('approver-mzj'), accepted, 'reviewed', { opinion: 'x' });
    expect(other.statusCode).toBe(404);
    // A stale version is refused.
    const stale = await act(officer, c, 'reviewed', { opinion: 'x' });
    expect(stale.statusCode).toBe(409);
    const withdrawn = await ok(window, accepted, 'withdrawn', { reason: '申请人撤回' });
    const closed = await act(officer, withdrawn, 'reviewed', { opinion: 'x' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().fields[0].message).toBe('办件已结束，不能再办理');
  });

  it('is idempotent by key, and of two concurrent actions one wins and the other gets 409', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const first = await intake(window, 'intake-key-1');
    const again = await intake(window, 'intake-key-1');
    expect(again.case.id).toBe(first.case.id);
    expect(again.queryPassword).toBeNull();
    // The key is the caller's: another window with the same key takes in its own case, and the
    // same key for a different application is refused rather than answered with the first case.
    const other = await intake(await as('window-330105012'), 'intake-key-1');
    expect(other.case.id).not.toBe(first.case.id);
    const reused = await window.request(
      'POST',
      '/api/cases',
      { matterId: licenceId, applicant: { type: 'person', name: '另一人', idNumber: PERSON_ID } },
      { 'idempotency-key': 'intake-key-1' },
    );
    expect(reused.statusCode).toBe(409);
    // Two racing retries of one online application create one case.
    const application = {
      matterId: licenceId,
      channel: 'online',
      applicant: { type: 'person', name: '赵六', idNumber: PERSON_ID, phone: '13800000000' },
    };
    const raced = await Promise.all(
      [1, 2].map(() =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/public/applications',
          payload: application,
          headers: { 'idempotency-key': 'online-race-1' },
        }),
      ),
    );
    expect(raced.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(new Set(raced.map((r) => r.json().caseNo)).size).toBe(1);

    const c = first.case;
    const key = { 'idempotency-key': 'accept-1' };
    const a = await act(window, c, 'accepted', {}, key);
    const b = await act(window, c, 'accepted', {}, key);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(b.json().version).toBe(a.json().version);
    const events = await ctx.services.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, c.id));
    expect(events.length).toBe(2);

    const accepted = a.json() as Json;
    const officer = await as('case-scj');
    const results = await Promise.all([
      act(officer, accepted, 'reviewed', { opinion: 'A' }),
      act(officer, accepted, 'supplement_requested', { items: [{ material: 'B', reason: 'B' }] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = await ctx.services.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id));
    expect(after.length).toBe(3);
  });

  it('an action that fails half way leaves nothing of itself: no event, no projection, no flag, no audit', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const db = ctx.services.database.db;
    const count = async () => ({
      events: (await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))).length,
      outbox: (await db.select().from(caseOutbox).where(eq(caseOutbox.caseId, c.id))).length,
      audit: (await db.select().from(auditLog).where(eq(auditLog.target, c.id))).length,
      row: (await db.select().from(cases).where(eq(cases.id, c.id)))[0]!,
    });
    const before = await count();
    // The last write of the action (the outbox row, after the event, the projection and the flags) fails,
    // as a crash or a lost connection would make it.
    const repo = ctx.services.cases.repo;
    const original = repo.enqueueOutbox.bind(repo);
    repo.enqueueOutbox = async () => {
      throw new Error('connection lost');
    };
    try {
      expect((await act(window, c, 'accepted')).statusCode).toBe(500);
    } finally {
      repo.enqueueOutbox = original;
    }
    const after = await count();
    expect(after.events).toBe(before.events);
    expect(after.outbox).toBe(before.outbox);
    expect(after.audit).toBe(before.audit);
    expect(after.row).toEqual(before.row);
    // And the same action goes through once the fault is gone.
    expect((await act(window, c, 'accepted')).statusCode).toBe(200);
  });

  it('bad input names the field', async () => {
    const window = await as('window');
    const res = await window.request('POST', '/api/cases', {
      matterId: licenceId,
      applicant: { type: 'person', name: '王五', idNumber: '110101199003074478' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      path: 'applicant.idNumber',
      message: '身份证号码校验码不符，请核对是否输错',
    });
    const noItems = await window.request('POST', `/api/cases/${(await intake(window)).case.id}/actions`, {
      kind: 'supplement_requested',
      version: 1,
      payload: { items: [] },
    });
    expect(noItems.statusCode).toBe(400);
    expect(noItems.json().fields[0].path).toContain('items');
    // Unknown fields are refused, not dropped; a department applicant must exist and be a department.
    const extra = await window.request('POST', '/api/cases', {
      matterId: licenceId,
      applicant: { type: 'person', name: '王五', idNumber: PERSON_ID },
      priority: 'high',
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.body).toContain('priority');
    const ghost = await window.request('POST', '/api/cases', {
      matterId: licenceId,
      applicant: {
        type: 'person',
        name: '王五',
        idNumber: PERSON_ID,
        departmentId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().fields[0]).toMatchObject({ path: 'applicant.departmentId' });
  });

  it('raises an overdue flag in the scan, and recomputes open deadlines when the calendar is corrected', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const accepted = await ok(window, c, 'accepted');
    expect(accepted.committed.due).toBe('2026-03-09');

    // The administrator adds a holiday on 2026-03-04: the open case's deadline moves a day.
    const year = await ctx.services.calendar.year(2026);
    await ctx.services.calendar.setYear(
      { year: 2026, holidays: [...year.holidays, '2026-03-04'], makeUpWorkdays: year.makeUpWorkdays },
      'test correction',
      systemActor('test'),
    );
    const [row] = await ctx.services.database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.committedDue).toBe('2026-03-10');
    const recompute = await ctx.services.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cases.clocks.recompute'));
    expect(recompute.length).toBeGreaterThan(0);

    clock.set(new Date(MONDAY.getTime() + 9 * DAY)); // Wed 03-11: past 03-10
    const scan = await ctx.services.cases.scan(clock.now());
    expect(scan.flagged).toBeGreaterThan(0);
    const flags = await ctx.services.database.db
      .select()
      .from(caseFlags)
      .where(and(eq(caseFlags.caseId, c.id), eq(caseFlags.type, 'overdue_committed')));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.params).toMatchObject({ due: '2026-03-10', days: 1 });
    // The department's case people hear of it once per scan, with the count and the rectification date.
    const officer = await as('case-scj');
    const inbox = (await officer.request('GET', '/api/inbox?unread=true&pageSize=200')).json() as Json;
    const overdue = inbox.items.filter((m: Json) => m.kind === 'cases.overdue');
    expect(overdue).toHaveLength(1);
    const raisedHere = await ctx.services.database.query(
      `select f.id from case_flags f join departments d on d.id = f.department_id
        where d.code = 'scj' and f.source = 'scan' and f.detected_at = $1`,
      [clock.now()],
    );
    expect(raisedHere.length).toBeGreaterThan(0);
    expect(overdue[0].title).toMatch(
      new RegExp(`^新增超期办件 ${raisedHere.length} 件，请于 \\d{4}-\\d{2}-\\d{2} 前整改$`),
    );
    const again = await ctx.services.cases.scan(clock.now());
    expect(again.flagged).toBe(0);
    const after = (await officer.request('GET', '/api/inbox?unread=true&pageSize=200')).json() as Json;
    expect(after.items.filter((m: Json) => m.kind === 'cases.overdue')).toHaveLength(1);

    const queue = (await (await as('window')).request('GET', '/api/cases?clock=overdue')).json() as Json;
    expect(queue.items.map((i: Json) => i.id)).toContain(c.id);
    await ctx.services.calendar.setYear(year, 'undo test correction', systemActor('test'));
  });

  it('a department role acts on its own department only, even beside a role that reads the whole district', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const accepted = await ok(window, c, 'accepted');
    // Another department's approver who is also a district leader (reads every case) …
    await ctx.services.database.db.execute(
      sql`insert into user_roles (user_id, role) select id, 'leader' from users where username = 'approver-mzj'`,
    );
    const mixed = await as('approver-mzj');
    const seen = await mixed.request('GET', `/api/cases/${c.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
    expect(seen.json().canUnmask).toBe(false);
    // … may not grant an extension (an approver's step) on the market regulator's case.
    const refused = await act(mixed, accepted, 'extended', { days: 2, reason: '需要现场核查' });
    expect(refused.statusCode).toBe(403);
    // … nor see the applicant in full: its unmask permission is for its own department's cases.
    const unmask = await mixed.request('POST', `/api/cases/${c.id}/unmask`, { reason: '核实申请人身份' });
    expect(unmask.statusCode).toBe(404);
    const own = (await (await as('approver-scj')).request('GET', `/api/cases/${c.id}`)).json();
    expect(own.allowedActions).toContain('extended');
    expect(own.canUnmask).toBe(true);

    // A department's case officer takes in its own department's matters only.
    const body = {
      matterId: licenceId,
      applicant: { type: 'person', name: '李四', idNumber: PERSON_ID },
    };
    const foreign = await (await as('case-mzj')).request('POST', '/api/cases', body);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields).toEqual([
      expect.objectContaining({ path: 'matterId', message: '只能收取本部门事项的办件' }),
    ]);
    expect((await (await as('case-scj')).request('POST', '/api/cases', body)).statusCode).toBe(201);
  });

  it('locks a case number after repeated wrong query passwords, for the lookup and the evaluation form alike', async () => {
    clock.set(MONDAY);
    const { case: c, queryPassword } = await intake(await as('window'));
    const lookup = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/public/case-status',
        payload: { caseNo: c.caseNo, password },
      });
    const wrong = queryPassword === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) expect((await lookup(wrong)).statusCode).toBe(404);
    const evaluate = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/evaluations',
      payload: { caseNo: c.caseNo, password: wrong, stage: 'accepted', grade: 1 },
    });
    // The fifth failure (LOCKOUT_THRESHOLD), counted across both doors, locks the number …
    expect(evaluate.statusCode).toBe(429);
    const locked = await lookup(queryPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({
      code: 'CASE_QUERY_LOCKED',
      message: '该办件的查询密码错误次数过多，已暂时锁定，请 15 分钟后再试',
    });
    expect(locked.json().fields).toBeUndefined();
    // Each failed lookup and the lock are in the audit trail, never the password tried.
    const trail = await ctx.services.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.target, c.caseNo),
          inArray(auditLog.action, ['case.status.lookup', 'case.query.lock']),
        ),
      )
      .orderBy(auditLog.seq);
    expect(trail.map((r) => [r.action, r.result])).toEqual([
      ...Array(4).fill(['case.status.lookup', 'failure']),
      ['case.query.lock', 'success'],
    ]);
    expect(JSON.stringify(trail.map((r) => r.detail))).not.toContain(wrong);
    // … an unknown number locks the same way, so a lock tells nothing …
    for (let i = 0; i < 5; i++)
      await ctx.app.inject({
        method: 'POST',
        url: '/api/public/case-status',
        payload: { caseNo: 'NO-SUCH-CASE', password: wrong },
      });
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/public/case-status',
          payload: { caseNo: 'NO-SUCH-CASE', password: wrong },
        })
      ).statusCode,
    ).toBe(429);
    // … and the lock ends after LOCKOUT_MINUTES.
    clock.set(new Date(MONDAY.getTime() + 16 * 60_000));
    expect((await lookup(queryPassword)).statusCode).toBe(200);
  });

  it('takes the next free case number when an imported case holds the one the sequence would give', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: first } = await intake(window);
    // The number after it, as an imported case might already hold it.
    const serial = Number(first.caseNo.slice(-8)) + 1;
    const taken = caseNumber(first.caseNo.slice(0, 6), MONDAY, serial);
    const { case: other } = await intake(window);
    await ctx.services.database.db.update(cases).set({ caseNo: taken }).where(eq(cases.id, other.id));
    await ctx.services.database.query(`select setval('case_no_seq', $1::bigint)`, [serial - 1]);
    const { case: next } = await intake(window);
    expect(next.caseNo).not.toBe(taken);
    expect(Number(next.caseNo.slice(-8))).toBe(serial + 1);
  });

  it('exports the supplement notice as a workbook, in the caller language, within scope, audited', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const accepted = await ok(window, c, 'accepted');
    const url = `/api/cases/${c.id}/supplement-notice.xlsx`;
    const none = await window.request('GET', url);
    expect(none.statusCode).toBe(404);
    expect(none.json().fields[0].message).toBe('该办件尚无补正告知');

    const officer = await as('case-scj');
    await ok(officer, accepted, 'supplement_requested', {
      items: [
        { material: '营业执照副本', reason: '复印件不清晰' },
        { material: '健康证明', reason: '已过期' },
      ],
    });
    const read = async (res: { statusCode: number; rawPayload: Buffer }) => {
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const rows: unknown[][] = [];
      sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const zh = await read(await officer.request('GET', url));
    expect(zh[0]![0]).toBe('补正材料告知书');
    expect(zh.map((r) => r[0])).toContain(c.caseNo);
    // The notice names a person masked, like every staff view (the page prints the full name once unmasked).
    expect(zh.map((r) => r[0])).toContain('张*：');
    const items = zh.filter((r) => typeof r[0] === 'number');
    expect(items).toEqual([
      [1, '营业执照副本', '复印件不清晰'],
      [2, '健康证明', '已过期'],
    ]);
    const en = await read(await officer.request('GET', url, undefined, { 'accept-language': 'en' }));
    expect(en[0]![0]).toBe('Notice of materials to supplement');

    // Another department's officer does not see the case at all.
    expect((await (await as('case-mzj')).request('GET', url)).statusCode).toBe(404);
    const audited = await ctx.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'cases.supplementNotice.export'), eq(auditLog.target, c.id)));
    expect(audited.length).toBe(2);
  });

  it('a recompute that read a case before an action does not overwrite the clocks the action wrote', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    const accepted = await ok(window, c, 'accepted');
    const repo = ctx.services.cases.repo;
    const [read] = (await repo.openClockBatch(null, 10_000)).filter((r) => r.id === c.id);
    expect(read!.version).toBe(accepted.version);
    // The officer pauses the case (a supplement notice) after the recompute read it …
    const officer = await as('case-scj');
    const paused = await ok(officer, accepted, 'supplement_requested', {
      items: [{ material: '营业执照副本', reason: '复印件不清晰' }],
    });
    expect(paused.committed.state).toBe('paused');
    // … and the recompute then writes what it computed from the older inputs: it must not land.
    await ctx.services.database.db.transaction((tx) =>
      repo.saveClocks(
        tx,
        [{ ...read!, clockState: 'running', committedDue: '2026-12-31', usedDays: 99 }],
        999,
      ),
    );
    const [row] = await ctx.services.database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ clockState: 'paused', committedDue: null, version: paused.version });
    expect(row!.usedDays).not.toBe(99);
  });

  it('the queue puts the nearest deadline first and scopes by role', async () => {
    clock.set(MONDAY);
    const window = await as('window');
    const { case: c } = await intake(window);
    await ok(window, c, 'accepted');
    const list = (await window.request('GET', '/api/cases?pageSize=200')).json() as Json;
    // Live clocks first, nearest deadline first; cases waiting only for delivery (stopped) after them.
    const stoppedFlags = list.items.map((i: Json) => i.committed.state === 'stopped');
    expect([...stoppedFlags].sort()).toEqual(stoppedFlags);
    const live = list.items.filter((i: Json) => i.committed.state !== 'stopped');
    const dues = live.map((i: Json) => i.committed.due).filter((d: string | null) => d !== null);
    expect([...dues].sort()).toEqual(dues);
    const other = (await (await as('case-mzj')).request('GET', '/api/cases')).json() as Json;
    const mzj = (await ctx.services.repos.departments.byCode('mzj'))!;
    expect(other.items.length).toBeGreaterThan(0);
    expect(other.items.every((i: Json) => i.department.id === mzj.id)).toBe(true);
    const street = (await (await as('window-330105012')).request('GET', `/api/cases/${c.id}`)).statusCode;
    expect(street).toBe(404);
    void onlineOnlyId;
  });
});
