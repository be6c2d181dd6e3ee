import fc from 'fast-check';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoDistrict } from '../src/demo/index.ts';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../src/domain/permissions.ts';
import { access, requireDeclaredAccess, type Access } from '../src/server/http/access.ts';
import { DEMO_USER_OF, signIn, startTestApp, type Session, type TestContext } from './harness.ts';

// Signing out would end the session the sweep uses; sign-out has its own tests.
const SKIP = new Set(['POST /api/auth/logout']);

const concrete = (url: string) =>
  url
    .replace(':id', '00000000-0000-4000-8000-000000000000')
    .replace(':code', '330105')
    .replace(':year', '2026');

function allowed(rule: Access, role: Role): boolean {
  if (rule.kind === 'anyPermission') return rule.permissions.some((p) => ROLE_PERMISSIONS[role].includes(p));
  if (rule.kind !== 'permission') return true;
  return ROLE_PERMISSIONS[role].includes(rule.permission);
}

describe('route permission sweep (ACL-1)', () => {
  let ctx: TestContext;
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    ctx = await startTestApp();
    for (const role of ROLES) sessions.set(role, await signIn(ctx.app, DEMO_USER_OF[role]));
  });
  afterAll(() => ctx.close());

  it('has a rule for every route, and every API route is in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, object>;
    };
    const rules = ctx.app.routeRules.filter(
      (r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    expect(rules.length).toBeGreaterThan(20);
    for (const r of rules) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path], `${r.method} ${r.url} missing from OpenAPI`).toBeDefined();
    }
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of ctx.app.routeRules) {
      if (r.access.kind === 'public') continue;
      const res = await ctx.app.inject({ method: r.method as never, url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('lets each role through exactly the routes its permissions declare', async () => {
    for (const r of ctx.app.routeRules) {
      if (r.access.kind === 'public' || SKIP.has(`${r.method} ${r.url}`)) continue;
      for (const role of ROLES) {
        const res = await sessions
          .get(role)!
          .request(r.method, concrete(r.url), r.method === 'GET' ? undefined : {});
        const expectAllowed = allowed(r.access, role);
        const label = `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (expectAllowed)
          expect(
            [401, 403].includes(res.statusCode) && /FORBIDDEN|UNAUTHENTICATED/.test(res.body),
            label,
          ).toBe(false);
        else expect(res.statusCode, label).toBe(403);
        expect(res.statusCode, label).toBeLessThan(500);
      }
    }
  });

  it('refuses to build an app with an undeclared route', async () => {
    const app = Fastify();
    requireDeclaredAccess(app);
    app.get('/api/ok', { config: { access: access.public } }, async () => 'ok');
    expect(() => app.get('/api/unguarded', async () => 'oops')).toThrow(/declares no access rule/);
  });
});

describe('region scope in SQL (ACL-2)', () => {
  let ctx: TestContext;
  const district = buildDemoDistrict();
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it('returns exactly the regions of the caller’s subtree, for any street or community user and filter', async () => {
    const scoped = district.users.filter(
      (u) => u.roles[0] === 'street_officer' || u.roles[0] === 'community_worker',
    );
    const sessionCache = new Map<string, Session>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...scoped),
        fc.constantFrom(undefined, 'street', 'community', 'park'),
        async (user, level) => {
          let s = sessionCache.get(user.username);
          if (!s) sessionCache.set(user.username, (s = await signIn(ctx.app, user.username)));
          const res = await s.request('GET', `/api/regions?pageSize=500${level ? `&level=${level}` : ''}`);
          expect(res.statusCode).toBe(200);
          const got = (res.json() as { items: { code: string }[] }).items.map((r) => r.code).sort();
          // The oracle: the demo data itself, filtered by prefix and level.
          const want = district.regions
            .filter((r) => r.code.startsWith(user.regionCode) && (!level || r.level === level))
            .map((r) => r.code)
            .sort();
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 40 },
    );
  });
});
