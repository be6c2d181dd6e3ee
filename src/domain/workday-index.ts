// A compiled form of the working-day calendar for counting in O(1): prefix sums of working days
// over every published year, so that "working days in (a, b]" and "the n-th working day after a"
// cost an array read instead of a walk. Recomputing a million deadlines after a calendar correction
// depends on it. Days of a year without a schedule are "unknown": any count that touches one throws
// CalendarYearMissingError, exactly as the day-by-day functions in calendar.ts do.

import {
  CalendarYearMissingError,
  formatIsoDate,
  parseIsoDate,
  type IsoDate,
  type WorkCalendar,
} from './calendar.ts';

export interface WorkdayIndex {
  readonly version: number;
  /** Working days in (from, to]; 0 when to <= from. */
  between(from: IsoDate, to: IsoDate): number;
  /** Day-number form of between (days since 1970-01-01). */
  betweenDays(from: number, to: number): number;
  /** The n-th working day after `from` (n = 0: from itself). */
  nthAfter(from: IsoDate, n: number): IsoDate;
  nthAfterDays(from: number, n: number): number;
  isWorkdayDay(day: number): boolean;
}

export function compileWorkdayIndex(cal: WorkCalendar): WorkdayIndex {
  const years = cal.years();
  const first = years.length ? parseIsoDate(`${years[0]}-01-01`) : 0;
  const last = years.length ? parseIsoDate(`${years[years.length - 1]}-12-31`) : -1;
  const size = Math.max(0, last - first + 1);
  // ord[i] = working days among first..first+i-1 (ord[0] = 0); unknown[i] likewise for unknown days.
  const ord = new Int32Array(size + 1);
  const unknown = new Int32Array(size + 1);
  const known = new Set(years);
  const workdays: number[] = [];
  for (let i = 0; i < size; i++) {
    const day = first + i;
    const iso = formatIsoDate(day);
    const isKnown = known.has(Number(iso.slice(0, 4)));
    const work = isKnown && cal.isWorkday(iso);
    ord[i + 1] = ord[i]! + (work ? 1 : 0);
    unknown[i + 1] = unknown[i]! + (isKnown ? 0 : 1);
    if (work) workdays.push(day);
  }

  const missingYearOf = (day: number): never => {
    throw new CalendarYearMissingError(Number(formatIsoDate(day).slice(0, 4)));
  };
  /** Throws for the first unknown day in [a, b] (day numbers). */
  const requireKnown = (a: number, b: number): void => {
    if (b < a) return;
    if (a < first) missingYearOf(a);
    if (b > last) missingYearOf(a > last ? a : last + 1);
    if (unknown[b - first + 1]! - unknown[a - first]! > 0) {
      for (let d = a; d <= b; d++) if (unknown[d - first + 1]! > unknown[d - first]!) missingYearOf(d);
    }
  };

  const betweenDays = (from: number, to: number): number => {
    if (to <= from) return 0;
    requireKnown(from + 1, to);
    return ord[to - first + 1]! - ord[from + 1 - first]!;
  };

  const nthAfterDays = (from: number, n: number): number => {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Working-day count must be >= 0: ${n}`);
    if (n === 0) return from;
    // Working days up to and including `from`, then the (that + n)-th working day overall.
    const before = from < first ? 0 : from > last ? ord[size]! : ord[from - first + 1]!;
    const target = workdays[before + n - 1];
    if (from < first) missingYearOf(from + 1);
    if (target === undefined) return missingYearOf(last + 1);
    requireKnown(from + 1, target);
    return target;
  };

  return Object.freeze({
    version: cal.version,
    betweenDays,
    nthAfterDays,
    between: (from: IsoDate, to: IsoDate) => betweenDays(parseIsoDate(from), parseIsoDate(to)),
    nthAfter: (from: IsoDate, n: number) => formatIsoDate(nthAfterDays(parseIsoDate(from), n)),
    isWorkdayDay: (day: number) => {
      requireKnown(day, day);
      return ord[day - first + 1]! > ord[day - first]!;
    },
  });
}
