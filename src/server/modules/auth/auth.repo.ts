import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { apiClients, apiTokens, loginFailures, rateLimits, sessions } from './auth.tables.ts';
import { departments, users } from '../org/org.tables.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiClientRow = typeof apiClients.$inferSelect;

export class AuthRepo {
  constructor(private readonly db: Db) {}

  async failures(loginId: string) {
    const [row] = await this.db.select().from(loginFailures).where(eq(loginFailures.loginId, loginId));
    return row;
  }

  /** Counts one more failure atomically (two parallel wrong passwords both count). */
  async addFailure(tx: DbOrTx, loginId: string, now: Date) {
    const [row] = await tx
      .insert(loginFailures)
      .values({ loginId, count: 1, lastFailedAt: now })
      .onConflictDoUpdate({
        target: loginFailures.loginId,
        set: { count: sqlIncrement(), lastFailedAt: now },
      })
      .returning();
    return row!;
  }

  async setLock(tx: DbOrTx, loginId: string, until: Date | null) {
    await tx.update(loginFailures).set({ lockedUntil: until }).where(eq(loginFailures.loginId, loginId));
  }

  async clearFailures(tx: DbOrTx, loginId: string) {
    await tx.delete(loginFailures).where(eq(loginFailures.loginId, loginId));
  }

  async insertSession(tx: DbOrTx, row: typeof sessions.$inferInsert) {
    await tx.insert(sessions).values(row);
  }

  async session(id: string) {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return row;
  }

  /** The session with its user and roles in one round trip: this runs on every request. */
  async sessionWithUser(id: string) {
    const [row] = await this.db
      .select({
        session: sessions,
        user: users,
        roles: sql<
          string[]
        >`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = "sessions"."user_id"), '{}')`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    return row;
  }

  async touchSession(id: string, now: Date) {
    await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }

  async updateSession(tx: DbOrTx, id: string, values: Partial<typeof sessions.$inferInsert>) {
    await tx.update(sessions).set(values).where(eq(sessions.id, id));
  }

  async deleteSession(tx: DbOrTx, id: string) {
    await tx.delete(sessions).where(eq(sessions.id, id));
  }

  /** Ends every session of a user (password change, disable), optionally keeping one. */
  async deleteUserSessions(tx: DbOrTx, userId: string, keep?: string) {
    await tx
      .delete(sessions)
      .where(
        and(eq(sessions.userId, userId), keep ? or(lt(sessions.id, keep), gt(sessions.id, keep)) : undefined),
      );
  }

  /** Removes sessions past their lifetime or idle limit, expired tokens, and stale unlocked failure counts. */
  async purgeExpired(now: Date, idleCutoff: Date) {
    const s = await this.db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
      .returning({ id: sessions.id });
    const t = await this.db
      .delete(apiTokens)
      .where(lt(apiTokens.expiresAt, now))
      .returning({ id: apiTokens.id });
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const f = await this.db
      .delete(loginFailures)
      .where(
        and(
          lt(loginFailures.lastFailedAt, dayAgo),
          or(isNull(loginFailures.lockedUntil), lt(loginFailures.lockedUntil, now)),
        ),
      )
      .returning({ id: loginFailures.loginId });
    const r = await this.db
      .delete(rateLimits)
      .where(lt(rateLimits.resetAt, now))
      .returning({ key: rateLimits.key });
    return { sessions: s.length, tokens: t.length, failures: f.length, rateLimits: r.length };
  }

  async apiClientByClientId(clientId: string) {
    const [row] = await this.db.select().from(apiClients).where(eq(apiClients.clientId, clientId));
    return row;
  }

  async insertApiClient(tx: DbOrTx, row: typeof apiClients.$inferInsert) {
    const [created] = await tx.insert(apiClients).values(row).returning();
    return created!;
  }

  async revokeApiClient(tx: DbOrTx, id: string, now: Date) {
    await tx
      .update(apiClients)
      .set({ revokedAt: now })
      .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)));
    await tx.delete(apiTokens).where(eq(apiTokens.apiClientId, id));
  }

  async listApiClients() {
    return this.db.select().from(apiClients).orderBy(apiClients.createdAt);
  }

  async insertToken(tx: DbOrTx, row: typeof apiTokens.$inferInsert) {
    await tx.insert(apiTokens).values(row);
  }

  async tokenWithClient(id: string) {
    const [row] = await this.db
      .select({ token: apiTokens, client: apiClients, regionCode: departments.regionCode })
      .from(apiTokens)
      .innerJoin(apiClients, eq(apiClients.id, apiTokens.apiClientId))
      .innerJoin(departments, eq(departments.id, apiClients.departmentId))
      .where(eq(apiTokens.id, id));
    return row;
  }
}

function sqlIncrement() {
  return sql`${loginFailures.count} + 1`;
}
