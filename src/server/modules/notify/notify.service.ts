import type { Clock } from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import { webhookTakes } from '../../../domain/webhooks.ts';
import type { NotifyRepo } from './notify.repo.ts';
import type { WebhooksRepo } from './webhooks.repo.ts';

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /**
   * What chat robots get instead of `body` when the body quotes people's free text (a reviewer's
   * note may name an applicant, and a chat service is outside the platform).
   */
  robotBody?: string;
}

/**
 * Notices to people: the in-app inbox, and for notices addressed to a role, the chat robots of the
 * department (or, without one, the district's) through the webhook outbox. E-mail would go here too.
 */
export class NotifyService {
  constructor(
    private readonly repo: NotifyRepo,
    private readonly webhooks: WebhooksRepo,
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
  toRole(tx: DbOrTx, role: string, notice: Notice, departmentId?: string) {
    return this.toRoles(tx, [role], notice, departmentId);
  }

  /**
   * Sends a notice to every active holder of any of the roles (in one department, if given): once to
   * each user's inbox, and once to each robot of that department's chat groups that takes its kind.
   * Returns how many users were notified.
   */
  async toRoles(tx: DbOrTx, roles: readonly string[], notice: Notice, departmentId?: string) {
    const users = [];
    for (const role of roles) users.push(...(await this.repo.usersWithRole(tx, role, departmentId)));
    const sent = await this.toUsers(
      tx,
      users.map((r) => r.id),
      notice,
    );
    const createdAt = this.clock.now();
    const robots = await this.webhooks.enabledFor(tx, departmentId ?? null);
    await this.webhooks.enqueue(
      tx,
      robots
        .filter((w) => webhookTakes(w.kinds, notice.kind))
        .map((w) => ({
          webhookId: w.id,
          kind: notice.kind,
          title: notice.title,
          body: notice.robotBody ?? notice.body ?? '',
          link: notice.link ?? null,
          createdAt,
          nextAttemptAt: createdAt,
        })),
    );
    return sent;
  }

  inbox(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    return this.repo.list(userId, unreadOnly, page, pageSize);
  }

  markRead(userId: string, ids: string[] | 'all') {
    return this.repo.markRead(userId, ids, this.clock.now());
  }
}
