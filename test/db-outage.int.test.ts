import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// PGlite runs inside the process and cannot be lost; this is about a PostgreSQL server going away.
describe.runIf(process.env.DATABASE_URL)('PostgreSQL lost during operation', () => {
  let ctx: TestContext;
  let leader: Session;
  let name: string;
  beforeAll(async () => {
    ctx = await startTestApp();
    leader = await signIn(ctx.app, 'leader');
    name = new URL(ctx.databaseUrl!).pathname.slice(1);
  });
  afterAll(() => ctx.close());

  it('answers 503 while the database is gone, and recovers when it returns', async () => {
    expect((await leader.request('GET', '/api/regions')).statusCode).toBe(200);
    await admin(`alter database ${name} allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    const down = await leader.request('GET', '/api/regions');
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe('DATABASE_UNAVAILABLE');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(503);
    await admin(`alter database ${name} allow_connections true`);
    expect((await leader.request('GET', '/api/regions')).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });
});
