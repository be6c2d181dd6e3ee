import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.ts';
import { cli, freshInstall, httpSession, startServer, type Install } from './cli.ts';

const installs: Install[] = [];
const install = async (extra: Record<string, string> = {}) => {
  const i = await freshInstall(extra);
  installs.push(i);
  return i;
};
afterAll(async () => {
  for (const i of installs) await i.drop();
});

// Each CLI call starts a process and opens the database: generous limits for loaded CI machines.
describe('command line', { timeout: 180_000 }, () => {
  it('counts working days: calendar add 2026-02-12 3 prints 2026-02-24', async () => {
    const { env } = await install();
    const r = await cli(['calendar', 'add', '2026-02-12', '3'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2026-02-24');
  });

  it('fails closed on a year without a published schedule', async () => {
    const { env } = await install();
    const r = await cli(['calendar', 'add', '2027-03-01', '5'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/No published working-day schedule for 2027/);
    expect((await cli(['calendar', 'add', '2026-02-30', '1'], env)).stderr).toMatch(/not a date/);
  });

  it('seeds the demo district once, manages users, and verifies the audit chain', async () => {
    const { env } = await install();
    const seeded = await cli(['seed', '--demo', '--scale', '0.1'], env);
    expect(seeded.stdout).toMatch(/86 regions, 42 departments, 223 users/);
    expect((await cli(['seed', '--demo', '--scale', '0.1'], env)).stdout).toMatch(/already here/);
    const created = await cli(
      [
        'user',
        'create',
        'zhao.lei',
        '--name',
        '赵磊',
        '--roles',
        'street_officer',
        '--region',
        '330105014',
        '--password',
        'Start#2026x',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const weak = await cli(['user', 'reset-password', 'zhao.lei'], { ...env, OD_PASSWORD: 'weak' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password policy/i);
    expect((await cli(['user', 'lock', 'zhao.lei'], env)).code).toBe(0);
    expect((await cli(['user', 'unlock', 'zhao.lei'], env)).code).toBe(0);
    const verify = await cli(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact/);
  });

  it('loads a real district from the division data for a production install, then an administrator account', async () => {
    const { env } = await install({ SEED_DEMO: 'false' });
    const r = await cli(['regions', 'load', '330105', '--streets', '330105012,330105013'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/拱墅区 330105: 2 streets, 14 communities \(17 new regions\)/);
    expect((await cli(['regions', 'load', '330105', '--streets', '330105012'], env)).stdout).toMatch(
      /\(0 new regions\)/,
    );
    expect((await cli(['regions', 'load', '999999'], env)).stderr).toMatch(/no district 999999/);
    const created = await cli(
      ['user', 'create', 'it.admin', '--name', '信息中心', '--roles', 'sys_admin', '--region', '330105'],
      { ...env, OD_PASSWORD: 'Start#2026xy' },
    );
    expect(created.code, created.stderr).toBe(0);
  });

  it('backs up and restores into a new installation with counts and audit chain intact (DAT-5)', async () => {
    const { env } = await install();
    await cli(['seed', '--demo', '--scale', '0.1'], env);
    const file = path.join(os.tmpdir(), `od-backup-${Date.now()}.jsonl.gz`);
    const b = await cli(['backup', file], env);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(file)).toBe(true);
    const written = Number(b.stdout.match(/(\d+) rows in/)![1]);
    const { env: target } = await install();
    const r = await cli(['restore', file], target);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/audit chain verifies/);
    expect(Number(r.stdout.match(/restored (\d+) rows/)![1])).toBe(written);
    const users = await cli(['user', 'lock', 'leader'], target);
    expect(users.code).toBe(0);
    expect((await cli(['audit', 'verify'], target)).code).toBe(0);
    // A non-empty target is refused.
    const twice = await cli(['restore', file], target);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/empty database/);
  });

  it('audit verify exits 1 naming the first record edited directly in the database', async () => {
    const { env } = await install();
    await cli(['seed', '--demo', '--scale', '0.1'], env);
    // A database superuser edits a record, bypassing the append-only trigger.
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const edit = `update audit_log set actor = 'someone-else' where seq = 12`;
      if (database.kind === 'postgres') {
        const client = await database.pool!.connect();
        await client.query('begin; set local session_replication_role = replica;');
        await client.query(edit);
        await client.query('commit');
        client.release();
      } else {
        await database.pglite!.exec(
          `set session_replication_role = replica; ${edit}; set session_replication_role = origin;`,
        );
      }
    } finally {
      await database.close();
    }
    const r = await cli(['audit', 'verify'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /BROKEN at record 12: content does not match its hash \(record edited\) \(11 records verified before it\)/,
    );
  });

  it('refuses to serve the demo district in production, with its well-known accounts (ACL-4)', async () => {
    const { env } = await install();
    await cli(['seed', '--demo', '--scale', '0.1'], env);
    const r = await cli(['serve'], {
      ...env,
      SECURITY_PROFILE: 'production',
      PORT: '0',
      ...(env.DATABASE_URL ? { DATABASE_URL: `${env.DATABASE_URL}?sslmode=disable` } : {}),
    });
    expect(r.code).toBe(1);
    // On PostgreSQL without TLS the configuration check stops it even earlier (DAT-1).
    expect(r.stderr).toMatch(env.DATABASE_URL ? /TLS/ : /demo district/);
  });

  it('explains an unreachable database and exits non-zero', async () => {
    const r = await cli(['migrate'], {
      DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none',
      DATA_DIR: os.tmpdir(),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot reach PostgreSQL/);
    expect(r.stderr).not.toMatch(/secret/);
  });

  it('explains bad configuration with every problem listed', async () => {
    const r = await cli(['migrate'], { PORT: 'x', LOG_LEVEL: 'loud', DATA_DIR: os.tmpdir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/LOG_LEVEL/);
    expect(r.stderr).toMatch(/\.env\.example/);
  });
});

describe.runIf(!process.env.DATABASE_URL)('one process per embedded database', { timeout: 180_000 }, () => {
  it('refuses a CLI write while the server holds the PGlite folder, instead of losing it', async () => {
    const { env } = await install();
    const server = await startServer(env);
    try {
      const r = await cli(['user', 'lock', 'leader'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/in use by another OpenDistrict process/);
    } finally {
      await new Promise((resolve) => server.child.once('exit', resolve).kill('SIGTERM'));
    }
    // Once the server has stopped, the command works.
    expect((await cli(['user', 'lock', 'leader'], env)).code).toBe(0);
  });
});

describe('crash safety', { timeout: 180_000 }, () => {
  it('is consistent after SIGKILL in the middle of writes, and the audit chain verifies', async () => {
    const { env } = await install();
    const server = await startServer(env);
    const call = await httpSession(server.url, 'admin');
    const writes: Promise<unknown>[] = [];
    let stop = false;
    const hammer = async (i: number) => {
      for (let n = 0; !stop; n++) {
        await call('PUT', `/api/calendar/${2030 + (i % 5)}`, {
          holidays: [`${2030 + (i % 5)}-01-01`],
          makeUpWorkdays: [],
          reason: `w${n}`,
        }).catch(() => undefined);
      }
    };
    for (let i = 0; i < 8; i++) writes.push(hammer(i));
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writes);
    await new Promise((r) => server.child.once('exit', r).kill('SIGKILL') || setTimeout(r, 500));
    const verify = await cli(['audit', 'verify'], env);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    // Every calendar version that committed has its audit record (same transaction).
    const again = await startServer({ ...env, LOG_LEVEL: 'warn' });
    const auditor = await httpSession(again.url, 'auditor');
    const audited = (await (
      await auditor('GET', '/api/audit?action=calendar.year.set&pageSize=1')
    ).json()) as { total: number };
    const admin = await httpSession(again.url, 'admin');
    const versions = ((await (await admin('GET', '/api/calendar/2030')).json()) as { version: number })
      .version;
    expect(audited.total).toBe(versions);
    // A graceful stop: in-flight work finishes, the database closes cleanly, exit code 0 — also when
    // the request has reached the server and its keep-alive connection would stay open after it.
    const pending = admin('PUT', '/api/calendar/2035', { holidays: ['2035-01-01'], makeUpWorkdays: [] });
    await new Promise((r) => setTimeout(r, 30));
    again.child.kill('SIGTERM');
    const [code, answer] = await Promise.all([
      new Promise((r) => again.child.once('exit', r)),
      pending.then((r) => r.status).catch(() => 0),
    ]);
    expect(code, again.output()).toBe(0);
    expect([200, 0]).toContain(answer);
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
  });
});

describe.runIf(process.env.DATABASE_URL)(
  'several server processes on one PostgreSQL',
  { timeout: 180_000 },
  () => {
    it('keeps one linear, verifiable audit chain while two processes write concurrently', async () => {
      const { env } = await install();
      const a = await startServer(env);
      const b = await startServer(env);
      try {
        const sessions = await Promise.all([httpSession(a.url, 'admin'), httpSession(b.url, 'admin')]);
        await Promise.all(
          sessions.flatMap((call, s) =>
            Array.from({ length: 30 }, (_, i) =>
              call('PUT', `/api/calendar/${2040 + ((i + s) % 3)}`, {
                holidays: [],
                makeUpWorkdays: [],
                reason: `p${s}-${i}`,
              }),
            ),
          ),
        );
        const verify = await cli(['audit', 'verify'], env);
        expect(verify.code, verify.stderr).toBe(0);
        const auditor = await httpSession(a.url, 'auditor');
        expect(
          (
            (await (
              await auditor('GET', '/api/audit?action=calendar.year.set&actor=admin&pageSize=1')
            ).json()) as {
              total: number;
            }
          ).total,
        ).toBe(60);
      } finally {
        a.child.kill('SIGTERM');
        b.child.kill('SIGTERM');
      }
    });
  },
);
