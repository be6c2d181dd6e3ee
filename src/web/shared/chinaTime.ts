/**
 * Dates and times in China time (Asia/Shanghai, UTC+8), whatever the browser's own time zone: case
 * deadlines, events and receipts are civil dates and times of the district.
 */

const parts = (value: string | Date, withTime: boolean, seconds: boolean) => {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return null;
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime
      ? { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }
      : {}),
  } as Intl.DateTimeFormatOptions);
  const get = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(d).find((p) => p.type === type)?.value;
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    h: get('hour'),
    min: get('minute'),
    s: get('second'),
  };
};

/** `YYYY-MM-DD HH:mm` (or with seconds) in China time; '' for none, the input itself if unparseable. */
export function chinaDateTime(value: string | Date | null | undefined, { seconds = false } = {}): string {
  if (!value) return '';
  const p = parts(value, true, seconds);
  if (!p) return String(value);
  return `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}${seconds ? `:${p.s}` : ''}`;
}

/** `YYYY-MM-DD`, the China date of a timestamp. */
export function chinaDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value, false, false);
  return p ? `${p.y}-${p.m}-${p.d}` : String(value);
}
