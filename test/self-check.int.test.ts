import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securitySelfCheck } from '../src/server/ops/self-check.ts';
import { startTestApp, type TestContext } from './harness.ts';

describe('security self-check at start (ACL-3, ACL-4)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it('finds doubled administrator roles, over-privileged API clients and default account names', async () => {
    // The demo has an active `admin` account, which production would refuse.
    expect(await securitySelfCheck(ctx.database)).toEqual([
      'default account name "admin" is active; rename or disable it',
    ]);
    await ctx.database.query(
      `insert into user_roles (user_id, role) select id, 'audit_admin' from users where username = 'secadmin'`,
    );
    await ctx.database.query(
      `insert into api_clients (client_id, name, secret_hash, department_id, permissions)
       select 'od_legacy', 'legacy', 'x', id, array['regions.read', 'audit.read'] from departments limit 1`,
    );
    const problems = await securitySelfCheck(ctx.database);
    expect(problems.join('\n')).toMatch(/secadmin holds audit_admin \+ sec_admin/);
    expect(problems.join('\n')).toMatch(/od_legacy holds administrator permissions \(audit.read\)/);
  });
});
