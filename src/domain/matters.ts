// Service matters (事项) and their exact rules: the implementation code (实施编码), the limits
// (committed ≤ statutory, 即办件), the stages a case goes through and who acts in each.
// Pure: no I/O, no clock.

import { checkUscc } from './identifiers.ts';
import type { Role } from './permissions.ts';

/** The eight kinds of administrative power and public service, plus 机关内部最多跑一次 matters. */
export const MATTER_TYPES = [
  'licensing', // 行政许可
  'confirmation', // 行政确认
  'adjudication', // 行政裁决
  'payment', // 行政给付
  'reward', // 行政奖励
  'filing', // 行政备案
  'other_power', // 其他行政权力
  'public_service', // 公共服务
  'internal', // 机关内部事项
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

/** 行使层级 and the digit it has in the implementation code. */
export const MATTER_LEVELS = ['national', 'province', 'city', 'district', 'street', 'community'] as const;
export type MatterLevel = (typeof MATTER_LEVELS)[number];
const LEVEL_DIGIT: Record<MatterLevel, string> = {
  national: '1',
  province: '2',
  city: '3',
  district: '4',
  street: '5',
  community: '6',
};

export const MATTER_STATUSES = ['active', 'suspended'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/** The stages of a case in their fixed order (收件, 受理, 审查, 决定, 办结, 出件). */
export const STAGE_CODES = ['receive', 'accept', 'review', 'decide', 'complete', 'deliver'] as const;
export type StageCode = (typeof STAGE_CODES)[number];
/** Stages every matter has: a case cannot exist without intake, acceptance and completion. */
export const MANDATORY_STAGES: readonly StageCode[] = ['receive', 'accept', 'complete'];
/** Roles that may act in a stage (a window takes in and delivers; the department decides). */
export const STAGE_ROLES = ['window_officer', 'dept_case_officer', 'dept_case_approver'] as const;
export type StageRole = (typeof STAGE_ROLES)[number] & Role;

export interface MatterStage {
  code: StageCode;
  /** Working days this stage may take, if the matter sets one. */
  limitDays: number | null;
  /** The role that acts in this stage. */
  role: StageRole;
  /** A completed case that skipped a required stage is abnormal. */
  required: boolean;
}

/** 特别程序 (行政许可法 art. 45): their time does not count against the limits. */
export const SPECIAL_PROCEDURES = ['hearing', 'testing', 'inspection', 'expert_review'] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];

export interface MatterFee {
  name: string;
  /** Yuan. */
  amount: number;
  /** The document that allows the fee (收费依据); a fee without one is a guide finding. */
  basis: string;
}

export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy'] as const;
export const MATERIAL_MEDIA = ['paper', 'electronic', 'paper_or_electronic'] as const;
export interface GuideMaterial {
  name: string;
  form: (typeof MATERIAL_FORMS)[number];
  copies: number;
  medium: (typeof MATERIAL_MEDIA)[number];
  required: boolean;
  /** A sample or template (填写样本), as a description or a link. */
  sample: string | null;
}

/** The default stage list for a matter type (the department may change limits and roles). */
export function defaultStages(type: MatterType, onTheSpot: boolean): MatterStage[] {
  const stage = (code: StageCode, role: StageRole, required = true): MatterStage => ({
    code,
    limitDays: null,
    role,
    required,
  });
  if (onTheSpot || type === 'internal')
    return [
      stage('receive', 'window_officer'),
      stage('accept', 'window_officer'),
      stage('complete', 'dept_case_officer'),
    ];
  return [
    stage('receive', 'window_officer'),
    stage('accept', 'window_officer'),
    stage('review', 'dept_case_officer'),
    stage('decide', 'dept_case_approver'),
    stage('complete', 'dept_case_officer'),
    stage('deliver', 'window_officer', false),
  ];
}

// ---------------------------------------------------------------------------------------------
// 实施编码 = the implementing agency's USCC (18) + exercise level (1 digit) + basic code (12 digits).

export const BASIC_CODE_RE = /^\d{12}$/;

export function matterCode(uscc: string, level: MatterLevel, basicCode: string): string {
  return `${uscc}${LEVEL_DIGIT[level]}${basicCode}`;
}

export type MatterCodeCheck =
  | { ok: true; uscc: string; level: MatterLevel; basicCode: string }
  | { ok: false; reason: 'length' | 'uscc' | 'level' | 'basicCode' };

export function parseMatterCode(code: string): MatterCodeCheck {
  if (code.length !== 31) return { ok: false, reason: 'length' };
  const uscc = code.slice(0, 18);
  if (!checkUscc(uscc).ok) return { ok: false, reason: 'uscc' };
  const level = MATTER_LEVELS.find((l) => LEVEL_DIGIT[l] === code[18]);
  if (!level) return { ok: false, reason: 'level' };
  const basicCode = code.slice(19);
  if (!BASIC_CODE_RE.test(basicCode)) return { ok: false, reason: 'basicCode' };
  return { ok: true, uscc, level, basicCode };
}

// ---------------------------------------------------------------------------------------------
// Limits and stages

/** 行政许可法 art. 42: 20 working days, extendable by 10 with the head's approval; others may set more. */
export const MAX_LIMIT_DAYS = 365;

export interface MatterRules {
  type: string;
  onTheSpot: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  maxExtensionDays: number;
  visits: number;
  onlineDepth: number;
  stages: readonly MatterStage[];
  specialProcedures: readonly string[];
  fees: readonly MatterFee[];
  minHandlingMinutes: number;
}

export interface MatterProblem {
  path: string;
  /** A key under od.matters.* in the message catalogue. */
  reason: string;
  params?: Record<string, string | number>;
}

const isCount = (n: unknown, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

/** Every problem of a matter's limits, stages and fees, each naming its field; empty when valid. */
export function matterProblems(m: MatterRules): MatterProblem[] {
  const out: MatterProblem[] = [];
  const add = (path: string, reason: string, params?: Record<string, string | number>) =>
    out.push(params ? { path, reason, params } : { path, reason });

  if (!(MATTER_TYPES as readonly string[]).includes(m.type))
    add('type', 'oneOf', { allowed: MATTER_TYPES.join(', ') });
  for (const key of ['statutoryLimitDays', 'committedLimitDays', 'maxExtensionDays'] as const)
    if (!isCount(m[key], MAX_LIMIT_DAYS)) add(key, 'dayCount', { max: MAX_LIMIT_DAYS });
  if (m.onTheSpot) {
    if (m.statutoryLimitDays !== 0) add('statutoryLimitDays', 'onTheSpotLimit');
    if (m.committedLimitDays !== 0) add('committedLimitDays', 'onTheSpotLimit');
  } else if (isCount(m.statutoryLimitDays, MAX_LIMIT_DAYS) && m.statutoryLimitDays === 0) {
    add('statutoryLimitDays', 'limitRequired');
  }
  if (m.committedLimitDays > m.statutoryLimitDays)
    add('committedLimitDays', 'committedAboveStatutory', { statutory: m.statutoryLimitDays });
  if (m.type !== 'internal' && m.committedLimitDays === 0 && !m.onTheSpot)
    add('committedLimitDays', 'limitRequired');
  if (!isCount(m.visits, 10)) add('visits', 'range', { min: 0, max: 10 });
  if (!isCount(m.onlineDepth, 4) || m.onlineDepth < 1) add('onlineDepth', 'range', { min: 1, max: 4 });
  if (!isCount(m.minHandlingMinutes, 100_000)) add('minHandlingMinutes', 'range', { min: 0, max: 100000 });

  const seen = new Set<string>();
  let lastIndex = -1;
  let stageDays = 0;
  m.stages.forEach((s, i) => {
    const at = `stages.${i}`;
    const index = STAGE_CODES.indexOf(s.code);
    if (index < 0) return add(`${at}.code`, 'oneOf', { allowed: STAGE_CODES.join(', ') });
    if (seen.has(s.code)) add(`${at}.code`, 'stageTwice', { stage: s.code });
    else if (index < lastIndex) add(`${at}.code`, 'stageOrder', { stage: s.code });
    seen.add(s.code);
    lastIndex = Math.max(lastIndex, index);
    if (!(STAGE_ROLES as readonly string[]).includes(s.role))
      add(`${at}.role`, 'oneOf', { allowed: STAGE_ROLES.join(', ') });
    if (s.limitDays !== null) {
      if (!isCount(s.limitDays, MAX_LIMIT_DAYS)) add(`${at}.limitDays`, 'dayCount', { max: MAX_LIMIT_DAYS });
      else stageDays += s.limitDays;
    }
    if (MANDATORY_STAGES.includes(s.code) && !s.required) add(`${at}.required`, 'stageMandatory');
  });
  for (const code of MANDATORY_STAGES) if (!seen.has(code)) add('stages', 'stageMissing', { stage: code });
  if (stageDays > m.committedLimitDays && !m.onTheSpot)
    add('stages', 'stageDaysAboveCommitted', { days: stageDays, committed: m.committedLimitDays });

  const specials = new Set<string>();
  m.specialProcedures.forEach((p, i) => {
    if (!(SPECIAL_PROCEDURES as readonly string[]).includes(p))
      add(`specialProcedures.${i}`, 'oneOf', { allowed: SPECIAL_PROCEDURES.join(', ') });
    if (specials.has(p)) add(`specialProcedures.${i}`, 'duplicate');
    specials.add(p);
  });
  m.fees.forEach((f, i) => {
    if (!f.name.trim()) add(`fees.${i}.name`, 'required');
    if (!(Number.isFinite(f.amount) && f.amount >= 0)) add(`fees.${i}.amount`, 'amount');
  });
  return out;
}

/** The stage an action belongs to, for the role check (supplements and pauses belong to the holder). */
export function stageOf(stages: readonly MatterStage[], code: StageCode): MatterStage | undefined {
  return stages.find((s) => s.code === code);
}
