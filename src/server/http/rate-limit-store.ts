// A store for @fastify/rate-limit in PostgreSQL: the windows of every server process in one table,
// so that an address gets one budget however many processes stand behind the load balancer (the
// plugin's default store counts in each process's memory). One upsert per limited request.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../modules/auth/auth.tables.ts';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

interface StoreOptions {
  /** The route a child store counts for (the plugin passes the route's options). */
  routeInfo?: { method?: string | string[]; url?: string };
}

/** The window's remaining milliseconds, by the database's clock (the same for every process). */
const ttlMs = sql<number>`greatest(0, ceil(extract(epoch from (rate_limits.reset_at - now())) * 1000))::int`;

/** The store class the plugin instantiates (`store:` option), bound to this process's database. */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore {
    private readonly scope: string;

    // The plugin's types name route options here; at run time it passes its merged options with
    // `routeInfo` (the route), hence `object`.
    constructor(private readonly options: object = {}) {
      const r = (options as StoreOptions).routeInfo;
      // Each route counts on its own, as the default store does with one cache per route.
      this.scope = r?.url ? `${[r.method ?? ''].flat().join(',')} ${r.url}` : 'global';
    }

    incr(key: string, cb: Callback, timeWindow: number) {
      db.insert(rateLimits)
        .values({
          key: `${this.scope}|${key}`,
          count: 1,
          resetAt: sql`now() + ${timeWindow} * interval '1 millisecond'`,
        })
        .onConflictDoUpdate({
          target: rateLimits.key,
          // A window that has ended starts again at one.
          set: {
            count: sql`case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end`,
            resetAt: sql`case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end`,
          },
        })
        .returning({ count: rateLimits.count, ttl: ttlMs })
        .then(
          ([row]) => cb(null, { current: row!.count, ttl: row!.ttl }),
          (err: Error) => cb(err),
        );
    }

    read(key: string, cb: Callback, timeWindow: number) {
      db.select({ count: rateLimits.count, ttl: ttlMs })
        .from(rateLimits)
        .where(eq(rateLimits.key, `${this.scope}|${key}`))
        .then(
          ([row]) =>
            cb(
              null,
              row && row.ttl > 0 ? { current: row.count, ttl: row.ttl } : { current: 0, ttl: timeWindow },
            ),
          (err: Error) => cb(err),
        );
    }

    child(routeOptions: object) {
      return new PostgresRateLimitStore({ ...this.options, ...routeOptions });
    }
  };
}
