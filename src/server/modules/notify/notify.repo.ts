import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { userRoles, users } from '../org/org.tables.ts';
import { inboxMessages } from './notify.tables.ts';

export type InboxRow = typeof inboxMessages.$inferSelect;
export type InboxInsert = typeof inboxMessages.$inferInsert;

export class NotifyRepo {
  constructor(private readonly db: Db) {}

  async insertMany(tx: DbOrTx, rows: InboxInsert[]) {
    if (rows.length === 0) return 0;
    await tx.insert(inboxMessages).values(rows);
    return rows.length;
  }

  async list(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    const w = and(eq(inboxMessages.userId, userId), unreadOnly ? isNull(inboxMessages.readAt) : undefined);
    const items = await this.db
      .select()
      .from(inboxMessages)
      .where(w)
      .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(inboxMessages).where(w);
    const [unread] = await this.db
      .select({ n: count() })
      .from(inboxMessages)
      .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
    return { items, total: total?.n ?? 0, unread: unread?.n ?? 0 };
  }

  /** Marks the user's own messages read (ids of other users' messages match nothing). */
  async markRead(userId: string, ids: string[] | 'all', at: Date) {
    const rows = await this.db
      .update(inboxMessages)
      .set({ readAt: at })
      .where(
        and(
          eq(inboxMessages.userId, userId),
          isNull(inboxMessages.readAt),
          ids === 'all' ? undefined : inArray(inboxMessages.id, ids),
        ),
      )
      .returning({ id: inboxMessages.id });
    return rows.length;
  }

  /** Active users holding a role, optionally only those of one department. */
  async usersWithRole(tx: DbOrTx, role: string, departmentId?: string) {
    return tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(
        and(
          eq(userRoles.role, role),
          eq(users.status, 'active'),
          departmentId ? eq(users.departmentId, departmentId) : undefined,
        ),
      );
  }
}
