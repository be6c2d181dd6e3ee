import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { USAGE_SIGNALS } from '../../../domain/registry.ts';
import { departments, regions } from '../org/org.tables.ts';

export const SYSTEM_ORIGINS = ['vertical', 'local'] as const;
export const SYSTEM_LEVELS = ['province', 'city', 'district'] as const;
export const SYSTEM_DEPLOYMENTS = ['gov_cloud', 'local_room'] as const;
export const SYSTEM_STATUSES = ['planned', 'building', 'live', 'retired'] as const;
export { USAGE_SIGNALS };
export const SYSTEM_FLAG_KINDS = ['zombie', 'duplicate'] as const;
export const SYSTEM_FLAG_STATUSES = ['open', 'confirmed', 'dismissed', 'cleared'] as const;

/** An interface a system offers or calls, as the owner declares it. */
export interface SystemInterface {
  name: string;
  direction: 'provides' | 'consumes';
  protocol: string;
  description?: string;
}

/** The registry of government information systems (信息系统一本账). */
export const systems = pgTable(
  'systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** What the system is for; duplicate detection compares it. */
    purpose: text('purpose').notNull().default(''),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** The owner department's region, copied so that region scopes apply in SQL. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** 运维方 / vendor. */
    operator: text('operator').notNull().default(''),
    /** 条线 (built down a provincial or city line) or 块上 (local). */
    origin: text('origin', { enum: SYSTEM_ORIGINS }).notNull(),
    /** For vertical systems: the line it comes down, e.g. 省公安厅. */
    verticalLine: text('vertical_line'),
    level: text('level', { enum: SYSTEM_LEVELS }).notNull(),
    deployment: text('deployment', { enum: SYSTEM_DEPLOYMENTS }).notNull(),
    /** 等保 protection level, 1-5. */
    securityLevel: integer('security_level').notNull(),
    status: text('status', { enum: SYSTEM_STATUSES }).notNull(),
    launchDate: date('launch_date', { mode: 'string' }),
    /** Budget in 万元 (ten thousand yuan), as departments report it. */
    budget: numeric('budget', { precision: 14, scale: 2 }),
    userCount: integer('user_count'),
    interfaces: jsonb('interfaces').$type<SystemInterface[]>().notNull().default([]),
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('systems_department_idx').on(t.departmentId),
    index('systems_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('systems_status_idx').on(t.status),
    check('systems_security_level_chk', sql`${t.securityLevel} between 1 and 5`),
  ],
);

/** Usage signals per system, day and kind: counts, so a zombie verdict can show its evidence. */
export const systemUsage = pgTable(
  'system_usage',
  {
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    signal: text('signal', { enum: USAGE_SIGNALS }).notNull(),
    count: integer('count').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.systemId, t.signal, t.day] }),
    check('system_usage_count_chk', sql`${t.count} >= 0`),
  ],
);

/** Zombie and duplicate flags raised for the bureau, with the evidence and how they were resolved. */
export const systemFlags = pgTable(
  'system_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SYSTEM_FLAG_KINDS }).notNull(),
    /** The other system of a duplicate pair (the pair is stored once, smaller id first). */
    otherSystemId: uuid('other_system_id').references(() => systems.id, { onDelete: 'cascade' }),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: SYSTEM_FLAG_STATUSES }).notNull().default('open'),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [
    index('system_flags_system_idx').on(t.systemId),
    uniqueIndex('system_flags_live_uq')
      .on(t.systemId, t.kind, sql`coalesce(${t.otherSystemId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} in ('open','confirmed')`),
  ],
);
