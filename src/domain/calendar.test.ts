import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CalendarYearMissingError,
  InvalidIsoDateError,
  addDays,
  addWorkdays,
  buildCalendar,
  chinaDateOf,
  dayOfWeek,
  formatIsoDate,
  isIsoDate,
  isWorkday,
  parseIsoDate,
  validateYearSchedule,
  workdaysBetween,
  type IsoDate,
  type YearSchedule,
} from './calendar.ts';
import { expandRanges as expand, isoOf as iso, OFFICIAL } from './official-schedules.fixture.ts';

const officialSchedules: YearSchedule[] = Object.entries(OFFICIAL).map(([y, s]) => ({
  year: Number(y),
  holidays: expand(Number(y), s.holidays),
  makeUpWorkdays: s.makeUp.map((md) => `${y}-${md}`),
}));

const cal = buildCalendar(officialSchedules, 1);

// Independent oracle over the official table (Date.UTC weekday, not calendar.ts arithmetic).
const offSet = new Set(officialSchedules.flatMap((s) => s.holidays));
const makeUpSet = new Set(officialSchedules.flatMap((s) => s.makeUpWorkdays));
function oracleIsWorkday(d: string): boolean {
  if (makeUpSet.has(d)) return true;
  if (offSet.has(d)) return false;
  const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
}

const DAY0_2024 = Date.UTC(2024, 0, 1) / 86_400_000;
const DAY_LAST_2026 = Date.UTC(2026, 11, 31) / 86_400_000;
/** A date in 2024-01-01..2026-06-30, leaving room for adding up to 100 working days inside 2026. */
const dateArb = fc
  .integer({ min: DAY0_2024, max: Date.UTC(2026, 5, 30) / 86_400_000 })
  .map((n) => iso(n * 86_400_000));

describe('ISO date helpers', () => {
  it('accepts only real calendar dates in exact YYYY-MM-DD form', () => {
    for (const ok of ['2026-02-28', '2024-02-29', '2000-02-29', '1970-01-01', '9999-12-31', '2026-12-31']) {
      expect(isIsoDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-2-3',
      ' 2026-02-03',
      '2026-02-03T00:00:00Z',
      '20260203',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate(20260203)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('parse throws a clear error on invalid dates', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(InvalidIsoDateError);
    expect(() => parseIsoDate('2026-02-30')).toThrow(/2026-02-30/);
  });

  it('day numbers agree with Date.UTC (property)', () => {
    const lo = Date.UTC(1, 0, 1) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: lo, max: Date.UTC(9999, 11, 31) / 86_400_000 }), (n) => {
        const s = formatIsoDate(n);
        expect(s).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(parseIsoDate(s)).toBe(n);
        expect(isIsoDate(s)).toBe(true);
        expect(dayOfWeek(s)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('isIsoDate agrees with a Date.UTC round-trip on arbitrary digit strings (property)', () => {
    const digits = (len: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: len, maxLength: len }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), digits(2), digits(2), (y, m, d) => {
        const s = `${y}-${m}-${d}`;
        const t = new Date(`${s}T00:00:00Z`);
        const oracle = !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
        expect(isIsoDate(s)).toBe(oracle);
      }),
      { numRuns: 3000 },
    );
  });

  it('addDays crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('chinaDateOf uses UTC+8 whatever the process time zone', () => {
    expect(chinaDateOf(new Date('2026-02-13T15:59:59Z'))).toBe('2026-02-13');
    expect(chinaDateOf(new Date('2026-02-13T16:00:00Z'))).toBe('2026-02-14');
    expect(chinaDateOf(new Date('2026-02-13T23:30:00+08:00'))).toBe('2026-02-13');
    expect(() => chinaDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

describe('official schedules 2024-2026 (fixed cases)', () => {
  it('make-up Saturdays are workdays, the Spring Festival is not (2026)', () => {
    expect(isWorkday(cal, '2026-02-14')).toBe(true);
    expect(isWorkday(cal, '2026-02-28')).toBe(true);
    for (let d = 15; d <= 23; d++) expect(isWorkday(cal, `2026-02-${d}`), `2026-02-${d}`).toBe(false);
    expect(isWorkday(cal, '2026-02-24')).toBe(true);
    expect(isWorkday(cal, '2026-01-04')).toBe(true); // Sunday, make-up
    expect(isWorkday(cal, '2026-03-07')).toBe(false); // ordinary Saturday
  });

  it('2024-02-09 (除夕, before the 2025 reform) was a working day', () => {
    expect(isWorkday(cal, '2024-02-09')).toBe(true);
    expect(isWorkday(cal, '2024-02-04')).toBe(true); // Sunday, make-up
    expect(isWorkday(cal, '2024-02-18')).toBe(true); // Sunday, make-up
  });

  it('2025-01-28..02-04 are holidays (incl. 除夕 from 2025)', () => {
    for (const d of ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04']) {
      expect(isWorkday(cal, d), d).toBe(false);
    }
    expect(isWorkday(cal, '2025-01-26')).toBe(true);
    expect(isWorkday(cal, '2025-02-08')).toBe(true);
    expect(isWorkday(cal, '2025-10-08')).toBe(false); // Wednesday inside National Day
    expect(isWorkday(cal, '2025-10-11')).toBe(true); // Saturday make-up
  });

  it('annual working-day totals: 366-104-11 = 251 (2024); 365-104-13 = 248 (2025, 2026)', () => {
    expect(workdaysBetween(cal, '2023-12-31', '2024-12-31')).toBe(251);
    expect(workdaysBetween(cal, '2024-12-31', '2025-12-31')).toBe(248);
    expect(workdaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('every day of 2024-2026 matches the official table', () => {
    for (let n = DAY0_2024; n <= DAY_LAST_2026; n++) {
      const d = iso(n * 86_400_000);
      expect(cal.isWorkday(d), d).toBe(oracleIsWorkday(d));
    }
  });

  it('addWorkdays: counting starts the day after acceptance', () => {
    expect(addWorkdays(cal, '2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkdays(cal, '2026-02-12', 0)).toBe('2026-02-12');
    expect(addWorkdays(cal, '2026-02-12', 1)).toBe('2026-02-13');
    expect(addWorkdays(cal, '2026-02-13', 1)).toBe('2026-02-14'); // make-up Saturday counts
    expect(addWorkdays(cal, '2026-02-14', 1)).toBe('2026-02-24');
    // 行政许可法 art. 42: 20 working days from acceptance on Friday 2025-09-26, counted by hand:
    // 09-28 (Sun, make-up) 1, 09-29 2, 09-30 3, 10-01..08 off, 10-09 4, 10-10 5, 10-11 (Sat, make-up) 6,
    // 10-13..17 7-11, 10-20..24 12-16, 10-27..30 17-20.
    expect(addWorkdays(cal, '2025-09-26', 20)).toBe('2025-10-30');
    expect(workdaysBetween(cal, '2026-02-12', '2026-02-24')).toBe(3);
    expect(workdaysBetween(cal, '2026-02-24', '2026-02-12')).toBe(0);
    expect(workdaysBetween(cal, '2026-02-24', '2026-02-24')).toBe(0);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => addWorkdays(cal, '2026-02-12', -1)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2026-02-12', 1.5)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2026-02-12', Number.NaN)).toThrow(RangeError);
  });
});

describe('missing years fail closed', () => {
  it('a year without schedule throws, never falls back to Monday-Friday', () => {
    expect(() => isWorkday(cal, '2027-01-04')).toThrow(CalendarYearMissingError);
    expect(() => isWorkday(cal, '2023-06-01')).toThrow(CalendarYearMissingError);
    try {
      isWorkday(cal, '2027-03-03');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarYearMissingError);
      expect((e as CalendarYearMissingError).year).toBe(2027);
      expect((e as Error).message).toBe(
        'No published working-day schedule for 2027: an administrator must enter it',
      );
    }
  });

  it('counting into a missing year throws', () => {
    expect(addWorkdays(cal, '2026-12-29', 2)).toBe('2026-12-31');
    expect(() => addWorkdays(cal, '2026-12-29', 3)).toThrow(CalendarYearMissingError);
    expect(() => workdaysBetween(cal, '2026-12-30', '2027-01-05')).toThrow(CalendarYearMissingError);
  });

  it('any date in a year left out of the calendar throws with that year (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([2024, 2025, 2026], { minLength: 0, maxLength: 2 }),
        fc.integer({ min: DAY0_2024, max: DAY_LAST_2026 }),
        (kept, n) => {
          const c = buildCalendar(
            officialSchedules.filter((s) => kept.includes(s.year)),
            2,
          );
          const d = iso(n * 86_400_000);
          const y = Number(d.slice(0, 4));
          if (kept.includes(y)) {
            expect(c.isWorkday(d)).toBe(oracleIsWorkday(d));
          } else {
            expect(() => c.isWorkday(d)).toThrow(new CalendarYearMissingError(y).message);
          }
        },
      ),
    );
  });
});

describe('addWorkdays / workdaysBetween properties', () => {
  const nArb = fc.integer({ min: 0, max: 100 });

  it('the result is a workday after start for n >= 1, and start for n = 0', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        const r = addWorkdays(cal, d, n);
        if (n === 0) expect(r).toBe(d);
        else {
          expect(r > d).toBe(true);
          expect(oracleIsWorkday(r)).toBe(true);
        }
      }),
    );
  });

  it('workdaysBetween(d, addWorkdays(d, n)) === n, and the result is the earliest such date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 100 }), (d, n) => {
        const r = addWorkdays(cal, d, n);
        expect(workdaysBetween(cal, d, r)).toBe(n);
        expect(workdaysBetween(cal, d, addDays(r, -1))).toBe(n - 1);
      }),
    );
  });

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, nArb, nArb, (d1, d2, a, b) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const [m, n] = a <= b ? [a, b] : [b, a];
        expect(addWorkdays(cal, lo, m) <= addWorkdays(cal, lo, n)).toBe(true);
        expect(addWorkdays(cal, lo, m) <= addWorkdays(cal, hi, m)).toBe(true);
      }),
    );
  });

  it('is additive: (d + a) + b = d + (a + b)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (d, a, b) => {
        expect(addWorkdays(cal, addWorkdays(cal, d, a), b)).toBe(addWorkdays(cal, d, a + b));
      }),
    );
  });

  it('workdaysBetween is additive over adjacent intervals and matches the oracle', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort() as [IsoDate, IsoDate, IsoDate];
        expect(workdaysBetween(cal, a, b) + workdaysBetween(cal, b, c)).toBe(workdaysBetween(cal, a, c));
        let count = 0;
        for (
          let t = Date.parse(`${a}T00:00:00Z`) + 86_400_000;
          t <= Date.parse(`${b}T00:00:00Z`);
          t += 86_400_000
        ) {
          if (oracleIsWorkday(iso(t))) count++;
        }
        expect(workdaysBetween(cal, a, b)).toBe(count);
      }),
      { numRuns: 50 },
    );
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of [
        'UTC',
        'Asia/Shanghai',
        'America/Los_Angeles',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago',
      ]) {
        process.env.TZ = tz;
        results.push(
          [
            addWorkdays(cal, '2026-02-12', 3),
            addWorkdays(cal, '2024-10-31', 1),
            String(workdaysBetween(cal, '2025-12-31', '2026-12-31')),
            chinaDateOf(new Date('2026-02-13T16:00:00Z')),
          ].join(','),
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe('2026-02-24,2024-11-01,248,2026-02-14');
  });
});

describe('schedules and calendars', () => {
  it('accepts the official schedules', () => {
    for (const s of officialSchedules) expect(validateYearSchedule(s)).toEqual([]);
    expect(cal.years()).toEqual([2024, 2025, 2026]);
    expect(cal.version).toBe(1);
  });

  it('reports each kind of problem', () => {
    const problems = validateYearSchedule({
      year: 2026,
      holidays: ['2026-10-01', '2026-10-01', '2025-10-01', '2026-02-30', '2026-1-1', '2026-02-14'],
      makeUpWorkdays: ['2026-02-14', '2026-02-16'],
    });
    const text = problems.join('\n');
    expect(text).toMatch(/2026-10-01 is listed more than once/);
    expect(text).toMatch(/2025-10-01 is outside 2026/);
    expect(text).toMatch(/"2026-02-30" is not a valid YYYY-MM-DD date/);
    expect(text).toMatch(/"2026-1-1" is not a valid/);
    expect(text).toMatch(/2026-02-16 is not a Saturday or Sunday/);
    expect(text).toMatch(/2026-02-14 is both a holiday and a make-up workday/);
    expect(problems).toHaveLength(6);
    expect(validateYearSchedule({ year: 2026.5, holidays: [], makeUpWorkdays: [] })).toHaveLength(1);
    expect(
      validateYearSchedule({ year: 2026, holidays: 'x' as unknown as string[], makeUpWorkdays: [] }),
    ).toEqual(['holidays is not a list']);
  });

  it('buildCalendar refuses invalid schedules and duplicate years', () => {
    const bad: YearSchedule = { year: 2026, holidays: [], makeUpWorkdays: ['2026-02-16'] };
    expect(() => buildCalendar([bad], 1)).toThrow(/Invalid working-day schedule for 2026/);
    const ok: YearSchedule = { year: 2026, holidays: [], makeUpWorkdays: [] };
    expect(() => buildCalendar([ok, ok], 1)).toThrow(/more than once/);
    expect(() => buildCalendar([ok], 1.5)).toThrow(RangeError);
  });

  it('is unaffected by later mutation of the input schedules', () => {
    const s: YearSchedule = { year: 2026, holidays: ['2026-03-02'], makeUpWorkdays: [] };
    const c = buildCalendar([s], 7);
    s.holidays.push('2026-03-03');
    expect(c.isWorkday('2026-03-02')).toBe(false);
    expect(c.isWorkday('2026-03-03')).toBe(true);
  });

  it('matches a Date-based oracle on random synthetic schedules (property)', () => {
    const year = 2030;
    const days = Array.from({ length: 365 }, (_, i) => iso(Date.UTC(year, 0, 1 + i)));
    const weekends = days.filter((d) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    fc.assert(
      fc.property(fc.subarray(days), fc.subarray(weekends), (hol, mk) => {
        const makeUp = mk.filter((d) => !hol.includes(d));
        const c = buildCalendar([{ year, holidays: hol, makeUpWorkdays: makeUp }], 1);
        for (const d of days) {
          const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
          const expected = makeUp.includes(d) || (!hol.includes(d) && dow >= 1 && dow <= 5);
          if (c.isWorkday(d) !== expected) return false;
        }
        return true;
      }),
      { numRuns: 30 },
    );
  });
});
