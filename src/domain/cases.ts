// Cases (办件) as an append-only log of events: the state of a case is a fold of its events, the
// clock inputs are a projection of that fold, and each live action is allowed or refused by a
// transition rule that names its reason. History imported from another system goes through the same
// fold without the transition rule (it happened; the abnormal-case rules judge it).
// Pure: no I/O, no clock.

import { chinaDateOf } from './calendar.ts';
import type { ClockInputs, ClockPause } from './case-clock.ts';
import {
  stageOf,
  type MatterStage,
  type SpecialProcedure,
  type StageCode,
  type StageRole,
} from './matters.ts';

export const CASE_CHANNELS = ['window', 'online', 'mobile', 'self_service'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const APPLICANT_TYPES = ['person', 'enterprise', 'department'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** 办结结果 and the code each has in the exchange format with the provincial case library. */
export const RESULT_CODES = {
  approved: '1', // 准予
  denied: '2', // 不予
  returned: '3', // 退回
  voided: '4', // 作废
  withdrawn: '5', // 撤回
  refused: '6', // 不予受理
} as const;
export type CaseResult = keyof typeof RESULT_CODES;
export const CASE_RESULTS = Object.keys(RESULT_CODES) as CaseResult[];
/** Results an officer may give on completion (the others come from refusal and withdrawal). */
export const COMPLETION_RESULTS = ['approved', 'denied', 'returned', 'voided'] as const;
export const DECISIONS = ['approve', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DELIVERY_METHODS = ['window', 'mail', 'electronic'] as const;

export interface SupplementItem {
  material: string;
  reason: string;
}

/** The payload of each kind of event. */
export interface CaseEventPayloads {
  submitted: { channel: CaseChannel };
  accepted: Record<string, never>;
  refused: { reason: string };
  supplement_requested: { items: SupplementItem[] };
  supplement_received: { note?: string };
  special_started: { procedure: SpecialProcedure; note?: string };
  special_ended: { result: string };
  extended: { days: number; reason: string };
  reviewed: { opinion: string };
  decided: { decision: Decision; opinion: string };
  completed: { result: CaseResult | null; note?: string };
  delivered: { method: (typeof DELIVERY_METHODS)[number] };
  withdrawn: { reason: string };
}
export type CaseEventKind = keyof CaseEventPayloads;
export const CASE_EVENT_KINDS = [
  'submitted',
  'accepted',
  'refused',
  'supplement_requested',
  'supplement_received',
  'special_started',
  'special_ended',
  'extended',
  'reviewed',
  'decided',
  'completed',
  'delivered',
  'withdrawn',
] as const satisfies readonly CaseEventKind[];

export type CaseEvent = {
  [K in CaseEventKind]: { kind: K; at: Date; payload: CaseEventPayloads[K] };
}[CaseEventKind];

/** Where the work stands, apart from pauses. */
export const CASE_PHASES = [
  'submitted',
  'accepted',
  'reviewed',
  'decided',
  'completed',
  'delivered',
  'refused',
  'withdrawn',
] as const;
export type CasePhase = (typeof CASE_PHASES)[number];
/** What a person sees: the phase, or the pause the case is in. */
export const CASE_STATUSES = [...CASE_PHASES, 'supplementing', 'special'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Phases after which nothing more happens to a case. */
export const CLOSED_PHASES: readonly CasePhase[] = ['delivered', 'refused', 'withdrawn'];

export interface CasePause {
  kind: 'supplement' | 'special';
  procedure: SpecialProcedure | null;
  from: Date;
  to: Date | null;
}

export interface CaseState {
  phase: CasePhase;
  status: CaseStatus;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  completedAt: Date | null;
  deliveredAt: Date | null;
  /** When the case ended for good without completion (refusal, withdrawal). */
  endedAt: Date | null;
  result: CaseResult | null;
  decision: Decision | null;
  pauses: CasePause[];
  extensionDays: number;
  /** Stages that have happened, in the order they first happened. */
  stagesDone: StageCode[];
  supplementRounds: number;
  events: number;
}

export const EMPTY_CASE: CaseState = Object.freeze({
  phase: 'submitted',
  status: 'submitted',
  submittedAt: null,
  acceptedAt: null,
  completedAt: null,
  deliveredAt: null,
  endedAt: null,
  result: null,
  decision: null,
  pauses: [],
  extensionDays: 0,
  stagesDone: [],
  supplementRounds: 0,
  events: 0,
}) as CaseState;

const STAGE_OF_EVENT: Partial<Record<CaseEventKind, StageCode>> = {
  submitted: 'receive',
  accepted: 'accept',
  reviewed: 'review',
  decided: 'decide',
  completed: 'complete',
  delivered: 'deliver',
};

export function openPause(s: CaseState): CasePause | undefined {
  const last = s.pauses[s.pauses.length - 1];
  return last && last.to === null ? last : undefined;
}

/** One event applied to a state. Total: never throws, whatever the order (imported history). */
export function applyEvent(s: CaseState, e: CaseEvent): CaseState {
  const next: CaseState = {
    ...s,
    pauses: [...s.pauses],
    stagesDone: [...s.stagesDone],
    events: s.events + 1,
  };
  const stage = STAGE_OF_EVENT[e.kind];
  if (stage && !next.stagesDone.includes(stage)) next.stagesDone.push(stage);
  const closePause = (kind: CasePause['kind']) => {
    const open = openPause(next);
    if (open && open.kind === kind) next.pauses[next.pauses.length - 1] = { ...open, to: e.at };
  };
  switch (e.kind) {
    case 'submitted':
      next.submittedAt = e.at;
      next.phase = 'submitted';
      break;
    case 'accepted':
      next.acceptedAt = e.at;
      next.phase = 'accepted';
      break;
    case 'refused':
      next.phase = 'refused';
      next.result = 'refused';
      next.endedAt = e.at;
      break;
    case 'supplement_requested':
      if (!openPause(next)) next.pauses.push({ kind: 'supplement', procedure: null, from: e.at, to: null });
      next.supplementRounds += 1;
      break;
    case 'supplement_received':
      closePause('supplement');
      break;
    case 'special_started':
      if (!openPause(next))
        next.pauses.push({ kind: 'special', procedure: e.payload.procedure, from: e.at, to: null });
      break;
    case 'special_ended':
      closePause('special');
      break;
    case 'extended':
      next.extensionDays += e.payload.days;
      break;
    case 'reviewed':
      next.phase = 'reviewed';
      break;
    case 'decided':
      next.phase = 'decided';
      next.decision = e.payload.decision;
      break;
    case 'completed':
      next.phase = 'completed';
      next.completedAt = e.at;
      next.result = e.payload.result;
      break;
    case 'delivered':
      next.phase = 'delivered';
      next.deliveredAt = e.at;
      break;
    case 'withdrawn':
      next.phase = 'withdrawn';
      next.result = 'withdrawn';
      next.endedAt = e.at;
      break;
  }
  const pause = openPause(next);
  next.status = pause ? (pause.kind === 'supplement' ? 'supplementing' : 'special') : next.phase;
  return next;
}

export function foldCase(events: readonly CaseEvent[]): CaseState {
  return events.reduce(applyEvent, EMPTY_CASE);
}

export function isClosed(s: CaseState): boolean {
  return CLOSED_PHASES.includes(s.phase);
}

/** The clock inputs of a case: China dates of acceptance, pauses and the stop. */
export function clockInputs(s: CaseState): ClockInputs {
  const stop = s.completedAt ?? s.endedAt;
  return {
    acceptedOn: s.acceptedAt ? chinaDateOf(s.acceptedAt) : null,
    pauses: s.pauses.map((p): ClockPause => ({
      from: chinaDateOf(p.from),
      to: p.to ? chinaDateOf(p.to) : null,
    })),
    extensionDays: s.extensionDays,
    stoppedOn: stop && s.acceptedAt ? chinaDateOf(stop) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Live actions: which are allowed now, and who may take them.

/** The matter's facts the transition rule needs. */
export interface MatterForCase {
  stages: readonly MatterStage[];
  specialProcedures: readonly string[];
  maxExtensionDays: number;
}

/** Why an action is refused; a key under od.cases.transition.* in the message catalogue. */
export type TransitionRefusal =
  | 'closed'
  | 'notSubmitted'
  | 'notAccepted'
  | 'alreadyAccepted'
  | 'paused'
  | 'supplementAlreadyRequested'
  | 'noSupplementPending'
  | 'noSpecialPending'
  | 'stageNotInMatter'
  | 'wrongPhase'
  | 'procedureNotAllowed'
  | 'extensionExceeded'
  | 'completed';

/** The phase a case must be in before `stage` (the previous stage the matter has). */
function phaseBefore(matter: MatterForCase, stage: StageCode): CasePhase {
  const order: [StageCode, CasePhase][] = [
    ['accept', 'accepted'],
    ['review', 'reviewed'],
    ['decide', 'decided'],
    ['complete', 'completed'],
  ];
  let phase: CasePhase = 'submitted';
  for (const [code, reached] of order) {
    if (code === stage) return phase;
    if (stageOf(matter.stages, code)) phase = reached;
  }
  return phase;
}

const WORKING_PHASES: readonly CasePhase[] = ['accepted', 'reviewed', 'decided'];

/** null when the event may be appended to a case in state `s` now; otherwise the reason it may not. */
export function refusalOf(s: CaseState, e: CaseEvent, matter: MatterForCase): TransitionRefusal | null {
  if (e.kind === 'submitted') return s.events === 0 ? null : 'alreadyAccepted';
  if (s.events === 0) return 'notSubmitted';
  if (isClosed(s)) return 'closed';
  const pause = openPause(s);
  switch (e.kind) {
    case 'accepted':
    case 'refused':
      if (s.phase !== 'submitted') return 'alreadyAccepted';
      return null;
    case 'supplement_requested':
      if (!WORKING_PHASES.includes(s.phase) || s.phase === 'decided')
        return s.phase === 'submitted' ? 'notAccepted' : 'wrongPhase';
      if (pause) return 'paused';
      // 一次性告知 (Administrative Licensing Law art. 32): everything missing is asked for once.
      return s.supplementRounds > 0 ? 'supplementAlreadyRequested' : null;
    case 'supplement_received':
      return pause?.kind === 'supplement' ? null : 'noSupplementPending';
    case 'special_started':
      if (!WORKING_PHASES.includes(s.phase) || s.phase === 'decided')
        return s.phase === 'submitted' ? 'notAccepted' : 'wrongPhase';
      if (pause) return 'paused';
      return matter.specialProcedures.includes(e.payload.procedure) ? null : 'procedureNotAllowed';
    case 'special_ended':
      return pause?.kind === 'special' ? null : 'noSpecialPending';
    case 'extended':
      if (!WORKING_PHASES.includes(s.phase)) return s.phase === 'submitted' ? 'notAccepted' : 'completed';
      return s.extensionDays + e.payload.days > matter.maxExtensionDays ? 'extensionExceeded' : null;
    case 'withdrawn':
      return s.phase === 'completed' ? 'completed' : null;
    default: {
      const stage = STAGE_OF_EVENT[e.kind]!;
      if (!stageOf(matter.stages, stage)) return 'stageNotInMatter';
      if (pause) return 'paused';
      if (s.phase === 'submitted' && stage !== 'accept') return 'notAccepted';
      return s.phase === phaseBefore(matter, stage) ? null : 'wrongPhase';
    }
  }
}

/** The role that acts for an event: the stage's role, or the holder's for pauses and extensions. */
export function actingRoles(e: CaseEventKind, matter: MatterForCase): readonly StageRole[] {
  const stage = STAGE_OF_EVENT[e];
  if (stage) {
    const configured = stageOf(matter.stages, stage)?.role;
    return configured ? [configured] : [];
  }
  switch (e) {
    case 'refused':
      return [stageOf(matter.stages, 'accept')?.role ?? 'window_officer'];
    case 'extended':
      return ['dept_case_approver'];
    case 'withdrawn':
      return ['window_officer', 'dept_case_officer', 'dept_case_approver'];
    default:
      // Supplements and special procedures: whoever holds the case in the department or at the window.
      return ['window_officer', 'dept_case_officer', 'dept_case_approver'];
  }
}
