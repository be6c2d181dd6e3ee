import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

// A small SQL-injection / XSS / path corpus (INP-1): every answer is a 4xx or a clean 200, never a 500.
const CORPUS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" or ""="',
  '1; select pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  '𠮷𠮷𠮷',
  'a'.repeat(5000),
  '-1',
  '1e309',
  '{"$gt":""}',
  '330105%',
  '_',
];

describe('bad input (INP-1, WEB-1)', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await startTestApp({ env: { BODY_LIMIT_BYTES: '65536' } });
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(() => ctx.close());

  it('answers hostile query strings with 4xx or data, never a 500, and never echoes SQL or stacks', async () => {
    const urls = [
      (v: string) => `/api/regions?q=${encodeURIComponent(v)}`,
      (v: string) => `/api/regions?parentCode=${encodeURIComponent(v)}`,
      (v: string) => `/api/users?q=${encodeURIComponent(v)}&sort=${encodeURIComponent(v)}`,
      (v: string) => `/api/departments?q=${encodeURIComponent(v)}&page=${encodeURIComponent(v)}`,
      (v: string) => `/api/audit?actor=${encodeURIComponent(v)}`,
      (v: string) => `/api/calendar/add?date=${encodeURIComponent(v)}&n=${encodeURIComponent(v)}`,
      (v: string) => `/api/calendar/${encodeURIComponent(v)}`,
      (v: string) => `/api/users/${encodeURIComponent(v)}/lock`,
    ];
    for (const v of CORPUS) {
      for (const make of urls) {
        const url = make(v);
        const res = await admin.request(url.endsWith('/lock') ? 'POST' : 'GET', url);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.body).not.toMatch(/syntax error|stack|at .*\.ts:\d+|SELECT |pg_/i);
      }
    }
    // The wildcard is a literal: it matches nothing, it does not widen the search.
    expect((await admin.request('GET', `/api/regions?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });

  it('answers random JSON bodies with 400 listing fields, never a 500 (schema-driven fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        for (const [method, url] of [
          ['POST', '/api/users'],
          ['POST', '/api/departments'],
          ['PUT', '/api/calendar/2029'],
          ['PUT', '/api/regions/330105012/boundary'],
          ['POST', '/api/auth/login'],
        ] as const) {
          const res = await admin.request(method, url, JSON.stringify(body), {
            'content-type': 'application/json',
          });
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports every offending field with a reason, in Chinese by default and in English on request', async () => {
    const body = {
      username: 'x',
      displayName: '',
      roles: ['emperor'],
      regionCode: 'abc',
      password: 1,
      extra: true,
    };
    const zh = (await admin.request('POST', '/api/users', body)).json();
    expect(zh.code).toBe('VALIDATION_FAILED');
    const paths = zh.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining(['displayName', 'extra', 'password', 'regionCode', 'roles.0', 'username']),
    );
    expect(zh.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(zh.fields.find((f: { path: string }) => f.path === 'regionCode').message).toBe(
      '不是有效的行政区划代码',
    );
    const en = (
      await admin.request('POST', '/api/users', body, { 'accept-language': 'en-US,en;q=0.9' })
    ).json();
    expect(en.message).toMatch(/invalid/i);
    expect(en.fields.find((f: { path: string }) => f.path === 'regionCode').message).toBe(
      'Not a valid administrative division code',
    );
  });

  it('answers malformed JSON, wrong content types and oversized bodies with clear 4xx', async () => {
    const malformed = await admin.request('POST', '/api/departments', '{"code": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('MALFORMED_JSON');
    const big = await admin.request(
      'PUT',
      '/api/regions/330105012/boundary',
      JSON.stringify({ type: 'Polygon', pad: 'x'.repeat(70_000) }),
      {
        'content-type': 'application/json',
      },
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('BODY_TOO_LARGE');
    const xml = await admin.request('POST', '/api/departments', '<x/>', {
      'content-type': 'application/xml',
    });
    expect(xml.statusCode).toBe(415);
    expect((await admin.request('GET', '/api/no-such-thing')).statusCode).toBe(404);
  });

  it('sends the security headers on every response (WEB-1)', async () => {
    for (const url of ['/api/health', '/api/me', '/api/regions', '/api/no-such-thing']) {
      const res = await admin.request('GET', url);
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['cache-control']).toMatch(/no-store/);
      expect(res.headers['x-request-id']).toBeTruthy();
      expect(res.headers['content-security-policy']).not.toMatch(
        /unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/,
      );
    }
    // Only the API reference page may run its inline start-up script.
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(docs.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });
});
