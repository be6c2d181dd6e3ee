import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../src/server/crypto/index.ts';
import { foundationJobs } from '../src/server/jobs/definitions.ts';
import { Scheduler } from '../src/server/jobs/scheduler.ts';
import { FakeClock, signIn, startTestApp, type TestContext } from './harness.ts';

const quiet = { info: () => undefined, error: () => undefined };

describe('recurring jobs', () => {
  let ctx: TestContext;
  const clock = new FakeClock(new Date());
  beforeAll(async () => {
    ctx = await startTestApp({ clock });
  });
  afterAll(() => ctx.close());

  it('disables accounts idle for 90 days, audits each, and refuses their sign-in (ACL-4)', async () => {
    await ctx.database.query(
      `update users set last_login_at = $1 where username = 'community-330105012002'`,
      [new Date(clock.now().getTime() - 91 * 86_400_000)],
    );
    await ctx.database.query(
      `update users set last_login_at = $1 where username = 'community-330105012003'`,
      [new Date(clock.now().getTime() - 89 * 86_400_000)],
    );
    const scheduler = new Scheduler(ctx.database.db, clock, foundationJobs(ctx.services), quiet);
    await scheduler.register();
    expect(await scheduler.runDue()).toEqual(expect.arrayContaining(['accounts.dormancy', 'sessions.purge']));
    const [row] = await ctx.database.query<{ last_result: { disabled: string[] } }>(
      `select last_result from scheduled_jobs where name = 'accounts.dormancy'`,
    );
    expect(row!.last_result.disabled).toEqual(['community-330105012002']);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'community-330105012002', password: 'Demo@2026' },
    });
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
    expect((await signIn(ctx.app, 'community-330105012003')).status).toBe('ok');
    const audits = await ctx.database.query(`select * from audit_log where action = 'user.disable.dormant'`);
    expect(audits).toHaveLength(1);
    // Not due again until its interval has passed.
    expect(await scheduler.runDue()).toEqual([]);
  });

  it('runs each due job once however many processes tick at the same time', async () => {
    clock.advance(2 * 3_600_000);
    const schedulers = [1, 2, 3].map(
      () => new Scheduler(ctx.database.db, clock, foundationJobs(ctx.services), quiet),
    );
    const ran = (await Promise.all(schedulers.map((s) => s.runDue()))).flat();
    // Every due job ran, and none twice (the hourly case scan and the outbox are due as well).
    expect(ran).toEqual(expect.arrayContaining(['accounts.dormancy', 'sessions.purge', 'cases.scan']));
    expect(new Set(ran).size).toBe(ran.length);
  });

  it('purges sessions past their idle limit', async () => {
    const s = await signIn(ctx.app, 'leader');
    clock.advance(31 * 60_000 + 15 * 60_000);
    const scheduler = new Scheduler(ctx.database.db, clock, foundationJobs(ctx.services), quiet);
    await scheduler.runDue();
    const rows = await ctx.database.query(`select * from sessions where id = $1`, [
      sm3Hex(s.cookie.split('=')[1]!),
    ]);
    expect(rows).toHaveLength(0);
    const [purge] = await ctx.database.query<{ last_result: { sessions: number } }>(
      `select last_result from scheduled_jobs where name = 'sessions.purge'`,
    );
    expect(purge!.last_result.sessions).toBeGreaterThanOrEqual(1);
  });
});
