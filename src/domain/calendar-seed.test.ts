import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError, addWorkdays, buildCalendar, type YearSchedule } from './calendar.ts';
import { schedulesFromChineseDays } from './calendar-seed.ts';
import { expandRanges as expand, isoOf as iso, OFFICIAL } from './official-schedules.fixture.ts';

const DAY = 86_400_000;

/** All days off in a year: listed holidays plus every weekend day that is not a make-up workday. */
function offDays(year: number, holidays: string[], makeUp: string[]): string[] {
  const off = new Set(holidays);
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    const dow = new Date(t).getUTCDay();
    if ((dow === 0 || dow === 6) && !makeUp.includes(iso(t))) off.add(iso(t));
  }
  return [...off].sort();
}

describe('schedulesFromChineseDays', () => {
  const seeded = schedulesFromChineseDays();

  it('covers 2004-2026 by default, one valid schedule per year', () => {
    expect(seeded.map((s) => s.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    const cal = buildCalendar(seeded, 1);
    expect(cal.years()).toHaveLength(23);
  });

  for (const year of [2024, 2025, 2026]) {
    it(`${year} agrees with the official State Council notice (days off and make-up days)`, () => {
      const official = OFFICIAL[year]!;
      const officialMakeUp = official.makeUp.map((md) => `${year}-${md}`).sort();
      const got = seeded.find((s) => s.year === year) as YearSchedule;
      expect(got.makeUpWorkdays).toEqual(officialMakeUp);
      expect(offDays(year, got.holidays, got.makeUpWorkdays)).toEqual(
        offDays(year, expand(year, official.holidays), officialMakeUp),
      );
    });
  }

  it('respects the requested range', () => {
    expect(schedulesFromChineseDays(2025, 2026).map((s) => s.year)).toEqual([2025, 2026]);
    expect(() => schedulesFromChineseDays(2026, 2025)).toThrow(RangeError);
  });

  it('refuses years the package has no data for instead of returning an empty (Mon-Fri) schedule', () => {
    expect(() => schedulesFromChineseDays(2003, 2004)).toThrow(/no holiday data for 2003/);
    expect(() => schedulesFromChineseDays(2026, 2027)).toThrow(/no holiday data for 2027/);
  });

  it('keeps special one-off days off and make-up days from the notices', () => {
    const cal = buildCalendar(seeded, 1);
    // 国办发明电〔2015〕3号: 70th anniversary, 09-03..05 off, Sunday 09-06 worked.
    expect(cal.isWorkday('2015-09-03')).toBe(false);
    expect(cal.isWorkday('2015-09-04')).toBe(false);
    expect(cal.isWorkday('2015-09-06')).toBe(true);
    // 2008 reform: 清明 became a public holiday (04-04 Friday).
    expect(cal.isWorkday('2008-04-04')).toBe(false);
    // The seeded calendar still fails closed beyond its last year.
    expect(() => addWorkdays(cal, '2026-12-31', 1)).toThrow(CalendarYearMissingError);
  });
});
