import { sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { scheduledJobs } from './jobs.tables.ts';

export interface JobDefinition {
  name: string;
  intervalSeconds: number;
  /** Must be idempotent: a run cut short by a crash is simply run again after its lease. */
  run(now: Date): Promise<Record<string, unknown>>;
}

export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const LEASE_SECONDS = 600;

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly jobs: JobDefinition[],
    private readonly log: SchedulerLogger,
  ) {}

  /** Makes sure every job has its row; a new job runs at the next tick. */
  async register(): Promise<void> {
    const now = this.clock.now();
    for (const job of this.jobs) {
      await this.db
        .insert(scheduledJobs)
        .values({ name: job.name, intervalSeconds: job.intervalSeconds, nextRunAt: now })
        .onConflictDoUpdate({ target: scheduledJobs.name, set: { intervalSeconds: job.intervalSeconds } });
    }
  }

  /** Claims one due job (skipping those another process holds) and runs it. */
  async runOnce(): Promise<string | null> {
    const now = this.clock.now();
    const names = this.jobs.map((j) => j.name);
    const claimed = (await this.db.execute(sql`
      update scheduled_jobs set lease_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}
       where name = (select name from scheduled_jobs
                      where next_run_at <= ${now} and (lease_until is null or lease_until < ${now})
                        and name in (${sql.join(
                          names.map((n) => sql`${n}`),
                          sql`, `,
                        )})
                      order by next_run_at for update skip locked limit 1)
      returning name`)) as unknown as { rows: { name: string }[] };
    const name = claimed.rows[0]?.name;
    if (!name) return null;
    const job = this.jobs.find((j) => j.name === name)!;
    try {
      const result = await job.run(now);
      await this.db.execute(sql`
        update scheduled_jobs set lease_until = null, last_run_at = ${now}, failures = 0, last_result = ${JSON.stringify(result)}::jsonb,
               next_run_at = ${new Date(now.getTime() + job.intervalSeconds * 1000)}
         where name = ${name}`);
      this.log.info({ job: name, result }, 'job done');
    } catch (err) {
      // Back off: retry after a minute, then longer, never later than the normal interval.
      await this.db.execute(sql`
        update scheduled_jobs set lease_until = null, failures = failures + 1,
               last_result = ${JSON.stringify({ error: (err as Error).message })}::jsonb,
               next_run_at = ${now}::timestamptz + make_interval(secs => least(${job.intervalSeconds}, 60 * power(2, least(failures, 10))))
         where name = ${name}`);
      this.log.error({ job: name, err: { message: (err as Error).message } }, 'job failed');
    }
    return name;
  }

  /** Runs every due job once (tests, and each tick). */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (let name = await this.runOnce(); name; name = await this.runOnce()) ran.push(name);
    return ran;
  }

  start(everyMs = 30_000): void {
    const tick = () => {
      this.running = this.runDue().catch((err: Error) =>
        this.log.error({ err: { message: err.message } }, 'scheduler tick failed'),
      );
    };
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
