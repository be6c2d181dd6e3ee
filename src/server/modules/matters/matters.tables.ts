import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  MATTER_LEVELS,
  MATTER_STATUSES,
  MATTER_TYPES,
  type GuideMaterial,
  type MatterFee,
  type MatterStage,
  type SpecialProcedure,
} from '../../../domain/matters.ts';
import { departments, regions } from '../org/org.tables.ts';

/** Service matters (事项, the implementation list): what a department does for applicants, and its limits. */
export const matters = pgTable(
  'matters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 实施编码: basic code + the agency's USCC + exercise level (domain/matters.ts matterCode). */
    code: text('code').notNull().unique(),
    basicCode: text('basic_code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: MATTER_TYPES }).notNull(),
    level: text('level', { enum: MATTER_LEVELS }).notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** The department's region, copied so that region scopes apply in SQL. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** 即办件: decided on the spot; both limits are 0. */
    onTheSpot: boolean('on_the_spot').notNull().default(false),
    statutoryLimitDays: integer('statutory_limit_days').notNull(),
    committedLimitDays: integer('committed_limit_days').notNull(),
    /** The most working days extensions may add in total (0 = no extension). */
    maxExtensionDays: integer('max_extension_days').notNull().default(0),
    /** In-person visits an applicant needs (0 = 一次不用跑). */
    visits: integer('visits').notNull().default(1),
    /** 网办深度 1-4: 1 information only … 4 fully online (全程网办). */
    onlineDepth: integer('online_depth').notNull().default(1),
    stages: jsonb('stages').$type<MatterStage[]>().notNull(),
    specialProcedures: jsonb('special_procedures').$type<SpecialProcedure[]>().notNull().default([]),
    fees: jsonb('fees').$type<MatterFee[]>().notNull().default([]),
    /** Completing faster than this after acceptance is implausible for the matter (abnormal). */
    minHandlingMinutes: integer('min_handling_minutes').notNull().default(30),
    status: text('status', { enum: MATTER_STATUSES }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('matters_department_idx').on(t.departmentId),
    index('matters_type_idx').on(t.type),
    check('matters_limits_chk', sql`${t.statutoryLimitDays} >= 0 and ${t.committedLimitDays} >= 0`),
    check('matters_depth_chk', sql`${t.onlineDepth} between 1 and 4`),
  ],
);

/** 办事指南: the standard elements of a matter's guide (one per matter). */
export const guides = pgTable('guides', {
  matterId: uuid('matter_id')
    .primaryKey()
    .references(() => matters.id, { onDelete: 'cascade' }),
  conditions: text('conditions').notNull().default(''),
  materials: jsonb('materials').$type<GuideMaterial[]>().notNull().default([]),
  process: text('process').notNull().default(''),
  legalBasis: text('legal_basis').notNull().default(''),
  place: text('place').notNull().default(''),
  hours: text('hours').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  complaintPhone: text('complaint_phone').notNull().default(''),
  onlineUrl: text('online_url'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** One run of guide inspection (scheduled or started by the bureau). */
export const guideInspectionRuns = pgTable('guide_inspection_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  trigger: text('trigger', { enum: ['schedule', 'manual'] }).notNull(),
  startedBy: text('started_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  matterCount: integer('matter_count').notNull().default(0),
  findingCount: integer('finding_count').notNull().default(0),
  /** The matters inspected per department (id → count), as they stood at the run. */
  departmentMatters: jsonb('department_matters').$type<Record<string, number>>().notNull().default({}),
});

/** What one inspection run found wrong in one guide: a rule, its severity and parameters. */
export const guideFindings = pgTable(
  'guide_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => guideInspectionRuns.id, { onDelete: 'cascade' }),
    matterId: uuid('matter_id')
      .notNull()
      .references(() => matters.id, { onDelete: 'cascade' }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    rule: text('rule').notNull(),
    severity: text('severity', { enum: ['error', 'warning'] }).notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('guide_findings_run_idx').on(t.runId, t.departmentId)],
);
