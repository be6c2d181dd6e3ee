import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../src/server/config.ts';

/** Fixed keys for tests: the template's audit chain was written with them. */
export const TEST_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SESSION_SECRET: 'a'.repeat(64),
  AUDIT_KEY: 'b'.repeat(64),
  FIELD_KEY: '0123456789abcdef0123456789abcdef',
  DEMO_PASSWORD: 'Demo@2026',
  LOGIN_RATE_LIMIT: '0',
  SEED_DEMO: 'false',
} as const;

export const TEMPLATE_DUMP = path.join(
  os.tmpdir(),
  `opendistrict-test-template-${process.getuid?.() ?? 0}.tar.gz`,
);
export const TEMPLATE_DB = 'od_test_template';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    ...TEST_ENV,
    DATA_DIR: path.join(os.tmpdir(), 'opendistrict-test-data'),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...overrides,
  } as NodeJS.ProcessEnv);
}

/** The URL of another database on the same PostgreSQL server. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
