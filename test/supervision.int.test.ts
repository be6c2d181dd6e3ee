import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlagType } from '../src/domain/case-flags.ts';
import type { CaseEvent } from '../src/domain/cases.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { caseEvaluations, caseFlagActions, caseFlags } from '../src/server/modules/cases/cases.tables.ts';
import { caseFlagStore } from '../src/server/modules/cases/flags.repo.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';
import {
  at,
  departmentId,
  insertCase,
  insertDepartment,
  insertMatter,
  lifecycle,
  type CaseRow,
} from './supervision-fixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Thursday 2026-02-12, 10:00 in Beijing: five working days later is 2026-02-26, across the Spring
// Festival holiday (02-15 … 02-23) and the make-up Saturday 02-14 (official 2026 schedule).
const NOW = at('2026-02-12 10:00');
const FIVE_WORKDAYS_LATER = '2026-02-26';

describe('supervision of overdue and abnormal cases', () => {
  let ctx: TestContext;
  let clock: FakeClock;
  let bureau: Session;
  let leader: Session;
  let caseScj: Session;
  let approverScj: Session;
  let caseMzj: Session;
  let windowHall: Session;
  let scj: string;

  const raise = (c: CaseRow, type: FlagType, dueOn: string | null, when = NOW) =>
    ctx.database.db.transaction(
      async (tx) =>
        (
          await caseFlagStore.raise(tx, c, {
            type,
            params: { note: 'test' },
            source: 'rule',
            at: when,
            dueOn,
            actorName: 'system',
          })
        ).id,
    );
  const tick = () => clock.advance(60_000);
  const inbox = async (s: Session) =>
    ((await s.request('GET', '/api/inbox?pageSize=200')).json() as Json).items as Json[];
  const auditOf = (target: string) =>
    ctx.database.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(auditLog.seq);

  beforeAll(async () => {
    clock = new FakeClock(NOW);
    ctx = await startTestApp({ clock });
    bureau = await signIn(ctx.app, 'bureau');
    leader = await signIn(ctx.app, 'leader');
    caseScj = await signIn(ctx.app, 'case-scj');
    approverScj = await signIn(ctx.app, 'approver-scj');
    caseMzj = await signIn(ctx.app, 'case-mzj');
    windowHall = await signIn(ctx.app, 'window');
    scj = await departmentId(ctx, 'scj');
  });
  afterAll(async () => ctx?.close());

  it('runs a rectification: the department explains, the bureau sends it back, it corrects, the bureau closes it', async () => {
    const matter = await insertMatter(ctx, { departmentId: scj });
    const c = await insertCase(ctx, {
      matter,
      events: lifecycle('2026-02-09 09:00', '2026-02-09 09:10', '2026-02-09 09:12'),
    });
    const id = await raise(c, 'too_fast', '2026-02-20');

    const list = await bureau.request('GET', `/api/supervision/flags?caseNo=${c.caseNo}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id, type: 'too_fast', level: 'warning', status: 'open' }],
    });

    // Another department neither sees nor rectifies it; the bureau does not rectify; approvers do not review.
    expect((await caseMzj.request('GET', `/api/supervision/flags/${id}`)).statusCode).toBe(404);
    expect((await caseMzj.request('GET', `/api/supervision/flags?caseNo=${c.caseNo}`)).json()).toMatchObject({
      total: 0,
    });
    const body = { kind: 'correct', note: '已补录审查环节' };
    expect((await caseMzj.request('POST', `/api/supervision/flags/${id}/rectify`, body)).statusCode).toBe(
      404,
    );
    expect((await bureau.request('POST', `/api/supervision/flags/${id}/rectify`, body)).statusCode).toBe(403);
    expect(
      (await approverScj.request('POST', `/api/supervision/flags/${id}/review`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    // Reviewing before anything was submitted is an illegal transition.
    const early = await bureau.request('POST', `/api/supervision/flags/${id}/review`, { decision: 'accept' });
    expect(early.statusCode).toBe(409);
    expect(early.json().fields[0].message).not.toBe('');

    tick();
    const explained = await caseScj.request('POST', `/api/supervision/flags/${id}/rectify`, {
      kind: 'explain',
      note: '该事项为即时核验，用时短属正常',
    });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json()).toMatchObject({
      status: 'explained',
      actions: [{ action: 'raised' }, { action: 'explained', kind: 'explain' }],
    });
    expect(
      (await inbox(bureau)).some((m) => m.kind === 'cases.flag.explained' && m.title.includes(c.caseNo)),
    ).toBe(true);
    // Twice is refused with the reason.
    const twice = await approverScj.request('POST', `/api/supervision/flags/${id}/rectify`, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'status' }] });

    // Sending it back needs a note; it reopens with a new deadline in working days and tells the department.
    expect(
      (await bureau.request('POST', `/api/supervision/flags/${id}/review`, { decision: 'reject' }))
        .statusCode,
    ).toBe(400);
    tick();
    const rejected = await bureau.request('POST', `/api/supervision/flags/${id}/review`, {
      decision: 'reject',
      note: '说明不充分，请补充核验记录',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'open', dueOn: FIVE_WORKDAYS_LATER, closedAt: null });
    for (const s of [caseScj, approverScj])
      expect(
        (await inbox(s)).some(
          (m) => m.kind === 'cases.flag.rejected' && m.body.includes(FIVE_WORKDAYS_LATER),
        ),
      ).toBe(true);
    expect((await inbox(caseMzj)).some((m) => m.kind === 'cases.flag.rejected')).toBe(false);

    tick();
    expect((await caseScj.request('POST', `/api/supervision/flags/${id}/rectify`, body)).statusCode).toBe(
      200,
    );
    tick();
    const closed = await bureau.request('POST', `/api/supervision/flags/${id}/review`, {
      decision: 'accept',
      note: '同意销号',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = closed.json();
    expect(detail).toMatchObject({
      status: 'closed',
      closedAt: new Date(NOW.getTime() + 4 * 60_000).toISOString(),
    });
    expect(detail.actions.map((a: Json) => a.action)).toEqual([
      'raised',
      'explained',
      'rejected',
      'explained',
      'accepted',
    ]);
    expect(detail.actions[2]).toMatchObject({ note: '说明不充分，请补充核验记录', actorName: 'bureau' });
    expect(detail.case).toMatchObject({ caseNo: c.caseNo, openFlags: 0 });

    // A closed flag takes no more steps.
    expect((await caseScj.request('POST', `/api/supervision/flags/${id}/rectify`, body)).statusCode).toBe(
      409,
    );
    expect(
      (await bureau.request('POST', `/api/supervision/flags/${id}/review`, { decision: 'accept' }))
        .statusCode,
    ).toBe(409);

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual([
      'case.flag.rectify',
      'case.flag.review',
      'case.flag.rectify',
      'case.flag.review',
    ]);
    expect(audit.map((a) => (a.detail as Json).decision ?? (a.detail as Json).kind)).toEqual([
      'explain',
      'reject',
      'correct',
      'accept',
    ]);
  });

  it('lets one of two concurrent rectifications win', async () => {
    const matter = await insertMatter(ctx, { departmentId: scj });
    const c = await insertCase(ctx, { matter, events: lifecycle('2026-02-09 09:00', '2026-02-09 09:10') });
    const id = await raise(c, 'outside_working_time', '2026-02-20');
    const body = { kind: 'explain', note: '窗口延时服务' };
    const answers = await Promise.all([
      caseScj.request('POST', `/api/supervision/flags/${id}/rectify`, body),
      approverScj.request('POST', `/api/supervision/flags/${id}/rectify`, body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const actions = await ctx.database.db
      .select()
      .from(caseFlagActions)
      .where(eq(caseFlagActions.flagId, id));
    expect(actions.filter((a) => a.action === 'explained')).toHaveLength(1);
  });

  it('filters, sorts and shows overdue rectifications; exports in the caller’s language', async () => {
    const matter = await insertMatter(ctx, { departmentId: scj });
    const late = await insertCase(ctx, { matter, events: lifecycle('2026-02-02 09:00', '2026-02-02 09:10') });
    const fresh = await insertCase(ctx, {
      matter,
      events: lifecycle('2026-02-02 09:00', '2026-02-02 09:10'),
    });
    const lateId = await raise(late, 'upstream_mismatch', '2026-02-10', at('2026-02-03 10:00'));
    const freshId = await raise(fresh, 'outside_working_time', '2026-02-20');

    const get = async (s: Session, q: string) => {
      const res = await s.request('GET', `/api/supervision/flags?departmentId=${scj}&pageSize=200&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Json[]).map((i) => i.id);
    };
    const overdue = await get(bureau, 'rectificationOverdue=true');
    expect(overdue).toContain(lateId);
    expect(overdue).not.toContain(freshId);
    const notOverdue = await get(caseScj, 'rectificationOverdue=false');
    expect(notOverdue).toContain(freshId);
    expect(notOverdue).not.toContain(lateId);
    expect(await get(bureau, 'level=alarm&type=upstream_mismatch')).toContain(lateId);
    expect(await get(bureau, 'level=notice')).not.toContain(lateId);
    const byLevel = (
      await (
        await bureau.request('GET', `/api/supervision/flags?departmentId=${scj}&sort=-level&pageSize=200`)
      ).json()
    ).items as Json[];
    const ranks = byLevel.map((f) => ({ alarm: 3, warning: 2, notice: 1 })[f.level as 'alarm']);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const item = (await (await bureau.request('GET', `/api/supervision/flags?caseNo=${late.caseNo}`)).json())
      .items[0];
    expect(item).toMatchObject({ rectificationOverdue: true, dueOn: '2026-02-10', department: { id: scj } });

    // A department role only reaches its own department, whatever filter it sends.
    const mzjView = await caseMzj.request('GET', `/api/supervision/flags?departmentId=${scj}`);
    expect(mzjView.json()).toMatchObject({ total: 0 });
    // Roles with neither supervision nor rectification are refused.
    expect((await windowHall.request('GET', '/api/supervision/flags')).statusCode).toBe(403);
    expect((await leader.request('GET', '/api/supervision/flags')).statusCode).toBe(403);

    const xlsx = await bureau.request(
      'GET',
      `/api/supervision/flags/export.xlsx?caseNo=${late.caseNo}`,
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Case number');
    expect(sheet.getRow(2).getCell(1).value).toBe(late.caseNo);
    expect(sheet.getRow(2).getCell(4).value).toBe('Differs from the provincial library');
    expect(sheet.getRow(2).getCell(5).value).toBe('Alarm');
    const zh = await bureau.request('GET', `/api/supervision/flags/export.xlsx?caseNo=${late.caseNo}`);
    const zhBook = new ExcelJS.Workbook();
    await zhBook.xlsx.load(zh.rawPayload as unknown as ArrayBuffer);
    expect(zhBook.worksheets[0]!.getRow(1).getCell(1).value).toBe('申办流水号');
    const exports = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'case.flags.export'));
    expect(exports.length).toBeGreaterThanOrEqual(2);
  });

  it('summarises the flags in one answer that agrees with the list, the bureau all, a department its own', async () => {
    const total = async (s: Session, q: string) =>
      (await s.request('GET', `/api/supervision/flags?pageSize=1&${q}`)).json().total as number;
    for (const [s, q] of [
      [bureau, ''],
      [caseScj, ''],
      [bureau, `departmentId=${(await ctx.services.repos.departments.byCode('scj'))!.id}`],
    ] as const) {
      const res = await s.request('GET', `/api/supervision/flags/summary?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const sum = res.json();
      expect(sum.open).toBe(await total(s, `${q}&status=open`));
      expect(sum.explained).toBe(await total(s, `${q}&status=explained`));
      expect(sum.rectificationOverdue).toBe(await total(s, `${q}&rectificationOverdue=true`));
      expect(sum.alarm).toBe(await total(s, `${q}&status=open&level=alarm`));
      for (const [type, n] of Object.entries(sum.openByType as Record<string, number>))
        expect(n).toBe(await total(s, `${q}&status=open&type=${type}`));
      expect(Object.values(sum.openByLevel as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
        sum.open,
      );
    }
    // A department sees only its own, whatever it asks for.
    const mzj = (await ctx.services.repos.departments.byCode('mzj'))!.id;
    const own = (await caseScj.request('GET', `/api/supervision/flags/summary?departmentId=${mzj}`)).json();
    expect(own.open).toBe(0);
  });

  it('ranks departments with figures a test computes by hand from a small data set', async () => {
    const a = await insertDepartment(ctx, '测试甲局');
    const b = await insertDepartment(ctx, '测试乙局');
    const ma = await insertMatter(ctx, { departmentId: a.id, committed: 5, statutory: 20 });
    const mb = await insertMatter(ctx, { departmentId: b.id, committed: 5, statutory: 20 });
    // 2026: 01-01…03 holiday, Sunday 01-04 worked. Accepted Monday 01-05 → due 01-12 (06 07 08 09 12):
    // completed on the due day is on time, half an hour after midnight (Beijing time) the next day is late.
    const onTime = await insertCase(ctx, {
      matter: ma,
      events: lifecycle('2026-01-05 09:00', '2026-01-05 10:00', '2026-01-12 16:00'),
    });
    const late = await insertCase(ctx, {
      matter: ma,
      events: lifecycle('2026-01-05 09:00', '2026-01-05 10:00', '2026-01-13 00:30'),
    });
    // Accepted 02-02 → due 02-09: still open on 02-12, overdue.
    const running = await insertCase(ctx, {
      matter: ma,
      events: lifecycle('2026-02-02 09:00', '2026-02-02 10:00'),
    });
    // Accepted 02-11 → due 02-25 (12, 13, Saturday 14, 24, 25): not overdue.
    const young = await insertCase(ctx, {
      matter: ma,
      events: lifecycle('2026-02-11 09:00', '2026-02-11 10:00'),
    });
    // Before the period: counts nowhere.
    const old = await insertCase(ctx, {
      matter: ma,
      events: lifecycle('2025-12-30 09:00', '2025-12-30 10:00', '2025-12-31 10:00'),
    });
    await insertCase(ctx, {
      matter: mb,
      events: lifecycle('2026-01-06 09:00', '2026-01-06 10:00', '2026-01-07 10:00'),
    });
    expect([onTime.committedDue, late.committedDue, running.committedDue, young.committedDue]).toEqual([
      '2026-01-12',
      '2026-01-12',
      '2026-02-09',
      '2026-02-25',
    ]);

    const db = ctx.database.db;
    const closeWith = async (id: string, explainedAt: string, status: 'explained' | 'closed') => {
      await db.insert(caseFlagActions).values({
        flagId: id,
        action: 'explained',
        kind: 'explain',
        note: '说明',
        actorName: 't',
        at: at(explainedAt),
      });
      await db.update(caseFlags).set({ status }).where(eq(caseFlags.id, id));
    };
    // Explained on the day of its deadline and closed: on time.
    await closeWith(
      await raise(late, 'too_fast', '2026-01-27', at('2026-01-20 16:00')),
      '2026-01-27 17:00',
      'closed',
    );
    // Explained half an hour into the day after its deadline (Beijing time): late.
    await closeWith(
      await raise(running, 'missing_stage', '2026-02-05', at('2026-02-02 11:00')),
      '2026-02-06 00:30',
      'closed',
    );
    // Open past its deadline: due, not on time.
    await raise(running, 'outside_working_time', '2026-02-10', at('2026-02-03 10:00'));
    // Explained (awaiting review) on time.
    await closeWith(
      await raise(onTime, 'upstream_mismatch', '2026-02-20', at('2026-02-09 10:00')),
      '2026-02-12 09:00',
      'explained',
    );
    // Open, deadline not reached: not yet due.
    await raise(young, 'result_missing', '2026-02-25', at('2026-02-11 11:00'));
    // Overdue flag: not abnormal, but its rectification is due (deadline passed).
    await raise(running, 'overdue_committed', '2026-02-11', at('2026-02-10 01:00'));
    // Cleared by the engine: counts nowhere.
    await raise(onTime, 'committed_above_statutory', '2026-02-20', at('2026-02-09 10:00'));
    await db.transaction((tx) =>
      caseFlagStore.clear(tx, onTime.id, 'committed_above_statutory', NOW, 'system'),
    );
    // A flag of a case before the period, detected before it: counts nowhere.
    await raise(old, 'too_fast', '2026-01-05', at('2025-12-31 11:00'));

    const evaluation = (
      c: CaseRow,
      stage: 'accepted' | 'completed',
      grade: number,
      realName: boolean,
      when: string,
      visited = false,
    ) =>
      db.insert(caseEvaluations).values({
        caseId: c.id,
        stage,
        grade,
        realName,
        at: at(when),
        ...(visited ? { returnVisitAt: at(when), returnVisitBy: 't', returnVisitNote: '已回访' } : {}),
      });
    await evaluation(onTime, 'accepted', 5, false, '2026-01-05 11:00');
    await evaluation(onTime, 'completed', 4, true, '2026-01-13 11:00');
    await evaluation(late, 'completed', 1, true, '2026-01-21 11:00', true);
    await evaluation(late, 'accepted', 2, true, '2026-01-06 11:00');
    await evaluation(running, 'accepted', 3, false, '2026-02-03 11:00');
    await evaluation(old, 'completed', 1, true, '2025-12-31 12:00');

    const res = await bureau.request(
      'GET',
      '/api/supervision/ranking?from=2026-01-01&to=2026-02-12&sort=-onTimeRate',
    );
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out).toMatchObject({ from: '2026-01-01', to: '2026-02-12' });
    const rowA = out.items.find((r: Json) => r.department.id === a.id);
    const rowB = out.items.find((r: Json) => r.department.id === b.id);
    expect(rowA).toEqual({
      department: { id: a.id, code: a.code, name: a.name },
      cases: 4,
      completed: 2,
      onTime: 1,
      onTimeRate: 0.5,
      overdue: 2, // `late` (completed 00:30 Beijing time on 01-13 > 01-12) and `running` (02-12 > 02-09)
      abnormal: 5,
      abnormalByLevel: { notice: 1, warning: 3, alarm: 1 },
      rectificationsDue: 5, // all but the young result_missing (and the cleared one)
      rectifiedOnTime: 2,
      rectificationOnTimeRate: 0.4,
      evaluations: 5,
      averageGrade: 3,
      poorEvaluations: 2,
      realNamePoor: 2,
      returnVisited: 1,
      returnVisitRate: 0.5,
    });
    expect(rowB).toMatchObject({
      cases: 1,
      completed: 1,
      onTimeRate: 1,
      overdue: 0,
      abnormal: 0,
      rectificationOnTimeRate: null,
      averageGrade: null,
      returnVisitRate: null,
    });
    const order = out.items.map((r: Json) => r.department.id);
    expect(order.indexOf(b.id)).toBeLessThan(order.indexOf(a.id));
    const byOverdue = (
      await bureau.request('GET', '/api/supervision/ranking?from=2026-01-01&to=2026-02-12&sort=overdue')
    ).json();
    const ids = byOverdue.items.map((r: Json) => r.department.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));

    // Leaders read every department; a department officer its own row only; a reversed period is refused.
    const leaderView = (
      await leader.request('GET', '/api/supervision/ranking?from=2026-01-01&to=2026-02-12')
    ).json();
    expect(leaderView.items.find((r: Json) => r.department.id === a.id)).toEqual(rowA);
    const own = await caseScj.request('GET', '/api/supervision/ranking');
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((r: Json) => r.department.id)).toEqual([scj]);
    expect(
      (await bureau.request('GET', '/api/supervision/ranking?from=2026-02-12&to=2026-01-01')).statusCode,
    ).toBe(400);

    const xlsx = await bureau.request(
      'GET',
      '/api/supervision/ranking/export.xlsx?from=2026-01-01&to=2026-02-12',
    );
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('部门');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const excelA = rows.find((r) => r[1] === a.name)!;
    expect(excelA.slice(1, 5)).toEqual([a.name, 4, 2, '50.00%']);
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'case.ranking.export'));
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });

  it('counts internal matters (机关内部最多跑一次) and their cases', async () => {
    const c = await insertDepartment(ctx, '测试机关');
    const internal = (onlineDepth: number) =>
      insertMatter(ctx, { departmentId: c.id, type: 'internal', committed: 3, statutory: 5, onlineDepth });
    const [m4, m3] = [await internal(4), await internal(3)];
    await internal(2);
    // A public matter of the same department is not internal.
    await insertMatter(ctx, { departmentId: c.id, onlineDepth: 4 });
    const events = (...e: CaseEvent[]) => e;
    // Fully online, 02-02 → 02-05: 3 counted working days.
    await insertCase(ctx, {
      matter: m4,
      channel: 'online',
      visits: 0,
      events: lifecycle('2026-02-02 09:00', '2026-02-02 10:00', '2026-02-05 15:00'),
    });
    // Fully online (mobile), a supplement pause 02-03…02-04 excluded: 02-05, 02-06 = 2 days.
    await insertCase(ctx, {
      matter: m4,
      channel: 'mobile',
      visits: 0,
      events: events(
        ...lifecycle('2026-02-02 09:00', '2026-02-02 10:00'),
        {
          kind: 'supplement_requested',
          at: at('2026-02-03 10:00'),
          payload: { items: [{ material: '函', reason: '缺' }] },
        },
        { kind: 'supplement_received', at: at('2026-02-04 10:00'), payload: {} },
        { kind: 'completed', at: at('2026-02-06 15:00'), payload: { result: 'approved' } },
      ),
    });
    // At the window: one visit, still open.
    await insertCase(ctx, {
      matter: m3,
      channel: 'window',
      visits: 1,
      events: lifecycle('2026-02-02 09:00', '2026-02-02 10:00'),
    });
    // Online but one visit: not fully online; same day: 0 days.
    await insertCase(ctx, {
      matter: m3,
      channel: 'online',
      visits: 1,
      events: lifecycle('2026-02-09 09:00', '2026-02-09 09:30', '2026-02-09 16:00'),
    });

    const res = await bureau.request('GET', '/api/cases/internal-stats?from=2026-01-01&to=2026-02-12');
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    const row = out.items.find((r: Json) => r.department.id === c.id);
    expect(row).toEqual({
      department: { id: c.id, code: c.code, name: c.name },
      internalMatters: 3,
      implemented: 2,
      implementationRate: 2 / 3,
      cases: 4,
      onlineCases: 2,
      onlineHandlingRate: 0.5,
      averageVisits: 0.5,
      completed: 3,
      averageDurationDays: 5 / 3,
    });
    // The totals are the sums over the departments.
    const sum = (k: string) => out.items.reduce((n: number, r: Json) => n + r[k], 0);
    expect(out.internalMatters).toBe(sum('internalMatters'));
    expect(out.cases).toBe(sum('cases'));
    expect(out.onlineHandlingRate).toBeCloseTo(sum('onlineCases') / sum('cases'), 10);
    expect(out.departments).toBe(out.items.filter((r: Json) => r.internalMatters > 0).length);

    // The same figures as Excel: a row per department, the total last.
    const xlsx = await bureau.request(
      'GET',
      '/api/cases/internal-stats/export.xlsx?from=2026-01-01&to=2026-02-12',
    );
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('部门');
    expect(rows.find((r) => r[0] === c.name)).toEqual([c.name, 3, 2, '66.67%', 4, 2, '50.00%', 0.5, 3, 1.67]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['合计', out.internalMatters]);

    // A department officer sees its own department only; matters.read holders (a window) may read it.
    const own = (await caseScj.request('GET', '/api/cases/internal-stats')).json();
    expect(own.items.every((r: Json) => r.department.id === scj)).toBe(true);
    expect((await windowHall.request('GET', '/api/cases/internal-stats')).statusCode).toBe(200);
  });
});
