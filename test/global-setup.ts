import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { systemClock } from '../src/server/clock.ts';
import { openDatabase, runMigrations } from '../src/server/db/client.ts';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { seedDemo } from '../src/server/seed/demo.ts';
import { buildServices } from '../src/server/services.ts';
import { databaseUrl, TEMPLATE_DB, TEMPLATE_DUMP, testConfig } from './env.ts';

/**
 * Builds one migrated, seeded template per run (PGlite dump, or a PostgreSQL template database);
 * every test file clones it instead of migrating and seeding again.
 */
export default async function setup(): Promise<void> {
  const config = testConfig();
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [
      TEMPLATE_DB,
    ]);
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(
      `create database ${TEMPLATE_DB} encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8' template template0`,
    );
    await admin.end();
    const database = await openDatabase({ databaseUrl: databaseUrl(TEMPLATE_DB) });
    await prepare(database, config);
    await database.close();
    return;
  }
  const database = await openDatabase({});
  await prepare(database, config);
  const dump = await database.pglite!.dumpDataDir('gzip');
  writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

async function prepare(
  database: Awaited<ReturnType<typeof openDatabase>>,
  config: ReturnType<typeof testConfig>,
) {
  await runMigrations(database);
  const services = buildServices(database, config, systemClock);
  await services.calendar.seedMissingYears(systemActor('calendar-seed'));
  // The demo's year of cases is 30,000; the template takes 3,000 (planted cases all there) to stay quick.
  await seedDemo(services, { caseCount: 3_000 });
}
