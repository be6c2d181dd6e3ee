import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

describe('calendar administration', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await startTestApp();
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(() => ctx.close());

  it('serves the seeded official schedules with make-up Saturdays', async () => {
    const y = (await admin.request('GET', '/api/calendar/2026')).json();
    expect(y.published).toBe(true);
    expect(y.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y.holidays).toContain('2026-02-15');
    expect((await admin.request('GET', '/api/calendar/2027')).json().published).toBe(false);
  });

  it('enters a new year as an audited correction with a new version, and counts with it at once', async () => {
    const before = (await admin.request('GET', '/api/calendar/2026')).json().version as number;
    const missing = await admin.request('GET', '/api/calendar/add?date=2027-01-01&n=1');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('CALENDAR_YEAR_MISSING');
    const put = await admin.request('PUT', '/api/calendar/2027', {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeUpWorkdays: ['2027-01-09'],
      reason: '国务院办公厅通知',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().version).toBe(before + 1);
    expect((await admin.request('GET', '/api/calendar/add?date=2026-12-31&n=1')).json().result).toBe(
      '2027-01-04',
    );
    expect((await admin.request('GET', '/api/calendar/add?date=2027-01-08&n=1')).json().result).toBe(
      '2027-01-09',
    );
    const changes = await ctx.database.query<{ year: number }>(
      `select year from calendar_changes where version = $1`,
      [before + 1],
    );
    expect(changes[0]!.year).toBe(2027);
  });

  it('rejects schedules that contradict themselves, naming the problem', async () => {
    const res = await admin.request('PUT', '/api/calendar/2028', {
      holidays: ['2028-01-01', '2029-01-01'],
      makeUpWorkdays: ['2028-01-05'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.length).toBeGreaterThanOrEqual(2);
    const badDate = await admin.request('PUT', '/api/calendar/2028', {
      holidays: ['2028-02-30'],
      makeUpWorkdays: [],
    });
    expect(badDate.json().fields[0].path).toBe('holidays.0');
  });

  it('lets only calendar managers change it', async () => {
    const leader = await signIn(ctx.app, 'leader');
    expect(
      (await leader.request('PUT', '/api/calendar/2029', { holidays: [], makeUpWorkdays: [] })).statusCode,
    ).toBe(403);
    const bureau = await signIn(ctx.app, 'bureau');
    expect(
      (await bureau.request('PUT', '/api/calendar/2029', { holidays: ['2029-01-01'], makeUpWorkdays: [] }))
        .statusCode,
    ).toBe(200);
  });
});
