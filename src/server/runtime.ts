import { systemClock, type Clock } from './clock.ts';
import { loadConfig, type Config } from './config.ts';
import { cryptoSelfTest } from './crypto/index.ts';
import { openDatabase, runMigrations, type Database } from './db/client.ts';
import { systemActor } from './modules/audit/audit.service.ts';
import { buildServices, type Services } from './services.ts';

/** Opens the configured database, applies migrations and seeds the calendar: what every command needs. */
export async function openRuntime(
  opts: { config?: Config; clock?: Clock; migrate?: boolean; seedCalendar?: boolean } = {},
): Promise<Services> {
  const config = opts.config ?? loadConfig();
  // 密评: the SM3/SM4 implementation proves itself against the standard vectors before use.
  cryptoSelfTest();
  const database: Database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    if (opts.migrate !== false) await runMigrations(database);
    const services = buildServices(database, config, opts.clock ?? systemClock);
    if (opts.migrate !== false && opts.seedCalendar !== false)
      await services.calendar.seedMissingYears(systemActor('calendar-seed'));
    return services;
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}
