import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { WEBHOOK_FORMATS } from '../../../domain/webhooks.ts';
import { departments, users } from '../org/org.tables.ts';

/** The in-app inbox: notices to one user (census reminders, review results, ...). */
export const inboxMessages = pgTable(
  'inbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A stable kind, e.g. census.reminder, dataset.approved. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path in the web app the notice is about. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('inbox_user_idx').on(t.userId, t.createdAt)],
);

/**
 * A chat group's robot (群机器人): notices addressed to a department's roles (or, without a
 * department, to the bureau's) are posted to it. The address carries the robot's token and the
 * signing secret is a credential: both are stored SM4-encrypted (DAT-2), shown only as `urlDisplay`.
 */
export const notifyWebhooks = pgTable(
  'notify_webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    format: text('format', { enum: WEBHOOK_FORMATS }).notNull(),
    /** The department whose notices it takes; null: notices to district-wide roles (the bureau). */
    departmentId: uuid('department_id').references(() => departments.id),
    urlEnc: text('url_enc').notNull(),
    urlDisplay: text('url_display').notNull(),
    secretEnc: text('secret_enc'),
    /** Notice kinds it takes (a trailing dot takes a family); empty: every kind. */
    kinds: text('kinds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notify_webhooks_department_idx').on(t.departmentId)],
);

/**
 * The webhook outbox: one row per notice and robot, written in the notice's transaction (a notice
 * exists iff the change that caused it does) and posted by the `notify.webhooks` job with backoff.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => notifyWebhooks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The error kind or the robot's error code of the last failure; never its message. */
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Set when the attempts ran out; the row stays for the admin's list and can be sent again. */
    gaveUpAt: timestamp('gave_up_at', { withTimezone: true }),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.deliveredAt} is null and ${t.gaveUpAt} is null`),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);
