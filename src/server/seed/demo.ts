import { eq } from 'drizzle-orm';
import { buildDemoDistrict, DEFAULT_DEMO_SEED } from '../../demo/index.ts';
import { chinaDateOf } from '../../domain/calendar.ts';
import { normalizeLoginId } from '../../domain/password-policy.ts';
import { hashPassword } from '../crypto/passwords.ts';
import {
  departments,
  installationMeta,
  passwordHistory,
  regions,
  userRoles,
  users,
} from '../modules/org/org.tables.ts';
import { systemActor } from '../modules/audit/audit.service.ts';
import type { Services } from '../services.ts';
import { buildDemoRegistry, insertDemoRegistry } from './demo-registry.ts';
import { buildDemoServices, DEMO_QUERY_PASSWORD, insertDemoServices } from './demo-services.ts';

export class DemoSeedRefusedError extends Error {}

export interface DemoSeedResult {
  seeded: boolean;
  regions: number;
  departments: number;
  users: number;
  /** Information systems and catalogue entries (0 when the district was already there). */
  systems: number;
  datasets: number;
  /** Matters and cases (0 when the district was already there). */
  matters: number;
  cases: number;
  seed: number;
}

/**
 * Loads the deterministic demo district in one transaction: all of it or nothing. Refuses a
 * database that holds non-demo accounts unless forced, so a real installation is never mixed with demo data.
 */
export async function seedDemo(
  services: Services,
  opts: {
    seed?: number;
    force?: boolean;
    /** Cases in the demo's year (default 30,000; the test template takes fewer). */
    caseCount?: number;
    onProgress?: (done: number, total: number, label: string) => void;
  } = {},
): Promise<DemoSeedResult> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const { database, config, repos } = services;
  const db = database.db;
  const [existing] = await db.select().from(installationMeta).where(eq(installationMeta.key, 'demo_seed'));
  if (existing) {
    return {
      seeded: false,
      regions: 0,
      departments: 0,
      users: 0,
      systems: 0,
      datasets: 0,
      matters: 0,
      cases: 0,
      seed: (existing.value as { seed: number }).seed,
    };
  }
  if (!opts.force && (await repos.users.countNonDemo()) > 0) {
    throw new DemoSeedRefusedError(
      'This database holds accounts that are not demo accounts; demo seeding refuses to mix them. ' +
        'Use an empty DATA_DIR / database, or pass --force if you really mean it.',
    );
  }
  const district = buildDemoDistrict(seed);
  // Systems' usage history and the catalogue's dates run up to the clock's date in China.
  const now = services.clock.now();
  const registry = buildDemoRegistry(district.departments, seed, chinaDateOf(now));
  const demoServices = buildDemoServices(district.departments, {
    seed,
    today: chinaDateOf(now),
    calendar: await services.calendar.calendar(),
    ...(opts.caseCount === undefined ? {} : { caseCount: opts.caseCount }),
  });
  const total =
    district.regions.length +
    district.departments.length +
    district.users.length +
    registry.systems.length +
    registry.usage.length +
    registry.catalogue.datasets.length +
    demoServices.matters.matters.length +
    demoServices.cases.cases.length;
  const progress = (done: number, label: string) => opts.onProgress?.(done, total, label);
  // Every demo account shares the one documented demo password: hash it once.
  const passwordHash = await hashPassword(config.DEMO_PASSWORD);
  let inserted = { systems: 0, usage: 0, datasets: 0 };
  let seededServices = { matters: 0, cases: 0, events: 0, flags: 0 };
  await db.transaction(async (tx) => {
    const regionRows = [...district.regions]
      .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))
      .map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode,
        boundary: r.boundary,
        schematic: true,
      }));
    for (let i = 0; i < regionRows.length; i += 100)
      await tx
        .insert(regions)
        .values(regionRows.slice(i, i + 100))
        .onConflictDoNothing();
    progress(regionRows.length, 'regions');
    const deptRows = await tx
      .insert(departments)
      .values(district.departments.map((d) => ({ ...d })))
      .onConflictDoNothing()
      .returning();
    const deptByCode = new Map((await tx.select().from(departments)).map((d) => [d.code, d.id]));
    progress(regionRows.length + deptRows.length, 'departments');
    const userRows = await tx
      .insert(users)
      .values(
        district.users.map((u) => ({
          username: normalizeLoginId(u.username),
          displayName: u.displayName,
          departmentId: u.departmentCode ? (deptByCode.get(u.departmentCode) ?? null) : null,
          regionCode: u.regionCode,
          passwordHash,
          mustChangePassword: false,
          demo: true,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: users.id, username: users.username });
    const idByName = new Map(userRows.map((u) => [u.username, u.id]));
    // With --force, accounts that already exist keep their roles and passwords.
    const roleRows = district.users.flatMap((u) => {
      const id = idByName.get(normalizeLoginId(u.username));
      return id ? u.roles.map((role) => ({ userId: id, role })) : [];
    });
    if (roleRows.length) await tx.insert(userRoles).values(roleRows);
    if (userRows.length)
      await tx.insert(passwordHistory).values(userRows.map((u) => ({ userId: u.id, passwordHash })));
    let done = district.regions.length + district.departments.length + district.users.length;
    progress(done, 'users');
    inserted = await insertDemoRegistry(tx, registry, (label, n) => progress((done += n), label));
    seededServices = await insertDemoServices(tx, demoServices, config, {
      asOf: now,
      progress: (label, n) => progress((done += n), label),
    });
    progress(total, 'cases');
    await tx
      .insert(installationMeta)
      .values({ key: 'demo_seed', value: { seed, at: new Date().toISOString() } });
    await services.audit.append(tx, systemActor('seed'), {
      action: 'seed.demo',
      detail: {
        seed,
        regions: regionRows.length,
        departments: deptRows.length,
        users: userRows.length,
        systems: inserted.systems,
        datasets: inserted.datasets,
        matters: seededServices.matters,
        cases: seededServices.cases,
      },
    });
  });
  // The demo opens with its zombie and duplicate flags raised (after the commit: the scan runs in
  // its own transaction).
  await services.registry.scanFlags(services.clock.now(), systemActor('seed'));
  return {
    seeded: true,
    regions: district.regions.length,
    departments: district.departments.length,
    users: district.users.length,
    systems: registry.systems.length,
    datasets: registry.catalogue.datasets.length,
    matters: seededServices.matters,
    cases: seededServices.cases,
    seed,
  };
}

export async function isDemoInstallation(services: Services): Promise<boolean> {
  const [row] = await services.database.db
    .select()
    .from(installationMeta)
    .where(eq(installationMeta.key, 'demo_seed'));
  return !!row;
}

/** What `npm start` prints so that a first visitor can sign in. */
export function demoSignIns(password: string): string[] {
  return [
    `  admin                    系统管理员 / system admin`,
    `  secadmin                 安全管理员 / security admin`,
    `  auditor                  审计管理员 / audit admin`,
    `  bureau                   数据资源局 / data bureau`,
    `  leader                   领导（只读）/ leader (read-only)`,
    `  data-<dept>, case-<dept> 部门数据专员、办件专员，如 data-sjj, case-scj`,
    `  approver-<dept>          部门审批负责人，如 approver-scj`,
    `  window, window-<street>  区市民之家、街道便民服务中心窗口，如 window-330105012`,
    `  street-330105012         天水街道（街道 330105012-330105019）`,
    `  community-330105012001   社区工作人员（每个社区一个）`,
    `  password / 密码: ${password}`,
    `  演示办件查询密码 / demo cases' query password (/status): ${DEMO_QUERY_PASSWORD}`,
  ];
}
