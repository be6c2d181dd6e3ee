import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments } from '../org/org.tables.ts';

export const CENSUS_ITEM_ACTIONS = ['confirmed', 'corrected', 'added'] as const;

/** A census round (普查): the bureau asks every department to confirm its systems and datasets. */
export const censusRounds = pgTable('census_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  note: text('note').notNull().default(''),
  workingDays: integer('working_days').notNull(),
  /** The last working day to answer, computed on the official calendar when the round opens. */
  deadline: date('deadline', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  openedBy: text('opened_by').notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
});

/** One department's answer to a round. */
export const censusReturns = pgTable(
  'census_returns',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => censusRounds.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    status: text('status', { enum: ['pending', 'submitted'] })
      .notNull()
      .default('pending'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.departmentId] })],
);

/** Each system or dataset a department confirmed, corrected or added during a round. */
export const censusItems = pgTable(
  'census_items',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => censusRounds.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    entityType: text('entity_type', { enum: ['system', 'dataset'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action', { enum: CENSUS_ITEM_ACTIONS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.entityType, t.entityId] }),
    index('census_items_dept_idx').on(t.roundId, t.departmentId),
  ],
);
