// Guide inspection (办事指南检查): the rules that check a matter's guide for missing mandatory
// elements and for contradictions between the guide and the matter. Pure: no I/O, no clock (the
// caller says what day it is).
//
// Decisions, for the record:
// - An element counts as missing when it is blank or a placeholder ("无", "暂无", "-", "待定" …).
// - Materials are mandatory for matters an applicant proves something for: licensing, confirmation,
//   payment and filing (行政许可, 行政确认, 行政给付, 行政备案). "A licensing matter without
//   materials" is this same rule (one fault, one finding).
// - Special procedures (特别程序, 行政许可法 art. 45) fit only some matter types, see
//   SPECIAL_PROCEDURES_BY_TYPE; rewards, filings, public services and internal matters have none.
// - The complaint phone (监督投诉方式) is expected but not mandatory (a warning); a guide nobody has
//   saved for GUIDE_REVIEW_DAYS is stale (a warning): guides must be reviewed at least once a year.
// - A matter without any guide yields one finding (no_guide), not one per element.

import { parseIsoDate, type IsoDate } from './calendar.ts';
import type { GuideMaterial, MatterFee, MatterStage, MatterType, SpecialProcedure } from './matters.ts';

export type FindingSeverity = 'error' | 'warning';

/** Every rule with its severity, in the order findings are reported. */
export const GUIDE_RULES = {
  no_guide: 'error',
  missing_conditions: 'error',
  missing_materials: 'error',
  missing_process: 'error',
  missing_legal_basis: 'error',
  missing_place: 'error',
  missing_hours: 'error',
  missing_contact_phone: 'error',
  missing_complaint_phone: 'warning',
  committed_above_statutory: 'error',
  on_the_spot_with_limits: 'error',
  stage_days_above_committed: 'error',
  fee_without_basis: 'error',
  online_without_url: 'error',
  no_visit_not_online: 'error',
  fully_online_with_visits: 'warning',
  material_zero_copies: 'error',
  material_duplicate_name: 'error',
  special_procedure_not_applicable: 'warning',
  stale: 'warning',
} as const satisfies Record<string, FindingSeverity>;
export type GuideRule = keyof typeof GUIDE_RULES;
export const GUIDE_RULE_CODES = Object.keys(GUIDE_RULES) as GuideRule[];
export const FINDING_SEVERITIES = ['error', 'warning'] as const;

/** The mandatory text elements of a guide and the rule each one's absence breaks. */
export const MANDATORY_ELEMENTS = {
  conditions: 'missing_conditions',
  process: 'missing_process',
  legalBasis: 'missing_legal_basis',
  place: 'missing_place',
  hours: 'missing_hours',
  contactPhone: 'missing_contact_phone',
} as const satisfies Record<string, GuideRule>;
export type MandatoryElement = keyof typeof MANDATORY_ELEMENTS;

/** Matter types whose applicants must hand in materials. */
export const MATERIALS_REQUIRED_TYPES: readonly MatterType[] = [
  'licensing',
  'confirmation',
  'payment',
  'filing',
];

/**
 * Which special procedures each matter type may have. Licensing follows 行政许可法 art. 45 (hearing,
 * testing, inspection, expert review); a confirmation may wait on testing or an appraisal (e.g.
 * 劳动能力鉴定 before 工伤认定); an adjudication hears both sides and may inspect or ask experts; a
 * payment may need an inspection (入户核查); "other powers" are too varied to judge. Rewards,
 * filings, public services and internal matters have none.
 */
export const SPECIAL_PROCEDURES_BY_TYPE: Readonly<Record<MatterType, readonly SpecialProcedure[]>> = {
  licensing: ['hearing', 'testing', 'inspection', 'expert_review'],
  confirmation: ['testing', 'inspection', 'expert_review'],
  adjudication: ['hearing', 'inspection', 'expert_review'],
  payment: ['inspection'],
  reward: [],
  filing: [],
  other_power: ['hearing', 'testing', 'inspection', 'expert_review'],
  public_service: [],
  internal: [],
};

/** Online depth from which an applicant applies online (3 = 网上申请), so a link is needed. */
export const ONLINE_APPLICATION_DEPTH = 3;
/** 全程网办. */
export const FULLY_ONLINE_DEPTH = 4;
/** A guide not saved for longer than this many days is stale. */
export const GUIDE_REVIEW_DAYS = 365;

export interface InspectedMatter {
  type: string;
  onTheSpot: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  visits: number;
  onlineDepth: number;
  stages: readonly Pick<MatterStage, 'limitDays'>[];
  specialProcedures: readonly string[];
  fees: readonly MatterFee[];
}

export interface InspectedGuide {
  conditions: string;
  materials: readonly GuideMaterial[];
  process: string;
  legalBasis: string;
  place: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  onlineUrl: string | null;
  /** The China date the guide was last saved. */
  updatedOn: IsoDate;
}

export interface GuideFinding {
  rule: GuideRule;
  severity: FindingSeverity;
  params: Record<string, string | number>;
}

const PLACEHOLDERS = new Set([
  '无',
  '暂无',
  '待定',
  '待补充',
  '略',
  '-',
  '—',
  '/',
  'n/a',
  'na',
  'none',
  'null',
  'tbd',
]);

/** Blank, or a placeholder that says nothing. */
export function isMissing(text: string | null | undefined): boolean {
  const t = (text ?? '').normalize('NFKC').trim().toLowerCase();
  return t === '' || PLACEHOLDERS.has(t);
}

/** An http(s) address. */
export function isWebUrl(text: string | null | undefined): boolean {
  if (!text) return false;
  try {
    const u = new URL(text.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Material names compare without width, case or surrounding spaces: 「身份证 」 and 「身份证」 are one. */
export const materialKey = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** Pairs of materials with the same name: the later entry and the first one it repeats. */
export function repeatedMaterials(materials: readonly Pick<GuideMaterial, 'name'>[]) {
  const seen = new Map<string, number>();
  const out: { index: number; first: number }[] = [];
  materials.forEach((m, index) => {
    const first = seen.get(materialKey(m.name));
    if (first !== undefined) out.push({ index, first });
    else seen.set(materialKey(m.name), index);
  });
  return out;
}

const RULE_ORDER = new Map(GUIDE_RULE_CODES.map((r, i) => [r, i]));

/** Every finding of a matter's guide, in the order of GUIDE_RULES; empty when the guide is sound. */
export function inspectGuide(
  matter: InspectedMatter,
  guide: InspectedGuide | null,
  today: IsoDate,
): GuideFinding[] {
  const out: GuideFinding[] = [];
  const add = (rule: GuideRule, params: Record<string, string | number> = {}) =>
    out.push({ rule, severity: GUIDE_RULES[rule], params });

  // The matter's own contradictions, whatever its guide.
  if (matter.committedLimitDays > matter.statutoryLimitDays)
    add('committed_above_statutory', {
      committed: matter.committedLimitDays,
      statutory: matter.statutoryLimitDays,
    });
  if (matter.onTheSpot && (matter.statutoryLimitDays !== 0 || matter.committedLimitDays !== 0))
    add('on_the_spot_with_limits', {
      statutory: matter.statutoryLimitDays,
      committed: matter.committedLimitDays,
    });
  const stageDays = matter.stages.reduce((n, s) => n + (s.limitDays ?? 0), 0);
  if (!matter.onTheSpot && stageDays > matter.committedLimitDays)
    add('stage_days_above_committed', { days: stageDays, committed: matter.committedLimitDays });
  matter.fees.forEach((f, index) => {
    if (isMissing(f.basis)) add('fee_without_basis', { index, name: f.name });
  });
  if (matter.visits === 0 && matter.onlineDepth < FULLY_ONLINE_DEPTH)
    add('no_visit_not_online', { depth: matter.onlineDepth });
  if (matter.onlineDepth >= FULLY_ONLINE_DEPTH && matter.visits > 0)
    add('fully_online_with_visits', { visits: matter.visits });
  const allowed = SPECIAL_PROCEDURES_BY_TYPE[matter.type as MatterType] as readonly string[] | undefined;
  matter.specialProcedures.forEach((procedure, index) => {
    if (allowed && !allowed.includes(procedure))
      add('special_procedure_not_applicable', { index, procedure, type: matter.type });
  });

  // The guide's elements, and what they must agree with.
  if (!guide) add('no_guide');
  else {
    for (const [element, rule] of Object.entries(MANDATORY_ELEMENTS) as [MandatoryElement, GuideRule][])
      if (isMissing(guide[element])) add(rule);
    if (isMissing(guide.complaintPhone)) add('missing_complaint_phone');
    if (needsMaterials(matter.type) && guide.materials.length === 0)
      add('missing_materials', { type: matter.type });
    if (matter.onlineDepth >= ONLINE_APPLICATION_DEPTH && !isWebUrl(guide.onlineUrl))
      add('online_without_url', { depth: matter.onlineDepth });
    guide.materials.forEach((m, index) => {
      if (!(Number.isInteger(m.copies) && m.copies >= 1))
        add('material_zero_copies', { index, name: m.name, copies: m.copies });
    });
    for (const { index, first } of repeatedMaterials(guide.materials))
      add('material_duplicate_name', { index, name: guide.materials[index]!.name, first });
    const days = parseIsoDate(today) - parseIsoDate(guide.updatedOn);
    if (days > GUIDE_REVIEW_DAYS) add('stale', { days, updatedOn: guide.updatedOn });
  }
  // A stable sort: the rule order, and within a rule the order of the entries.
  return out.sort((a, b) => RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
}

function needsMaterials(type: string): boolean {
  return (MATERIALS_REQUIRED_TYPES as readonly string[]).includes(type);
}

/** Problems of a guide an editor saves: material names must be unique (the path names the entry). */
export function guideInputProblems(guide: Pick<InspectedGuide, 'materials'>) {
  return repeatedMaterials(guide.materials).map(({ index, first }) => ({
    path: `materials.${index}.name`,
    reason: 'materialTwice',
    params: { first: first + 1 },
  }));
}
