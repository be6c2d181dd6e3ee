import { and, asc, count, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { contains, startsWith } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Role } from '../../../domain/permissions.ts';
import { departments, passwordHistory, regions, userRoles, users } from './org.tables.ts';
import { loginFailures } from '../auth/auth.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithRoles = UserRow & { roles: Role[] };

export interface UserFilter {
  id?: string | undefined;
  q?: string | undefined;
  role?: Role | undefined;
  departmentId?: string | undefined;
  regionCode?: string | undefined;
  status?: 'active' | 'locked' | 'disabled' | undefined;
}

export type UserSort = 'name' | '-name' | 'username' | '-username' | 'lastLoginAt' | '-lastLoginAt';

/** Where the caller may look: a region subtree and optionally one department. Applied in SQL. */
export interface RowScope {
  regionPrefix: string;
  departmentId?: string | null;
}

export class UsersRepo {
  constructor(private readonly db: Db) {}

  private async withRoles(rows: UserRow[], tx: DbOrTx = this.db): Promise<UserWithRoles[]> {
    if (rows.length === 0) return [];
    const roleRows = await tx
      .select()
      .from(userRoles)
      .where(
        inArray(
          userRoles.userId,
          rows.map((r) => r.id),
        ),
      );
    const byUser = new Map<string, Role[]>();
    for (const r of roleRows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role as Role]);
    return rows.map((r) => ({ ...r, roles: (byUser.get(r.id) ?? []).sort() }));
  }

  async findByUsername(username: string): Promise<UserWithRoles | undefined> {
    const rows = await this.db.select().from(users).where(eq(users.username, username));
    return (await this.withRoles(rows))[0];
  }

  async findById(id: string, tx: DbOrTx = this.db): Promise<UserWithRoles | undefined> {
    const rows = await tx.select().from(users).where(eq(users.id, id));
    return (await this.withRoles(rows, tx))[0];
  }

  async insert(tx: DbOrTx, values: typeof users.$inferInsert, roles: Role[]): Promise<UserRow> {
    const [row] = await tx.insert(users).values(values).returning();
    if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId: row!.id, role })));
    return row!;
  }

  async update(tx: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, id));
  }

  async setRoles(tx: DbOrTx, id: string, roles: Role[]): Promise<void> {
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
  }

  async recentPasswordHashes(userId: string, n: number): Promise<string[]> {
    const rows = await this.db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
      .limit(n);
    return rows.map((r) => r.h);
  }

  async addPasswordHistory(tx: DbOrTx, userId: string, passwordHash: string): Promise<void> {
    await tx.insert(passwordHistory).values({ userId, passwordHash });
  }

  private where(scope: RowScope, f: UserFilter, now: Date): SQL | undefined {
    const lockedExpr = or(
      gt(users.lockedUntil, now),
      sql`exists (select 1 from ${loginFailures} lf where lf.login_id = "users"."username" and lf.locked_until > ${now})`,
    );
    return and(
      startsWith(users.regionCode, scope.regionPrefix),
      f.id ? eq(users.id, f.id) : undefined,
      scope.departmentId ? eq(users.departmentId, scope.departmentId) : undefined,
      f.q ? or(contains(users.username, f.q), contains(users.displayName, f.q)) : undefined,
      f.role
        ? sql`exists (select 1 from ${userRoles} ur where ur.user_id = "users"."id" and ur.role = ${f.role})`
        : undefined,
      f.departmentId ? eq(users.departmentId, f.departmentId) : undefined,
      f.regionCode ? startsWith(users.regionCode, f.regionCode) : undefined,
      f.status === 'disabled' ? eq(users.status, 'disabled') : undefined,
      f.status === 'locked' ? and(eq(users.status, 'active'), lockedExpr) : undefined,
      f.status === 'active' ? and(eq(users.status, 'active'), sql`not (${lockedExpr})`) : undefined,
    );
  }

  async list(scope: RowScope, f: UserFilter, sort: UserSort, page: number, pageSize: number, now: Date) {
    const w = this.where(scope, f, now);
    const order = {
      name: asc(users.displayName),
      '-name': desc(users.displayName),
      username: asc(users.username),
      '-username': desc(users.username),
      lastLoginAt: sql`${users.lastLoginAt} asc nulls first`,
      '-lastLoginAt': sql`${users.lastLoginAt} desc nulls last`,
    }[sort];
    const rows = await this.db
      .select({
        user: users,
        departmentName: departments.name,
        regionName: regions.name,
        failureLockedUntil: loginFailures.lockedUntil,
      })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .innerJoin(regions, eq(regions.code, users.regionCode))
      .leftJoin(loginFailures, eq(loginFailures.loginId, users.username))
      .where(w)
      .orderBy(order, asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totalRow] = await this.db.select({ n: count() }).from(users).where(w);
    const withRoles = await this.withRoles(rows.map((r) => r.user));
    return {
      items: rows.map((r, i) => ({
        ...withRoles[i]!,
        departmentName: r.departmentName,
        regionName: r.regionName,
        failureLockedUntil: r.failureLockedUntil,
      })),
      total: totalRow?.n ?? 0,
    };
  }

  /** Active accounts whose last sign-in (or creation, if never) is before the cutoff. */
  async dormant(cutoff: Date): Promise<UserRow[]> {
    return this.db
      .select()
      .from(users)
      .where(
        and(eq(users.status, 'active'), sql`coalesce(${users.lastLoginAt}, ${users.createdAt}) < ${cutoff}`),
      );
  }

  async countAll(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }

  async countNonDemo(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users).where(eq(users.demo, false));
    return row?.n ?? 0;
  }
}
