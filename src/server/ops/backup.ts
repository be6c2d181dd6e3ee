import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { migrationVersion, type Database } from '../db/client.ts';

/**
 * Logical backups that restore into PGlite or PostgreSQL alike: gzip'd JSON lines, one header,
 * then the rows of every table in foreign-key order, read in one REPEATABLE READ snapshot.
 */
interface Header {
  format: 'opendistrict-backup';
  version: 1;
  migration: string;
  createdAt: string;
  tables: { name: string; rows: number }[];
}

export type Progress = (done: number, total: number, table: string) => void;

async function tablesInOrder(database: Database): Promise<string[]> {
  const tables = (
    await database.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r','p') order by 1`,
    )
  ).map((r) => r.name);
  const deps = await database.query<{ child: string; parent: string }>(
    `select cl.relname as child, pl.relname as parent from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size) {
    const ready = [...pending].filter((t) => deps.every((d) => d.child !== t || !pending.has(d.parent)));
    if (!ready.length) throw new Error('circular foreign keys between tables');
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function backup(database: Database, file: string, onProgress?: Progress): Promise<Header> {
  const tables = await tablesInOrder(database);
  const lines: string[] = [];
  let header!: Header;
  // Read before the snapshot: PGlite has one connection, held by the transaction below.
  const migration = await migrationVersion(database);
  // One snapshot for the whole dump: a consistent backup while the server keeps writing.
  const run = async (q: Database['query']) => {
    const counts: { name: string; rows: number }[] = [];
    const body: string[] = [];
    let done = 0;
    const keys = await q<{ t: string; cols: string[] }>(
      `select c.relname as t, array_agg(a.attname::text order by k.ord) as cols
         from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
         cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = 'public' group by c.relname`,
    );
    const orderBy = new Map(keys.map((k) => [k.t, k.cols.map((c) => `x.${quote(c)}`).join(', ')]));
    for (const t of tables) {
      // Primary-key order: parents before children within self-referencing tables (region codes).
      const order = orderBy.get(t) ? ` order by ${orderBy.get(t)}` : '';
      const rows = await q<{ r: unknown }>(`select row_to_json(x) as r from ${quote(t)} x${order}`);
      for (const row of rows) body.push(JSON.stringify({ t, r: row.r }));
      counts.push({ name: t, rows: rows.length });
      onProgress?.(++done, tables.length, t);
    }
    header = {
      format: 'opendistrict-backup',
      version: 1,
      migration,
      createdAt: new Date().toISOString(),
      tables: counts,
    };
    // One row at a time: spreading 150,000 rows into push() overflows the stack.
    lines.push(JSON.stringify(header));
    for (const line of body) lines.push(line);
  };
  if (database.kind === 'postgres') {
    const client = await database.pool!.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      await run(async (text, params) => (await client.query(text, params as unknown[])).rows as never);
      await client.query('commit');
    } finally {
      client.release();
    }
  } else {
    await database.pglite!.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read');
      await run(async (text, params) => (await tx.query(text, params as unknown[])).rows as never);
    });
  }
  await pipeline(
    Readable.from(lines.map((l) => l + '\n')),
    createGzip(),
    createWriteStream(file, { mode: 0o600 }),
  );
  return header;
}

export class RestoreRefusedError extends Error {}

/** Restores into a freshly migrated, empty database, in one transaction: all or nothing. */
export async function restore(
  database: Database,
  file: string,
  onProgress?: Progress,
): Promise<Header & { restoredRows?: number }> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: Header | undefined;
  const byTable = new Map<string, unknown[]>();
  for await (const line of rl) {
    if (!line) continue;
    const parsed = JSON.parse(line) as Header | { t: string; r: unknown };
    if (!header) {
      if ((parsed as Header).format !== 'opendistrict-backup')
        throw new RestoreRefusedError(`${file} is not an OpenDistrict backup`);
      header = parsed as Header;
      continue;
    }
    const { t, r } = parsed as { t: string; r: unknown };
    (byTable.get(t) ?? byTable.set(t, []).get(t)!).push(r);
  }
  if (!header) throw new RestoreRefusedError(`${file} is empty`);
  const current = await migrationVersion(database);
  if (current !== header.migration) {
    throw new RestoreRefusedError(
      `backup is at migration ${header.migration}, this database at ${current}: use the matching version of OpenDistrict`,
    );
  }
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from audit_log');
  const [{ u } = { u: 0 }] = await database.query<{ u: number }>('select count(*)::int as u from users');
  if (n > 0 || u > 0)
    throw new RestoreRefusedError(
      'restore needs an empty database (a new DATA_DIR or a new PostgreSQL database)',
    );
  let restored = 0;
  const write = async (q: Database['query']) => {
    let done = 0;
    for (const { name } of header!.tables) {
      const rows = byTable.get(name) ?? [];
      // Rows created by migrations (e.g. the audit chain head) are replaced by the backup's.
      if (name !== 'audit_log') await q(`delete from ${quote(name)}`);
      for (let i = 0; i < rows.length; i += 500) {
        await q(
          `insert into ${quote(name)} overriding system value
             select * from json_populate_recordset(null::${quote(name)}, $1::json)`,
          [JSON.stringify(rows.slice(i, i + 500))],
        );
      }
      const [{ n } = { n: 0 }] = await q<{ n: number }>(`select count(*)::int as n from ${quote(name)}`);
      const expected = header!.tables.find((t) => t.name === name)!.rows;
      if (n !== expected)
        throw new RestoreRefusedError(`${name}: restored ${n} rows, the backup has ${expected}`);
      restored += n;
      onProgress?.(++done, header!.tables.length, name);
    }
    // Identity columns continue after the restored rows.
    const identities = await q<{ t: string; c: string }>(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and is_identity = 'YES'`,
    );
    for (const { t, c } of identities) {
      await q(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(c)}) from ${quote(t)}), 0) + 1, false)`,
        [t, c],
      );
    }
  };
  if (database.kind === 'postgres') {
    const client = await database.pool!.connect();
    try {
      await client.query('begin');
      await write(async (text, params) => (await client.query(text, params as unknown[])).rows as never);
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  } else {
    await database.pglite!.transaction(async (tx) => {
      await write(async (text, params) => (await tx.query(text, params as unknown[])).rows as never);
    });
  }
  return { ...header, restoredRows: restored };
}
