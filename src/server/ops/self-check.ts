import { ADMIN_TRIAD, NEVER_DELEGATED } from '../../domain/permissions.ts';
import type { Database } from '../db/client.ts';

/** Names an assessor treats as default accounts (ACL-4): not allowed to be active in production. */
export const DEFAULT_ACCOUNT_NAMES = [
  'admin',
  'root',
  'test',
  'guest',
  'administrator',
  'demo',
  'system',
  'user',
];

/**
 * Security self-check at start (ACL-3, ACL-4): what the database holds must not break separation of
 * duties or keep default accounts. Returns the problems; production refuses to start on any.
 */
export async function securitySelfCheck(database: Database): Promise<string[]> {
  const problems: string[] = [];
  const triad = await database.query<{ username: string; roles: string[] }>(
    `select u.username, array_agg(r.role::text order by r.role) as roles
       from users u join user_roles r on r.user_id = u.id
      where r.role = any($1::text[]) group by u.username having count(*) > 1`,
    [ADMIN_TRIAD],
  );
  for (const t of triad)
    problems.push(
      `account ${t.username} holds ${t.roles.join(' + ')} (三员分立: one administrator role per account)`,
    );
  const clients = await database.query<{ client_id: string; permissions: string[] }>(
    `select client_id, permissions::text[] as permissions from api_clients
      where revoked_at is null and permissions && $1::text[]`,
    [NEVER_DELEGATED],
  );
  for (const c of clients) {
    problems.push(
      `API client ${c.client_id} holds administrator permissions (${c.permissions.filter((p) => NEVER_DELEGATED.includes(p as never)).join(', ')}); revoke it`,
    );
  }
  const defaults = await database.query<{ username: string }>(
    `select username from users where status = 'active' and username = any($1::text[])`,
    [DEFAULT_ACCOUNT_NAMES],
  );
  for (const d of defaults)
    problems.push(`default account name "${d.username}" is active; rename or disable it`);
  return problems;
}
