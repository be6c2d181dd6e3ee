/** Calendar arithmetic on plain `YYYY-MM-DD` strings (no time zones involved). */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function weekdayMondayFirst(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The cells of a month grid: leading nulls, then the dates. */
export function monthCells(year: number, month: number): (string | null)[] {
  const lead = weekdayMondayFirst(year, month, 1);
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d += 1) cells.push(isoDate(year, month, d));
  return cells;
}

export function dayKind(date: string, holidays: ReadonlySet<string>, makeups: ReadonlySet<string>): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (makeups.has(date)) return 'makeup';
  const [y, m, d] = date.split('-').map(Number);
  const wd = weekdayMondayFirst(y ?? 1970, m ?? 1, d ?? 1);
  return wd >= 5 ? 'weekend' : 'workday';
}

/** Cycling a date while editing: normal → holiday → make-up workday → normal. */
export function toggleDay(
  date: string,
  holidays: readonly string[],
  makeups: readonly string[],
): { holidays: string[]; makeUpWorkdays: string[] } {
  const sorted = (list: string[]) => [...new Set(list)].sort();
  if (holidays.includes(date)) {
    return { holidays: holidays.filter((d) => d !== date), makeUpWorkdays: sorted([...makeups, date]) };
  }
  if (makeups.includes(date)) {
    return { holidays: [...holidays], makeUpWorkdays: makeups.filter((d) => d !== date) };
  }
  return { holidays: sorted([...holidays, date]), makeUpWorkdays: [...makeups] };
}

export function todayIso(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
