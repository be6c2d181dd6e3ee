import { buildApp } from '../src/server/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../src/server/modules/auth/auth.service.ts';
import { FakeClock, signIn, startTestApp, type TestContext } from './harness.ts';

const login = (ctx: TestContext, username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const withoutRequestId = (body: string) => body.replace(/"requestId":"[^"]+"/, '');

describe('sign-in (AUTH-1..AUTH-4)', () => {
  let ctx: TestContext;
  const clock = new FakeClock(new Date('2026-03-02T02:00:00Z'));
  beforeAll(async () => {
    ctx = await startTestApp({ clock });
  });
  afterAll(() => ctx.close());

  it('signs in with the demo password and sets a hardened session cookie', async () => {
    const res = await login(ctx, 'admin', 'Demo@2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/od_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
  });

  it('answers unknown users and wrong passwords identically (AUTH-3)', async () => {
    const a = await login(ctx, 'nobody-here', 'Wrong@2026x');
    const b = await login(ctx, 'leader', 'Wrong@2026x');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(withoutRequestId(a.body)).toBe(withoutRequestId(b.body));
    expect(a.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks after 5 failures: the sixth attempt with the right password is refused, and locks are audited', async () => {
    for (let i = 0; i < 4; i++) expect((await login(ctx, 'bureau', 'Wrong@2026x')).statusCode).toBe(401);
    const fifth = await login(ctx, 'bureau', 'Wrong@2026x');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const sixth = await login(ctx, 'bureau', 'Demo@2026');
    expect(sixth.statusCode).toBe(423);
    const locks = await ctx.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'auth.lock' and actor = 'bureau'`,
    );
    expect(locks[0]!.n).toBe(1);
    // After the lock period the right password works again.
    clock.advance(16 * 60_000);
    expect((await login(ctx, 'bureau', 'Demo@2026')).statusCode).toBe(200);
  });

  it('locks unknown login ids the same way, so locking reveals nothing', async () => {
    let last;
    for (let i = 0; i < 5; i++) last = await login(ctx, 'ghost-user', 'Wrong@2026x');
    expect(last!.statusCode).toBe(423);
  });

  it('treats Zhang, ｚhang and zhang as one login id (AUTH-1)', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const create = (username: string) =>
      admin.request('POST', '/api/users', {
        username,
        displayName: '测试',
        roles: ['leader'],
        regionCode: '330105',
        password: 'Initial#2026',
      });
    expect((await create('zhang')).statusCode).toBe(201);
    expect((await create('Zhang')).statusCode).toBe(409);
    expect((await create('ｚhang')).statusCode).toBe(409);
  });

  it('forces a created user to change the password at first sign-in, with policy and history checks (AUTH-2)', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const created = await admin.request('POST', '/api/users', {
      username: 'wang.wei',
      displayName: '王伟',
      roles: ['street_officer'],
      regionCode: '330105013',
      password: 'Initial#2026',
    });
    expect(created.statusCode).toBe(201);
    const user = await signIn(ctx.app, 'wang.wei', 'Initial#2026');
    expect(user.status).toBe('password_change_required');
    // Everything but /me, sign-out and the change itself waits for the new password.
    expect((await user.request('GET', '/api/regions')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await user.request('POST', '/api/auth/password', {
      currentPassword: 'Initial#2026',
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields.map((f: { path: string }) => f.path)).toContain('newPassword');
    const withName = await user.request('POST', '/api/auth/password', {
      currentPassword: 'Initial#2026',
      newPassword: 'Wang.Wei#2026',
    });
    expect(withName.statusCode).toBe(400);
    const reused = await user.request('POST', '/api/auth/password', {
      currentPassword: 'Initial#2026',
      newPassword: 'Initial#2026',
    });
    expect(reused.statusCode).toBe(400);
    const ok = await user.request('POST', '/api/auth/password', {
      currentPassword: 'Initial#2026',
      newPassword: 'Fresh!Pass2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await user.request('GET', '/api/regions')).statusCode).toBe(200);
  });

  it('asks for a new password after 90 days on the dengbao-l3 profile (AUTH-2)', async () => {
    const before = clock.now();
    // Demo passwords were set when the template was seeded (real time).
    clock.set(new Date(Date.now() + 91 * 24 * 3_600_000));
    const s = await signIn(ctx.app, 'leader');
    expect(s.status).toBe('password_change_required');
    clock.set(before);
  });

  it('ends idle sessions server-side after the idle timeout (AUTH-4)', async () => {
    const s = await signIn(ctx.app, 'leader');
    clock.advance(29 * 60_000);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('ends the session on sign-out: the old cookie is refused afterwards (AUTH-4, DAT-6)', async () => {
    const s = await signIn(ctx.app, 'leader');
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the CSRF token (WEB-1)', async () => {
    const s = await signIn(ctx.app, 'admin');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });

  it('enrols a TOTP second factor and then requires it at sign-in', async () => {
    const s = await signIn(ctx.app, 'street-330105014');
    const enrol = await s.request('POST', '/api/auth/totp/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    const code = await AuthService.totpNow(secret, clock.now());
    expect((await s.request('POST', '/api/auth/totp', { code })).statusCode).toBe(200);
    const again = await signIn(ctx.app, 'street-330105014');
    expect(again.status).toBe('mfa_required');
    expect((await again.request('GET', '/api/regions')).json().code).toBe('MFA_REQUIRED');
    expect((await again.request('POST', '/api/auth/totp', { code: '000000' })).statusCode).toBe(401);
    // The code accepted at enrolment cannot be replayed.
    expect((await again.request('POST', '/api/auth/totp', { code })).statusCode).toBe(401);
    clock.advance(30_000);
    const good = await AuthService.totpNow(secret, clock.now());
    expect((await again.request('POST', '/api/auth/totp', { code: good })).statusCode).toBe(200);
    expect((await again.request('GET', '/api/regions')).statusCode).toBe(200);
  });

  it('issues short-lived bearer tokens to API clients, scoped by permission, and revokes them', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const depts = (await admin.request('GET', '/api/departments?q=sjj')).json() as {
      items: { id: string }[];
    };
    const created = await admin.request('POST', '/api/api-clients', {
      name: '网格系统',
      departmentId: depts.items[0]!.id,
      permissions: ['regions.read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { clientId, clientSecret, id } = created.json() as {
      clientId: string;
      clientSecret: string;
      id: string;
    };
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    });
    expect(token.statusCode).toBe(200);
    const bearer = { authorization: `Bearer ${token.json().access_token}` };
    expect((await ctx.app.inject({ method: 'GET', url: '/api/regions', headers: bearer })).statusCode).toBe(
      200,
    );
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(
      403,
    );
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong-secret' },
    });
    expect(bad.statusCode).toBe(401);
    expect((await admin.request('POST', `/api/api-clients/${id}/revoke`)).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/regions', headers: bearer })).statusCode).toBe(
      401,
    );
  });
});

describe('production profile (AUTH-5)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // The test database is cloned by the harness; the URL here only satisfies the production checks (DAT-1).
    ctx = await startTestApp({
      env: {
        SECURITY_PROFILE: 'production',
        DATABASE_URL: 'postgres://od@db.internal/od?sslmode=verify-full',
      },
    });
  });
  afterAll(() => ctx.close());

  it('gives a password-only admin session MFA_REQUIRED on every route until a second factor is enrolled', async () => {
    const s = await signIn(ctx.app, 'admin');
    expect(s.status).toBe('mfa_required');
    for (const url of ['/api/regions', '/api/users', '/api/departments', '/api/calendar/2026']) {
      const res = await s.request('GET', url);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('MFA_REQUIRED');
    }
    const enrol = await s.request('POST', '/api/auth/totp/enrol');
    const code = await AuthService.totpNow(enrol.json().secret, new Date());
    expect((await s.request('POST', '/api/auth/totp', { code })).statusCode).toBe(200);
    expect((await s.request('GET', '/api/users')).statusCode).toBe(200);
    // ACL-4: no new account may take a default name in production.
    const root = await s.request('POST', '/api/users', {
      username: 'root',
      displayName: '根',
      roles: ['leader'],
      regionCode: '330105',
      password: 'Initial#2026',
    });
    expect(root.statusCode).toBe(400);
    expect(root.json().fields).toEqual([
      { path: 'username', message: '该用户名是默认账号名，生产环境不允许使用' },
    ]);
  });

  it('marks the session cookie Secure in production', async () => {
    const res = await login(ctx, 'street-330105013', 'Demo@2026');
    expect(String(res.headers['set-cookie'])).toMatch(/;\s*Secure/);
  });

  it('locks on wrong second-factor codes, and a correct password does not reset the count', async () => {
    const s = await signIn(ctx.app, 'secadmin');
    const enrol = await s.request('POST', '/api/auth/totp/enrol');
    const secret = enrol.json().secret as string;
    expect(
      (await s.request('POST', '/api/auth/totp', { code: await AuthService.totpNow(secret, new Date()) }))
        .statusCode,
    ).toBe(200);
    for (let round = 0; round < 2; round++) {
      const pending = await signIn(ctx.app, 'secadmin');
      expect(pending.status).toBe('mfa_required');
      for (let i = 0; i < 3 - round; i++)
        expect((await pending.request('POST', '/api/auth/totp', { code: '000000' })).statusCode).toBe(401);
    }
    // 3 + 2 wrong codes across two password sign-ins: locked.
    expect((await login(ctx, 'secadmin', 'Demo@2026')).statusCode).toBe(423);
  });

  it('does not ask ordinary staff for a second factor', async () => {
    const s = await signIn(ctx.app, 'street-330105012');
    expect(s.status).toBe('ok');
  });
});

describe('rate limiting of sign-in', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => ctx.close());

  it('answers 429 RATE_LIMITED past the per-minute limit of a client address', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await login(ctx, 'leader', 'Wrong@2026x')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const res = await login(ctx, 'leader', 'Demo@2026');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('shares one budget between server processes on one database, and starts a new window when one ends', async () => {
    // A second process: its own app and plugin instance on the same database, as behind a load balancer.
    const second = await buildApp(ctx.services, { logger: false, serveWeb: false });
    try {
      const other = (app: typeof ctx.app) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'community-330105012001', password: 'Wrong@2026x' },
        });
      const codes = [];
      for (const app of [ctx.app, second, ctx.app, second]) codes.push((await other(app)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // Each route counts on its own: the status lookup is not limited by sign-ins.
      const lookup = await second.inject({
        method: 'POST',
        url: '/api/public/case-status',
        payload: { caseNo: 'NO-SUCH-CASE', password: '000000' },
      });
      expect(lookup.statusCode).toBe(404);
      // When the window ends (moved back here instead of waiting a minute), the count starts again.
      await ctx.database.query(`update rate_limits set reset_at = now() - interval '1 second'`);
      expect((await other(second)).statusCode).toBe(401);
      const [row] = await ctx.database.query<{ count: number }>(
        `select count from rate_limits where key like '%community-330105012001%'`,
      );
      expect(row!.count).toBe(1);
    } finally {
      await second.close();
    }
  });
});
