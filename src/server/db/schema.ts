// Every table, for Drizzle and for drizzle-kit's migration generator.
export * from '../modules/org/org.tables.ts';
export * from '../modules/auth/auth.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/calendar/calendar.tables.ts';
export * from '../jobs/jobs.tables.ts';
export * from '../modules/registry/registry.tables.ts';
export * from '../modules/catalog/catalog.tables.ts';
export * from '../modules/census/census.tables.ts';
export * from '../modules/notify/notify.tables.ts';
export * from '../modules/matters/matters.tables.ts';
export * from '../modules/cases/cases.tables.ts';
