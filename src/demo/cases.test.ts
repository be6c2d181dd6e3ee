import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, chinaDateOf, type IsoDate } from '../domain/calendar.ts';
import { schedulesFromChineseDays } from '../domain/calendar-seed.ts';
import { caseFlagFindings } from '../domain/case-flags.ts';
import { projectCase, type ProjectedCase } from '../domain/case-projection.ts';
import {
  actingRoles,
  applyEvent,
  CASE_EVENT_KINDS,
  EMPTY_CASE,
  foldCase,
  refusalOf,
  RESULT_CODES,
  type CaseResult,
} from '../domain/cases.ts';
import { checkResidentId, checkUscc } from '../domain/identifiers.ts';
import { stageOf } from '../domain/matters.ts';
import { compileWorkdayIndex } from '../domain/workday-index.ts';
import {
  demoCases,
  MIN_CASE_COUNT,
  onlineCountFor,
  yearBefore,
  type DemoCase,
  type DemoCases,
} from './cases.ts';
import { demoDepartments } from './departments.ts';
import { demoMatters } from './matters.ts';
import { DEMO_DISTRICT_CODE, DEMO_STREET_CODES } from './regions.ts';

const calendar = buildCalendar(schedulesFromChineseDays(), 1);
const index = compileWorkdayIndex(calendar);
const departments = demoDepartments();
const { matters } = demoMatters(departments);
const matterOf = new Map(matters.map((m) => [m.code, m]));
const TODAY = '2026-11-27';
const demo = demoCases(matters, departments, { today: TODAY, calendar });

/** The case as the writer judges it: projection on `today`, and the flags the rules give it. */
function judge(c: DemoCase, today: IsoDate = TODAY) {
  if (today === TODAY && c === judged.get(c.caseNo)?.c) return judged.get(c.caseNo)!.j;
  const j = judgeOn(c, today);
  if (today === TODAY) judged.set(c.caseNo, { c, j });
  return j;
}
const judged = new Map<string, { c: DemoCase; j: ReturnType<typeof judgeOn> }>();

function judgeOn(c: DemoCase, today: IsoDate) {
  const m = matterOf.get(c.matterCode)!;
  const projected: ProjectedCase = projectCase(
    foldCase(c.events),
    {
      committedLimitDays: m.committedLimitDays,
      statutoryLimitDays: m.statutoryLimitDays,
      hasDeliverStage: !!stageOf(m.stages, 'deliver'),
    },
    index,
    today,
    0.8,
  );
  const flags = caseFlagFindings({
    events: c.events,
    matter: m,
    committed: projected.committed,
    statutory: projected.statutory,
    calendar,
  }).map((f) => f.type);
  return { ...projected, flags, matter: m };
}

const plantedNos = (d: DemoCases) =>
  new Set([...d.plantedOverdue, ...d.plantedAbnormal].map((p) => p.caseNo));
const share = (n: number) => n / demo.cases.length;
const count = (f: (c: DemoCase) => boolean) => demo.cases.filter(f).length;

// Generating and judging a year of cases takes seconds on a busy machine.
describe('demoCases', { timeout: 30_000 }, () => {
  it('is deterministic, and scales with caseCount keeping every planted case', () => {
    const small = (seed?: number) =>
      demoCases(matters, departments, { today: TODAY, calendar, caseCount: 2_000, seed });
    const a = small();
    expect(small()).toEqual(a);
    expect(small(7).cases).not.toEqual(a.cases);
    expect(a.cases).toHaveLength(2_000);
    expect(a.plantedOverdue).toHaveLength(demo.plantedOverdue.length);
    expect(a.plantedAbnormal).toHaveLength(demo.plantedAbnormal.length);
    expect(a.plantedPoorEvaluations).toHaveLength(12);
    expect(demo.cases).toHaveLength(30_000);
  });

  it('numbers cases like 申办流水号: place (9 digits) + submission date + sequence, unique', () => {
    expect(new Set(demo.cases.map((c) => c.caseNo)).size).toBe(demo.cases.length);
    const wrong = demo.cases.filter((c) => {
      const submitted = c.events.find((e) => e.kind === 'submitted')!;
      const prefix = `${c.regionCode.padEnd(9, '0')}${chinaDateOf(submitted.at).replaceAll('-', '')}`;
      return !/^\d{22}$/.test(c.caseNo) || !c.caseNo.startsWith(prefix);
    });
    expect(wrong).toEqual([]);
  });

  it('covers the year up to yesterday, over channels, the hall and the eight streets, and departments', () => {
    const first = demo.cases.map((c) => c.events.find((e) => e.kind === 'submitted')!.at);
    const days = first.map((d) => chinaDateOf(d)).sort();
    expect(days[0]! > yearBefore(TODAY)).toBe(true);
    expect(days.at(-1)! < TODAY).toBe(true);
    const cutoff = new Date(`${TODAY}T00:00:00+08:00`);
    const late = demo.cases.filter(
      (c) => c.events[0]!.kind !== 'submitted' || [...c.events, ...c.evaluations].some((e) => e.at >= cutoff),
    );
    expect(late).toEqual([]);
    expect(share(count((c) => c.channel === 'online'))).toBeCloseTo(0.55, 1);
    expect(share(count((c) => c.channel === 'window'))).toBeCloseTo(0.3, 1);
    expect(count((c) => c.channel === 'mobile')).toBeGreaterThan(1_000);
    expect(count((c) => c.channel === 'self_service')).toBeGreaterThan(500);
    expect(new Set(demo.cases.map((c) => c.regionCode))).toEqual(
      new Set([DEMO_DISTRICT_CODE, ...DEMO_STREET_CODES]),
    );
    expect(new Set(demo.cases.map((c) => c.departmentCode)).size).toBeGreaterThan(35);
    // Online cases only on matters that can be applied for online.
    const online = demo.cases.filter((x) => x.channel === 'online' || x.channel === 'mobile');
    expect(online.filter((c) => matterOf.get(c.matterCode)!.onlineDepth < 3)).toEqual([]);
  });

  it('has synthetic applicants with valid resident IDs and USCCs; internal cases have departments', () => {
    const codes = new Set(departments.map((d) => d.code));
    const wrong = demo.cases.filter((c) => {
      const a = c.applicant;
      const id = a.type === 'person' ? checkResidentId(a.idNumber, { today: TODAY }) : checkUscc(a.idNumber);
      const internal = matterOf.get(c.matterCode)!.type === 'internal';
      return (
        !id.ok ||
        (a.type === 'department') !== c.internal ||
        internal !== c.internal ||
        (c.internal && (!codes.has(a.departmentCode!) || a.departmentCode === c.departmentCode))
      );
    });
    expect(wrong).toEqual([]);
    expect(count((c) => c.applicant.type === 'enterprise')).toBeGreaterThan(5_000);
  });

  it('writes clean histories: every event passes the live transition rule, in time order, by its role', () => {
    const planted = plantedNos(demo);
    const wrong: string[] = [];
    for (const c of demo.cases) {
      if (planted.has(c.caseNo)) continue;
      const m = matterOf.get(c.matterCode)!;
      let s = EMPTY_CASE;
      let last = 0;
      for (const e of c.events) {
        const refused = refusalOf(s, e, m);
        if (refused) wrong.push(`${c.caseNo} ${e.kind}: ${refused}`);
        if (e.at.getTime() < last) wrong.push(`${c.caseNo} ${e.kind}: before the event ahead of it`);
        if (e.role && e.kind !== 'submitted' && !actingRoles(e.kind, m).includes(e.role))
          wrong.push(`${c.caseNo} ${e.kind}: by ${e.role}`);
        if (!(CASE_EVENT_KINDS as readonly string[]).includes(e.kind)) wrong.push(`${c.caseNo} ${e.kind}`);
        last = e.at.getTime();
        s = applyEvent(s, e);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives clean cases no flag at all: on time, in office hours, complete, never too fast', () => {
    const planted = plantedNos(demo);
    const flagged = demo.cases.filter((c) => !planted.has(c.caseNo) && judge(c).flags.length > 0);
    expect(flagged.map((c) => [c.caseNo, judge(c).flags])).toEqual([]);
  });

  it('stays clean on other days of the year (holidays, year ends)', () => {
    for (const today of ['2026-02-24', '2026-10-09', '2026-12-31']) {
      const d = demoCases(matters, departments, { today, calendar, caseCount: 4_000 });
      const planted = plantedNos(d);
      const flagged = d.cases.filter((c) => !planted.has(c.caseNo) && judge(c, today).flags.length > 0);
      expect(
        flagged.map((c) => c.caseNo),
        today,
      ).toEqual([]);
      for (const p of d.plantedAbnormal)
        expect(
          judge(
            d.cases.find((c) => c.caseNo === p.caseNo)!,
            today,
          ).flags,
        ).toEqual([p.type]);
    }
  });

  it('plants overdue cases, open and completed late, each with exactly its overdue condition', () => {
    expect(demo.plantedOverdue.filter((p) => p.open).length).toBeGreaterThanOrEqual(4);
    expect(demo.plantedOverdue.filter((p) => !p.open).length).toBeGreaterThanOrEqual(4);
    expect(new Set(demo.plantedOverdue.map((p) => p.type))).toEqual(
      new Set(['overdue_committed', 'overdue_statutory']),
    );
    for (const p of demo.plantedOverdue) {
      const j = judge(demo.cases.find((c) => c.caseNo === p.caseNo)!);
      expect(j.flags).toEqual([p.type]);
      expect(j.projection.open).toBe(p.open);
      expect(j.committed.overdue).toBe(true);
      expect(j.statutory.overdue).toBe(p.type === 'overdue_statutory');
    }
  });

  it('plants two cases of each abnormal type, each with that flag and no other', () => {
    const types = demo.plantedAbnormal.map((p) => p.type);
    expect(new Set(types)).toEqual(
      new Set([
        'completed_before_accepted',
        'accepted_before_submitted',
        'completed_without_acceptance',
        'missing_stage',
        'too_fast',
        'outside_working_time',
        'result_missing',
      ]),
    );
    for (const p of demo.plantedAbnormal)
      expect(judge(demo.cases.find((c) => c.caseNo === p.caseNo)!).flags).toEqual([p.type]);
  });

  it('evaluates about 30% of cases, mostly 4-5; the only poor grades are the planted ones', () => {
    const evaluated = count((c) => c.evaluations.length > 0);
    expect(share(evaluated)).toBeGreaterThan(0.25);
    expect(share(evaluated)).toBeLessThan(0.35);
    const grades = demo.cases.flatMap((c) => c.evaluations.map((e) => e.grade));
    expect(grades.filter((g) => g >= 4).length / grades.length).toBeGreaterThan(0.85);
    const poor = demo.cases.filter((c) => c.evaluations.some((e) => e.grade <= 2));
    const planted = demo.plantedPoorEvaluations;
    expect(poor.map((c) => c.caseNo).sort()).toEqual(planted.map((p) => p.caseNo).sort());
    expect(planted.filter((p) => p.realName).length).toBeGreaterThanOrEqual(5);
    expect(planted.filter((p) => p.returnVisited).length).toBeGreaterThanOrEqual(3);
    expect(planted.some((p) => p.realName && !p.returnVisited)).toBe(true);
    for (const p of planted) {
      const c = demo.cases.find((x) => x.caseNo === p.caseNo)!;
      const e = c.evaluations.find((x) => x.stage === p.stage)!;
      expect([e.grade, e.realName, e.returnVisit !== null]).toEqual([p.grade, p.realName, p.returnVisited]);
      if (e.returnVisit) expect(e.returnVisit.at > e.at).toBe(true);
      expect(judge(c).flags).toEqual([]);
    }
  });

  it('plants one clean, completed case whose provincial copy will show another result code', () => {
    const p = demo.plantedUpstreamMismatch;
    const c = demo.cases.find((x) => x.caseNo === p.caseNo)!;
    const j = judge(c);
    expect(j.flags).toEqual([]);
    expect(p.field).toBe('BJJGDM');
    expect(p.localValue).toBe(RESULT_CODES[j.projection.result as CaseResult]);
    expect(p.upstreamValue).not.toBe(p.localValue);
  });

  it('handles internal cases fully online at a rate that rounds to 95.53%', () => {
    const internal = demo.cases.filter((c) => c.internal);
    const online = internal.filter(
      (c) => (c.channel === 'online' || c.channel === 'mobile') && c.visits === 0,
    );
    expect(demo.internalOnline).toEqual({ online: online.length, total: internal.length });
    expect(Math.round((online.length / internal.length) * 10_000) / 100).toBe(95.53);
    expect(share(internal.length)).toBeCloseTo(0.1, 1);
  });

  it('finds the count of online cases that rounds to 95.53% whenever one exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), (total) => {
        const k = onlineCountFor(total);
        const near = Math.floor(total * 0.955);
        const exists = Array.from({ length: Math.ceil(total * 0.0006) + 2 }, (_, i) => near + i).some(
          (i) => i <= total && Math.round((i / total) * 10_000) === 9553,
        );
        if (k === null) return !exists;
        return (
          Math.round((k / total) * 10_000) === 9553 &&
          (k === 0 || Math.round(((k - 1) / total) * 10_000) !== 9553)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('shows the life of cases: supplements, special procedures, extensions, refusals, withdrawals, open ones', () => {
    const folded = demo.cases.map((c) => ({ c, s: foldCase(c.events) }));
    const supplemented = folded.filter(({ s }) => s.supplementRounds > 0).length;
    expect(share(supplemented)).toBeGreaterThan(0.07);
    expect(share(supplemented)).toBeLessThan(0.13);
    expect(folded.filter(({ s }) => s.pauses.some((p) => p.kind === 'special')).length).toBeGreaterThan(50);
    expect(folded.filter(({ s }) => s.extensionDays > 0).length).toBeGreaterThan(20);
    expect(folded.filter(({ s }) => s.phase === 'refused').length).toBeGreaterThan(300);
    expect(folded.filter(({ s }) => s.phase === 'withdrawn').length).toBeGreaterThan(100);
    expect(folded.filter(({ s }) => s.decision === 'deny').length).toBeGreaterThan(50);
    const open = demo.cases.map((c) => judge(c)).filter((j) => j.projection.open);
    expect(open.length).toBeGreaterThan(200);
    expect(new Set(open.map((j) => j.projection.status))).toEqual(
      new Set(['submitted', 'accepted', 'reviewed', 'decided', 'supplementing', 'special', 'completed']),
    );
  });

  it('refuses fewer cases than it needs to plant everything', () => {
    expect(() =>
      demoCases(matters, departments, { today: TODAY, calendar, caseCount: MIN_CASE_COUNT - 1 }),
    ).toThrow(RangeError);
  });

  it('refuses a calendar that does not cover the year', () => {
    const short = buildCalendar(schedulesFromChineseDays(2026, 2026), 1);
    expect(() => demoCases(matters, departments, { today: '2026-03-01', calendar: short })).toThrow(
      /calendar must cover/,
    );
  });
});
