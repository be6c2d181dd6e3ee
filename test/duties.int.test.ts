import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, signIn, startTestApp, type TestContext } from './harness.ts';

const userId = async (ctx: TestContext, username: string) =>
  (await ctx.database.query<{ id: string }>(`select id from users where username = $1`, [username]))[0]!.id;

describe('separation of duties and account takeover (ACL-3)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it('does not let the system administrator give an API client audit or admin permissions', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const dept = (await admin.request('GET', '/api/departments?q=sjj')).json().items[0].id as string;
    const adminOnly = [
      'audit.read',
      'roles.manage',
      'users.manage',
      'users.reset',
      'users.lock',
      'users.edit',
      'api_clients.manage',
    ];
    for (const permission of adminOnly) {
      const res = await admin.request('POST', '/api/api-clients', {
        name: 'x',
        departmentId: dept,
        permissions: [permission],
      });
      expect(res.statusCode, permission).toBe(403);
    }
    expect(
      (
        await admin.request('POST', '/api/api-clients', {
          name: 'ok',
          departmentId: dept,
          permissions: ['regions.read'],
        })
      ).statusCode,
    ).toBe(201);
  });

  it('does not let the system administrator reset, lock or edit the auditor’s account; the security administrator may', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const auditor = await userId(ctx, 'auditor');
    expect(
      (await admin.request('POST', `/api/users/${auditor}/reset-password`, { password: 'Taken#Over2026' }))
        .statusCode,
    ).toBe(403);
    expect((await admin.request('POST', `/api/users/${auditor}/lock`)).statusCode).toBe(403);
    expect((await admin.request('PATCH', `/api/users/${auditor}`, { displayName: 'x' })).statusCode).toBe(
      403,
    );
    const sec = await signIn(ctx.app, 'secadmin');
    expect((await sec.request('POST', `/api/users/${auditor}/lock`)).statusCode).toBe(204);
    expect((await sec.request('POST', `/api/users/${auditor}/unlock`)).statusCode).toBe(204);
    expect(
      (await sec.request('POST', `/api/users/${auditor}/reset-password`, { password: 'Reset#Audit2026' }))
        .statusCode,
    ).toBe(204);
    expect((await sec.request('PATCH', `/api/users/${auditor}`, { status: 'disabled' })).statusCode).toBe(
      200,
    );
    expect((await sec.request('PATCH', `/api/users/${auditor}`, { status: 'active' })).statusCode).toBe(200);
    // ...but edits nothing else.
    expect((await sec.request('PATCH', `/api/users/${auditor}`, { displayName: 'x' })).statusCode).toBe(403);
    expect((await signIn(ctx.app, 'auditor', 'Reset#Audit2026')).status).toBe('password_change_required');
  });
});

describe('passwords and sessions (AUTH-2, AUTH-4)', () => {
  let ctx: TestContext;
  const clock = new FakeClock(new Date());
  beforeAll(async () => {
    ctx = await startTestApp({ clock });
  });
  afterAll(() => ctx.close());

  it('makes a user change a password an administrator reset', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const id = await userId(ctx, 'street-330105016');
    expect(
      (await admin.request('POST', `/api/users/${id}/reset-password`, { password: 'Temp#Reset2026' }))
        .statusCode,
    ).toBe(204);
    expect((await signIn(ctx.app, 'street-330105016', 'Temp#Reset2026')).status).toBe(
      'password_change_required',
    );
  });

  it('refuses any of the last five passwords', async () => {
    const s = await signIn(ctx.app, 'street-330105017');
    const pw = [
      'Demo@2026',
      'First#Pass2026',
      'Second#Pass2026',
      'Third#Pass2026',
      'Fourth#Pass2026',
      'Fifth#Pass2026',
    ];
    for (let i = 1; i < pw.length; i++) {
      const res = await s.request('POST', '/api/auth/password', {
        currentPassword: pw[i - 1],
        newPassword: pw[i],
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    const reuse = await s.request('POST', '/api/auth/password', {
      currentPassword: 'Fifth#Pass2026',
      newPassword: 'Second#Pass2026',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().fields[0].message).toMatch(/5/);
  });

  it('gives a new session id at every sign-in and ends the other sessions on a password change', async () => {
    const a = await signIn(ctx.app, 'street-330105018');
    const b = await signIn(ctx.app, 'street-330105018');
    expect(a.cookie).not.toBe(b.cookie);
    expect(
      (
        await a.request('POST', '/api/auth/password', {
          currentPassword: 'Demo@2026',
          newPassword: 'Other#Pass2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await a.request('GET', '/api/me')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('ends a session at its absolute lifetime even while it is in use', async () => {
    const s = await signIn(ctx.app, 'street-330105019');
    for (let h = 0; h < 12; h++) {
      clock.advance(20 * 60_000);
      expect((await s.request('GET', '/api/me')).statusCode).toBe(200);
      clock.advance(20 * 60_000);
      expect((await s.request('GET', '/api/me')).statusCode).toBe(200);
      clock.advance(20 * 60_000);
      if (h < 11) expect((await s.request('GET', '/api/me')).statusCode).toBe(200);
    }
    expect((await s.request('GET', '/api/me')).statusCode).toBe(401);
  });
});

describe('each audited action writes exactly one record of its type (AUD-1)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  const countOf = async (action: string) =>
    (
      await ctx.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = $1`, [
        action,
      ])
    )[0]!.n;

  it('covers sign-out, role and account changes, exports and denials', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const sec = await signIn(ctx.app, 'secadmin');
    const leader = await signIn(ctx.app, 'leader');
    const target = await userId(ctx, 'case-czj');
    const steps: [string, () => Promise<unknown>][] = [
      [
        'user.roles.set',
        () => sec.request('PATCH', `/api/users/${target}`, { roles: ['dept_case_officer', 'leader'] }),
      ],
      ['user.update', () => admin.request('PATCH', `/api/users/${target}`, { displayName: '新名字' })],
      ['user.lock', () => admin.request('POST', `/api/users/${target}/lock`)],
      ['user.unlock', () => admin.request('POST', `/api/users/${target}/unlock`)],
      [
        'user.password.reset',
        () => admin.request('POST', `/api/users/${target}/reset-password`, { password: 'Reset#Pass2026' }),
      ],
      ['user.export', () => admin.request('GET', '/api/users/export.xlsx')],
      ['department.export', () => leader.request('GET', '/api/departments/export.xlsx')],
      ['access.denied', () => leader.request('GET', '/api/users')],
      ['auth.logout', () => leader.request('POST', '/api/auth/logout')],
    ];
    for (const [action, run] of steps) {
      const before = await countOf(action);
      await run();
      expect(await countOf(action), action).toBe(before + 1);
    }
  });
});
