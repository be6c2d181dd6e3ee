import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../src/server/logger.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';

const FIXTURE_PASSWORD = 'Fixture#Secret2026';

describe('no credential in clear (AUTH-6)', () => {
  let ctx: TestContext;
  let logs = '';
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    ctx = await startTestApp({ logger: { ...(loggerOptions('trace') as object), stream } as never });
  });
  afterAll(() => ctx.close());

  it('keeps passwords, cookies and tokens out of the logs and out of the database', async () => {
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: FIXTURE_PASSWORD },
    });
    const admin = await signIn(ctx.app, 'admin');
    const created = await admin.request('POST', '/api/users', {
      username: 'fixture.user',
      displayName: '测试用户',
      roles: ['leader'],
      regionCode: '330105',
      password: FIXTURE_PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    await admin.request('GET', '/api/regions?q=' + encodeURIComponent(FIXTURE_PASSWORD));
    expect(logs).toMatch(/"msg":"request"/);
    const sessionToken = admin.cookie.split('=')[1]!;
    for (const secret of [FIXTURE_PASSWORD, 'Demo@2026', sessionToken, admin.csrf])
      expect(logs).not.toContain(secret);
    // A text dump of every table.
    const tables = await ctx.database.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public'`,
    );
    let dump = '';
    for (const { t } of tables) dump += JSON.stringify(await ctx.database.query(`select * from "${t}"`));
    expect(dump).not.toContain(FIXTURE_PASSWORD);
    expect(dump).not.toContain(sessionToken);
    expect(dump).toMatch(/\$argon2id\$/);
  });
});
