// `npm run bench`: figures and ratios against a baseline measured in the same run (not timed tests).
// Starts a throw-away PostgreSQL as CI does (scripts/pg.sh) unless DATABASE_URL is given.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { TEST_ENV } from '../test/env.ts';
import { catalogBench } from './catalog.ts';
import { casesBench } from './cases.ts';
import { createDatabase, login, report, results, startPostgres, timeToReady } from './lib.ts';

async function startupBench(kind: string, env: Record<string, string>) {
  const cold = await timeToReady(env);
  await cold.stop();
  const warm = await timeToReady(env);
  await warm.stop();
  report(
    `startup ${kind}: empty → ready with demo district ${cold.seconds.toFixed(1)} s (target ≤ 60 s); restart with data ${warm.seconds.toFixed(1)} s (target ≤ 5 s)`,
  );
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
    const { cookie } = await login(base, 'street-330105012');
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
  // `npm run bench -- catalog` runs only the catalogue benchmarks.
  if (process.argv[2] === 'catalog') {
    await catalogBench(pgServer.url, { ...base, DATA_DIR: path.join(tmp, 'catalog') });
  } else if (process.argv[2] === 'cases') {
    await casesBench(pgServer.url, { ...base, DATA_DIR: path.join(tmp, 'cases') });
  } else {
    await startupBench('PGlite', { ...base, DATA_DIR: path.join(tmp, 'pglite') });
    const url = await createDatabase(pgServer.url, 'od_bench_startup');
    await startupBench('PostgreSQL', { ...base, DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url });
    await httpBench('PostgreSQL', { ...base, DATA_DIR: path.join(tmp, 'pg'), DATABASE_URL: url });
    await httpBench('PGlite', { ...base, DATA_DIR: path.join(tmp, 'pglite') });
    await catalogBench(pgServer.url, { ...base, DATA_DIR: path.join(tmp, 'catalog') });
    await casesBench(pgServer.url, { ...base, DATA_DIR: path.join(tmp, 'cases') });
  }
} finally {
  pgServer.stop();
  rmSync(tmp, { recursive: true, force: true });
}
console.log('\nSummary\n' + results.join('\n'));
