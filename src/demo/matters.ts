// The demo district's matters (事项) and their guides (办事指南): about 300 public matters of the
// departments that serve residents and enterprises, from the tables in matter-specs.ts, and the 358
// internal matters (机关内部最多跑一次) of all 42 departments, every one of them online.
//
// Planted on purpose (plantedGuideFaults): a handful of guides that each break exactly one rule of
// domain/guide-inspection.ts — a missing legal basis, a fee without its basis, an online matter
// without a link, a licence matter without materials, missing conditions, place or contact phone,
// and a committed limit above the statutory one (on a matter that has no cases, so no case is
// flagged for it). Every other guide passes every rule.
//
// Codes: 实施编码 = the department's USCC + level digit + a 12-digit basic code, built with the
// domain's matterCode. The basic codes are SYNTHETIC: type number (2 digits; 90 for internal) +
// department number (2) + sequence (5) + '000'.

import {
  defaultStages,
  matterCode,
  MATTER_TYPES,
  type GuideMaterial,
  type MatterFee,
  type MatterLevel,
  type MatterStage,
  type MatterType,
  type SpecialProcedure,
} from '../domain/matters.ts';
import { SPECIAL_PROCEDURES_BY_TYPE, type GuideRule } from '../domain/guide-inspection.ts';
import type { DemoDepartment } from './departments.ts';
import {
  DEMO_FEES,
  DEPARTMENT_LAWS,
  INTERNAL_BASIS,
  INTERNAL_GENERIC,
  INTERNAL_MATTER_SPECS,
  INTERNAL_MATTER_TOTAL,
  LIMITS_BY_TYPE,
  MATERIALS_ENTERPRISE,
  MATERIALS_INTERNAL,
  MATERIALS_PERSON,
  PUBLIC_MATTER_SPECS,
  TYPE_LETTERS,
} from './matter-specs.ts';
import { createRandom, type Random } from './random.ts';
import { DEFAULT_DEMO_SEED } from './users.ts';

export interface DemoGuide {
  conditions: string;
  materials: GuideMaterial[];
  process: string;
  legalBasis: string;
  place: string;
  hours: string;
  contactPhone: string;
  complaintPhone: string;
  onlineUrl: string | null;
}

export interface DemoMatter {
  code: string;
  basicCode: string;
  name: string;
  type: MatterType;
  level: MatterLevel;
  departmentCode: string;
  onTheSpot: boolean;
  statutoryLimitDays: number;
  committedLimitDays: number;
  maxExtensionDays: number;
  visits: number;
  onlineDepth: number;
  stages: MatterStage[];
  specialProcedures: SpecialProcedure[];
  fees: MatterFee[];
  minHandlingMinutes: number;
  /** Taken in at the streets' service centres as well as at the district hall. */
  atStreets: boolean;
  /** Who applies: residents, enterprises, either, or (internal matters) departments. */
  applicants: 'person' | 'enterprise' | 'both' | 'department';
  /** Relative number of cases a year (0: the demo gives it none). */
  popularity: number;
  guide: DemoGuide;
}

/** The guide inspection rules the demo plants a fault for, one matter each. */
export const PLANTED_GUIDE_RULES = [
  'missing_legal_basis',
  'fee_without_basis',
  'online_without_url',
  'missing_materials',
  'missing_conditions',
  'missing_place',
  'missing_contact_phone',
  'committed_above_statutory',
] as const satisfies readonly GuideRule[];
export type PlantedGuideRule = (typeof PLANTED_GUIDE_RULES)[number];

export interface PlantedGuideFault {
  matterCode: string;
  /** The domain/guide-inspection.ts rule the guide breaks (and no other). */
  rule: PlantedGuideRule;
}

export interface DemoMatters {
  matters: DemoMatter[];
  plantedGuideFaults: PlantedGuideFault[];
}

/** Relative case volume of each department's public matters (the others weigh 1). */
const DEPARTMENT_VOLUME: Readonly<Record<string, number>> = {
  gaj: 14,
  scj: 14,
  rsj: 10,
  ybj: 9,
  swuj: 8,
  mzj: 7,
  gtj: 6,
  wjj: 5,
  jsj: 4,
  cgj: 3,
  jyj: 3,
  cl: 2,
  tyj: 2,
  sfj: 2,
  wgj: 2,
};

const HALL = '区市民之家综合受理区（下城区政务服务中心一楼）';
const STREET_CENTRES = '各街道便民服务中心';
const HOURS = '周一至周五 8:30-12:00，13:30-18:00（法定节假日除外，调休上班日照常办公）';
const ONLINE_BASE = 'https://services.opendistrict.example/matters/';
const STAGE_NAMES: Record<string, string> = {
  receive: '收件',
  accept: '受理',
  review: '审查',
  decide: '决定',
  complete: '办结',
  deliver: '出件',
};

const enterpriseWords = /企业|公司|经营|许可|资质|单位|机构|项目|备案|发票|纳税人|排污|学校|场所|协议/;
const personWords =
  /户口|身份证|婚|出生|死亡|居住|失业|养老|抚恤|救助|补贴|津贴|残疾|学生|入学|转学|读者|生育|就业|医疗费用|参保|退役|光荣|调解|法律援助|档案|独生子女/;

function applicantsOf(name: string, type: MatterType): DemoMatter['applicants'] {
  const person = personWords.test(name);
  const enterprise = enterpriseWords.test(name);
  if (person && !enterprise) return 'person';
  if (enterprise && !person) return 'enterprise';
  if (type === 'licensing' || type === 'filing') return 'enterprise';
  return 'both';
}

function conditionsOf(type: MatterType, name: string): string {
  switch (type) {
    case 'licensing':
      return `1. 申请人具有相应的主体资格；2. 具备与申请事项相适应的场所、设施和人员；3. 符合办理“${name}”的法定条件和标准；4. 申请材料齐全、符合法定形式。`;
    case 'payment':
      return '1. 申请人属于本区户籍或在本区依法参保；2. 符合给付对象的认定条件；3. 如实申报家庭收入和财产情况。';
    case 'internal':
      return '1. 申请单位为本区机关、事业单位；2. 经本单位负责人审核同意；3. 材料齐全、内容真实。';
    default:
      return `1. 申请人身份明确；2. 符合“${name}”的办理条件；3. 申请材料齐全、真实、有效。`;
  }
}

function processOf(stages: readonly MatterStage[], onTheSpot: boolean): string {
  const steps = stages.map((s) => STAGE_NAMES[s.code] ?? s.code).join(' → ');
  return onTheSpot
    ? `${steps}（即办件，当场办结）`
    : `${steps}；网上申报的，受理结果通过短信和“浙里办”告知。`;
}

function materialsOf(rng: Random, applicants: DemoMatter['applicants'], type: MatterType): GuideMaterial[] {
  const pool =
    applicants === 'department'
      ? MATERIALS_INTERNAL
      : applicants === 'person'
        ? MATERIALS_PERSON
        : MATERIALS_ENTERPRISE;
  const extra = rng.shuffle(pool.slice(2)).slice(0, rng.int(0, type === 'licensing' ? 4 : 2));
  return [pool[0]!, pool[1]!, ...extra].map((name, i) => ({
    name,
    form: i === 0 ? 'original' : rng.pick(['original', 'copy', 'original_and_copy'] as const),
    copies: i === 0 ? 1 : rng.int(1, 2),
    medium: rng.pick(['paper', 'electronic', 'paper_or_electronic'] as const),
    required: i < 2 || rng.chance(0.6),
    sample: i === 0 ? '填写样本见附件' : null,
  }));
}

const phone = (rng: Random) => `0571-8${String(rng.int(5_000_000, 8_999_999))}`;

interface Draft {
  name: string;
  type: MatterType;
  department: DemoDepartment;
  departmentNo: number;
  seq: number;
  atStreets: boolean;
  volume: number;
}

function build(draft: Draft, rng: Random): DemoMatter {
  const { name, type, department } = draft;
  const limits = LIMITS_BY_TYPE[type];
  const internal = type === 'internal';
  const onTheSpot = rng.chance(limits.onTheSpotShare);
  const statutory = onTheSpot ? 0 : rng.pick(limits.statutory);
  const committed = onTheSpot ? 0 : Math.min(statutory, rng.int(limits.committed[0], limits.committed[1]));
  const allowed = SPECIAL_PROCEDURES_BY_TYPE[type];
  const specialProcedures: SpecialProcedure[] =
    !onTheSpot && allowed.length && rng.chance(limits.specialShare)
      ? rng.shuffle(allowed).slice(0, rng.int(1, 2))
      : [];
  // Internal matters are all 全程网办; a matter without visits is fully online (and the reverse).
  const onlineDepth = internal
    ? 4
    : rng.weighted([
        [4, 45],
        [3, 30],
        [2, 15],
        [1, 10],
      ]);
  const visits = onlineDepth === 4 ? 0 : 1;
  const stages = defaultStages(type, onTheSpot);
  // Some departments set stage limits on longer matters (they add up to at most the committed limit).
  if (!onTheSpot && committed >= 4 && rng.chance(0.3))
    for (const s of stages)
      if (s.code === 'review') s.limitDays = Math.floor(committed / 2);
      else if (s.code === 'decide') s.limitDays = 1;
  const fee = DEMO_FEES[name];
  const basicCode = `${internal ? '90' : String(MATTER_TYPES.indexOf(type) + 1).padStart(2, '0')}${String(
    draft.departmentNo,
  ).padStart(2, '0')}${String(draft.seq).padStart(5, '0')}000`;
  const level: MatterLevel = 'district';
  const applicants = internal ? 'department' : applicantsOf(name, type);
  const laws = DEPARTMENT_LAWS[department.code] ?? ['《浙江省保障“最多跑一次”改革规定》'];
  const legalBasis = internal
    ? INTERNAL_BASIS
    : [...(type === 'licensing' ? ['《中华人民共和国行政许可法》'] : []), rng.pick(laws)].join('、');
  return {
    code: matterCode(department.uscc, level, basicCode),
    basicCode,
    name,
    type,
    level,
    departmentCode: department.code,
    onTheSpot,
    statutoryLimitDays: statutory,
    committedLimitDays: committed,
    maxExtensionDays: onTheSpot ? 0 : limits.maxExtension,
    visits,
    onlineDepth,
    stages,
    specialProcedures,
    fees: fee ? [{ ...fee }] : [],
    minHandlingMinutes: onTheSpot ? 0 : type === 'licensing' ? 120 : internal ? 15 : rng.pick([30, 45, 60]),
    atStreets: draft.atStreets,
    applicants,
    popularity: draft.volume * (0.2 + rng.next() ** 2 * 3),
    guide: {
      conditions: conditionsOf(type, name),
      materials: materialsOf(rng, applicants, type),
      process: processOf(stages, onTheSpot),
      legalBasis,
      place: internal
        ? `${department.name}办公室（区行政中心）`
        : draft.atStreets
          ? `${HALL}；${STREET_CENTRES}`
          : HALL,
      hours: HOURS,
      contactPhone: phone(rng),
      complaintPhone: '12345',
      onlineUrl: `${ONLINE_BASE}${basicCode}`,
    },
  };
}

/** Internal matter names per department: its own list, then templates, to exactly 358 in all. */
function internalNames(departments: readonly DemoDepartment[]): Map<string, string[]> {
  const names = new Map(departments.map((d) => [d.code, [...(INTERNAL_MATTER_SPECS[d.code] ?? [])]]));
  const used = new Map(departments.map((d) => [d.code, 0]));
  let total = [...names.values()].reduce((n, l) => n + l.length, 0);
  if (total > INTERNAL_MATTER_TOTAL) throw new Error('more internal matter names than the demo wants');
  while (total < INTERNAL_MATTER_TOTAL) {
    // The department with the fewest matters (first in the list on a tie) gets the next template.
    const d = departments
      .filter((x) => used.get(x.code)! < INTERNAL_GENERIC.length)
      .reduce((a, b) => (names.get(b.code)!.length < names.get(a.code)!.length ? b : a));
    const i = used.get(d.code)!;
    names.get(d.code)!.push(INTERNAL_GENERIC[i]!.replace('{d}', d.shortName));
    used.set(d.code, i + 1);
    total++;
  }
  return names;
}

/** Which matter a fault can be planted in, and how it is planted (one element broken). */
const FAULT_PLANTS: Record<
  PlantedGuideRule,
  [fits: (m: DemoMatter) => boolean, plant: (m: DemoMatter) => void]
> = {
  missing_legal_basis: [() => true, (m) => (m.guide.legalBasis = '')],
  fee_without_basis: [
    (m) => m.fees.length === 0,
    (m) => (m.fees = [{ name: '工本费', amount: 10, basis: '' }]),
  ],
  online_without_url: [(m) => m.onlineDepth === 4, (m) => (m.guide.onlineUrl = null)],
  missing_materials: [(m) => m.type === 'licensing', (m) => (m.guide.materials = [])],
  missing_conditions: [() => true, (m) => (m.guide.conditions = '')],
  missing_place: [() => true, (m) => (m.guide.place = '')],
  missing_contact_phone: [() => true, (m) => (m.guide.contactPhone = '')],
  // Every case of such a matter would be abnormal: the demo gives this one no cases.
  committed_above_statutory: [
    (m) => !m.onTheSpot && m.statutoryLimitDays < 60,
    (m) => {
      m.committedLimitDays = m.statutoryLimitDays + 5;
      m.popularity = 0;
    },
  ],
};

/** Chooses the matters that get the planted guide faults, one fault each. */
function plantFaults(matters: DemoMatter[], rng: Random): PlantedGuideFault[] {
  const taken = new Set<string>();
  return PLANTED_GUIDE_RULES.map((rule) => {
    const [fits, plant] = FAULT_PLANTS[rule];
    const m = rng.pick(matters.filter((x) => x.type !== 'internal' && !taken.has(x.code) && fits(x)));
    taken.add(m.code);
    plant(m);
    return { matterCode: m.code, rule };
  });
}

/** The demo's matters and guides. Same departments and seed → deep-equal result. */
export function demoMatters(
  departments: readonly DemoDepartment[],
  seed: number = DEFAULT_DEMO_SEED,
): DemoMatters {
  const root = createRandom(seed).fork('matters');
  const matters: DemoMatter[] = [];
  const internal = internalNames(departments);
  departments.forEach((department, i) => {
    const rng = root.fork(department.code);
    const volume = DEPARTMENT_VOLUME[department.code] ?? 1;
    let seq = 0;
    for (const line of PUBLIC_MATTER_SPECS[department.code] ?? []) {
      const type = TYPE_LETTERS[line[0]!];
      if (!type) throw new Error(`matter spec ${line}: unknown type letter`);
      const atStreets = line.endsWith('*');
      const name = line.slice(1, atStreets ? -1 : undefined);
      matters.push(
        build({ name, type, department, departmentNo: i + 1, seq: ++seq, atStreets, volume }, rng),
      );
    }
    for (const name of internal.get(department.code) ?? [])
      matters.push(
        build(
          {
            name,
            type: 'internal',
            department,
            departmentNo: i + 1,
            seq: ++seq,
            atStreets: false,
            volume: 1,
          },
          rng,
        ),
      );
  });
  const plantedGuideFaults = plantFaults(matters, root.fork('faults'));
  return { matters, plantedGuideFaults };
}
