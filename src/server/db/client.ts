import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The common face of both drivers: services and repositories see only this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL (parameterised) and returns rows; used for heavy aggregation and admin tasks. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Present for PGlite only: the embedded instance, for dumps and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A cluster under the C locale makes no trigrams from Chinese text: refuse it with the fix. */
async function checkLocale(database: Database): Promise<void> {
  const [row] = await database.query<{ lc_ctype: string; encoding: string }>(
    `select current_setting('lc_ctype') as lc_ctype, pg_encoding_to_char(encoding) as encoding
       from pg_database where datname = current_database()`,
  );
  if (!row) return;
  if (row.encoding !== 'UTF8' || /^(C|POSIX)$/i.test(row.lc_ctype)) {
    throw new DatabaseUnavailableError(
      `PostgreSQL database uses encoding ${row.encoding} and LC_CTYPE ${row.lc_ctype}; Chinese search needs UTF8 ` +
        `with a UTF-8 character locale. Create the cluster with: initdb --encoding=UTF8 --locale=C.UTF-8 ` +
        `(or CREATE DATABASE ... ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' TEMPLATE template0).`,
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder (the CLI while the
 * server runs) would silently lose its writes. A pid lock file refuses that; a stale lock left by a
 * killed process is taken over.
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, '..', 'pglite.lock');
  const mine = String(process.pid);
  try {
    writeFileSync(file, mine, { flag: 'wx' });
  } catch {
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder && holder !== process.pid && processAlive(holder)) {
      throw new DatabaseUnavailableError(
        `The embedded database in ${path.dirname(file)} is in use by another OpenDistrict process (pid ${holder}). ` +
          `Stop that process first (the server and the CLI cannot share PGlite), use the web app or API instead, ` +
          `or run on PostgreSQL (DATABASE_URL) where several processes may share one database.`,
      );
    }
    writeFileSync(file, mine);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PGlite only: start from a dump (the migrated test template) instead of a folder. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle client that loses its server must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
    const database: Database = {
      kind: 'postgres',
      db: drizzlePg(pool, { schema }) as unknown as Db,
      async query(text, params) {
        return (await pool.query(text, params as unknown[])).rows;
      },
      close: () => pool.end(),
      pool,
    };
    try {
      await pool.query('select 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${redactUrl(opts.databaseUrl)}: ${(err as Error).message}. ` +
          `Check that the server runs and DATABASE_URL is right.`,
      );
    }
    await checkLocale(database);
    return database;
  }
  const dir = opts.dataDir && !opts.loadDataDir ? path.resolve(opts.dataDir, 'pglite') : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lockDataDir(dir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dir ? { dataDir: dir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    unlock();
    throw err;
  }
  return {
    kind: 'pglite',
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    async query(text, params) {
      return (await pglite.query(text, params as unknown[])).rows as never;
    },
    close: async () => {
      await pglite.close();
      unlock();
    },
    pglite,
  };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

/** Applies pending migrations; on PostgreSQL under an advisory lock so that several processes may start at once. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(drizzlePglite(database.pglite!), { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock(727001)');
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock(727001)').catch(() => undefined);
    client.release();
  }
}

export async function migrationVersion(database: Database): Promise<string> {
  try {
    const rows = await database.query<{ n: string }>(
      'select count(*)::text as n from drizzle.__drizzle_migrations',
    );
    return rows[0]?.n ?? '0';
  } catch {
    return '0';
  }
}

export { sql };
