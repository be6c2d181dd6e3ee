// The demo district's government services: its matters with their guides, and a year of cases
// written through the case history writer (the same projection, clocks and flag rules as live
// cases). Generated (pure, src/demo) before the transaction that inserts them.

import { count, eq } from 'drizzle-orm';
import { demoCases, type DemoCase, type DemoCases } from '../../demo/cases.ts';
import type { DemoDepartment } from '../../demo/departments.ts';
import { demoMatters, type DemoMatters } from '../../demo/matters.ts';
import type { IsoDate, WorkCalendar } from '../../domain/calendar.ts';
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import type { CalendarService } from '../modules/calendar/calendar.service.ts';
import {
  CaseHistoryWriter,
  type HistoryCase,
  type HistoryMatter,
  type HistoryWriteResult,
} from '../modules/cases/history.writer.ts';
import type { PlantedMismatch } from '../modules/cases/provincial.demo.ts';
import { guides, matters } from '../modules/matters/matters.tables.ts';
import { departments, installationMeta } from '../modules/org/org.tables.ts';

/** The installation_meta key under which the seed records what it planted. */
export const DEMO_SERVICES_META = 'demo_services';
/** Cases go to the writer in batches of this many (progress, and bounded memory per plan). */
const BATCH = 5_000;

export interface DemoServicesData {
  /** The China date the cases run up to (today, or the last day the calendar publishes). */
  today: IsoDate;
  /** The calendar the cases were generated on; the writer computes their clocks on it too. */
  calendar: WorkCalendar;
  matters: DemoMatters;
  cases: DemoCases;
}

/** What the seed planted, kept in installation_meta for the demo's provincial library and for tests. */
export interface DemoServicesRecord {
  today: IsoDate;
  caseCount: number;
  plantedGuideFaults: DemoMatters['plantedGuideFaults'];
  plantedOverdue: DemoCases['plantedOverdue'];
  plantedAbnormal: DemoCases['plantedAbnormal'];
  plantedPoorEvaluations: DemoCases['plantedPoorEvaluations'];
  plantedUpstreamMismatch: DemoCases['plantedUpstreamMismatch'];
  internalOnline: DemoCases['internalOnline'];
}

export interface DemoServicesResult {
  matters: number;
  cases: number;
  events: number;
  flags: number;
}

/**
 * The demo's matters and cases for `today`. A calendar that does not reach today's year (a demo
 * started after the last published year) gets the cases up to the last day it publishes.
 */
export function buildDemoServices(
  demoDepartments: readonly DemoDepartment[],
  opts: { seed: number; today: IsoDate; calendar: WorkCalendar; caseCount?: number },
): DemoServicesData {
  const lastYear = opts.calendar.years().at(-1);
  const today = lastYear !== undefined && opts.today > `${lastYear}-12-31` ? `${lastYear}-12-31` : opts.today;
  const m = demoMatters(demoDepartments, opts.seed);
  const c = demoCases(m.matters, demoDepartments, {
    seed: opts.seed,
    today,
    calendar: opts.calendar,
    ...(opts.caseCount === undefined ? {} : { caseCount: opts.caseCount }),
  });
  return { today, calendar: opts.calendar, matters: m, cases: c };
}

export function demoServicesRecord(data: DemoServicesData): DemoServicesRecord {
  const { cases: c } = data;
  return {
    today: data.today,
    caseCount: c.cases.length,
    plantedGuideFaults: data.matters.plantedGuideFaults,
    plantedOverdue: c.plantedOverdue,
    plantedAbnormal: c.plantedAbnormal,
    plantedPoorEvaluations: c.plantedPoorEvaluations,
    plantedUpstreamMismatch: c.plantedUpstreamMismatch,
    internalOnline: c.internalOnline,
  };
}

/** A demo case in the history writer's terms; the applicant's own online actions are by 'applicant'. */
/** Every demo case's query password, printed with the demo sign-ins, so /status can be tried on any. */
export const DEMO_QUERY_PASSWORD = '202601';

function historyCase(c: DemoCase, matter: HistoryMatter, departmentIds: Map<string, string>): HistoryCase {
  return {
    caseNo: c.caseNo,
    queryPassword: DEMO_QUERY_PASSWORD,
    matter,
    regionCode: c.regionCode,
    channel: c.channel,
    applicant: {
      type: c.applicant.type,
      name: c.applicant.name,
      idNumber: c.applicant.idNumber,
      phone: c.applicant.phone,
      departmentId: c.applicant.departmentCode
        ? (departmentIds.get(c.applicant.departmentCode) ?? null)
        : null,
    },
    visits: c.visits,
    events: c.events.map(({ role, actor, ...event }) => ({
      ...event,
      actorName: actor ?? 'applicant',
      actorRole: role ?? 'applicant',
    })),
    evaluations: c.evaluations,
  };
}

/**
 * Inserts the matters, their guides and the cases in the caller's transaction. Skips everything
 * when the database already has matters (a forced re-seed never mixes demo services with others).
 */
export async function insertDemoServices(
  tx: DbOrTx,
  data: DemoServicesData,
  config: Config,
  opts: { asOf: Date; progress: (label: string, done: number) => void },
): Promise<DemoServicesResult> {
  // The writer reads the calendar through its calendar service, outside the transaction; on PGlite
  // (one connection) that read would wait for this transaction forever. It gets the calendar the
  // cases were generated on instead.
  const calendar: Pick<CalendarService, 'calendar'> = { calendar: () => Promise.resolve(data.calendar) };
  const writer = new CaseHistoryWriter({ config, calendar: calendar as CalendarService });
  const [existing] = await tx.select({ n: count() }).from(matters);
  if ((existing?.n ?? 0) > 0) return { matters: 0, cases: 0, events: 0, flags: 0 };
  const deptRows = await tx
    .select({ id: departments.id, code: departments.code, region: departments.regionCode })
    .from(departments);
  const dept = new Map(deptRows.map((d) => [d.code, d]));
  const deptOf = (code: string) => {
    const d = dept.get(code);
    if (!d) throw new Error(`demo department ${code} is missing`);
    return d;
  };

  const demo = data.matters.matters;
  const inserted = await tx
    .insert(matters)
    .values(
      demo.map((m) => ({
        code: m.code,
        basicCode: m.basicCode,
        name: m.name,
        type: m.type,
        level: m.level,
        departmentId: deptOf(m.departmentCode).id,
        regionCode: deptOf(m.departmentCode).region,
        onTheSpot: m.onTheSpot,
        statutoryLimitDays: m.statutoryLimitDays,
        committedLimitDays: m.committedLimitDays,
        maxExtensionDays: m.maxExtensionDays,
        visits: m.visits,
        onlineDepth: m.onlineDepth,
        stages: m.stages,
        specialProcedures: m.specialProcedures,
        fees: m.fees,
        minHandlingMinutes: m.minHandlingMinutes,
        updatedAt: opts.asOf,
        createdAt: opts.asOf,
      })),
    )
    .returning({ id: matters.id, code: matters.code });
  const idOf = new Map(inserted.map((r) => [r.code, r.id]));
  await tx
    .insert(guides)
    .values(
      demo.map((m) => ({ matterId: idOf.get(m.code)!, ...m.guide, updatedAt: opts.asOf, updatedBy: 'seed' })),
    );
  opts.progress('matters', demo.length);

  const history = new Map<string, HistoryMatter>(
    demo.map((m) => [
      m.code,
      {
        id: idOf.get(m.code)!,
        code: m.code,
        departmentId: deptOf(m.departmentCode).id,
        type: m.type,
        committedLimitDays: m.committedLimitDays,
        statutoryLimitDays: m.statutoryLimitDays,
        stages: m.stages,
        onTheSpot: m.onTheSpot,
        minHandlingMinutes: m.minHandlingMinutes,
      },
    ]),
  );
  const departmentIds = new Map(deptRows.map((d) => [d.code, d.id]));
  const all = data.cases.cases;
  const total: DemoServicesResult = { matters: demo.length, cases: 0, events: 0, flags: 0 };
  for (let i = 0; i < all.length; i += BATCH) {
    const items = all
      .slice(i, i + BATCH)
      .map((c) => historyCase(c, history.get(c.matterCode)!, departmentIds));
    const r: HistoryWriteResult = await writer.write(tx, items, {
      source: 'live',
      asOf: opts.asOf,
      actorName: 'seed:demo',
    });
    total.cases += r.cases;
    total.events += r.events;
    total.flags += r.flags;
    opts.progress('cases', items.length);
  }
  await tx
    .insert(installationMeta)
    .values({ key: DEMO_SERVICES_META, value: demoServicesRecord(data) })
    .onConflictDoNothing();
  return total;
}

/** What the seed planted, or null when the demo services were not seeded here. */
export async function demoServicesRecordOf(db: DbOrTx): Promise<DemoServicesRecord | null> {
  const [row] = await db.select().from(installationMeta).where(eq(installationMeta.key, DEMO_SERVICES_META));
  return row ? (row.value as DemoServicesRecord) : null;
}

/** The planted difference in the provincial library's copy, for the demo's simulated library. */
export async function demoUpstreamPlant(db: DbOrTx): Promise<PlantedMismatch | null> {
  const record = await demoServicesRecordOf(db);
  if (!record) return null;
  const { caseNo, field, upstreamValue } = record.plantedUpstreamMismatch;
  return { caseNo, changes: { [field]: upstreamValue } };
}
