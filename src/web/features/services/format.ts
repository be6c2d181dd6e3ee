/** Dates, times and rates as the services pages show them: always China time (Asia/Shanghai). */

const CHINA = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A timestamp in China time: `YYYY-MM-DD HH:mm` (or with seconds); empty for none. */
export function chinaDateTime(value: string | null | undefined, { seconds = false } = {}): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  const time = seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** The China date of a timestamp (`YYYY-MM-DD`); a plain date is returned as it is. */
export function chinaDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return chinaDateTime(value).slice(0, 10);
}

/** Today's date in China. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateTime(now.toISOString()).slice(0, 10);
}

/** A rate 0..1 as a percentage with two decimals ("95.53%"), or "–" when there is nothing to divide. */
export function rate(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${(Math.round(value * 10 ** (digits + 2)) / 10 ** digits).toFixed(digits)}%`;
}

/** A number with at most two decimals, or "–". */
export function decimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** Seconds as "3 h 5 min"-style words are left to i18n; this gives whole minutes, hours and days. */
export function durationParts(seconds: number): { days: number; hours: number; minutes: number } {
  const s = Math.max(0, Math.floor(seconds));
  return {
    days: Math.floor(s / 86400),
    hours: Math.floor((s % 86400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
  };
}
