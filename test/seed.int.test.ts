import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemoSeedRefusedError, seedDemo } from '../src/server/seed/demo.ts';
import { startTestApp, type TestContext } from './harness.ts';

describe('demo seeding', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await startTestApp();
  });
  afterEach(() => ctx.close());

  it('is idempotent on a demo installation', async () => {
    expect((await seedDemo(ctx.services)).seeded).toBe(false);
  });

  it('refuses a database that holds non-demo accounts unless forced, and then keeps them', async () => {
    await ctx.database.query(`delete from installation_meta where key = 'demo_seed'`);
    await ctx.database.query(
      `update users set demo = false, display_name = '真实领导' where username = 'leader'`,
    );
    await expect(seedDemo(ctx.services)).rejects.toBeInstanceOf(DemoSeedRefusedError);
    const forced = await seedDemo(ctx.services, { force: true });
    expect(forced.seeded).toBe(true);
    const [row] = await ctx.database.query<{ display_name: string }>(
      `select display_name from users where username = 'leader'`,
    );
    expect(row!.display_name).toBe('真实领导');
    expect((await ctx.services.audit.verify()).ok).toBe(true);
  });

  it('is deterministic: the same seed gives the same district', async () => {
    const rows = await ctx.database.query<{ code: string; name: string }>(
      `select code, name from regions order by code`,
    );
    expect(rows).toHaveLength(86);
    const users = await ctx.database.query<{ n: number }>(`select count(*)::int as n from users where demo`);
    expect(users[0]!.n).toBe(223);
  });
});
