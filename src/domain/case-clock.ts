// The two clocks of a case (承诺时限 and 法定时限), as pure functions of the case's clock inputs
// (themselves a fold of its events), the limit and the calendar. Nothing here is a running counter:
// a calendar correction recomputes every deadline from the same inputs.
//
// The counting rule (行政许可法 arts. 42, 45, 82; DESIGN §4):
// - Periods count working days; counting starts the day after acceptance. A limit of 0 (即办件) is
//   due on the day of acceptance.
// - A pause (补正: from the supplement notice to the receipt of the supplements; 特别程序: from its
//   start to its end) removes the days from the day it starts to the day it ends, both included: the
//   clock stops on the day it is stopped and starts again the day after, exactly as it starts the day
//   after acceptance. So a notice given on the last day hands that day back, and a pause that starts
//   and ends on the same working day removes that one day.
// - Extensions add working days to the limit.
// - The due date is the day on which the last counted working day falls. Completing on it is on time;
//   the case is overdue from the next day on.

import { CalendarYearMissingError, formatIsoDate, parseIsoDate, type IsoDate } from './calendar.ts';
import type { WorkdayIndex } from './workday-index.ts';

export interface ClockPause {
  from: IsoDate;
  /** null while the pause is still open. */
  to: IsoDate | null;
}

/** What a clock depends on besides the calendar; a projection of the case's events. */
export interface ClockInputs {
  acceptedOn: IsoDate | null;
  pauses: readonly ClockPause[];
  extensionDays: number;
  /** The day the clock stopped for good (completion, withdrawal), if it has. */
  stoppedOn: IsoDate | null;
}

export type ClockState =
  | 'not_started' // not accepted yet
  | 'running'
  | 'paused'
  | 'stopped' // completed or withdrawn
  | 'calendar_missing'; // the deadline falls in a year without a published schedule

export interface ClockResult {
  state: ClockState;
  /** The limit plus extensions, in working days. */
  budget: number;
  /** null when not started, while an open pause still holds unused days, or in a missing year. */
  due: IsoDate | null;
  /** The day on which the warning share of the budget is used up. */
  warnOn: IsoDate | null;
  /** Counted working days used up to asOf (or to the stop). */
  usedDays: number;
  /** budget - usedDays (negative when overdue). */
  remainingDays: number;
  overdue: boolean;
  /** Counted working days past the due date (0 unless overdue). */
  overdueDays: number;
  /** Used at least the warning share and not overdue, on a running or paused clock. */
  warning: boolean;
  missingYear?: number;
}

/** The warning threshold in counted days: at least one day, never above the budget. */
export function warningDay(budget: number, share: number): number {
  return Math.min(budget, Math.max(1, Math.ceil(budget * share - 1e-9)));
}

const sortedPauses = (pauses: readonly ClockPause[]) =>
  [...pauses]
    .map((p) => ({ from: parseIsoDate(p.from), to: p.to === null ? null : parseIsoDate(p.to) }))
    .sort((a, b) => a.from - b.from);

/**
 * The day of the n-th counted working day after `start` (n ≥ 1), skipping pauses; null when an open
 * pause begins before it is reached.
 */
function nthCountedDay(
  idx: WorkdayIndex,
  start: number,
  n: number,
  pauses: ReturnType<typeof sortedPauses>,
): number | null {
  let cursor = start;
  let remaining = n;
  for (const p of pauses) {
    if (p.to !== null && p.to <= cursor) continue; // ended before the count reached it
    const available = idx.betweenDays(cursor, p.from - 1);
    if (available >= remaining) return idx.nthAfterDays(cursor, remaining);
    remaining -= available;
    if (p.to === null) return null;
    cursor = Math.max(cursor, p.to);
  }
  return idx.nthAfterDays(cursor, remaining);
}

/** Counted working days in (start, until]: working days not inside any pause. */
function countedDays(
  idx: WorkdayIndex,
  start: number,
  until: number,
  pauses: ReturnType<typeof sortedPauses>,
): number {
  if (until <= start) return 0;
  let total = idx.betweenDays(start, until);
  let coveredTo = start; // pauses may not overlap, but never count a day twice if they do
  for (const p of pauses) {
    const a = Math.max(p.from - 1, coveredTo);
    const b = Math.min(p.to ?? until, until);
    if (b > a) {
      total -= idx.betweenDays(a, b);
      coveredTo = b;
    }
  }
  return total;
}

/**
 * One clock of a case on `asOf` (the China date of "now"): limit = the matter's committed or
 * statutory limit; share = the warning share (e.g. 0.8).
 */
export function computeClock(
  idx: WorkdayIndex,
  inputs: ClockInputs,
  limit: number,
  asOf: IsoDate,
  share: number,
): ClockResult {
  const budget = limit + inputs.extensionDays;
  const base: ClockResult = {
    state: 'not_started',
    budget,
    due: null,
    warnOn: null,
    usedDays: 0,
    remainingDays: budget,
    overdue: false,
    overdueDays: 0,
    warning: false,
  };
  if (inputs.acceptedOn === null) return base;
  const start = parseIsoDate(inputs.acceptedOn);
  const pauses = sortedPauses(inputs.pauses);
  const openPause = pauses.some((p) => p.to === null);
  const stopped = inputs.stoppedOn !== null;
  const until = stopped ? parseIsoDate(inputs.stoppedOn!) : parseIsoDate(asOf);
  const state: ClockState = stopped ? 'stopped' : openPause ? 'paused' : 'running';
  try {
    const dueDay = budget === 0 ? start : nthCountedDay(idx, start, budget, pauses);
    const warnDay = budget === 0 ? start : nthCountedDay(idx, start, warningDay(budget, share), pauses);
    const usedDays = countedDays(idx, start, until, pauses);
    const overdue = dueDay !== null && until > dueDay;
    const overdueDays = overdue ? countedDays(idx, dueDay, until, pauses) : 0;
    return {
      state,
      budget,
      due: dueDay === null ? null : formatIsoDate(dueDay),
      warnOn: warnDay === null ? null : formatIsoDate(warnDay),
      usedDays,
      remainingDays: budget - usedDays,
      overdue,
      overdueDays,
      warning: !stopped && !overdue && warnDay !== null && until >= warnDay,
    };
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    // The deadline lies in a year without a schedule; the days used so far may still be countable.
    let usedDays: number | null = null;
    try {
      usedDays = countedDays(idx, start, until, pauses);
    } catch (inner) {
      if (!(inner instanceof CalendarYearMissingError)) throw inner;
    }
    if (usedDays === null) return { ...base, state: 'calendar_missing', missingYear: err.year };
    const used = { usedDays, remainingDays: budget - usedDays };
    // Stopped before a deadline that lies beyond the known calendar: finished in time, whatever it is.
    if (stopped) return { ...base, ...used, state: 'stopped' };
    return { ...base, ...used, state: 'calendar_missing', missingYear: err.year };
  }
}
