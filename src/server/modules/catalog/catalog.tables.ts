import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DATASET_CATEGORIES,
  BASE_RESOURCES,
  DATASET_FORMATS,
  SHARING_TYPES,
  SHARING_METHODS,
  OPEN_TYPES,
  UPDATE_FREQUENCIES,
  CLASSIFICATION_LEVELS,
  FIELD_TYPES,
  DATASET_STATUSES,
} from '../../../domain/catalog.ts';
import { departments, regions } from '../org/org.tables.ts';
import { systems } from '../registry/registry.tables.ts';

// The code lists are the domain's (src/domain/catalog.ts); the tables only store them.
export {
  DATASET_CATEGORIES,
  BASE_RESOURCES,
  DATASET_FORMATS,
  SHARING_TYPES,
  SHARING_METHODS,
  OPEN_TYPES,
  UPDATE_FREQUENCIES,
  CLASSIFICATION_LEVELS,
  FIELD_TYPES,
  DATASET_STATUSES,
};

/** A PostgreSQL tsvector; we fill it from our own bigram tokens (see src/domain/search-tokens.ts). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const REVIEW_ACTIONS = [
  'submit',
  'withdraw',
  'approve',
  'reject',
  'publish',
  'revise',
  'deprecate',
] as const;

/** One field (信息项) of a dataset. Names are unique within a dataset; later modules refer to them. */
export interface DatasetField {
  name: string;
  label: string;
  type: (typeof FIELD_TYPES)[number];
  required: boolean;
  key: boolean;
  level: (typeof CLASSIFICATION_LEVELS)[number];
  /** A regular expression values must match, or the name of a code list (e.g. GB/T 2261.1). */
  pattern?: string | null;
  codeList?: string | null;
  unit?: string | null;
  description?: string | null;
}

/** Catalogue entries (数据资源目录): the working copy; published states are kept in dataset_versions. */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 资源代码: 类(1) 项(2) 目(3) 细目(0-6) "/" 顺序码(6), e.g. 101001001/000001. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    category: text('category', { enum: DATASET_CATEGORIES }).notNull(),
    baseResource: text('base_resource', { enum: BASE_RESOURCES }),
    /** For theme resources: the theme (e.g. 社区治理). */
    theme: text('theme'),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    /** The provider's region, copied so that region scopes apply in SQL. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    sourceSystemId: uuid('source_system_id').references(() => systems.id, { onDelete: 'set null' }),
    format: text('format', { enum: DATASET_FORMATS }).notNull(),
    /** e.g. CSV, Oracle table, SHP. */
    formatDetail: text('format_detail'),
    fields: jsonb('fields').$type<DatasetField[]>().notNull().default([]),
    /** The highest level among the fields (L1 when there are none). */
    maxLevel: text('max_level', { enum: CLASSIFICATION_LEVELS }).notNull().default('L1'),
    sharingType: text('sharing_type', { enum: SHARING_TYPES }).notNull(),
    sharingConditions: text('sharing_conditions'),
    sharingMethod: text('sharing_method', { enum: SHARING_METHODS }),
    openType: text('open_type', { enum: OPEN_TYPES }).notNull(),
    openConditions: text('open_conditions'),
    updateFrequency: text('update_frequency', { enum: UPDATE_FREQUENCIES }).notNull(),
    releaseDate: date('release_date', { mode: 'string' }),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 关联资源代码: codes of related catalogue entries. */
    relatedCodes: text('related_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: DATASET_STATUSES }).notNull().default('draft'),
    /** The number of the latest published version; 0 before the first publication. */
    version: integer('version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    searchVector: tsvector('search_vector').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('datasets_search_idx').using('gin', t.searchVector),
    index('datasets_department_idx').on(t.departmentId),
    index('datasets_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('datasets_status_idx').on(t.status, t.updatedAt),
    index('datasets_source_system_idx').on(t.sourceSystemId),
    // Facet counts over the whole visible catalogue (the browse page with no query) read this index only.
    index('datasets_facets_idx').on(
      t.status,
      t.openType,
      t.departmentId,
      t.category,
      t.sharingType,
      t.maxLevel,
      t.updateFrequency,
      t.format,
    ),
  ],
);

/** Every published state of an entry: version 1 at first publication, one more per later change. */
export const datasetVersions = pgTable(
  'dataset_versions',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.version] })],
);

/** The lifecycle log: who submitted, approved, rejected, published, with their comments. */
export const datasetReviews = pgTable(
  'dataset_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    action: text('action', { enum: REVIEW_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: DATASET_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: DATASET_STATUSES }).notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dataset_reviews_dataset_idx').on(t.datasetId, t.at)],
);

/** Page views of an entry per day (a usage signal for the system that produces it). */
export const datasetViews = pgTable(
  'dataset_views',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.day] })],
);

/** Datasets a system consumes (the datasets it produces are those whose source system it is). */
export const systemConsumedDatasets = pgTable(
  'system_consumed_datasets',
  {
    systemId: uuid('system_id')
      .notNull()
      .references(() => systems.id, { onDelete: 'cascade' }),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.systemId, t.datasetId] }), index('scd_dataset_idx').on(t.datasetId)],
);
