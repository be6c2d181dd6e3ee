import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { chinaDateOf } from '../src/domain/calendar.ts';
import { projectCase } from '../src/domain/case-projection.ts';
import { foldCase, type CaseChannel, type CaseEvent } from '../src/domain/cases.ts';
import { defaultStages, type MatterType } from '../src/domain/matters.ts';
import { compileWorkdayIndex } from '../src/domain/workday-index.ts';
import { hashPassword } from '../src/server/crypto/passwords.ts';
import { caseEvents, cases } from '../src/server/modules/cases/cases.tables.ts';
import { matters } from '../src/server/modules/matters/matters.tables.ts';
import { departments } from '../src/server/modules/org/org.tables.ts';
import type { TestContext } from './harness.ts';

// Matters and cases written straight into the tables, as the case engine writes them (the events,
// their fold and the projection columns from the domain), for tests of what happens after.

const unique = () => randomBytes(4).toString('hex').toUpperCase();

export async function departmentId(ctx: TestContext, code: string): Promise<string> {
  const [d] = await ctx.database.db.select().from(departments).where(eq(departments.code, code));
  if (!d) throw new Error(`no department ${code}`);
  return d.id;
}

/** A department of the test's own, with no users and no demo data. */
export async function insertDepartment(ctx: TestContext, name: string) {
  const suffix = unique();
  const [d] = await ctx.database.db
    .insert(departments)
    .values({
      code: `t${suffix.toLowerCase()}`,
      name: `${name}${suffix}`,
      shortName: name,
      kind: 'bureau',
      uscc: `11330105T${suffix}X`.padEnd(18, '0').slice(0, 18),
      regionCode: '330105',
    })
    .returning();
  return d!;
}

export interface MatterSpec {
  departmentId: string;
  type?: MatterType;
  committed?: number;
  statutory?: number;
  onlineDepth?: number;
  onTheSpot?: boolean;
}

export async function insertMatter(ctx: TestContext, m: MatterSpec) {
  const type = m.type ?? 'licensing';
  const onTheSpot = m.onTheSpot ?? false;
  const basic = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  const [row] = await ctx.database.db
    .insert(matters)
    .values({
      code: `T${unique()}${unique()}00000000004${basic}`.slice(0, 31),
      basicCode: basic,
      name: `测试事项${unique()}`,
      type,
      level: 'district',
      departmentId: m.departmentId,
      regionCode: '330105',
      onTheSpot,
      statutoryLimitDays: m.statutory ?? (onTheSpot ? 0 : 20),
      committedLimitDays: m.committed ?? (onTheSpot ? 0 : 5),
      onlineDepth: m.onlineDepth ?? 3,
      visits: 0,
      stages: defaultStages(type, onTheSpot),
      minHandlingMinutes: 0,
    })
    .returning();
  return row!;
}

export type MatterRow = Awaited<ReturnType<typeof insertMatter>>;

export interface CaseSpec {
  matter: MatterRow;
  events: CaseEvent[];
  channel?: CaseChannel;
  regionCode?: string;
  visits?: number;
  /** A query password (hashed as the case engine does). */
  password?: string;
  applicantName?: string;
}

let seq = 0;

/** A case with its events, folded and projected on the official calendar as of the clock's today. */
export async function insertCase(ctx: TestContext, c: CaseSpec) {
  const state = foldCase(c.events);
  const calendar = await ctx.services.calendar.calendar();
  const { projection } = projectCase(
    state,
    {
      committedLimitDays: c.matter.committedLimitDays,
      statutoryLimitDays: c.matter.statutoryLimitDays,
      hasDeliverStage: c.matter.stages.some((s) => s.code === 'deliver'),
    },
    compileWorkdayIndex(calendar),
    chinaDateOf(ctx.clock.now()),
    ctx.services.config.CASE_WARN_SHARE,
  );
  const caseNo = `T${chinaDateOf(ctx.clock.now()).replaceAll('-', '')}${unique()}${String(++seq).padStart(4, '0')}`;
  const regionCode = c.regionCode ?? '330105';
  const [row] = await ctx.database.db
    .insert(cases)
    .values({
      caseNo,
      matterId: c.matter.id,
      matterCode: c.matter.code,
      departmentId: c.matter.departmentId,
      regionCode,
      internal: c.matter.type === 'internal',
      channel: c.channel ?? 'window',
      applicantType: c.matter.type === 'internal' ? 'department' : 'person',
      applicantName: c.applicantName ?? '张三',
      queryPasswordHash: c.password ? await hashPassword(c.password) : null,
      visits: c.visits ?? 1,
      version: c.events.length,
      committedLimitDays: c.matter.committedLimitDays,
      statutoryLimitDays: c.matter.statutoryLimitDays,
      ...projection,
    })
    .returning();
  if (c.events.length)
    await ctx.database.db.insert(caseEvents).values(
      c.events.map((e, i) => ({
        caseId: row!.id,
        seq: i + 1,
        kind: e.kind,
        at: e.at,
        actorName: 'test',
        payload: e.payload as Record<string, unknown>,
        regionCode,
      })),
    );
  return row!;
}

export type CaseRow = Awaited<ReturnType<typeof insertCase>>;

/** China time → instant: at('2026-02-10 09:00'). */
export const at = (chinaTime: string) => new Date(`${chinaTime.replace(' ', 'T')}:00+08:00`);

/** The events of a case submitted, accepted and (optionally) completed at the given China times. */
export function lifecycle(submitted: string, accepted?: string, completed?: string): CaseEvent[] {
  const out: CaseEvent[] = [{ kind: 'submitted', at: at(submitted), payload: { channel: 'window' } }];
  if (accepted) out.push({ kind: 'accepted', at: at(accepted), payload: {} });
  if (completed) out.push({ kind: 'completed', at: at(completed), payload: { result: 'approved' } });
  return out;
}
