// Working-day calendar for statutory time limits (行政许可法 art. 82: limits count working days and
// exclude statutory holidays; make-up Saturdays/Sundays 调休上班 are working days).
//
// Dates are civil dates ('YYYY-MM-DD') converted to day numbers with pure integer arithmetic, so the
// result never depends on the process time zone. A year without a published schedule fails closed
// (CalendarYearMissingError); there is deliberately no Monday-Friday fallback.

export type IsoDate = string; // 'YYYY-MM-DD'

/** holidays = statutory days off (on any weekday); makeUpWorkdays = weekend days that are working days. */
export interface YearSchedule {
  year: number;
  holidays: IsoDate[];
  makeUpWorkdays: IsoDate[];
}

export class CalendarYearMissingError extends Error {
  constructor(public readonly year: number) {
    super(`No published working-day schedule for ${year}: an administrator must enter it`);
    this.name = 'CalendarYearMissingError';
  }
}

export class InvalidIsoDateError extends RangeError {
  constructor(public readonly input: unknown) {
    super(`Not a valid calendar date in YYYY-MM-DD form: ${JSON.stringify(input)}`);
    this.name = 'InvalidIsoDateError';
  }
}

export interface WorkCalendar {
  readonly version: number;
  isWorkday(date: IsoDate): boolean;
  /** Years that have a schedule, ascending. */
  years(): number[];
}

// ---------------------------------------------------------------------------------------------
// Civil date <-> day number (days since 1970-01-01), after H. Hinnant's days_from_civil.

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** True only for a real calendar date written exactly as 'YYYY-MM-DD' (e.g. 2026-02-30 is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const match = ISO_RE.exec(s);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Day number (days since 1970-01-01) of an ISO date; throws InvalidIsoDateError otherwise. */
export function parseIsoDate(s: IsoDate): number {
  if (!isIsoDate(s)) throw new InvalidIsoDateError(s);
  return daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** ISO date of a day number (inverse of parseIsoDate). */
export function formatIsoDate(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Not an integer day number: ${dayNumber}`);
  const { y, m, d } = civilFromDays(dayNumber);
  if (y < 0 || y > 9999) throw new RangeError(`Day number out of range: ${dayNumber}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: IsoDate): number {
  return (((parseIsoDate(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not an integer number of days: ${n}`);
  return formatIsoDate(parseIsoDate(date) + n);
}

/**
 * The civil date in China (UTC+8, no daylight saving since 1991) of an instant: an application
 * accepted at 2026-02-13T23:30+08:00 was accepted on 2026-02-13 wherever the server runs.
 */
export function chinaDateOf(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return formatIsoDate(Math.floor((ms + 8 * 3_600_000) / 86_400_000));
}

// ---------------------------------------------------------------------------------------------
// Schedules

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** Problems with one year's schedule (empty list = valid). Messages are in English for logs/admin UI. */
export function validateYearSchedule(s: YearSchedule): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(s.year) || s.year < MIN_YEAR || s.year > MAX_YEAR) {
    problems.push(`year ${String(s.year)} is not an integer between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  const check = (list: unknown, label: string): Set<string> => {
    const seen = new Set<string>();
    if (!Array.isArray(list)) {
      problems.push(`${label} is not a list`);
      return seen;
    }
    for (const d of list) {
      if (!isIsoDate(d)) {
        problems.push(`${label}: ${JSON.stringify(d)} is not a valid YYYY-MM-DD date`);
        continue;
      }
      if (seen.has(d)) problems.push(`${label}: ${d} is listed more than once`);
      seen.add(d);
      if (Number(d.slice(0, 4)) !== s.year) problems.push(`${label}: ${d} is outside ${String(s.year)}`);
    }
    return seen;
  };
  const holidays = check(s.holidays, 'holidays');
  const makeUp = check(s.makeUpWorkdays, 'make-up workdays');
  for (const d of makeUp) {
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) problems.push(`make-up workdays: ${d} is not a Saturday or Sunday`);
    if (holidays.has(d)) problems.push(`${d} is both a holiday and a make-up workday`);
  }
  return problems;
}

interface CompiledYear {
  holidays: Set<number>;
  makeUp: Set<number>;
}

/**
 * Builds an immutable calendar. Throws if any schedule is invalid or a year appears twice: a wrong
 * calendar silently moves legal deadlines, so it is refused rather than repaired.
 */
export function buildCalendar(schedules: YearSchedule[], version: number): WorkCalendar {
  if (!Number.isSafeInteger(version)) throw new RangeError(`Calendar version must be an integer: ${version}`);
  const compiled = new Map<number, CompiledYear>();
  for (const s of schedules) {
    const problems = validateYearSchedule(s);
    if (problems.length > 0) {
      throw new Error(`Invalid working-day schedule for ${String(s.year)}: ${problems.join('; ')}`);
    }
    if (compiled.has(s.year)) throw new Error(`Working-day schedule for ${s.year} given more than once`);
    compiled.set(s.year, {
      holidays: new Set(s.holidays.map(parseIsoDate)),
      makeUp: new Set(s.makeUpWorkdays.map(parseIsoDate)),
    });
  }
  const years = [...compiled.keys()].sort((a, b) => a - b);

  const isWorkdayNumber = (day: number): boolean => {
    const y = civilFromDays(day).y;
    const entry = compiled.get(y);
    if (!entry) throw new CalendarYearMissingError(y);
    if (entry.makeUp.has(day)) return true;
    if (entry.holidays.has(day)) return false;
    const dow = (((day + 4) % 7) + 7) % 7;
    return dow >= 1 && dow <= 5;
  };

  return Object.freeze({
    version,
    years: () => [...years],
    isWorkday: (date: IsoDate): boolean => isWorkdayNumber(parseIsoDate(date)),
  });
}

/** Throws CalendarYearMissingError for a year without a schedule (never falls back to Mon-Fri). */
export function isWorkday(cal: WorkCalendar, date: IsoDate): boolean {
  return cal.isWorkday(date);
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`Working-day count must be an integer >= 0: ${n}`);
}

/**
 * The n-th working day after `start` (counting starts the day after start, art. 82 practice);
 * n = 0 returns start unchanged. Example (2026 schedule): 2026-02-12 + 3 = 2026-02-24.
 */
export function addWorkdays(cal: WorkCalendar, start: IsoDate, n: number): IsoDate {
  assertCount(n);
  let day = parseIsoDate(start);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (cal.isWorkday(formatIsoDate(day))) remaining -= 1;
  }
  return formatIsoDate(day);
}

/** Working days in (from, to]: excluding `from`, including `to`; 0 when to <= from. */
export function workdaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let count = 0;
  for (let day = a + 1; day <= b; day++) {
    if (cal.isWorkday(formatIsoDate(day))) count += 1;
  }
  return count;
}
