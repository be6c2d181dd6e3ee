import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type YearSchedule } from './calendar.ts';
import { computeClock } from './case-clock.ts';
import { caseFlagFindings, type FlagMatter } from './case-flags.ts';
import {
  actingRoles,
  applyEvent,
  CASE_EVENT_KINDS,
  clockInputs,
  EMPTY_CASE,
  foldCase,
  refusalOf,
  type CaseEvent,
  type MatterForCase,
} from './cases.ts';
import { defaultStages } from './matters.ts';
import { expandRanges, OFFICIAL } from './official-schedules.fixture.ts';
import { compileWorkdayIndex } from './workday-index.ts';

const schedules: YearSchedule[] = Object.entries(OFFICIAL).map(([y, s]) => ({
  year: Number(y),
  holidays: expandRanges(Number(y), s.holidays),
  makeUpWorkdays: s.makeUp.map((md) => `${y}-${md}`),
}));
const cal = buildCalendar(schedules, 1);
const idx = compileWorkdayIndex(cal);

const licence: MatterForCase & FlagMatter = {
  stages: defaultStages('licensing', false),
  specialProcedures: ['hearing', 'expert_review'],
  maxExtensionDays: 10,
  onTheSpot: false,
  committedLimitDays: 5,
  statutoryLimitDays: 20,
  minHandlingMinutes: 30,
};

/** China time (UTC+8) → Date. */
const at = (s: string) => new Date(`${s}:00+08:00`);
const ev = <E extends CaseEvent>(e: Omit<E, 'at'> & { at: string }): CaseEvent =>
  ({ ...e, at: at(e.at) }) as unknown as CaseEvent;

const happyPath: CaseEvent[] = [
  ev({ kind: 'submitted', at: '2026-03-02T09:00', payload: { channel: 'online' } }),
  ev({ kind: 'accepted', at: '2026-03-02T10:00', payload: {} }),
  ev({
    kind: 'supplement_requested',
    at: '2026-03-03T10:00',
    payload: { items: [{ material: '营业执照', reason: '复印件不清晰' }] },
  }),
  ev({ kind: 'supplement_received', at: '2026-03-05T15:00', payload: {} }),
  ev({ kind: 'reviewed', at: '2026-03-06T10:00', payload: { opinion: '材料齐全' } }),
  ev({ kind: 'decided', at: '2026-03-06T14:00', payload: { decision: 'approve', opinion: '同意' } }),
  ev({ kind: 'completed', at: '2026-03-09T09:30', payload: { result: 'approved' } }),
  ev({ kind: 'delivered', at: '2026-03-09T11:00', payload: { method: 'window' } }),
];

const findings = (events: CaseEvent[], asOf = '2026-03-20', matter = licence) => {
  const s = foldCase(events);
  const inputs = clockInputs(s);
  return caseFlagFindings({
    events,
    matter,
    committed: computeClock(idx, inputs, matter.committedLimitDays, asOf, 0.8),
    statutory: computeClock(idx, inputs, matter.statutoryLimitDays, asOf, 0.8),
    calendar: cal,
  }).map((f) => f.type);
};

describe('the case fold and the transition rule', () => {
  it('a clean case goes through every stage, each step allowed in turn', () => {
    let s = EMPTY_CASE;
    for (const e of happyPath) {
      expect(refusalOf(s, e, licence)).toBeNull();
      s = applyEvent(s, e);
    }
    expect(s.phase).toBe('delivered');
    expect(s.stagesDone).toEqual(['receive', 'accept', 'review', 'decide', 'complete', 'deliver']);
    expect(clockInputs(s)).toEqual({
      acceptedOn: '2026-03-02',
      pauses: [{ from: '2026-03-03', to: '2026-03-05' }],
      extensionDays: 0,
      stoppedOn: '2026-03-09',
    });
    expect(findings(happyPath)).toEqual([]);
  });

  it('refuses illegal transitions with a reason', () => {
    const accepted = foldCase(happyPath.slice(0, 2));
    const submitted = foldCase(happyPath.slice(0, 1));
    const complete = ev({ kind: 'completed', at: '2026-03-02T11:00', payload: { result: 'approved' } });
    expect(refusalOf(submitted, complete, licence)).toBe('notAccepted');
    expect(refusalOf(accepted, happyPath[1]!, licence)).toBe('alreadyAccepted');
    expect(refusalOf(accepted, complete, licence)).toBe('wrongPhase'); // review and decision first
    const paused = foldCase(happyPath.slice(0, 3));
    expect(paused.status).toBe('supplementing');
    expect(refusalOf(paused, happyPath[4]!, licence)).toBe('paused');
    // 一次性告知: once the supplements are in, a second notice is refused.
    const resumed = foldCase(happyPath.slice(0, 4));
    expect(refusalOf(resumed, happyPath[2]!, licence)).toBe('supplementAlreadyRequested');
    expect(refusalOf(foldCase(happyPath.slice(0, 2)), happyPath[2]!, licence)).toBeNull();
    expect(refusalOf(foldCase(happyPath), happyPath[4]!, licence)).toBe('closed');
    const tooLong = ev({ kind: 'extended', at: '2026-03-04T10:00', payload: { days: 11, reason: '复杂' } });
    expect(refusalOf(accepted, tooLong, licence)).toBe('extensionExceeded');
    const testing = ev({
      kind: 'special_started',
      at: '2026-03-04T10:00',
      payload: { procedure: 'testing' },
    });
    expect(refusalOf(accepted, testing, licence)).toBe('procedureNotAllowed');
  });

  it('the fold is total: any sequence of events gives a state, and every state refuses acting twice on submission', () => {
    const eventArb = fc.constantFrom(
      ...happyPath,
      ...happyPath.map((e) => ({ ...e, at: at('2026-03-04T12:00') })),
    );
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
        const s = foldCase(events);
        expect(s.events).toBe(events.length);
        if (events.length > 0) expect(refusalOf(s, happyPath[0]!, licence)).not.toBeNull();
      }),
    );
  });

  it('names the acting role of each step from the matter', () => {
    expect(actingRoles('accepted', licence)).toEqual(['window_officer']);
    expect(actingRoles('decided', licence)).toEqual(['dept_case_approver']);
    expect(actingRoles('extended', licence)).toEqual(['dept_case_approver']);
    for (const k of CASE_EVENT_KINDS)
      if (k !== 'submitted') expect(actingRoles(k, licence).length).toBeGreaterThan(0);
  });
});

describe('abnormal and overdue rules', () => {
  it('completed before accepted, and accepted before submitted', () => {
    const events = [
      ev({ kind: 'submitted', at: '2026-03-03T09:00', payload: { channel: 'window' } }),
      ev({ kind: 'accepted', at: '2026-03-02T10:00', payload: {} }),
      ev({ kind: 'reviewed', at: '2026-03-02T10:10', payload: { opinion: 'ok' } }),
      ev({ kind: 'decided', at: '2026-03-02T10:20', payload: { decision: 'approve', opinion: 'ok' } }),
      ev({ kind: 'completed', at: '2026-03-01T10:00', payload: { result: 'approved' } }),
    ];
    expect(findings(events)).toEqual(
      expect.arrayContaining([
        'accepted_before_submitted',
        'completed_before_accepted',
        'outside_working_time',
      ]),
    );
  });

  it('completed without acceptance, a missing stage, a missing result, too fast', () => {
    const noAccept = [
      happyPath[0]!,
      ev({ kind: 'completed', at: '2026-03-04T10:00', payload: { result: null } }),
    ];
    expect(findings(noAccept)).toEqual(['completed_without_acceptance', 'result_missing']);
    const skipped = [
      ...happyPath.slice(0, 2),
      ev({ kind: 'completed', at: '2026-03-02T10:05', payload: { result: 'approved' } }),
    ];
    expect(findings(skipped)).toEqual(['missing_stage', 'too_fast']);
  });

  it('handling at night or on a holiday is a notice; online submission at night is not', () => {
    const night = [
      ev({ kind: 'submitted', at: '2026-03-01T23:00', payload: { channel: 'online' } }),
      ev({ kind: 'accepted', at: '2026-03-02T20:00', payload: {} }),
    ];
    expect(findings(night, '2026-03-03')).toEqual(['outside_working_time']);
  });

  it('overdue: committed first (warning), statutory later (alarm)', () => {
    const open = happyPath.slice(0, 2); // accepted 03-02, committed 5 → 03-09, statutory 20 → 03-30
    expect(findings(open, '2026-03-09')).toEqual([]);
    expect(findings(open, '2026-03-10')).toEqual(['overdue_committed']);
    expect(findings(open, '2026-03-31')).toEqual(['overdue_statutory']);
  });

  it('a matter whose committed limit exceeds the statutory one flags every case', () => {
    expect(findings(happyPath, '2026-03-20', { ...licence, committedLimitDays: 25 })).toEqual([
      'committed_above_statutory',
    ]);
  });
});
