import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Regions keyed by administrative division code; a child's code starts with its parent's, so a scope is a prefix. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['district', 'street', 'community', 'park'] }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    boundary: jsonb('boundary'),
    schematic: boolean('schematic').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_code_prefix_idx').using('btree', sql`${t.code} text_pattern_ops`),
    check('regions_level_chk', sql`${t.level} in ('district','street','community','park')`),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull().unique(),
    shortName: text('short_name').notNull(),
    kind: text('kind', {
      enum: ['bureau', 'government', 'vertical', 'party', 'mass', 'institution'],
    }).notNull(),
    uscc: text('uscc').notNull().unique(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('departments_region_idx').on(t.regionCode)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Normalised login id (NFKC, lower case): `Zhang` and `ｚhang` are the same account (AUTH-1). */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** SM4-encrypted TOTP secret (DAT-2); null until the user enrols. */
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last accepted TOTP time step: a code is accepted once (no replay). */
    totpLastStep: integer('totp_last_step'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('users_department_idx').on(t.departmentId),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Key/value facts about this installation, e.g. which demo seed built it. */
export const installationMeta = pgTable('installation_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
