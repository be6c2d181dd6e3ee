import type { Clock } from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { NotifyRepo } from './notify.repo.ts';

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

/**
 * Notices to people. For now the in-app inbox; the notify issue adds webhooks (DingTalk robots) and
 * e-mail behind the same calls, so callers need not change.
 */
export class NotifyService {
  constructor(
    private readonly repo: NotifyRepo,
    private readonly clock: Clock,
  ) {}

  /** Sends a notice to users, inside the caller's transaction (the notice exists iff the change does). */
  toUsers(tx: DbOrTx, userIds: string[], notice: Notice) {
    const createdAt = this.clock.now();
    return this.repo.insertMany(
      tx,
      [...new Set(userIds)].map((userId) => ({
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? '',
        link: notice.link ?? null,
        createdAt,
      })),
    );
  }

  /** Sends a notice to every active holder of a role (in one department, if given). */
  async toRole(tx: DbOrTx, role: string, notice: Notice, departmentId?: string) {
    const rows = await this.repo.usersWithRole(tx, role, departmentId);
    return this.toUsers(
      tx,
      rows.map((r) => r.id),
      notice,
    );
  }

  inbox(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    return this.repo.list(userId, unreadOnly, page, pageSize);
  }

  markRead(userId: string, ids: string[] | 'all') {
    return this.repo.markRead(userId, ids, this.clock.now());
  }
}
