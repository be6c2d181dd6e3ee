// What the `cases` table keeps beside the events: the fold and both clocks, as of a day. Written
// with every event, by the recompute after a calendar correction, by imports and by the demo seed,
// always through this one function.

import { computeClock, type ClockInputs, type ClockResult, type ClockState } from './case-clock.ts';
import { clockInputs, isClosed, type CaseResult, type CaseState, type CaseStatus } from './cases.ts';
import type { IsoDate } from './calendar.ts';
import type { WorkdayIndex } from './workday-index.ts';

export interface CaseLimits {
  committedLimitDays: number;
  statutoryLimitDays: number;
  /** A completed case stays open until delivery when the matter has a 出件 stage. */
  hasDeliverStage: boolean;
}

export interface CaseProjection {
  status: CaseStatus;
  open: boolean;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  completedAt: Date | null;
  deliveredAt: Date | null;
  result: CaseResult | null;
  clockInputs: ClockInputs;
  clockState: ClockState;
  committedDue: IsoDate | null;
  committedWarnOn: IsoDate | null;
  statutoryDue: IsoDate | null;
  statutoryWarnOn: IsoDate | null;
  usedDays: number;
  calendarVersion: number;
}

export interface ProjectedCase {
  projection: CaseProjection;
  committed: ClockResult;
  statutory: ClockResult;
}

/** The clocks of a case from its clock inputs (for the recompute, which has no events at hand). */
export function caseClocks(
  idx: WorkdayIndex,
  inputs: ClockInputs,
  limits: Pick<CaseLimits, 'committedLimitDays' | 'statutoryLimitDays'>,
  asOf: IsoDate,
  warnShare: number,
): { committed: ClockResult; statutory: ClockResult; clockState: ClockState } {
  const committed = computeClock(idx, inputs, limits.committedLimitDays, asOf, warnShare);
  const statutory = computeClock(idx, inputs, limits.statutoryLimitDays, asOf, warnShare);
  const clockState = statutory.state === 'calendar_missing' ? 'calendar_missing' : committed.state;
  return { committed, statutory, clockState };
}

export function projectCase(
  state: CaseState,
  limits: CaseLimits,
  idx: WorkdayIndex,
  asOf: IsoDate,
  warnShare: number,
): ProjectedCase {
  const inputs = clockInputs(state);
  const { committed, statutory, clockState } = caseClocks(idx, inputs, limits, asOf, warnShare);
  return {
    committed,
    statutory,
    projection: {
      status: state.status,
      open: !isClosed(state) && !(state.phase === 'completed' && !limits.hasDeliverStage),
      submittedAt: state.submittedAt,
      acceptedAt: state.acceptedAt,
      completedAt: state.completedAt,
      deliveredAt: state.deliveredAt,
      result: state.result,
      clockInputs: inputs,
      clockState,
      committedDue: committed.due,
      committedWarnOn: committed.warnOn,
      statutoryDue: statutory.due,
      statutoryWarnOn: statutory.warnOn,
      usedDays: committed.usedDays,
      calendarVersion: idx.version,
    },
  };
}
