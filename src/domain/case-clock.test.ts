import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  buildCalendar,
  CalendarYearMissingError,
  parseIsoDate,
  workdaysBetween,
  type IsoDate,
  type YearSchedule,
} from './calendar.ts';
import { computeClock, warningDay, type ClockInputs, type ClockPause } from './case-clock.ts';
import { expandRanges, OFFICIAL } from './official-schedules.fixture.ts';
import { compileWorkdayIndex } from './workday-index.ts';

// The official State Council schedules, transcribed independently of chinese-days.
const schedules: YearSchedule[] = Object.entries(OFFICIAL).map(([y, s]) => ({
  year: Number(y),
  holidays: expandRanges(Number(y), s.holidays),
  makeUpWorkdays: s.makeUp.map((md) => `${y}-${md}`),
}));
const cal = buildCalendar(schedules, 1);
const idx = compileWorkdayIndex(cal);

const clock = (
  acceptedOn: IsoDate | null,
  limit: number,
  asOf: IsoDate,
  opts: Partial<Omit<ClockInputs, 'acceptedOn'>> = {},
) =>
  computeClock(
    idx,
    {
      acceptedOn,
      pauses: opts.pauses ?? [],
      extensionDays: opts.extensionDays ?? 0,
      stoppedOn: opts.stoppedOn ?? null,
    },
    limit,
    asOf,
    0.8,
  );

describe('case clocks on the official 2026 calendar (DESIGN §4)', () => {
  it('starts counting the day after acceptance; a limit can end on a make-up Saturday', () => {
    // 02-10 1, 02-11 2, 02-12 3, 02-13 4, 02-14 (make-up Saturday) 5, 02-15..23 Spring Festival,
    // 02-24 6 … 02-28 (make-up Saturday) 10.
    expect(clock('2026-02-09', 10, '2026-02-09').due).toBe('2026-02-28');
  });

  it('supplements across a public holiday: the notice day to the receipt day do not count', () => {
    // Accepted Tue 09-22, limit 5. Without a pause: 09-23 1, 09-24 2, (09-25..27 Mid-Autumn) 09-28 3,
    // 09-29 4, 09-30 5. Notice on 09-24, supplements on 09-30: only 09-23 counts before; then
    // (10-01..07 National Day) 10-08 2, 10-09 3, 10-10 (make-up Saturday) 4, 10-12 5.
    expect(clock('2026-09-22', 5, '2026-09-22').due).toBe('2026-09-30');
    const c = clock('2026-09-22', 5, '2026-10-09', { pauses: [{ from: '2026-09-24', to: '2026-09-30' }] });
    expect(c.due).toBe('2026-10-12');
    expect(c.usedDays).toBe(3);
    expect(c.state).toBe('running');
  });

  it('a special procedure across a make-up Saturday removes that Saturday too', () => {
    // Accepted Mon 02-09, limit 10: due 02-28 without a pause. A hearing from Thu 02-12 to the make-up
    // Saturday 02-14 removes three working days (02-12, 02-13, 02-14): due Wed 03-04.
    const c = clock('2026-02-09', 10, '2026-03-02', { pauses: [{ from: '2026-02-12', to: '2026-02-14' }] });
    expect(c.due).toBe('2026-03-04');
    expect(c.usedDays).toBe(2 + 5 + 1); // 02-10, 02-11; 02-24..02-28 (a make-up Saturday); 03-02
  });

  it('an extension adds working days (and skips the Qingming holiday)', () => {
    expect(clock('2026-03-02', 20, '2026-03-02').due).toBe('2026-03-30');
    expect(clock('2026-03-02', 20, '2026-03-02', { extensionDays: 10 }).due).toBe('2026-04-14');
    expect(clock('2026-03-02', 20, '2026-03-02', { extensionDays: 10 }).budget).toBe(30);
  });

  it('a pause on the last day hands that day back', () => {
    expect(clock('2026-03-02', 5, '2026-03-02').due).toBe('2026-03-09');
    const c = clock('2026-03-02', 5, '2026-03-12', { pauses: [{ from: '2026-03-09', to: '2026-03-11' }] });
    expect(c.due).toBe('2026-03-12');
    expect(c.overdue).toBe(false);
    expect(c.remainingDays).toBe(0);
  });

  it('a pause that starts and ends on one working day removes that day', () => {
    expect(
      clock('2026-03-02', 2, '2026-03-02', { pauses: [{ from: '2026-03-03', to: '2026-03-03' }] }).due,
    ).toBe('2026-03-05');
  });

  it('acceptance on a holiday counts from the next working day', () => {
    // Accepted Sat 10-03 (National Day): 10-08 1, 10-09 2, 10-10 (make-up Saturday) 3.
    expect(clock('2026-10-03', 3, '2026-10-03').due).toBe('2026-10-10');
  });

  it('while a pause is open the due date is unknown and the used days stay put', () => {
    const c = clock('2026-03-02', 5, '2026-03-20', { pauses: [{ from: '2026-03-05', to: null }] });
    expect(c.state).toBe('paused');
    expect(c.due).toBeNull();
    expect(c.usedDays).toBe(2);
    expect(c.remainingDays).toBe(3);
    expect(c.overdue).toBe(false);
  });

  it('warns at the share of the limit, is overdue the day after the due date, and stops at completion', () => {
    expect(warningDay(5, 0.8)).toBe(4);
    expect(warningDay(20, 0.8)).toBe(16);
    expect(warningDay(1, 0.8)).toBe(1);
    expect(clock('2026-03-02', 5, '2026-03-05').warning).toBe(false);
    const warn = clock('2026-03-02', 5, '2026-03-06');
    expect([warn.warnOn, warn.warning, warn.overdue]).toEqual(['2026-03-06', true, false]);
    const onDue = clock('2026-03-02', 5, '2026-03-09');
    expect([onDue.overdue, onDue.remainingDays]).toEqual([false, 0]);
    const late = clock('2026-03-02', 5, '2026-03-11');
    expect([late.overdue, late.overdueDays, late.warning, late.remainingDays]).toEqual([true, 2, false, -2]);
    const doneOnTime = clock('2026-03-02', 5, '2026-04-30', { stoppedOn: '2026-03-09' });
    expect([doneOnTime.state, doneOnTime.overdue, doneOnTime.usedDays]).toEqual(['stopped', false, 5]);
    const doneLate = clock('2026-03-02', 5, '2026-04-30', { stoppedOn: '2026-03-10' });
    expect([doneLate.overdue, doneLate.overdueDays]).toEqual([true, 1]);
  });

  it('an on-the-spot matter (limit 0) is due the day it is accepted', () => {
    expect(clock('2026-03-02', 0, '2026-03-02').due).toBe('2026-03-02');
    expect(clock('2026-03-02', 0, '2026-03-03', { stoppedOn: '2026-03-03' }).overdue).toBe(true);
    expect(clock(null, 5, '2026-03-02').state).toBe('not_started');
  });

  it('fails closed when the deadline falls in a year without a published schedule', () => {
    const c = clock('2026-12-21', 20, '2026-12-21');
    expect(c.state).toBe('calendar_missing');
    expect(c.missingYear).toBe(2027);
    expect(c.due).toBeNull();
    // The days used so far are still counted; a clock stopped before that year finished in time.
    const open = clock('2026-12-14', 20, '2026-12-21');
    expect(open).toMatchObject({ state: 'calendar_missing', usedDays: 5, remainingDays: 15, overdue: false });
    const done = clock('2026-12-14', 20, '2026-12-28', { stoppedOn: '2026-12-18' });
    expect(done).toMatchObject({ state: 'stopped', due: null, usedDays: 4, overdue: false });
  });

  it('a calendar correction moves the deadline: the same inputs on a new version', () => {
    const corrected = buildCalendar(
      schedules.map((s) => (s.year === 2026 ? { ...s, holidays: [...s.holidays, '2026-03-04'] } : s)),
      2,
    );
    const inputs: ClockInputs = { acceptedOn: '2026-03-02', pauses: [], extensionDays: 0, stoppedOn: null };
    expect(computeClock(idx, inputs, 5, '2026-03-02', 0.8).due).toBe('2026-03-09');
    expect(computeClock(compileWorkdayIndex(corrected), inputs, 5, '2026-03-02', 0.8).due).toBe('2026-03-10');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties against a naive oracle: walk day by day with calendar.ts and a set of paused days.

const FIRST = parseIsoDate('2024-01-01');
const LAST_START = parseIsoDate('2026-06-30');
const dayArb = fc.integer({ min: FIRST, max: LAST_START });
const iso = (n: number) => addDays('1970-01-01', n);

function oracle(acceptedOn: IsoDate, budget: number, pauses: ClockPause[], asOf: IsoDate) {
  const paused = (d: IsoDate) => pauses.some((p) => d >= p.from && (p.to === null || d <= p.to));
  const counted = (d: IsoDate) => cal.isWorkday(d) && !paused(d);
  let due: IsoDate | null = budget === 0 ? acceptedOn : null;
  let n = 0;
  let used = 0;
  for (let d = addDays(acceptedOn, 1); d <= '2026-12-31'; d = addDays(d, 1)) {
    if (!counted(d)) continue;
    n++;
    if (d <= asOf) used++;
    if (n === budget && due === null) due = d;
  }
  // With an open pause, days after its start never count: the due date is unknown unless reached before.
  const open = pauses.find((p) => p.to === null);
  if (open && due !== null && due >= open.from) due = null;
  return { due, used };
}

const pausesArb = (start: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 15 })), { maxLength: 3 })
    .chain((gaps) =>
      fc.boolean().map((lastOpen) => {
        let cursor = start;
        const out: ClockPause[] = [];
        gaps.forEach(([gap, length], i) => {
          const from = cursor + gap;
          const to = from + length;
          out.push({ from: iso(from), to: lastOpen && i === gaps.length - 1 ? null : iso(to) });
          cursor = to + 1;
        });
        return out;
      }),
    );

describe('clock properties', () => {
  it('the compiled index counts exactly as calendar.ts does', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 120 }), (start, n) => {
        const from = iso(start);
        expect(idx.nthAfter(from, n)).toBe(addWorkdays(cal, from, n));
        const to = iso(start + n);
        expect(idx.between(from, to)).toBe(workdaysBetween(cal, from, to));
      }),
    );
  });

  it('the index throws for a year without a schedule, like calendar.ts', () => {
    expect(() => idx.nthAfter('2026-12-30', 5)).toThrow(CalendarYearMissingError);
    expect(() => addWorkdays(cal, '2026-12-30', 5)).toThrow(CalendarYearMissingError);
    expect(() => idx.between('2023-12-30', '2024-01-05')).toThrow(CalendarYearMissingError);
  });

  it('due date and used days equal a day-by-day walk, for any pauses', () => {
    fc.assert(
      fc.property(
        dayArb.chain((start) =>
          fc.tuple(
            fc.constant(start),
            fc.integer({ min: 0, max: 30 }),
            pausesArb(start + 1),
            fc.integer({ min: 0, max: 120 }),
          ),
        ),
        ([start, budget, pauses, ahead]) => {
          const acceptedOn = iso(start);
          const asOf = iso(start + ahead);
          const c = computeClock(
            idx,
            { acceptedOn, pauses, extensionDays: 0, stoppedOn: null },
            budget,
            asOf,
            0.8,
          );
          const o = oracle(acceptedOn, budget, pauses, asOf);
          expect(c.due).toBe(o.due);
          expect(c.usedDays).toBe(o.used);
          expect(c.overdue).toBe(o.due !== null && asOf > o.due);
        },
      ),
    );
  });

  it('pauses never bring a deadline forward; extensions never either', () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (start, budget, ext) => {
          const acceptedOn = iso(start);
          const base = computeClock(
            idx,
            { acceptedOn, pauses: [], extensionDays: 0, stoppedOn: null },
            budget,
            acceptedOn,
            0.8,
          );
          const paused = computeClock(
            idx,
            {
              acceptedOn,
              pauses: [{ from: iso(start + 2), to: iso(start + 4) }],
              extensionDays: ext,
              stoppedOn: null,
            },
            budget,
            acceptedOn,
            0.8,
          );
          expect(paused.due! >= base.due!).toBe(true);
        },
      ),
    );
  });
});
