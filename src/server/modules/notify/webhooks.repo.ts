import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { departments } from '../org/org.tables.ts';
import { notifyWebhooks, webhookDeliveries } from './notify.tables.ts';

export type WebhookRow = typeof notifyWebhooks.$inferSelect;
export type WebhookInsert = typeof notifyWebhooks.$inferInsert;
export type DeliveryInsert = typeof webhookDeliveries.$inferInsert;

/** A claimed delivery with what is needed to post it. */
export interface ClaimedDelivery {
  id: number;
  attempts: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  webhook: Pick<WebhookRow, 'id' | 'format' | 'urlEnc' | 'secretEnc'>;
}

const pending = and(isNull(webhookDeliveries.deliveredAt), isNull(webhookDeliveries.gaveUpAt));

/** Queries of the chat-robot webhooks and their outbox. */
export class WebhooksRepo {
  constructor(private readonly db: Db) {}

  /** Every webhook with its department's name and its outbox counts. */
  async list() {
    const counts = this.db
      .select({
        webhookId: webhookDeliveries.webhookId,
        pending:
          sql<number>`count(*) filter (where ${webhookDeliveries.deliveredAt} is null and ${webhookDeliveries.gaveUpAt} is null)`
            .mapWith(Number)
            .as('pending'),
        gaveUp: sql<number>`count(*) filter (where ${webhookDeliveries.gaveUpAt} is not null)`
          .mapWith(Number)
          .as('gave_up'),
        lastDeliveredAt: max(webhookDeliveries.deliveredAt).as('last_delivered_at'),
      })
      .from(webhookDeliveries)
      .groupBy(webhookDeliveries.webhookId)
      .as('counts');
    return this.db
      .select({
        webhook: notifyWebhooks,
        departmentName: departments.name,
        pending: sql<number>`coalesce(${counts.pending}, 0)`.mapWith(Number),
        gaveUp: sql<number>`coalesce(${counts.gaveUp}, 0)`.mapWith(Number),
        lastDeliveredAt: counts.lastDeliveredAt,
      })
      .from(notifyWebhooks)
      .leftJoin(departments, eq(departments.id, notifyWebhooks.departmentId))
      .leftJoin(counts, eq(counts.webhookId, notifyWebhooks.id))
      .orderBy(asc(departments.name), asc(notifyWebhooks.name));
  }

  async byId(id: string, tx: DbOrTx = this.db): Promise<WebhookRow | undefined> {
    const [row] = await tx.select().from(notifyWebhooks).where(eq(notifyWebhooks.id, id));
    return row;
  }

  async insert(tx: DbOrTx, row: WebhookInsert): Promise<WebhookRow> {
    const [saved] = await tx.insert(notifyWebhooks).values(row).returning();
    return saved!;
  }

  async update(tx: DbOrTx, id: string, set: Partial<WebhookInsert>): Promise<WebhookRow | undefined> {
    const [saved] = await tx.update(notifyWebhooks).set(set).where(eq(notifyWebhooks.id, id)).returning();
    return saved;
  }

  async remove(tx: DbOrTx, id: string): Promise<boolean> {
    const rows = await tx
      .delete(notifyWebhooks)
      .where(eq(notifyWebhooks.id, id))
      .returning({ id: notifyWebhooks.id });
    return rows.length > 0;
  }

  /** The enabled webhooks of a department (or, for null, the district-wide ones) with their kinds. */
  enabledFor(tx: DbOrTx, departmentId: string | null) {
    return tx
      .select({ id: notifyWebhooks.id, kinds: notifyWebhooks.kinds })
      .from(notifyWebhooks)
      .where(
        and(
          eq(notifyWebhooks.enabled, true),
          departmentId === null
            ? isNull(notifyWebhooks.departmentId)
            : eq(notifyWebhooks.departmentId, departmentId),
        ),
      );
  }

  async enqueue(tx: DbOrTx, rows: DeliveryInsert[]): Promise<number> {
    if (!rows.length) return 0;
    await tx.insert(webhookDeliveries).values(rows);
    return rows.length;
  }

  /**
   * Claims up to `limit` due deliveries, oldest first, that no other worker holds; the claim is a
   * lease (their next attempt moves to `leaseUntil`), so a crashed worker's rows come back.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: webhookDeliveries.id,
          attempts: webhookDeliveries.attempts,
          kind: webhookDeliveries.kind,
          title: webhookDeliveries.title,
          body: webhookDeliveries.body,
          link: webhookDeliveries.link,
          webhookId: webhookDeliveries.webhookId,
        })
        .from(webhookDeliveries)
        // A disabled robot's messages wait until it is enabled again.
        .innerJoin(notifyWebhooks, eq(notifyWebhooks.id, webhookDeliveries.webhookId))
        .where(and(pending, lte(webhookDeliveries.nextAttemptAt, now), eq(notifyWebhooks.enabled, true)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
        .limit(limit)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      if (!rows.length) return [];
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: leaseUntil })
        .where(
          inArray(
            webhookDeliveries.id,
            rows.map((r) => r.id),
          ),
        );
      const hooks = await tx
        .select({
          id: notifyWebhooks.id,
          format: notifyWebhooks.format,
          urlEnc: notifyWebhooks.urlEnc,
          secretEnc: notifyWebhooks.secretEnc,
        })
        .from(notifyWebhooks)
        .where(inArray(notifyWebhooks.id, [...new Set(rows.map((r) => r.webhookId))]));
      const byId = new Map(hooks.map((h) => [h.id, h]));
      return rows.map(({ webhookId, ...r }) => ({ ...r, webhook: byId.get(webhookId)! }));
    });
  }

  async delivered(id: number, at: Date) {
    await this.db
      .update(webhookDeliveries)
      .set({ deliveredAt: at, attempts: sql`${webhookDeliveries.attempts} + 1`, lastError: null })
      .where(and(eq(webhookDeliveries.id, id), pending));
  }

  async failed(id: number, attempts: number, error: string, next: Date | null, at: Date) {
    await this.db
      .update(webhookDeliveries)
      .set({ attempts, lastError: error, ...(next ? { nextAttemptAt: next } : { gaveUpAt: at }) })
      // A slow worker whose lease ran out must not overwrite another worker's delivery.
      .where(and(eq(webhookDeliveries.id, id), pending));
  }

  async deliveries(webhookId: string, page: number, pageSize: number) {
    const w = eq(webhookDeliveries.webhookId, webhookId);
    const [items, [total]] = await Promise.all([
      this.db
        .select()
        .from(webhookDeliveries)
        .where(w)
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(webhookDeliveries).where(w),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** Puts the deliveries that ran out of attempts back in the outbox, due now. */
  async requeueGivenUp(tx: DbOrTx, webhookId: string, now: Date): Promise<number> {
    const rows = await tx
      .update(webhookDeliveries)
      .set({ gaveUpAt: null, attempts: 0, nextAttemptAt: now })
      .where(and(eq(webhookDeliveries.webhookId, webhookId), isNotNull(webhookDeliveries.gaveUpAt)))
      .returning({ id: webhookDeliveries.id });
    return rows.length;
  }

  /** Drops a robot's undelivered messages (it moved to another department's group). */
  async dropPending(tx: DbOrTx, webhookId: string): Promise<number> {
    const rows = await tx
      .delete(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, webhookId), isNull(webhookDeliveries.deliveredAt)))
      .returning({ id: webhookDeliveries.id });
    return rows.length;
  }
}
