// Seed data for the working-day calendar, read from the explicit lists shipped by `chinese-days`.
//
// Only its published data is used: `holidays` (every statutory day off of a holiday period, on any
// weekday) and `workdays` (make-up weekend working days, 调休上班). Its `inLieuDays` are a subset of
// `holidays` and carry no extra information for working-day counts. Its isWorkday()/getWorkdaysInRange()
// are never called: they fall back to Monday-Friday for unknown years and (with includeWeekends=false)
// drop make-up Saturdays. The seed is a starting point; the administrator-edited, versioned table wins,
// and the official State Council notices win over both (checked for 2024-2026 in the test).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { validateYearSchedule, type IsoDate, type YearSchedule } from './calendar.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const source = data as unknown as ChineseDaysData;

function byYear(map: Record<string, string>): Map<number, IsoDate[]> {
  const out = new Map<number, IsoDate[]>();
  for (const date of Object.keys(map)) {
    const year = Number(date.slice(0, 4));
    const list = out.get(year) ?? [];
    list.push(date);
    out.set(year, list);
  }
  return out;
}

/**
 * One schedule per year in [fromYear, toYear], grouped by the calendar year of each date (so a
 * make-up day in late December for the next New Year belongs to December's year). Throws for a year
 * the package has no data for: an empty schedule would silently mean "Monday-Friday".
 */
export function schedulesFromChineseDays(fromYear = 2004, toYear = 2026): YearSchedule[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid year range ${fromYear}..${toYear}`);
  }
  const holidays = byYear(source.holidays);
  const makeUp = byYear(source.workdays);
  const schedules: YearSchedule[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const off = holidays.get(year);
    // Every published year has at least New Year's Day off; no entries means no published data.
    if (!off || off.length === 0) {
      throw new Error(`chinese-days has no holiday data for ${year}; enter that year's schedule by hand`);
    }
    const schedule: YearSchedule = {
      year,
      holidays: [...off].sort(),
      makeUpWorkdays: [...(makeUp.get(year) ?? [])].sort(),
    };
    const problems = validateYearSchedule(schedule);
    if (problems.length > 0) {
      throw new Error(`chinese-days data for ${year} is inconsistent: ${problems.join('; ')}`);
    }
    schedules.push(schedule);
  }
  return schedules;
}
