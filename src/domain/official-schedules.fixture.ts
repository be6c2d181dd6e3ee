// Official State Council holiday schedules (../shared/standards/README.md), transcribed by hand and
// independently of chinese-days and of calendar.ts, for tests. Ranges are inclusive.
export const OFFICIAL: Record<number, { holidays: string[]; makeUp: string[] }> = {
  2024: {
    holidays: [
      '01-01',
      '02-10..02-17',
      '04-04..04-06',
      '05-01..05-05',
      '06-10',
      '09-15..09-17',
      '10-01..10-07',
    ],
    makeUp: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    holidays: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
    makeUp: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    holidays: [
      '01-01..01-03',
      '02-15..02-23',
      '04-04..04-06',
      '05-01..05-05',
      '06-19..06-21',
      '09-25..09-27',
      '10-01..10-07',
    ],
    makeUp: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

const DAY = 86_400_000;
const utc = (y: number, md: string): number =>
  Date.UTC(y, Number(md.slice(0, 2)) - 1, Number(md.slice(3, 5)));
export const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Expands 'MM-DD' and 'MM-DD..MM-DD' entries into ISO dates with Date.UTC (not with calendar.ts). */
export function expandRanges(year: number, ranges: string[]): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    const [a, b = a] = r.split('..') as [string, string?];
    for (let t = utc(year, a); t <= utc(year, b); t += DAY) out.push(isoOf(t));
  }
  return out;
}
