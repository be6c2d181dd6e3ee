import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDateOf } from '../src/domain/calendar.ts';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { datasets } from '../src/server/modules/catalog/catalog.tables.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import { FakeClock, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const system = (code: string, name: string, departmentId?: string) => ({
  code,
  name,
  origin: 'local',
  level: 'district',
  deployment: 'gov_cloud',
  securityLevel: 2,
  status: 'live',
  launchDate: '2021-05-01',
  ...(departmentId ? { departmentId } : {}),
});

describe('census rounds', () => {
  let ctx: TestContext;
  const clock = new FakeClock(new Date());
  const dept = {} as Record<'mzj' | 'scj', string>;
  const inbox = async (s: Session, kind: string) =>
    ((await s.request('GET', '/api/inbox?pageSize=200')).json().items as Json[]).filter(
      (m) => m.kind === kind,
    );

  beforeAll(async () => {
    ctx = await startTestApp({ clock });
    for (const c of ['mzj', 'scj'] as const) dept[c] = (await ctx.services.repos.departments.byCode(c))!.id;
  });
  afterAll(() => ctx.close());

  it('counts the deadline in working days on the official calendar, failing closed on an unknown year', async () => {
    // Friday 2026-02-13, before the Spring Festival: Saturday 14 is a make-up workday, 15-23 are holidays.
    clock.set(new Date('2026-02-13T02:00:00Z'));
    const bureau = await signIn(ctx.app, 'bureau');
    const open = await bureau.request('POST', '/api/census-rounds', { title: '春节前普查', workingDays: 3 });
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json()).toMatchObject({ deadline: '2026-02-25', status: 'open', workingDays: 3 });
    const one = open.json();
    expect(one.departments).toBeGreaterThanOrEqual(42);
    expect(one.notified).toBeGreaterThanOrEqual(42);
    const again = await bureau.request('POST', '/api/census-rounds', { title: '第二个普查', workingDays: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].message).toContain('春节前普查');
    expect((await bureau.request('POST', `/api/census-rounds/${one.id}/close`)).statusCode).toBe(200);
    expect((await bureau.request('POST', `/api/census-rounds/${one.id}/close`)).statusCode).toBe(409);

    // A deadline in a year without a published schedule is refused, not guessed.
    const lastYear = (await ctx.services.calendar.calendar()).years().at(-1)!;
    clock.set(new Date(`${lastYear}-12-20T02:00:00Z`));
    const bureau2 = await signIn(ctx.app, 'bureau');
    const unknownYear = await bureau2.request('POST', '/api/census-rounds', {
      title: '跨年普查',
      workingDays: 20,
    });
    expect(unknownYear.statusCode).toBe(422);
    expect(unknownYear.json().code).toBe('CALENDAR_YEAR_MISSING');
  });

  it('runs a round: notices, scope, confirm, correct, add, submit, remind, export', async () => {
    // After the demo was seeded, so its entries count as existing before the round.
    clock.set(new Date(Date.now() + 60_000));
    const today = chinaDateOf(clock.now());
    // Late in December the round would reach into a year the calendar may not have yet: give this
    // test database a plain schedule for it (the official one is entered by an administrator).
    const next = Number(today.slice(0, 4)) + 1;
    if (!(await ctx.services.calendar.calendar()).years().includes(next))
      await ctx.services.calendar.setYear(
        { year: next, holidays: [], makeUpWorkdays: [] },
        'test',
        systemActor('test'),
      );
    const bureau = await signIn(ctx.app, 'bureau');
    const mzj = await signIn(ctx.app, 'data-mzj');
    const scj = await signIn(ctx.app, 'data-scj');
    const leader = await signIn(ctx.app, 'leader');

    // Entries that exist before the round.
    const mine = (
      await bureau.request(
        'POST',
        '/api/systems',
        system('TCEN-MZJ-1', '救助对象核对系统（普查测试）', dept.mzj),
      )
    ).json();
    const theirs = (
      await bureau.request('POST', '/api/systems', system('TCEN-SCJ-1', '广告监测系统（普查测试）', dept.scj))
    ).json();
    const summary = '普查测试数据';
    const [dataset] = await ctx.database.db
      .insert(datasets)
      .values({
        code: '399999001/999999',
        name: '临时救助信息（普查测试）',
        summary,
        category: 'department',
        departmentId: dept.mzj,
        regionCode: '330105',
        format: 'database',
        sharingType: 'conditional',
        openType: 'closed',
        updateFrequency: 'monthly',
        createdBy: 'test',
        createdAt: new Date(Date.now() - 86_400_000),
        updatedAt: new Date(Date.now() - 86_400_000),
        searchVector: datasetSearchVector({
          name: '临时救助信息',
          code: '399999001/999999',
          keywords: [],
          fields: [],
          summary,
        }),
      })
      .returning({ id: datasets.id });
    clock.set(new Date(clock.now().getTime() + 60_000));

    const opened = await bureau.request('POST', '/api/census-rounds', {
      title: '2026 年度信息系统和数据资源普查',
      note: '请各部门认真核对。',
      workingDays: 5,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json();
    expect(round.deadline).toBe(await ctx.services.calendar.addWorkdays(today, 5));
    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.target, round.id));
    expect(audit.map((a) => a.action)).toEqual(['census.round.open']);

    // Every data officer hears of it in the inbox.
    const notice = (await inbox(mzj, 'census.round')).find((m) => m.link === `/registry/census/${round.id}`);
    expect(notice?.title).toContain('2026 年度信息系统和数据资源普查');
    expect(await inbox(scj, 'census.round')).not.toHaveLength(0);

    // The bureau sees every department; an officer only their own, and a leader nothing.
    const all = (await bureau.request('GET', `/api/census-rounds/${round.id}`)).json();
    expect(all.progress.length).toBe(round.departments);
    expect(all.totals.departments).toBe(round.departments);
    const own = (await mzj.request('GET', `/api/census-rounds/${round.id}`)).json();
    expect(own.progress.map((r: Json) => r.department.id)).toEqual([dept.mzj]);
    expect(own.totals.departments).toBe(1);
    expect(own.progress[0]).toMatchObject({ status: 'pending', overdue: false });
    const list = (await mzj.request('GET', '/api/census-rounds')).json();
    expect(list.items[0]).toMatchObject({ id: round.id, myReturn: { status: 'pending', submittedAt: null } });
    expect((await leader.request('GET', '/api/census-rounds')).statusCode).toBe(403);
    expect((await leader.request('GET', `/api/census-rounds/${round.id}`)).statusCode).toBe(403);
    expect(
      (await mzj.request('GET', `/api/census-rounds/${round.id}/items?departmentId=${dept.scj}`)).statusCode,
    ).toBe(404);
    expect((await bureau.request('GET', `/api/census-rounds/${round.id}/items`)).statusCode).toBe(400);

    const items = async () => (await mzj.request('GET', `/api/census-rounds/${round.id}/items`)).json();
    const before = await items();
    expect(before.department.id).toBe(dept.mzj);
    expect(before.systems.find((s: Json) => s.id === mine.id)).toMatchObject({ state: 'pending' });
    expect(before.datasets.find((d: Json) => d.id === dataset!.id)).toMatchObject({ state: 'pending' });
    expect(before.systems.some((s: Json) => s.id === theirs.id)).toBe(false);

    // Submitting while anything is pending is refused with the count.
    const early = await mzj.request(
      'POST',
      `/api/census-rounds/${round.id}/submit`,
      {},
      { 'accept-language': 'en' },
    );
    expect(early.statusCode).toBe(409);
    const pendingCount = before.systems.length + before.datasets.length;
    expect(early.json()).toMatchObject({ code: 'CENSUS_ITEMS_PENDING' });
    expect(early.json().message).toContain(`${pendingCount} items are still pending`);

    // Confirming another department's entry is refused, and nothing is confirmed.
    const wrong = await mzj.request('POST', `/api/census-rounds/${round.id}/confirm`, {
      entityType: 'system',
      ids: [mine.id, theirs.id],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields.map((f: Json) => f.path)).toEqual(['ids.1']);
    expect((await items()).systems.find((s: Json) => s.id === mine.id).state).toBe('pending');
    expect(
      (
        await bureau.request('POST', `/api/census-rounds/${round.id}/confirm`, {
          entityType: 'system',
          ids: [mine.id],
        })
      ).statusCode,
    ).toBe(403);

    // Correct one, add one, confirm the rest.
    clock.set(new Date(clock.now().getTime() + 60_000));
    expect((await mzj.request('PATCH', `/api/systems/${mine.id}`, { userCount: 12 })).statusCode).toBe(200);
    const added = (
      await mzj.request('POST', '/api/systems', system('TCEN-MZJ-2', '新增系统（普查测试）'))
    ).json();
    const mid = await items();
    expect(mid.systems.find((s: Json) => s.id === mine.id).state).toBe('corrected');
    expect(mid.systems.find((s: Json) => s.id === added.id).state).toBe('added');
    const pendingSystems = mid.systems.filter((s: Json) => s.state === 'pending').map((s: Json) => s.id);
    const pendingDatasets = mid.datasets.filter((d: Json) => d.state === 'pending').map((d: Json) => d.id);
    if (pendingSystems.length)
      expect(
        (
          await mzj.request('POST', `/api/census-rounds/${round.id}/confirm`, {
            entityType: 'system',
            ids: pendingSystems,
          })
        ).statusCode,
      ).toBe(200);
    const confirmed = await mzj.request('POST', `/api/census-rounds/${round.id}/confirm`, {
      entityType: 'dataset',
      ids: pendingDatasets,
    });
    expect(confirmed.json()).toEqual({
      confirmed: pendingDatasets.length,
      newlyConfirmed: pendingDatasets.length,
    });
    const after = await items();
    expect([...after.systems, ...after.datasets].every((i: Json) => i.state !== 'pending')).toBe(true);
    expect(after.datasets.find((d: Json) => d.id === dataset!.id).state).toBe('confirmed');
    const progress = (await mzj.request('GET', `/api/census-rounds/${round.id}`)).json().progress[0];
    expect(progress.systems).toEqual({ total: after.systems.length, done: after.systems.length });
    expect(progress.pending).toBe(0);

    const bureauInbox = (await inbox(bureau, 'census.submitted')).length;
    const submitted = await mzj.request('POST', `/api/census-rounds/${round.id}/submit`, {
      note: '已全部核对',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await inbox(bureau, 'census.submitted')).toHaveLength(bureauInbox + 1);
    expect((await mzj.request('POST', `/api/census-rounds/${round.id}/submit`, {})).statusCode).toBe(409);
    const row = (await bureau.request('GET', `/api/census-rounds/${round.id}`)).json();
    expect(row.progress.find((r: Json) => r.department.id === dept.mzj)).toMatchObject({
      status: 'submitted',
      note: '已全部核对',
      submittedBy: 'data-mzj',
    });
    expect(row.totals.submitted).toBe(1);

    // Reminders: on demand, to pending departments only.
    const scjBefore = (await inbox(scj, 'census.reminder')).length;
    const reminded = (await bureau.request('POST', `/api/census-rounds/${round.id}/remind`)).json();
    expect(reminded.departments).toBe(round.departments - 1);
    expect(reminded.users).toBeGreaterThanOrEqual(reminded.departments);
    expect(await inbox(scj, 'census.reminder')).toHaveLength(scjBefore + 1);
    expect(await inbox(mzj, 'census.reminder')).toHaveLength(0);

    // The daily job: nothing while the deadline is far; then once a day near it and when overdue.
    const job = async (at: Date) => {
      clock.set(at);
      return (await ctx.services.census.sendDueReminders(at)).reminded;
    };
    const china = (day: string) => new Date(`${day}T09:00:00+08:00`);
    expect(await job(china(addDays(today, 1)))).toEqual([]);
    const near = await job(china(round.deadline));
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ round: round.id, departments: round.departments - 1 });
    expect(await job(new Date(china(round.deadline).getTime() + 3_600_000))).toEqual([]);
    expect(await job(china(addDays(round.deadline, 1)))).toHaveLength(1);
    const bureauLate = await signIn(ctx.app, 'bureau');
    const late = (await bureauLate.request('GET', `/api/census-rounds/${round.id}`)).json();
    expect(late.progress.find((r: Json) => r.department.id === dept.scj).overdue).toBe(true);
    expect(late.progress.find((r: Json) => r.department.id === dept.mzj).overdue).toBe(false);
    expect(late.totals.overdue).toBe(round.departments - 1);

    // The progress table as Excel.
    const xlsx = await bureauLate.request('GET', `/api/census-rounds/${round.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('普查进度')!;
    expect(sheet.rowCount).toBe(round.departments + 1);
    const mzjRow = sheet.getRows(2, round.departments)!.find((r) => r.getCell(1).value === 'mzj')!;
    expect(mzjRow.getCell(3).value).toBe('已提交');

    // Closing ends the round; nothing more can be confirmed.
    expect((await bureauLate.request('POST', `/api/census-rounds/${round.id}/close`)).json().status).toBe(
      'closed',
    );
    const mzjLate = await signIn(ctx.app, 'data-mzj');
    const closed = await mzjLate.request('POST', `/api/census-rounds/${round.id}/confirm`, {
      entityType: 'system',
      ids: [mine.id],
    });
    expect(closed.statusCode).toBe(409);
  });
});
