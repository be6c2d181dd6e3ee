import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ClockInputs } from '../../../domain/case-clock.ts';
import { FLAG_LEVELS, FLAG_TYPES } from '../../../domain/case-flags.ts';
import {
  APPLICANT_TYPES,
  CASE_CHANNELS,
  CASE_EVENT_KINDS,
  CASE_RESULTS,
  CASE_STATUSES,
} from '../../../domain/cases.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments, regions } from '../org/org.tables.ts';

export const CLOCK_STATES = ['not_started', 'running', 'paused', 'stopped', 'calendar_missing'] as const;
export const CASE_SOURCES = ['live', 'import'] as const;
export const FLAG_STATUSES = ['open', 'explained', 'closed', 'cleared'] as const;
export const FLAG_ACTIONS = ['raised', 'explained', 'accepted', 'rejected', 'cleared', 'reopened'] as const;

/**
 * Cases (办件). The columns after `version` are a projection of the case's events (the fold, the
 * clocks and the open flags), rewritten with every event in the same transaction and by the
 * recompute after a calendar correction; the events are the truth.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 申办流水号. */
    caseNo: text('case_no').notNull().unique(),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id),
    matterCode: text('matter_code').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** Where the case is handled: the district hall or a street's service centre. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    internal: boolean('internal').notNull().default(false),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    applicantType: text('applicant_type', { enum: APPLICANT_TYPES }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** Resident ID or USCC, SM4-encrypted (crypto module); masked copy for lists. */
    applicantIdEnc: text('applicant_id_enc'),
    applicantIdMasked: text('applicant_id_masked'),
    applicantPhoneEnc: text('applicant_phone_enc'),
    /** For internal matters: the applying department. */
    applicantDepartmentId: uuid('applicant_department_id').references(() => departments.id),
    /** 查询密码 for the applicant's status lookup (argon2id). */
    queryPasswordHash: text('query_password_hash'),
    /** In-person visits the applicant made (最多跑一次). */
    visits: smallint('visits').notNull().default(0),
    source: text('source', { enum: CASE_SOURCES }).notNull().default('live'),
    /** The number of events; a guarded action names the version it saw. */
    version: integer('version').notNull().default(0),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    open: boolean('open').notNull().default(true),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    result: text('result', { enum: CASE_RESULTS as [string, ...string[]] }),
    clockInputs: jsonb('clock_inputs').$type<ClockInputs>().notNull(),
    committedLimitDays: integer('committed_limit_days').notNull(),
    statutoryLimitDays: integer('statutory_limit_days').notNull(),
    clockState: text('clock_state', { enum: CLOCK_STATES }).notNull().default('not_started'),
    committedDue: date('committed_due', { mode: 'string' }),
    committedWarnOn: date('committed_warn_on', { mode: 'string' }),
    statutoryDue: date('statutory_due', { mode: 'string' }),
    statutoryWarnOn: date('statutory_warn_on', { mode: 'string' }),
    /** Counted working days used when the clock last changed state (for paused clocks). */
    usedDays: integer('used_days').notNull().default(0),
    calendarVersion: integer('calendar_version'),
    openFlags: integer('open_flags').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The officer's queue: open cases of a department / region, live clocks first (a case waiting
    // only for delivery has a stopped clock), then by the committed due date.
    index('cases_queue_department_idx')
      .on(t.departmentId, sql`(${t.clockState} = 'stopped')`, t.committedDue, t.id)
      .where(sql`${t.open}`),
    index('cases_queue_region_idx')
      .using(
        'btree',
        sql`${t.regionCode} text_pattern_ops`,
        sql`(${t.clockState} = 'stopped')`,
        t.committedDue,
        t.id,
      )
      .where(sql`${t.open}`),
    index('cases_open_idx')
      .on(t.id)
      .where(sql`${t.open}`),
    // Broad scopes (the district hall sees every case) walk this in deadline order and stop at a page.
    index('cases_queue_idx')
      .on(sql`(${t.clockState} = 'stopped')`, t.committedDue, t.id)
      .where(sql`${t.open}`),
    index('cases_matter_idx').on(t.matterId),
    index('cases_submitted_idx').on(t.submittedAt),
    index('cases_department_submitted_idx').on(t.departmentId, t.submittedAt),
  ],
);

/** The append-only action log of every case (a trigger refuses UPDATE and DELETE). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 1, 2, 3 … per case; (case_id, seq) is unique, so two concurrent actions cannot both land. */
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: CASE_EVENT_KINDS }).notNull(),
    /** When it happened (for imported history, when the other system says it did). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** A retried action with the same key returns this event instead of appending another. */
    idempotencyKey: text('idempotency_key'),
    regionCode: text('region_code').notNull(),
  },
  (t) => [
    uniqueIndex('case_events_seq_uq').on(t.caseId, t.seq),
    uniqueIndex('case_events_idem_uq')
      .on(t.caseId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('case_events_at_idx').on(t.at),
    // An intake's key is the caller's: one case per key and caller (anonymous callers share one
    // namespace), so two racing retries cannot both create a case.
    uniqueIndex('case_events_intake_key_uq')
      .on(sql`coalesce(${t.actorId}::text, '')`, t.idempotencyKey)
      .where(sql`${t.seq} = 1 and ${t.idempotencyKey} is not null`),
  ],
);

/** Overdue, abnormal and poor-evaluation flags, with their rectification state. */
export const caseFlags = pgTable(
  'case_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    regionCode: text('region_code').notNull(),
    type: text('type', { enum: FLAG_TYPES }).notNull(),
    level: text('level', { enum: FLAG_LEVELS }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    source: text('source', { enum: ['rule', 'scan', 'reconciliation', 'evaluation', 'import'] }).notNull(),
    status: text('status', { enum: FLAG_STATUSES }).notNull().default('open'),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    /** The rectification deadline (working days after detection). */
    dueOn: date('due_on', { mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_flags_live_uq')
      .on(t.caseId, t.type)
      .where(sql`${t.status} in ('open','explained')`),
    index('case_flags_status_idx').on(t.status, t.departmentId),
    index('case_flags_case_idx').on(t.caseId),
  ],
);

/** Everything that happened to a flag: raised, explained by the department, accepted or rejected … */
export const caseFlagActions = pgTable(
  'case_flag_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flagId: uuid('flag_id')
      .notNull()
      .references(() => caseFlags.id),
    action: text('action', { enum: FLAG_ACTIONS }).notNull(),
    /** For explanations: 'explain' (the case was right) or 'correct' (the department corrected it). */
    kind: text('kind'),
    note: text('note').notNull().default(''),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_flag_actions_flag_idx').on(t.flagId, t.at)],
);

/** 好差评: five grades, after acceptance and after completion. */
export const caseEvaluations = pgTable(
  'case_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    stage: text('stage', { enum: ['accepted', 'completed'] }).notNull(),
    /** 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意. */
    grade: smallint('grade').notNull(),
    comment: text('comment').notNull().default(''),
    realName: boolean('real_name').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
    flagId: uuid('flag_id').references(() => caseFlags.id),
    returnVisitAt: timestamp('return_visit_at', { withTimezone: true }),
    returnVisitBy: text('return_visit_by'),
    returnVisitNote: text('return_visit_note'),
  },
  (t) => [
    uniqueIndex('case_evaluations_stage_uq').on(t.caseId, t.stage),
    check('case_evaluations_grade_chk', sql`${t.grade} between 1 and 5`),
  ],
);

/** Events waiting to reach the provincial case library, in order per case (the outbox). */
export const caseOutbox = pgTable(
  'case_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('case_outbox_pending_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.deliveredAt} is null`),
    index('case_outbox_case_idx').on(t.caseId, t.seq),
  ],
);

/** One reconciliation with the provincial library: what was compared and what differed. */
export const reconciliationRuns = pgTable('reconciliation_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  status: text('status', { enum: ['running', 'ok', 'failed'] })
    .notNull()
    .default('running'),
  compared: integer('compared').notNull().default(0),
  mismatches: integer('mismatches').notNull().default(0),
  missingUpstream: integer('missing_upstream').notNull().default(0),
  unknownUpstream: integer('unknown_upstream').notNull().default(0),
  error: text('error'),
});
