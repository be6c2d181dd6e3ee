import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per year with a published schedule; a year without a row has no schedule (fail closed). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  makeUpWorkdays: jsonb('make_up_workdays').$type<string[]>().notNull(),
  source: text('source').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** Every correction is an event: the calendar version it made, and what changed, for recomputation. */
export const calendarChanges = pgTable(
  'calendar_changes',
  {
    version: integer('version').primaryKey(),
    year: integer('year').notNull(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calendar_changes_year_idx').on(t.year)],
);
