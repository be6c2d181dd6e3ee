// `npm run bench`: figures and ratios against a baseline measured in the same run (not timed tests).
// Starts a throw-away PostgreSQL as CI does (scripts/pg.sh) unless DATABASE_URL is given.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServer } from '../test/cli.ts';
import { TEST_ENV } from '../test/env.ts';

const root = path.resolve(import.meta.dirname, '..');
const results: string[] = [];
const report = (line: string) => {
  results.push(line);
  console.log(line);
};

function startPostgres(): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const url = execFileSync(path.join(root, 'scripts/pg.sh'), ['start', '55440'])
    .toString()
    .trim()
    .split('\n')
    .at(-1)!;
  return { url, stop: () => execFileSync(path.join(root, 'scripts/pg.sh'), ['stop', '55440']) };
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function timeToReady(
  env: Record<string, string>,
): Promise<{ seconds: number; stop: () => Promise<void>; url: string }> {
  const t0 = performance.now();
  const s = await startServer(env);
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    url: s.url,
    stop: () =>
      new Promise((r) => {
        s.child.once('exit', () => r());
        s.child.kill('SIGTERM');
      }),
  };
}

async function startupBench(kind: string, env: Record<string, string>) {
  const cold = await timeToReady(env);
  await cold.stop();
  const warm = await timeToReady(env);
  await warm.stop();
  report(
    `startup ${kind}: empty → ready with demo district ${cold.seconds.toFixed(1)} s (target ≤ 60 s); restart with data ${warm.seconds.toFixed(1)} s (target ≤ 5 s)`,
  );
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function load(name: string, opts: autocannon.Options) {
  const r = await autocannon({ connections: 20, duration: 8, ...opts });
  if (r.non2xx > 0 || r.errors > 0) console.warn(`  ${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { name, rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}

async function httpBench(kind: string, env: Record<string, string>) {
  const server = await timeToReady({ ...env, LOGIN_RATE_LIMIT: '0', LOG_LEVEL: 'warn' });
  try {
    const base = server.url;
    const cookie = await login(base, 'street-330105012');
    const bare = await load('bare route GET /api/health', { url: `${base}/api/health` });
    const list = await load('scoped list GET /api/regions (street officer)', {
      url: `${base}/api/regions?level=community`,
      headers: { cookie },
    });
    const signIn = await load('sign-in POST /api/auth/login (argon2id)', {
      url: `${base}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'Demo@2026' }),
    });
    for (const r of [bare, list, signIn]) {
      report(
        `http ${kind}: ${r.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms` +
          (r === bare ? ' (baseline)' : `, ${(bare.rps / r.rps).toFixed(1)}× slower than the bare route`),
      );
    }
  } finally {
    await server.stop();
  }
}

const pgServer = startPostgres();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'od-bench-'));
try {
  const base = { ...TEST_ENV, SEED_DEMO: 'auto' };
  await startupBench('PGlite', { ...base, DATA_DIR: path.join(tmp, 'pglite') });
  const url = await createDatabase(pgServer.url, 'od_bench_startup');
  await startupBench('PostgreSQL', { ...base, DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url });
  await httpBench('PostgreSQL', { ...base, DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url });
  await httpBench('PGlite', { ...base, DATA_DIR: path.join(tmp, 'pglite') });
} finally {
  pgServer.stop();
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\nSummary\n' + results.join('\n'));
