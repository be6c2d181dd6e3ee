import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Role } from '../src/domain/permissions.ts';
import { buildApp } from '../src/server/app.ts';
import { FakeClock, systemClock, type Clock } from '../src/server/clock.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { buildServices, type Services } from '../src/server/services.ts';
import { databaseUrl, TEMPLATE_DB, TEMPLATE_DUMP, testConfig } from './env.ts';

export { FakeClock };
export const DEMO_PASSWORD = 'Demo@2026';

/** One demo account per role (the permission sweeps sign in as these). */
export const DEMO_USER_OF: Record<Role, string> = {
  sys_admin: 'admin',
  sec_admin: 'secadmin',
  audit_admin: 'auditor',
  bureau_admin: 'bureau',
  dept_data_officer: 'data-mzj',
  dept_case_officer: 'case-mzj',
  dept_case_approver: 'approver-mzj',
  window_officer: 'window',
  street_officer: 'street-330105013',
  community_worker: 'community-330105013001',
  leader: 'leader',
};

/** A private copy of the seeded template: PGlite from the dump, or a PostgreSQL database cloned from the template. */
export async function cloneTemplate(): Promise<{
  database: Database;
  url?: string;
  drop: () => Promise<void>;
}> {
  if (process.env.DATABASE_URL) {
    const name = `od_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    await admin.end();
    const url = databaseUrl(name);
    const database = await openDatabase({ databaseUrl: url });
    return {
      database,
      url,
      drop: async () => {
        const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(TEMPLATE_DUMP)]) });
  return { database, drop: async () => undefined };
}

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: Database;
  clock: Clock;
  databaseUrl?: string;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: { clock?: Clock; env?: Record<string, string>; logger?: FastifyServerOptions['logger'] } = {},
): Promise<TestContext> {
  const clone = await cloneTemplate();
  const clock = opts.clock ?? systemClock;
  const services = buildServices(clone.database, testConfig(opts.env), clock);
  const app = await buildApp(services, {
    logger: opts.logger ?? (process.env.TEST_LOG ? { level: 'error' } : false),
    serveWeb: false,
  });
  await app.ready();
  return {
    app,
    services,
    database: clone.database,
    clock,
    ...(clone.url ? { databaseUrl: clone.url } : {}),
    async close() {
      await app.close();
      await clone.database.close();
      await clone.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  status: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Signs in through the API as a person would, and returns a client carrying cookie and CSRF token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'od_session')!;
  const cookieHeader = `od_session=${cookie.value}`;
  const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieHeader } });
  const csrf = (me.json() as { csrfToken: string }).csrfToken;
  return {
    cookie: cookieHeader,
    csrf,
    status: (res.json() as { status: string }).status,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as never,
        url,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...headers },
        ...(body !== undefined ? { payload: body as never } : {}),
      }),
  };
}
