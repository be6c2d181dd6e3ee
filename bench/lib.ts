// Shared pieces of `npm run bench`: a throw-away PostgreSQL as CI starts it, servers, sign-in, the report.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { startServer } from '../test/cli.ts';

export const root = path.resolve(import.meta.dirname, '..');
export const results: string[] = [];
export const report = (line: string) => {
  results.push(line);
  console.log(line);
};

export function startPostgres(): { url: string; stop: () => void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: () => undefined };
  const url = execFileSync(path.join(root, 'scripts/pg.sh'), ['start', '55440'])
    .toString()
    .trim()
    .split('\n')
    .at(-1)!;
  return { url, stop: () => execFileSync(path.join(root, 'scripts/pg.sh'), ['stop', '55440']) };
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function timeToReady(env: Record<string, string>) {
  const t0 = performance.now();
  const s = await startServer(env);
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    url: s.url,
    pid: s.child.pid!,
    stop: () =>
      new Promise<void>((r) => {
        s.child.once('exit', () => r());
        s.child.kill('SIGTERM');
      }),
  };
}

/** Signs in; returns the session cookie and the CSRF token writes need. */
export async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

/** Latency percentiles (ms) of running `fn` `n` times one after another, after a short warm-up. */
export async function latencies(n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
