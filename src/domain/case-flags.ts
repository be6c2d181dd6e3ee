// Abnormal (异常) and overdue (超期) cases: the rules of DESIGN §4 as a pure function of a case's
// events, its matter and its clocks. The same function runs on every live event, in the scheduled
// scan and on imported history, so a case is judged the same wherever it came from.

import { chinaDateOf, type WorkCalendar } from './calendar.ts';
import type { ClockResult } from './case-clock.ts';
import { foldCase, type CaseEvent, type CaseState } from './cases.ts';
import type { MatterStage } from './matters.ts';

export const FLAG_LEVELS = ['notice', 'warning', 'alarm'] as const; // 提醒 / 预警 / 报警
export type FlagLevel = (typeof FLAG_LEVELS)[number];

export const FLAG_TYPES = [
  'overdue_committed', // past the committed limit (承诺超期)
  'overdue_statutory', // past the statutory limit (法定超期)
  'completed_before_accepted',
  'accepted_before_submitted',
  'completed_without_acceptance',
  'missing_stage',
  'too_fast',
  'outside_working_time',
  'result_missing',
  'committed_above_statutory',
  'upstream_mismatch',
  'poor_evaluation',
] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

export const FLAG_LEVEL_OF: Record<FlagType, FlagLevel> = {
  overdue_committed: 'warning',
  overdue_statutory: 'alarm',
  completed_before_accepted: 'alarm',
  accepted_before_submitted: 'alarm',
  completed_without_acceptance: 'alarm',
  missing_stage: 'warning',
  too_fast: 'warning',
  outside_working_time: 'notice',
  result_missing: 'warning',
  committed_above_statutory: 'alarm',
  upstream_mismatch: 'alarm',
  poor_evaluation: 'warning',
};

/** Flags that the event rules raise and clear; the others come from reconciliation and evaluations. */
export const RULE_FLAG_TYPES: readonly FlagType[] = FLAG_TYPES.filter(
  (t) => t !== 'upstream_mismatch' && t !== 'poor_evaluation',
);

export interface CaseFlagFinding {
  type: FlagType;
  level: FlagLevel;
  /** Parameters for the reason sentence (od.cases.flag.<type>). */
  params: Record<string, string | number>;
}

export interface FlagMatter {
  stages: readonly MatterStage[];
  onTheSpot: boolean;
  committedLimitDays: number;
  statutoryLimitDays: number;
  minHandlingMinutes: number;
}

/** Office hours for staff actions, China time; outside them (or on a non-working day) is a notice. */
export interface WorkingHours {
  /** Minutes after midnight, e.g. 8*60+30. */
  start: number;
  end: number;
}
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 8 * 60 + 30, end: 18 * 60 };

const STAFF_EVENTS = new Set(['accepted', 'refused', 'reviewed', 'decided', 'completed']);

function chinaMinutes(at: Date): number {
  const ms = at.getTime() + 8 * 3_600_000;
  return Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface FlagInputs {
  events: readonly CaseEvent[];
  matter: FlagMatter;
  committed: ClockResult;
  statutory: ClockResult;
  calendar: WorkCalendar;
  hours?: WorkingHours;
}

/** Every rule-based flag the case deserves now (overdue and abnormal); empty for a clean case. */
export function caseFlagFindings(input: FlagInputs): CaseFlagFinding[] {
  const { events, matter, committed, statutory } = input;
  const s: CaseState = foldCase(events);
  const out: CaseFlagFinding[] = [];
  const flag = (type: FlagType, params: Record<string, string | number> = {}) =>
    out.push({ type, level: FLAG_LEVEL_OF[type], params });

  if (statutory.overdue) flag('overdue_statutory', { due: statutory.due!, days: statutory.overdueDays });
  else if (committed.overdue) flag('overdue_committed', { due: committed.due!, days: committed.overdueDays });

  if (s.acceptedAt && s.submittedAt && s.acceptedAt < s.submittedAt)
    flag('accepted_before_submitted', {
      submitted: s.submittedAt.toISOString(),
      accepted: s.acceptedAt.toISOString(),
    });
  if (s.completedAt && !s.acceptedAt) flag('completed_without_acceptance');
  if (s.completedAt && s.acceptedAt && s.completedAt < s.acceptedAt)
    flag('completed_before_accepted', {
      accepted: s.acceptedAt.toISOString(),
      completed: s.completedAt.toISOString(),
    });
  if (s.completedAt) {
    const done = new Set(s.stagesDone);
    const missing = matter.stages
      .filter((st) => st.required && st.code !== 'deliver' && st.code !== 'complete' && !done.has(st.code))
      .map((st) => st.code);
    if (missing.length && s.acceptedAt) flag('missing_stage', { stages: missing.join(',') });
    if (s.result === null) flag('result_missing');
    if (!matter.onTheSpot && s.acceptedAt && s.completedAt >= s.acceptedAt) {
      const minutes = Math.floor((s.completedAt.getTime() - s.acceptedAt.getTime()) / 60_000);
      if (minutes < matter.minHandlingMinutes) flag('too_fast', { minutes, min: matter.minHandlingMinutes });
    }
  }
  if (matter.committedLimitDays > matter.statutoryLimitDays)
    flag('committed_above_statutory', {
      committed: matter.committedLimitDays,
      statutory: matter.statutoryLimitDays,
    });

  const hours = input.hours ?? DEFAULT_WORKING_HOURS;
  const outside = events.filter((e) => {
    if (!STAFF_EVENTS.has(e.kind)) return false;
    const minute = chinaMinutes(e.at);
    let workday: boolean;
    try {
      workday = input.calendar.isWorkday(chinaDateOf(e.at));
    } catch {
      workday = true; // a year without a schedule is not evidence of anything
    }
    return !workday || minute < hours.start || minute >= hours.end;
  });
  if (outside.length) {
    const first = outside[0]!;
    flag('outside_working_time', {
      event: first.kind,
      date: chinaDateOf(first.at),
      time: hhmm(chinaMinutes(first.at)),
      count: outside.length,
    });
  }
  return out;
}
