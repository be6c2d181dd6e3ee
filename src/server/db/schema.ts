// Every table, for Drizzle and for drizzle-kit's migration generator.
export * from '../modules/org/org.tables.ts';
export * from '../modules/auth/auth.tables.ts';
export * from '../modules/audit/audit.tables.ts';
export * from '../modules/calendar/calendar.tables.ts';
export * from '../jobs/jobs.tables.ts';
