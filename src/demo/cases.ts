// A year of the demo district's cases (办件) up to `today` (submitted from the day after the same
// date a year before, to yesterday): event histories in the kinds and
// payloads of domain/cases.ts, on the real working-day calendar, clean unless planted.
//
// Clean cases: staff events (accept, refuse, review, decide, complete) fall on working days inside
// 08:30–18:00 China time; every clock is planned in counted working days with the domain's own
// computeClock, so a clean case is never late, never too fast and never raises a flag. Events after
// the start of `today` (China) are cut off, which leaves the recent cases open at every stage.
//
// Planted, and recorded in the result: open overdue cases and cases completed late
// (plantedOverdue), two cases of each abnormal type (plantedAbnormal), poor evaluations, real-name
// ones partly return-visited (plantedPoorEvaluations), and one clean case whose copy in the
// provincial library will differ (plantedUpstreamMismatch). Internal cases (applicants are
// departments) are handled fully online in exactly the share that rounds to 95.53%.
//
// Case numbers follow the provincial 申办流水号: the handling place's region code padded to 9 digits
// (the district hall is 330105000, a street centre its own 9-digit code) + the China date of
// submission (YYYYMMDD) + a 5-digit sequence per place and day in order of submission, e.g.
// 330105013202603170042 → 22 characters.

import {
  CalendarYearMissingError,
  chinaDateOf,
  formatIsoDate,
  parseIsoDate,
  type IsoDate,
  type WorkCalendar,
} from '../domain/calendar.ts';
import { computeClock, type ClockPause } from '../domain/case-clock.ts';
import type { FlagType } from '../domain/case-flags.ts';
import {
  RESULT_CODES,
  type ApplicantType,
  type CaseChannel,
  type CaseEvent,
  type CaseEventKind,
  type CaseEventPayloads,
} from '../domain/cases.ts';
import { makeResidentId } from '../domain/identifiers.ts';
import { stageOf, type StageCode, type StageRole } from '../domain/matters.ts';
import { compileWorkdayIndex, type WorkdayIndex } from '../domain/workday-index.ts';
import type { DemoDepartment } from './departments.ts';
import {
  APPLICANT_GIVEN,
  APPLICANT_SURNAMES,
  COMPANY_FORMS,
  COMPANY_TRADES,
  COMPANY_WORDS,
  DENY_OPINIONS,
  EVALUATION_COMMENTS,
  EXTENSION_REASONS,
  REFUSAL_REASONS,
  RESIDENT_AREAS,
  REVIEW_OPINIONS,
  SPECIAL_RESULTS,
  SUPPLEMENT_REASONS,
  WITHDRAW_REASONS,
} from './matter-specs.ts';
import type { DemoMatter } from './matters.ts';
import { createRandom, type Random } from './random.ts';
import { DEMO_DISTRICT_CODE, DEMO_STREET_CODES } from './regions.ts';
import { DEFAULT_DEMO_SEED } from './users.ts';
import { makeUscc } from './uscc.ts';

export const DEFAULT_CASE_COUNT = 30_000;
/**
 * The fewest cases the demo makes: a share that rounds to 95.53% needs at least 179 internal cases
 * (171 of them online), and the poor grades need clean, completed public cases to be planted on.
 */
export const MIN_CASE_COUNT = 2_000;
/** The online-handling rate of internal cases the seed district reports (机关内部最多跑一次). */
export const INTERNAL_ONLINE_RATE_PERCENT = 95.53;
/** Share of the year's cases whose applicants are departments. */
const INTERNAL_SHARE = 0.1;

/** One event of a demo case: the domain event and who took it (a demo username, or the applicant). */
export type DemoCaseEvent = CaseEvent & {
  role: StageRole | null;
  /** The demo account that acted; null for the applicant's own online actions. */
  actor: string | null;
};

export interface DemoEvaluation {
  stage: 'accepted' | 'completed';
  /** 5 非常满意 … 1 非常不满意. */
  grade: number;
  comment: string;
  realName: boolean;
  at: Date;
  returnVisit: { at: Date; by: string; note: string } | null;
}

export interface DemoApplicant {
  type: ApplicantType;
  name: string;
  /** Resident ID for persons, USCC for enterprises and departments. */
  idNumber: string;
  phone: string | null;
  /** For internal cases: the applying department. */
  departmentCode: string | null;
}

export interface DemoCase {
  caseNo: string;
  matterCode: string;
  departmentCode: string;
  /** Where the case is handled: the district (hall) or a street's service centre. */
  regionCode: string;
  internal: boolean;
  channel: CaseChannel;
  applicant: DemoApplicant;
  visits: number;
  /** In the order they were recorded (for clean cases, also in time order). */
  events: DemoCaseEvent[];
  evaluations: DemoEvaluation[];
}

export interface PlantedOverdue {
  caseNo: string;
  type: 'overdue_committed' | 'overdue_statutory';
  open: boolean;
}
export type AbnormalType = Extract<
  FlagType,
  | 'completed_before_accepted'
  | 'accepted_before_submitted'
  | 'completed_without_acceptance'
  | 'missing_stage'
  | 'too_fast'
  | 'outside_working_time'
  | 'result_missing'
>;
export const ABNORMAL_TYPES: readonly AbnormalType[] = [
  'completed_before_accepted',
  'accepted_before_submitted',
  'completed_without_acceptance',
  'missing_stage',
  'too_fast',
  'outside_working_time',
  'result_missing',
];
export interface PlantedPoorEvaluation {
  caseNo: string;
  stage: DemoEvaluation['stage'];
  grade: number;
  realName: boolean;
  returnVisited: boolean;
}
export interface PlantedUpstreamMismatch {
  caseNo: string;
  /** The provincial exchange field that differs (办结结果代码). */
  field: string;
  /** What the provincial copy says instead. */
  upstreamValue: string;
  /** What the local case says. */
  localValue: string;
}

export interface DemoCases {
  cases: DemoCase[];
  plantedOverdue: PlantedOverdue[];
  plantedAbnormal: { caseNo: string; type: AbnormalType }[];
  plantedPoorEvaluations: PlantedPoorEvaluation[];
  plantedUpstreamMismatch: PlantedUpstreamMismatch;
  /** Internal cases handled fully online (online or mobile, no visit) and all internal cases. */
  internalOnline: { online: number; total: number };
}

export interface DemoCaseOptions {
  seed?: number;
  /** The China date the demo is built for; every event happens before it starts. */
  today: IsoDate;
  /** How many cases in all (planted ones included); default 30,000. */
  caseCount?: number;
  /** The working-day calendar (it must cover the year before `today`). */
  calendar: WorkCalendar;
}

// ---------------------------------------------------------------------------------------------
// Time

const MINUTE = 60_000;
const OPEN = 8 * 60 + 30; // 08:30
const LAST = 17 * 60 + 59; // the last minute inside office hours (they end at 18:00)

/** The instant of `minute` after midnight, China time, on day number `day`. */
const instant = (day: number, minute: number) => new Date((day * 1440 + minute - 480) * MINUTE);
const dayOf = (at: Date) => parseIsoDate(chinaDateOf(at));
const minuteOf = (at: Date) => Math.round((at.getTime() / MINUTE + 480) % 1440);

/** A staff action's time on `day`: in office hours, after `after` when that is the same day. */
function staffTime(rng: Random, day: number, after: Date | null): Date {
  if (after && dayOf(after) === day) {
    const prev = minuteOf(after);
    const step = Math.max(1, Math.min(rng.int(3, 40), Math.floor((LAST - prev) / 3)));
    return instant(day, Math.min(LAST, prev + step));
  }
  return instant(day, OPEN + rng.int(0, 7 * 60));
}

// ---------------------------------------------------------------------------------------------
// One case's history, planned in counted working days

/** Thrown inside planning when an event would fall after the cut-off: the case stays open there. */
class CutOff extends Error {}

class Timeline {
  readonly events: DemoCaseEvent[] = [];
  readonly pauses: ClockPause[] = [];
  acceptedDay: number | null = null;

  constructor(
    private readonly idx: WorkdayIndex,
    private readonly cutoff: Date,
  ) {}

  get last(): Date | null {
    return this.events.at(-1)?.at ?? null;
  }

  /** Appends an event, or stops the history here if it would happen at or after the cut-off. */
  add<K extends CaseEventKind>(
    kind: K,
    at: Date,
    payload: CaseEventPayloads[K],
    role: StageRole | null,
    actor: string | null,
  ): void {
    if (at >= this.cutoff) throw new CutOff();
    this.events.push({ kind, at, payload, role, actor } as DemoCaseEvent);
    if (kind === 'accepted') this.acceptedDay = dayOf(at);
  }

  /** The day of the n-th counted working day after acceptance, skipping the pauses so far. */
  countedDay(n: number): number {
    const clock = computeClock(
      this.idx,
      {
        acceptedOn: formatIsoDate(this.acceptedDay!),
        pauses: this.pauses,
        extensionDays: 0,
        stoppedOn: null,
      },
      n,
      formatIsoDate(this.acceptedDay!),
      1,
    );
    // A day past the published calendar is past the cut-off (today lies inside the calendar).
    if (clock.due === null) throw new CutOff();
    return parseIsoDate(clock.due);
  }

  pause(from: Date, to: Date) {
    this.pauses.push({ from: chinaDateOf(from), to: chinaDateOf(to) });
  }
}

// ---------------------------------------------------------------------------------------------
// Applicants

function personName(rng: Random): string {
  const given = rng.chance(0.3)
    ? rng.pick(APPLICANT_GIVEN)
    : rng.pick(APPLICANT_GIVEN) + rng.pick(APPLICANT_GIVEN);
  return rng.pick(APPLICANT_SURNAMES) + given;
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function applicantOf(rng: Random, m: DemoMatter, today: number): DemoApplicant {
  const person = m.applicants === 'person' || (m.applicants === 'both' && rng.chance(0.6));
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
  if (person) {
    const birth = formatIsoDate(today - rng.int(18 * 365, 85 * 365));
    const idNumber = makeResidentId(
      rng.pick(RESIDENT_AREAS),
      birth,
      String(rng.int(1, 999)).padStart(3, '0'),
    );
    return { type: 'person', name: personName(rng), idNumber, phone, departmentCode: null };
  }
  const form = rng.pick(COMPANY_FORMS);
  const individual = form === '个体工商户';
  const body = Array.from({ length: 8 }, () => rng.pick([...USCC_BODY])).join('');
  return {
    type: 'enterprise',
    name: individual
      ? `杭州市下城区${rng.pick(COMPANY_WORDS)}${rng.pick(['小吃店', '便利店', '理发店', '五金店'])}`
      : `杭州${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}${form}`,
    idNumber: makeUscc('9', individual ? '2' : '1', DEMO_DISTRICT_CODE, body),
    phone,
    departmentCode: null,
  };
}

// ---------------------------------------------------------------------------------------------
// The generator

interface Context {
  idx: WorkdayIndex;
  todayDay: number;
  cutoff: Date;
}

/** What a case plan asks for beyond the clean path. */
interface Plan {
  matter: DemoMatter;
  channel: CaseChannel;
  regionCode: string;
  applicant: DemoApplicant;
  visits: number;
  internal: boolean;
  submittedDay: number;
  refuse?: boolean;
  withdraw?: boolean;
  deny?: boolean;
  supplement?: boolean;
  special?: boolean;
  extend?: boolean;
  /** Complete exactly at this counted working day (planted late completion). */
  completeAt?: number;
  /** Stop after review, open (planted open overdue). */
  stopAfterReview?: boolean;
  evaluate?: boolean;
}

const windowUser = (regionCode: string) =>
  regionCode === DEMO_DISTRICT_CODE ? 'window' : `window-${regionCode}`;
const roleUser = (role: StageRole, p: Plan) =>
  role === 'window_officer'
    ? windowUser(p.regionCode)
    : `${role === 'dept_case_approver' ? 'approver' : 'case'}-${p.matter.departmentCode}`;

/** The role of a stage in the matter (every demo matter has receive, accept and complete). */
const roleOf = (m: DemoMatter, code: StageCode): StageRole | null => stageOf(m.stages, code)?.role ?? null;

/**
 * Builds one case's events along the plan. Clean by construction: see the header. Returns the
 * timeline (cut off at the start of today).
 */
function history(ctx: Context, rng: Random, p: Plan): Timeline {
  const t = new Timeline(ctx.idx, ctx.cutoff);
  const m = p.matter;
  const actor = (role: StageRole) => roleUser(role, p);
  const counter = p.channel === 'window' || p.channel === 'self_service';
  try {
    // 收件
    const subDay = p.submittedDay;
    const submittedAt = counter
      ? instant(subDay, OPEN + rng.int(0, 8 * 60 + 20))
      : instant(
          subDay,
          rng.weighted([
            [rng.int(7 * 60, 12 * 60), 4],
            [rng.int(12 * 60, 18 * 60), 4],
            [rng.int(18 * 60, 24 * 60 - 1), 2],
            [rng.int(0, 7 * 60), 1],
          ] as const),
        );
    t.add(
      'submitted',
      submittedAt,
      { channel: p.channel },
      counter ? 'window_officer' : null,
      counter ? windowUser(p.regionCode) : null,
    );

    // 受理 (or refusal): at the counter right away, online within office hours.
    const acceptRole = roleOf(m, 'accept')!;
    let acceptAt: Date;
    const subMinute = minuteOf(submittedAt);
    if (counter) acceptAt = instant(subDay, Math.min(LAST - 30, subMinute + rng.int(3, 20)));
    else if (ctx.idx.isWorkdayDay(subDay) && subMinute >= 7 * 60 && subMinute < 16 * 60)
      acceptAt = instant(subDay, Math.min(17 * 60, Math.max(OPEN, subMinute) + rng.int(20, 120)));
    else acceptAt = instant(ctx.idx.nthAfterDays(subDay, 1), OPEN + rng.int(0, 7 * 60));
    if (p.refuse) {
      t.add('refused', acceptAt, { reason: rng.pick(REFUSAL_REASONS) }, acceptRole, actor(acceptRole));
      return t;
    }
    t.add('accepted', acceptAt, {}, acceptRole, actor(acceptRole));
    const completeRole = roleOf(m, 'complete')!;

    if (m.onTheSpot) {
      // 即办件: done on the spot, the same day.
      const doneAt = instant(dayOf(acceptAt), Math.min(LAST, minuteOf(acceptAt) + rng.int(5, 40)));
      if (p.withdraw) {
        t.add(
          'withdrawn',
          doneAt,
          { reason: rng.pick(WITHDRAW_REASONS) },
          'window_officer',
          actor('window_officer'),
        );
        return t;
      }
      t.add('completed', doneAt, { result: 'approved' }, completeRole, actor(completeRole));
      return t;
    }

    // The counted working day each step happens on.
    const ext = p.extend ? rng.int(1, Math.min(10, m.maxExtensionDays)) : 0;
    const budget = m.committedLimitDays;
    const done =
      p.completeAt ??
      (ext ? budget + rng.int(1, ext) : Math.max(1, Math.min(budget, Math.ceil(budget * rng.next() ** 1.3))));
    const hasReview = !!roleOf(m, 'review');
    const hasDecide = !!roleOf(m, 'decide');
    const reviewOn = hasReview ? rng.int(1, done) : done;
    const decideOn = hasDecide ? rng.int(reviewOn, done) : done;
    const withdrawOn = p.withdraw ? rng.int(1, done) : null;

    // Steps never go back: a step planned before the last one happens on the same counted day.
    let cursor = 1;
    const step = (n: number) => {
      cursor = Math.max(cursor, n);
      return staffTime(rng, t.countedDay(cursor), t.last);
    };
    const until = (n: number) => withdrawOn !== null && n >= withdrawOn;
    const withdraw = () => {
      const at = step(withdrawOn!);
      t.add(
        'withdrawn',
        at,
        { reason: rng.pick(WITHDRAW_REASONS) },
        counter ? 'window_officer' : null,
        counter ? actor('window_officer') : null,
      );
    };

    if (ext) {
      // Approved before the committed limit runs out, before any step that needs it.
      const at = step(rng.int(1, Math.min(reviewOn, budget)));
      t.add(
        'extended',
        at,
        { days: ext, reason: rng.pick(EXTENSION_REASONS) },
        'dept_case_approver',
        actor('dept_case_approver'),
      );
    }
    // 补正: a single notice of what is missing; the clock stops until the supplements arrive.
    if (p.supplement && !until(reviewOn)) {
      const holder: StageRole = 'window_officer';
      const from = step(rng.int(1, reviewOn));
      const items = rng
        .shuffle(m.guide.materials.length ? m.guide.materials.map((x) => x.name) : ['申请表'])
        .slice(0, rng.int(1, 2))
        .map((material) => ({ material, reason: rng.pick(SUPPLEMENT_REASONS) }));
      t.add('supplement_requested', from, { items }, holder, actor(holder));
      let back = dayOf(from) + rng.int(1, 12);
      if (counter) while (!ctx.idx.isWorkdayDay(back)) back++;
      if (back >= ctx.todayDay) throw new CutOff();
      const to = counter ? staffTime(rng, back, null) : instant(back, rng.int(8 * 60, 22 * 60));
      t.add(
        'supplement_received',
        to,
        {},
        counter ? 'window_officer' : null,
        counter ? actor('window_officer') : null,
      );
      t.pause(from, to);
    }
    if (until(reviewOn)) return (withdraw(), t);
    if (hasReview) {
      const role = roleOf(m, 'review')!;
      t.add('reviewed', step(reviewOn), { opinion: rng.pick(REVIEW_OPINIONS) }, role, actor(role));
    }
    if (p.stopAfterReview) return t;
    // 特别程序: its days do not count.
    if (p.special && m.specialProcedures.length) {
      const procedure = rng.pick(m.specialProcedures);
      const from = step(rng.int(reviewOn, decideOn));
      t.add('special_started', from, { procedure }, 'dept_case_officer', actor('dept_case_officer'));
      const back = ctx.idx.nthAfterDays(dayOf(from), rng.int(2, 12));
      if (back >= ctx.todayDay) throw new CutOff();
      const to = staffTime(rng, back, null);
      t.add(
        'special_ended',
        to,
        { result: rng.pick(SPECIAL_RESULTS[procedure] ?? ['完成']) },
        'dept_case_officer',
        actor('dept_case_officer'),
      );
      t.pause(from, to);
    }
    if (until(decideOn)) return (withdraw(), t);
    if (hasDecide) {
      const role = roleOf(m, 'decide')!;
      const opinion = p.deny ? rng.pick(DENY_OPINIONS) : rng.pick(REVIEW_OPINIONS);
      t.add('decided', step(decideOn), { decision: p.deny ? 'deny' : 'approve', opinion }, role, actor(role));
    }
    if (until(done)) return (withdraw(), t);
    const doneAt = step(done);
    t.add('completed', doneAt, { result: p.deny ? 'denied' : 'approved' }, completeRole, actor(completeRole));
    // 出件: handed over at the window, mailed, or sent as an electronic licence.
    const deliverRole = roleOf(m, 'deliver');
    if (deliverRole) {
      const method = counter
        ? rng.pick(['window', 'window', 'mail'] as const)
        : rng.pick(['electronic', 'mail'] as const);
      const day = ctx.idx.nthAfterDays(dayOf(doneAt), rng.int(0, 3));
      t.add('delivered', staffTime(rng, day, doneAt), { method }, deliverRole, actor(deliverRole));
    }
  } catch (err) {
    // A day in a year the calendar has not published yet lies after today: cut off there too.
    if (!(err instanceof CutOff || err instanceof CalendarYearMissingError)) throw err;
  }
  return t;
}

/** Grades mostly 4-5; never poor (1-2) unless planted. */
function evaluations(rng: Random, events: readonly DemoCaseEvent[], cutoff: Date): DemoEvaluation[] {
  const out: DemoEvaluation[] = [];
  for (const [kind, stage] of [
    ['accepted', 'accepted'],
    ['completed', 'completed'],
  ] as const) {
    const e = events.find((x) => x.kind === kind);
    if (!e || (stage === 'accepted' && events.some((x) => x.kind === 'completed') && rng.chance(0.6)))
      continue;
    const at = new Date(e.at.getTime() + rng.int(10, 3 * 1440) * MINUTE);
    if (at >= cutoff) continue;
    const grade = rng.weighted([
      [5, 70],
      [4, 23],
      [3, 7],
    ] as const);
    out.push({
      stage,
      grade,
      comment: rng.pick(EVALUATION_COMMENTS[grade]!),
      realName: rng.chance(0.6),
      at,
      returnVisit: null,
    });
  }
  return out;
}

/** The smallest count of fully online cases among `total` whose share rounds to 95.53%, if any. */
export function onlineCountFor(total: number): number | null {
  const target = Math.round(INTERNAL_ONLINE_RATE_PERCENT * 100); // 9553 (basis points)
  for (let k = Math.floor((total * (target - 1)) / 10_000); k <= total; k++) {
    // round(k / total, 4 places) = target ⇔ (target - 0.5) total ≤ 10000 k < (target + 0.5) total
    if (20_000 * k >= (2 * target - 1) * total && 20_000 * k < (2 * target + 1) * total) return k;
    if (20_000 * k >= (2 * target + 1) * total) return null;
  }
  return null;
}

/**
 * The same day a year before (1 March for 29 February): the demo's year runs from the day after it
 * to yesterday, as the supervision figures' default period does.
 */
export function yearBefore(today: IsoDate): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
}

/** A cumulative-weight picker (binary search), for drawing thousands of matters quickly. */
function picker<T>(items: readonly T[], weight: (x: T) => number): (rng: Random) => T {
  const list = items.filter((x) => weight(x) > 0);
  if (!list.length) throw new Error('demo cases: nothing to pick from');
  const cum: number[] = [];
  let total = 0;
  for (const x of list) cum.push((total += weight(x)));
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return list[lo]!;
  };
}

/** The latest working day A before today with exactly n working days in (A, today]. */
function acceptedDayFor(idx: WorkdayIndex, todayDay: number, n: number): number {
  for (let d = todayDay - 1; d > todayDay - 800; d--)
    if (idx.isWorkdayDay(d) && idx.betweenDays(d, todayDay) === n) return d;
  throw new Error(`no working day ${n} working days before today`);
}

/**
 * Turns a clean, completed window case into an abnormal one of `type` (and of no other type):
 * `variant` picks one of two ways where there are two.
 */
function plantAbnormal(rng: Random, idx: WorkdayIndex, b: Built, type: AbnormalType, variant: number) {
  const find = (kind: CaseEventKind) => {
    const e = b.events.find((x) => x.kind === kind);
    if (!e) throw new Error(`planted ${type}: the base case has no ${kind} event`);
    return e;
  };
  const submitted = find('submitted');
  const accepted = find('accepted');
  const completed = find('completed');
  const delivered = b.events.find((x) => x.kind === 'delivered');
  const acceptDay = dayOf(accepted.at);
  const keepDeliveryAfter = () => {
    if (delivered && delivered.at <= completed.at)
      delivered.at = new Date(completed.at.getTime() + 15 * MINUTE);
  };
  switch (type) {
    case 'completed_before_accepted': {
      // Completion recorded on the working day before acceptance (a back-dated entry).
      let day = acceptDay - 1;
      while (!idx.isWorkdayDay(day)) day--;
      completed.at = instant(day, 16 * 60 + rng.int(0, 60));
      break;
    }
    case 'accepted_before_submitted':
      accepted.at = instant(acceptDay, OPEN + rng.int(0, 30));
      submitted.at = new Date(accepted.at.getTime() + rng.int(15, 60) * MINUTE);
      break;
    case 'completed_without_acceptance':
      b.events = b.events.filter((e) => ['submitted', 'completed', 'delivered'].includes(e.kind));
      break;
    case 'missing_stage':
      b.events = b.events.filter((e) => e.kind !== 'decided');
      break;
    case 'too_fast': {
      // Reviewed, decided and completed within minutes of acceptance, all on one day.
      accepted.at = instant(acceptDay, 9 * 60 + rng.int(0, 5 * 60));
      submitted.at = new Date(accepted.at.getTime() - 5 * MINUTE);
      const minutes = Math.max(2, Math.min(20, b.plan.matter.minHandlingMinutes - 1));
      find('reviewed').at = new Date(accepted.at.getTime() + 1 * MINUTE);
      find('decided').at = new Date(accepted.at.getTime() + 2 * MINUTE);
      completed.at = new Date(accepted.at.getTime() + minutes * MINUTE);
      keepDeliveryAfter();
      break;
    }
    case 'outside_working_time':
      if (variant === 0) {
        completed.at = instant(dayOf(completed.at), 19 * 60 + rng.int(30, 150));
        keepDeliveryAfter();
      } else {
        accepted.at = instant(acceptDay, 7 * 60 + rng.int(30, 80));
        submitted.at = new Date(accepted.at.getTime() - rng.int(3, 10) * MINUTE);
      }
      break;
    case 'result_missing':
      completed.payload = { result: null };
      break;
  }
}

interface Built {
  plan: Plan;
  events: DemoCaseEvent[];
  evaluations: DemoEvaluation[];
}

/** A year of demo cases for the given matters. Same inputs → deep-equal result. */
export function demoCases(
  matters: readonly DemoMatter[],
  departments: readonly DemoDepartment[],
  opts: DemoCaseOptions,
): DemoCases {
  const caseCount = opts.caseCount ?? DEFAULT_CASE_COUNT;
  if (!Number.isInteger(caseCount) || caseCount < MIN_CASE_COUNT)
    throw new RangeError(`the demo needs at least ${MIN_CASE_COUNT} cases to plant all it plants`);
  const todayDay = parseIsoDate(opts.today);
  const firstDay = parseIsoDate(yearBefore(opts.today)) + 1;
  const yearOf = (d: number) => Number(formatIsoDate(d).slice(0, 4));
  const years = opts.calendar.years();
  if (!years.includes(yearOf(firstDay)) || !years.includes(yearOf(todayDay)))
    throw new Error(`the working-day calendar must cover ${formatIsoDate(firstDay)} to ${opts.today}`);
  const ctx: Context = { idx: compileWorkdayIndex(opts.calendar), todayDay, cutoff: instant(todayDay, 0) };
  const { idx } = ctx;
  const root = createRandom(opts.seed ?? DEFAULT_DEMO_SEED).fork('cases');
  const publicMatters = matters.filter((m) => m.type !== 'internal');
  const internalMatters = matters.filter((m) => m.type === 'internal');
  const built: Built[] = [];

  const randomDay = (rng: Random, counter: boolean, from = firstDay, to = todayDay - 1): number => {
    for (;;) {
      const d = rng.int(from, to);
      if (idx.isWorkdayDay(d) || (!counter && rng.chance(0.5))) return d;
    }
  };
  const regionFor = (rng: Random, m: DemoMatter) =>
    m.atStreets && rng.chance(0.75) ? rng.pick(DEMO_STREET_CODES) : DEMO_DISTRICT_CODE;
  const build = (rng: Random, plan: Plan, withEvaluations = true): Built => {
    const t = history(ctx, rng, plan);
    const b: Built = {
      plan,
      events: t.events,
      evaluations: withEvaluations && plan.evaluate ? evaluations(rng, t.events, ctx.cutoff) : [],
    };
    built.push(b);
    return b;
  };

  // ----- planted cases first (a fixed number, whatever the scale) -----
  const planted = root.fork('planted');
  const lateCandidates = publicMatters.filter(
    (m) =>
      m.popularity > 0 &&
      !m.onTheSpot &&
      roleOf(m, 'review') &&
      roleOf(m, 'decide') &&
      m.statutoryLimitDays - m.committedLimitDays >= 8,
  );
  const windowPlan = (rng: Random, m: DemoMatter, submittedDay: number): Plan => ({
    matter: m,
    channel: 'window',
    regionCode: regionFor(rng, m),
    applicant: applicantOf(rng, m, todayDay),
    visits: 1,
    internal: false,
    submittedDay,
  });
  const overdueBuilt: [Built, PlantedOverdue['type'], boolean][] = [];
  for (const [type, open, count] of [
    ['overdue_committed', true, 4],
    ['overdue_statutory', true, 3],
    ['overdue_committed', false, 5],
    ['overdue_statutory', false, 3],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const m = planted.pick(lateCandidates);
      const { committedLimitDays: c, statutoryLimitDays: s } = m;
      if (open) {
        // Accepted n working days ago and stuck after review.
        const n = type === 'overdue_committed' ? planted.int(c + 2, s - 2) : planted.int(s + 2, s + 15);
        const day = acceptedDayFor(idx, todayDay, n);
        const b = build(
          planted,
          { ...windowPlan(planted, m, day), completeAt: n - 1, stopAfterReview: true },
          false,
        );
        overdueBuilt.push([b, type, open]);
      } else {
        const completeAt = type === 'overdue_committed' ? planted.int(c + 1, s) : s + planted.int(1, 10);
        const day = randomDay(planted, true, firstDay + 10, todayDay - 150);
        const b = build(planted, { ...windowPlan(planted, m, day), completeAt }, false);
        overdueBuilt.push([b, type, open]);
      }
    }
  }

  const abnormalBuilt: [Built, AbnormalType][] = [];
  for (const type of ABNORMAL_TYPES)
    for (let i = 0; i < 2; i++) {
      const m = planted.pick(lateCandidates);
      const b = build(
        planted,
        windowPlan(planted, m, randomDay(planted, true, firstDay + 10, todayDay - 90)),
        false,
      );
      plantAbnormal(planted, idx, b, type, i);
      abnormalBuilt.push([b, type]);
    }

  // ----- internal cases: departments as applicants, almost all fully online -----
  const plantedCount = built.length;
  const cleanCount = Math.max(0, caseCount - plantedCount);
  let internalTotal = Math.round(cleanCount * INTERNAL_SHARE);
  while (internalTotal > 0 && onlineCountFor(internalTotal) === null) internalTotal++;
  const internalOnline = internalTotal ? onlineCountFor(internalTotal)! : 0;
  const internalRng = root.fork('internal');
  const pickInternal = picker(internalMatters, (m) => m.popularity);
  const onlineFlags = internalRng.shuffle(
    Array.from({ length: internalTotal }, (_, i) => i < internalOnline),
  );
  for (const online of onlineFlags) {
    const m = pickInternal(internalRng);
    const channel: CaseChannel = online ? (internalRng.chance(0.8) ? 'online' : 'mobile') : 'window';
    const others = departments.filter((d) => d.code !== m.departmentCode);
    const from = internalRng.pick(others);
    build(internalRng, {
      matter: m,
      channel,
      regionCode: DEMO_DISTRICT_CODE,
      applicant: {
        type: 'department',
        name: from.name,
        idNumber: from.uscc,
        phone: `0571-8${String(internalRng.int(5_000_000, 8_999_999))}`,
        departmentCode: from.code,
      },
      visits: online ? 0 : 1,
      internal: true,
      // Two weeks inside the year, so that the year's figure still holds for two weeks after seeding.
      submittedDay: randomDay(internalRng, channel === 'window', firstDay + 14),
      withdraw: internalRng.chance(0.01),
      supplement: internalRng.chance(0.05),
      evaluate: internalRng.chance(0.2),
    });
  }

  // ----- public cases -----
  const rng = root.fork('public');
  const pickAny = picker(publicMatters, (m) => m.popularity);
  const pickOnline = picker(publicMatters, (m) => (m.onlineDepth >= 3 ? m.popularity : 0));
  for (let i = 0; i < cleanCount - internalTotal; i++) {
    const channel = rng.weighted<CaseChannel>([
      ['online', 52],
      ['window', 33],
      ['mobile', 10],
      ['self_service', 5],
    ]);
    const online = channel === 'online' || channel === 'mobile';
    const m = online ? pickOnline(rng) : pickAny(rng);
    const counter = !online;
    build(rng, {
      matter: m,
      channel,
      regionCode: regionFor(rng, m),
      applicant: applicantOf(rng, m, todayDay),
      visits: counter ? 1 : m.visits,
      internal: false,
      submittedDay: randomDay(rng, counter),
      refuse: rng.chance(0.03),
      withdraw: rng.chance(0.015),
      deny: !!roleOf(m, 'decide') && rng.chance(0.04),
      supplement: !m.onTheSpot && rng.chance(0.17),
      special: m.specialProcedures.length > 0 && rng.chance(0.25),
      extend: m.maxExtensionDays > 0 && rng.chance(0.05),
      evaluate: rng.chance(0.33),
    });
  }

  // ----- case numbers, in order of submission per place and day -----
  const submittedAt = (b: Built) => b.events.find((e) => e.kind === 'submitted')!.at;
  const order = built
    .map((b, i) => ({ b, i, at: submittedAt(b).getTime() }))
    .sort((x, y) => x.at - y.at || x.i - y.i);
  const seqs = new Map<string, number>();
  const caseNoOf = new Map<Built, string>();
  for (const { b, at } of order) {
    const place = b.plan.regionCode.padEnd(9, '0');
    const key = `${place}${chinaDateOf(new Date(at)).replaceAll('-', '')}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    caseNoOf.set(b, `${key}${String(seq).padStart(5, '0')}`);
  }

  // ----- poor evaluations and the upstream mismatch, on clean public cases -----
  const tail = root.fork('tail');
  const cleanPublic = built
    .slice(plantedCount)
    .filter(
      (b) =>
        !b.plan.internal &&
        b.events.some((e) => e.kind === 'completed') &&
        b.events.at(-1)!.at.getTime() < ctx.cutoff.getTime() - 30 * 1440 * MINUTE,
    );
  const chosen = tail.shuffle(cleanPublic).slice(0, 13);
  const plantedPoorEvaluations: PlantedPoorEvaluation[] = chosen.slice(0, 12).map((b, i) => {
    const realName = i < 9;
    const returnVisited = i < 5;
    const completed = b.events.find((e) => e.kind === 'completed')!;
    const at = new Date(completed.at.getTime() + tail.int(60, 3 * 1440) * MINUTE);
    const grade = tail.pick([1, 2]);
    const visitDay = idx.nthAfterDays(dayOf(at), tail.int(1, 3));
    b.evaluations = [
      {
        stage: 'completed',
        grade,
        comment: tail.pick(EVALUATION_COMMENTS[grade]!),
        realName,
        at,
        returnVisit: returnVisited
          ? {
              at: staffTime(tail, visitDay, null),
              by: `approver-${b.plan.matter.departmentCode}`,
              note: '已电话回访，向申请人说明情况并致歉，申请人表示理解',
            }
          : null,
      },
    ];
    return { caseNo: caseNoOf.get(b)!, stage: 'completed', grade, realName, returnVisited };
  });
  const mismatch = chosen[12]!;
  const result = mismatch.events.find((e) => e.kind === 'completed')!.payload as { result: string };
  const localValue = RESULT_CODES[result.result as keyof typeof RESULT_CODES];

  const cases: DemoCase[] = order.map(({ b }) => ({
    caseNo: caseNoOf.get(b)!,
    matterCode: b.plan.matter.code,
    departmentCode: b.plan.matter.departmentCode,
    regionCode: b.plan.regionCode,
    internal: b.plan.internal,
    channel: b.plan.channel,
    applicant: b.plan.applicant,
    visits: b.plan.visits,
    events: b.events,
    evaluations: b.evaluations,
  }));
  return {
    cases,
    plantedOverdue: overdueBuilt.map(([b, type, open]) => ({ caseNo: caseNoOf.get(b)!, type, open })),
    plantedAbnormal: abnormalBuilt.map(([b, type]) => ({ caseNo: caseNoOf.get(b)!, type })),
    plantedPoorEvaluations,
    plantedUpstreamMismatch: {
      caseNo: caseNoOf.get(mismatch)!,
      field: 'BJJGDM',
      upstreamValue: localValue === RESULT_CODES.approved ? RESULT_CODES.denied : RESULT_CODES.approved,
      localValue,
    },
    internalOnline: { online: internalOnline, total: internalTotal },
  };
}
