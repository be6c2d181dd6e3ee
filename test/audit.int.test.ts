import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';

/** Edits the table as a database superuser would, bypassing the append-only trigger. */
async function tamper(ctx: TestContext, statement: string) {
  if (ctx.database.kind === 'postgres') {
    const client = await ctx.database.pool!.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(statement);
      await client.query('commit');
    } finally {
      client.release();
    }
  } else {
    await ctx.database.pglite!.exec(
      `set session_replication_role = replica; ${statement}; set session_replication_role = origin;`,
    );
  }
}

describe('audit chain (AUD-1..AUD-5)', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await startTestApp();
  });
  afterEach(() => ctx.close());

  it('records every sign-in (success and failure) and every write, with the fields an assessor checks (AUD-1, AUD-2)', async () => {
    const before = (await ctx.services.audit.verify()).checked;
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    const admin = await signIn(ctx.app, 'admin');
    await admin.request('PUT', '/api/calendar/2027', {
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
      reason: 'test',
    });
    const rows = await ctx.database.query<Record<string, unknown>>(
      'select * from audit_log where seq > $1 order by seq',
      [before],
    );
    expect(rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'auth.login:failure',
      'auth.login:success',
      'calendar.year.set:success',
      // A calendar correction recomputes the open cases' deadlines, audited as one record.
      'cases.clocks.recompute:success',
    ]);
    for (const r of rows) {
      for (const field of [
        'at',
        'actor',
        'role',
        'action',
        'result',
        'ip',
        'request_id',
        'hash',
        'prev_hash',
      ]) {
        expect(r[field], `${String(r.action)} lacks ${field}`).toBeTruthy();
      }
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application (AUD-3)', async () => {
    await expect(ctx.database.query(`update audit_log set actor = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.database.query(`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(ctx.database.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the first edited record', async () => {
    expect((await ctx.services.audit.verify()).ok).toBe(true);
    await tamper(ctx, `update audit_log set detail = '{"forged": true}' where seq = 5`);
    const r = await ctx.services.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.firstBad).toEqual({ seq: 5, reason: expect.stringMatching(/edited/) });
  });

  it('names a deleted record, and a deletion at the end of the chain', async () => {
    await tamper(ctx, `delete from audit_log where seq = 7`);
    expect((await ctx.services.audit.verify()).firstBad?.seq).toBe(7);
    const ctx2 = await startTestApp();
    try {
      const [{ max }] = (await ctx2.database.query<{ max: number }>(
        'select max(seq)::int as max from audit_log',
      )) as [{ max: number }];
      await tamper(ctx2, `delete from audit_log where seq = ${max}`);
      const r = await ctx2.services.audit.verify();
      expect(r.ok).toBe(false);
      expect(r.firstBad?.seq).toBe(max);
    } finally {
      await ctx2.close();
    }
  });

  it('detects reordered records', async () => {
    await tamper(
      ctx,
      `update audit_log set seq = -1 where seq = 3; update audit_log set seq = 3 where seq = 4; update audit_log set seq = 4 where seq = -1`,
    );
    const r = await ctx.services.audit.verify();
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(3);
  });

  it('keeps one linear chain under parallel appends', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        ctx.services.audit.record(systemActor(`p${i}`), { action: 'test.parallel' }),
      ),
    );
    const r = await ctx.services.audit.verify();
    expect(r.ok).toBe(true);
    const rows = await ctx.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'test.parallel'`,
    );
    expect(rows[0]!.n).toBe(60);
  });

  it('does not commit a business change whose audit record fails (AUD-5)', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const original = ctx.services.repos.audit.insert.bind(ctx.services.repos.audit);
    ctx.services.repos.audit.insert = async () => {
      throw new Error('injected audit failure');
    };
    try {
      const res = await admin.request('PUT', '/api/calendar/2028', {
        holidays: ['2028-01-01'],
        makeUpWorkdays: [],
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/injected|stack|at /);
    } finally {
      ctx.services.repos.audit.insert = original;
    }
    const rows = await ctx.database.query(`select * from calendar_years where year = 2028`);
    expect(rows).toHaveLength(0);
  });

  it('lets only audit admins search, export and verify, and audits those reads', async () => {
    const auditor = await signIn(ctx.app, 'auditor');
    const search = await auditor.request('GET', '/api/audit?action=auth.login&pageSize=5');
    expect(search.statusCode).toBe(200);
    expect(search.json().items.every((r: { action: string }) => r.action === 'auth.login')).toBe(true);
    const exported = await auditor.request('GET', '/api/audit/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    expect((await auditor.request('GET', '/api/audit/verify')).json().ok).toBe(true);
    for (const who of ['admin', 'secadmin']) {
      const s = await signIn(ctx.app, who);
      expect((await s.request('GET', '/api/audit')).statusCode).toBe(403);
    }
    const reads = await ctx.database.query<{ action: string }>(
      `select action from audit_log where actor = 'auditor' and action like 'audit.%'`,
    );
    expect(reads.map((r) => r.action).sort()).toEqual(['audit.export', 'audit.search', 'audit.verify']);
  });
});
