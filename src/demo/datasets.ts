// The demo catalogue (数据资源目录): about 300 entries of the 42 departments from the curated specs
// (dataset-specs.ts), with codes, fields and levels, sharing and open types consistent with the
// levels, a lifecycle (mostly published, some in the bureau's review queue, drafts, deprecated),
// version history and review log, and the datasets that systems consume. Deterministic: the same
// seed and "today" give the same catalogue.

import type { DemoDepartment } from './departments.ts';
import { demoFields, type DemoField, type DemoLevel } from './dataset-fields.ts';
import {
  DATASET_SPECS,
  type DatasetSpec,
  type DatasetSpecOptions,
  type FrequencyLetter,
} from './dataset-specs.ts';
import { allowedOpenTypes, maxLevel as highestLevel } from '../domain/catalog.ts';
import { createRandom, type Random } from './random.ts';
import type { DemoSystem } from './systems.ts';
import { DEFAULT_DEMO_SEED } from './users.ts';

export type DemoBaseResource = 'population' | 'legal_entity' | 'geospatial' | 'social_credit' | 'e_license';
export type DemoDatasetCategory = 'base' | 'theme' | 'department';
export type DemoDatasetFormat = NonNullable<DatasetSpecOptions['fmt']>;
export type DemoSharingType = 'unconditional' | 'conditional' | 'none';
export type DemoOpenType = 'open' | 'conditional' | 'closed';
export type DemoFrequency =
  'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'irregular';
export type DemoDatasetStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'deprecated';
export type DemoReviewAction =
  'submit' | 'withdraw' | 'approve' | 'reject' | 'publish' | 'revise' | 'deprecate';

/** The metadata a published version records (what `datasetSnapshot` keeps, with ids for codes). */
export interface DatasetMetadata {
  code: string;
  name: string;
  summary: string;
  category: DemoDatasetCategory;
  baseResource: DemoBaseResource | null;
  theme: string | null;
  format: DemoDatasetFormat;
  formatDetail: string | null;
  fields: DemoField[];
  sharingType: DemoSharingType;
  sharingConditions: string | null;
  sharingMethod: 'api' | 'table' | 'file' | null;
  openType: DemoOpenType;
  openConditions: string | null;
  updateFrequency: DemoFrequency;
  releaseDate: string | null;
  keywords: string[];
  relatedCodes: string[];
}

export interface DemoDatasetVersion {
  version: number;
  meta: DatasetMetadata;
  note: string;
  /** ISO instant. */
  at: string;
  /** Username of who published it. */
  by: string;
}

export interface DemoDatasetReview {
  action: DemoReviewAction;
  fromStatus: DemoDatasetStatus;
  toStatus: DemoDatasetStatus;
  comment: string | null;
  /** Username: data-<dept> or bureau. */
  actor: string;
  at: string;
}

export interface DemoDataset extends DatasetMetadata {
  departmentCode: string;
  sourceSystemCode: string | null;
  maxLevel: DemoLevel;
  status: DemoDatasetStatus;
  /** Latest published version; 0 before the first publication. */
  version: number;
  publishedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Every published version, oldest first (the last one is the current metadata when published). */
  versions: DemoDatasetVersion[];
  /** The lifecycle log, oldest first. */
  reviews: DemoDatasetReview[];
}

export interface DemoConsumption {
  systemCode: string;
  datasetCode: string;
}

export interface DemoCatalogue {
  datasets: DemoDataset[];
  /** Datasets systems consume (published entries of other departments). */
  consumptions: DemoConsumption[];
}

/** National catalogue guide: the five base resources and their 项 numbers. */
export const BASE_RESOURCE_ITEMS: Record<DemoBaseResource, { no: number; label: string }> = {
  population: { no: 1, label: '人口' },
  legal_entity: { no: 2, label: '法人' },
  geospatial: { no: 3, label: '自然资源和空间地理' },
  social_credit: { no: 4, label: '社会信用' },
  e_license: { no: 5, label: '电子证照' },
};

/** Theme resources (主题资源) of the demo and their 项 numbers (their position + 1). */
export const DEMO_THEMES = [
  '社区治理',
  '社会保障',
  '健康保障',
  '安全生产',
  '生态环保',
  '城乡建设',
  '公共服务',
  '经济运行',
  '文化旅游',
  '教育服务',
] as const;

/** 资源代码: 类(1) 项(2) 目(3) 细目(3) / 顺序码(6). */
export const DATASET_CODE_PATTERN = /^[123]\d{2}\d{3}\d{3}\/\d{6}$/;

const FREQUENCIES: Record<FrequencyLetter, DemoFrequency> = {
  r: 'realtime',
  d: 'daily',
  w: 'weekly',
  m: 'monthly',
  q: 'quarterly',
  h: 'half_yearly',
  y: 'yearly',
  i: 'irregular',
};

const FREQUENCY_PHRASE: Record<DemoFrequency, string> = {
  realtime: '实时更新',
  daily: '按日更新',
  weekly: '按周更新',
  monthly: '按月更新',
  quarterly: '按季度更新',
  half_yearly: '每半年更新',
  yearly: '按年更新',
  irregular: '不定期更新',
};

const SHARING_CONDITIONS = [
  '仅限用于履行法定职责，需说明用途和法律依据，经提供部门审核同意后按字段授权使用。',
  '需签订数据共享安全承诺书，仅共享授权字段，个人信息须脱敏后使用。',
  '仅提供核验比对服务，按需逐条接口调用，不批量提供原始数据。',
  '需经提供部门和区数据资源管理局审批，授权期限不超过一年，到期重新申请。',
];
const OPEN_CONDITIONS = [
  '需实名注册并签署数据利用协议，不得用于商业营销。',
  '经审核后以接口方式开放，限定调用频次。',
  '仅开放统计汇总结果，不开放明细数据。',
];
const DATABASE_DETAILS = ['Oracle 表', 'MySQL 表', '达梦数据库表', '人大金仓数据库表', 'PostgreSQL 表'];
const GEO_DETAILS = ['SHP', 'GeoJSON', 'OGC WMTS 服务'];
const REJECT_COMMENTS = [
  '信息项分级不完整，请补充后重新提交。',
  '共享条件未写明法律依据，请补充。',
  '更新频率与来源系统的实际更新不一致，请核实。',
];
const DEPRECATE_COMMENT = '来源系统已下线，资源停止更新。';

// ---------------------------------------------------------------------------------------------
// Dates: whole days as ISO dates, instants at office hours in China (UTC+8).

const DAY_MS = 86_400_000;

function dayOffset(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function instant(day: string, rng: Random): string {
  const hh = String(rng.int(9, 17)).padStart(2, '0');
  const mm = String(rng.int(0, 59)).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+08:00`).toISOString();
}

// ---------------------------------------------------------------------------------------------

interface Parsed {
  spec: DatasetSpec;
  departmentCode: string;
  systemKey: string | null;
  category: DemoDatasetCategory;
  baseResource: DemoBaseResource | null;
  theme: string | null;
}

function parseSpec(spec: DatasetSpec): Parsed {
  const [source, cat] = spec;
  const dot = source.indexOf('.');
  const departmentCode = dot < 0 ? source : source.slice(0, dot);
  const systemKey = dot < 0 ? null : source;
  if (cat === 'D')
    return { spec, departmentCode, systemKey, category: 'department', baseResource: null, theme: null };
  const [kind, value] = cat.split(':') as [string, string];
  if (kind === 'B') {
    if (!(value in BASE_RESOURCE_ITEMS))
      throw new Error(`demo dataset ${spec[2]}: unknown base resource ${value}`);
    return {
      spec,
      departmentCode,
      systemKey,
      category: 'base',
      baseResource: value as DemoBaseResource,
      theme: null,
    };
  }
  if (kind === 'T' && (DEMO_THEMES as readonly string[]).includes(value))
    return { spec, departmentCode, systemKey, category: 'theme', baseResource: null, theme: value };
  throw new Error(`demo dataset ${spec[2]}: cannot read category ${cat}`);
}

function categoryWord(p: Parsed, dept: DemoDepartment): string {
  if (p.baseResource) return BASE_RESOURCE_ITEMS[p.baseResource].label;
  return p.theme ?? dept.shortName;
}

/** 类 + 项 + 目: the classification prefix of an entry's code. */
function classPrefix(p: Parsed, departmentIndex: number): string {
  const dept3 = String(departmentIndex + 1).padStart(3, '0');
  if (p.baseResource) return `1${String(BASE_RESOURCE_ITEMS[p.baseResource].no).padStart(2, '0')}${dept3}`;
  if (p.theme) return `2${String(DEMO_THEMES.indexOf(p.theme as never) + 1).padStart(2, '0')}${dept3}`;
  return `3${String(departmentIndex + 1).padStart(2, '0')}001`;
}

function sharingOf(
  p: Parsed,
  maxLevel: DemoLevel,
  rng: Random,
): Pick<DatasetMetadata, 'sharingType' | 'sharingConditions' | 'openType' | 'openConditions'> {
  const none = p.spec[5]?.none;
  let sharingType: DemoSharingType;
  if (none) sharingType = 'none';
  else if (maxLevel === 'L1') sharingType = 'unconditional';
  else if (maxLevel === 'L2') sharingType = rng.chance(0.55) ? 'unconditional' : 'conditional';
  else sharingType = 'conditional';
  const sharingConditions =
    sharingType === 'none'
      ? (none ?? null)
      : sharingType === 'conditional'
        ? rng.pick(SHARING_CONDITIONS)
        : null;
  const allowed = allowedOpenTypes(maxLevel, sharingType) as readonly DemoOpenType[];
  let openType: DemoOpenType;
  if (allowed.includes('open'))
    openType = rng.weighted([
      ['open', 0.7],
      ['conditional', 0.2],
      ['closed', 0.1],
    ] as const);
  else if (allowed.includes('conditional'))
    openType = rng.chance(maxLevel === 'L2' ? 0.45 : 0.2) ? 'conditional' : 'closed';
  else openType = 'closed';
  const openConditions = openType === 'conditional' ? rng.pick(OPEN_CONDITIONS) : null;
  return { sharingType, sharingConditions, openType, openConditions };
}

function formatOf(
  p: Parsed,
  rng: Random,
): Pick<DatasetMetadata, 'format' | 'formatDetail'> & { method: 'api' | 'table' | 'file' } {
  const format: DemoDatasetFormat = p.spec[5]?.fmt ?? 'database';
  switch (format) {
    case 'database':
      return { format, formatDetail: rng.pick(DATABASE_DETAILS), method: rng.chance(0.6) ? 'api' : 'table' };
    case 'spreadsheet':
      return { format, formatDetail: 'XLSX', method: 'file' };
    case 'api':
      return { format, formatDetail: 'REST API（JSON）', method: 'api' };
    case 'stream':
      return { format, formatDetail: 'Kafka 消息流', method: 'api' };
    case 'geo':
      return { format, formatDetail: rng.pick(GEO_DETAILS), method: rng.chance(0.5) ? 'api' : 'file' };
    default:
      return { format, formatDetail: null, method: 'file' };
  }
}

function keywordsOf(p: Parsed, dept: DemoDepartment): string[] {
  const given = (p.spec[5]?.kw ?? '').split(',').filter(Boolean);
  const out = [...new Set([...given, categoryWord(p, dept)])];
  if (out.length < 2) out.push(p.spec[2].replace(/(信息|记录|数据)$/, ''));
  return out.slice(0, 5);
}

function summaryOf(
  p: Parsed,
  dept: DemoDepartment,
  system: DemoSystem | null,
  fields: DemoField[],
  freq: DemoFrequency,
) {
  const about = p.spec[5]?.about;
  const labels = fields.slice(0, 4).map((f) => f.label);
  const via = system ? `依托${system.name}` : '';
  return (
    `${about ? `${about}。` : ''}${dept.shortName}${via}采集和维护的${p.spec[2]}，` +
    `包括${labels.join('、')}等${fields.length}个信息项，${FREQUENCY_PHRASE[freq]}。`
  );
}

/** An older version: the newest non-key field was added later, or the update frequency changed. */
function olderVersion(meta: DatasetMetadata): { meta: DatasetMetadata; change: string } {
  const lastOptional = [...meta.fields].reverse().find((f) => !f.key);
  if (meta.fields.length > 4 && lastOptional) {
    return {
      meta: { ...meta, fields: meta.fields.filter((f) => f !== lastOptional) },
      change: `新增信息项“${lastOptional.label}”`,
    };
  }
  const updateFrequency: DemoFrequency = meta.updateFrequency === 'irregular' ? 'yearly' : 'irregular';
  return { meta: { ...meta, updateFrequency }, change: '调整更新频率' };
}

type Plan = 'published' | 'submitted' | 'draft' | 'approved' | 'deprecated';

/** Exact counts per status; base resources and the planted duplicates' datasets are always published. */
function planStatuses(parsed: readonly Parsed[], rng: Random): Plan[] {
  const pinned = (p: Parsed) => p.category === 'base' || !!p.spec[5]?.dup || !!p.spec[5]?.deprecated;
  const plans: Plan[] = parsed.map((p) => (p.spec[5]?.deprecated ? 'deprecated' : 'published'));
  const pool = rng.shuffle(parsed.flatMap((p, i) => (pinned(p) ? [] : [i])));
  const n = parsed.length;
  const forced = plans.filter((p) => p === 'deprecated').length;
  const quota: [Plan, number][] = [
    ['submitted', Math.round(n * 0.05)],
    ['draft', Math.round(n * 0.045)],
    ['approved', Math.round(n * 0.015)],
    ['deprecated', Math.max(0, Math.round(n * 0.03) - forced)],
  ];
  let next = 0;
  for (const [plan, count] of quota)
    for (let k = 0; k < count && next < pool.length; k++) plans[pool[next++]!] = plan;
  return plans;
}

interface Lifecycle {
  status: DemoDatasetStatus;
  version: number;
  publishedAt: string | null;
  releaseDate: string | null;
  createdAt: string;
  updatedAt: string;
  versions: { version: number; at: string; by: string }[];
  reviews: DemoDatasetReview[];
}

function lifecycleOf(plan: Plan, officer: string, today: string, rng: Random): Lifecycle {
  const reviews: DemoDatasetReview[] = [];
  const review = (
    action: DemoReviewAction,
    fromStatus: DemoDatasetStatus,
    toStatus: DemoDatasetStatus,
    actor: string,
    at: string,
    comment: string | null = null,
  ) => reviews.push({ action, fromStatus, toStatus, actor, at, comment });
  const versions: { version: number; at: string; by: string }[] = [];

  if (plan === 'draft' || plan === 'submitted' || plan === 'approved') {
    const created = dayOffset(today, -rng.int(plan === 'draft' ? 3 : 12, 60));
    const createdAt = instant(created, rng);
    let last = createdAt;
    if (plan === 'draft' && rng.chance(0.4)) {
      const submitted = instant(dayOffset(created, 1), rng);
      const rejected = instant(dayOffset(created, 2), rng);
      review('submit', 'draft', 'submitted', officer, submitted);
      review('reject', 'submitted', 'draft', 'bureau', rejected, rng.pick(REJECT_COMMENTS));
      last = rejected;
    }
    if (plan !== 'draft') {
      const submitDay = dayOffset(today, -rng.int(plan === 'approved' ? 4 : 1, 10));
      const submitAt = instant(submitDay < created ? created : submitDay, rng);
      const at = submitAt < createdAt ? createdAt : submitAt;
      review('submit', 'draft', 'submitted', officer, at);
      last = at;
      if (plan === 'approved') {
        const approveAt = instant(dayOffset(at.slice(0, 10), 1), rng);
        review('approve', 'submitted', 'approved', 'bureau', approveAt, '元数据完整，同意。');
        last = approveAt;
      }
    }
    return {
      status: plan,
      version: 0,
      publishedAt: null,
      releaseDate: null,
      createdAt,
      updatedAt: last,
      versions,
      reviews,
    };
  }

  // Published (maybe later deprecated): version 1 at the first publication after review; later
  // versions are the provider's edits of the published entry, each a new version at once.
  const count =
    plan === 'published'
      ? rng.weighted([
          [1, 0.78],
          [2, 0.16],
          [3, 0.06],
        ] as const)
      : 1;
  const deprecatedGap = plan === 'deprecated' ? rng.int(30, 200) : 0;
  const firstAgo = rng.int(40 + 60 * (count - 1) + deprecatedGap, 1800);
  const firstDay = dayOffset(today, -firstAgo);
  const created = dayOffset(firstDay, -rng.int(5, 40));
  const createdAt = instant(created, rng);
  review('submit', 'draft', 'submitted', officer, instant(dayOffset(firstDay, -rng.int(2, 4)), rng));
  review('approve', 'submitted', 'approved', 'bureau', instant(dayOffset(firstDay, -1), rng), null);
  let day = firstDay;
  let at = instant(day, rng);
  review('publish', 'approved', 'published', 'bureau', at);
  versions.push({ version: 1, at, by: 'bureau' });
  for (let v = 2; v <= count; v++) {
    // Each revision 30+ days after the previous one, leaving room before today.
    const remaining = Math.round((Date.parse(today) - Date.parse(day)) / DAY_MS) - deprecatedGap - 10;
    day = dayOffset(day, rng.int(30, Math.max(31, Math.floor(remaining / (count - v + 1)))));
    at = instant(day, rng);
    versions.push({ version: v, at, by: officer });
  }
  const publishedAt = versions[versions.length - 1]!.at;
  let updatedAt = publishedAt;
  if (plan === 'deprecated') {
    const deprecatedAt = instant(dayOffset(day, deprecatedGap), rng);
    review('deprecate', 'published', 'deprecated', 'bureau', deprecatedAt, DEPRECATE_COMMENT);
    updatedAt = deprecatedAt;
  }
  return {
    status: plan,
    version: count,
    publishedAt,
    releaseDate: firstDay,
    createdAt,
    updatedAt,
    versions,
    reviews,
  };
}

/**
 * The whole demo catalogue. `today` is the China date the demo is built for (ISO); every date in
 * the catalogue lies before it.
 */
export function demoCatalogue(
  departments: readonly DemoDepartment[],
  systems: readonly DemoSystem[],
  opts: { seed?: number; today: string },
): DemoCatalogue {
  const { today } = opts;
  const root = createRandom(opts.seed ?? DEFAULT_DEMO_SEED).fork('catalogue');
  const deptIndex = new Map(departments.map((d, i) => [d.code, i]));
  const deptByCode = new Map(departments.map((d) => [d.code, d]));
  const systemByKey = new Map(systems.map((s) => [s.key, s]));
  const parsed = DATASET_SPECS.map(parseSpec);
  const plans = planStatuses(parsed, root.fork('status'));

  const perPrefix = new Map<string, number>();
  const datasets: DemoDataset[] = parsed.map((p, i) => {
    const [, , name, fieldSpec, letter] = p.spec;
    const dept = deptByCode.get(p.departmentCode);
    const index = deptIndex.get(p.departmentCode);
    if (!dept || index === undefined) throw new Error(`demo dataset ${name}: unknown department`);
    const system = p.systemKey ? systemByKey.get(p.systemKey) : null;
    if (p.systemKey && !system) throw new Error(`demo dataset ${name}: unknown system ${p.systemKey}`);
    const rng = root.fork(`${p.spec[0]}/${name}`);
    const prefix = classPrefix(p, index);
    const sub = (perPrefix.get(prefix) ?? 0) + 1;
    perPrefix.set(prefix, sub);
    const code = `${prefix}${String(sub).padStart(3, '0')}/${String(i + 1).padStart(6, '0')}`;
    const fields = demoFields(fieldSpec);
    const maxLevel = highestLevel(fields);
    const updateFrequency = FREQUENCIES[letter];
    const sharing = sharingOf(p, maxLevel, rng);
    const { method, ...format } = formatOf(p, rng);
    const officer = `data-${dept.code}`;
    const life = lifecycleOf(plans[i]!, officer, today, rng);
    const meta: DatasetMetadata = {
      code,
      name,
      summary: summaryOf(p, dept, system ?? null, fields, updateFrequency),
      category: p.category,
      baseResource: p.baseResource,
      theme: p.theme,
      ...format,
      fields,
      ...sharing,
      sharingMethod: sharing.sharingType === 'none' ? null : method,
      updateFrequency,
      releaseDate: life.releaseDate,
      keywords: keywordsOf(p, dept),
      relatedCodes: [],
    };
    return {
      ...meta,
      departmentCode: dept.code,
      sourceSystemCode: system?.code ?? null,
      maxLevel,
      status: life.status,
      version: life.version,
      publishedAt: life.publishedAt,
      createdBy: officer,
      createdAt: life.createdAt,
      updatedAt: life.updatedAt,
      versions: life.versions.map((v) => ({ ...v, meta, note: '' })),
      reviews: life.reviews,
    };
  });

  // Related entries by name, then the version history (older versions derived from the newer).
  const codeByName = new Map<string, string>();
  for (const d of datasets) if (!codeByName.has(d.name)) codeByName.set(d.name, d.code);
  parsed.forEach((p, i) => {
    const d = datasets[i]!;
    const rel = p.spec[5]?.rel;
    if (rel) {
      const code = codeByName.get(rel);
      if (!code) throw new Error(`demo dataset ${d.name}: related entry ${rel} is unknown`);
      d.relatedCodes = [code];
    }
    let meta: DatasetMetadata = pickMetadata(d);
    for (let k = d.versions.length - 1; k >= 0; k--) {
      const v = d.versions[k]!;
      v.meta = meta;
      if (k > 0) {
        const older = olderVersion(meta);
        v.note = older.change;
        meta = older.meta;
      } else v.note = '首次发布';
    }
  });

  return { datasets, consumptions: consumptionsOf(datasets, systems, root.fork('consumptions')) };
}

function pickMetadata(d: DemoDataset): DatasetMetadata {
  return {
    code: d.code,
    name: d.name,
    summary: d.summary,
    category: d.category,
    baseResource: d.baseResource,
    theme: d.theme,
    format: d.format,
    formatDetail: d.formatDetail,
    fields: d.fields,
    sharingType: d.sharingType,
    sharingConditions: d.sharingConditions,
    sharingMethod: d.sharingMethod,
    openType: d.openType,
    openConditions: d.openConditions,
    updateFrequency: d.updateFrequency,
    releaseDate: d.releaseDate,
    keywords: d.keywords,
    relatedCodes: d.relatedCodes,
  };
}

/** Live systems consume up to three published entries of other departments, base resources first. */
function consumptionsOf(datasets: readonly DemoDataset[], systems: readonly DemoSystem[], root: Random) {
  const published = datasets.filter((d) => d.status === 'published');
  const out: DemoConsumption[] = [];
  for (const s of systems) {
    if (s.status !== 'live') continue;
    const rng = root.fork(s.code);
    const candidates = published.filter((d) => d.departmentCode !== s.departmentCode);
    const weighted = candidates.map((d) => [d, d.category === 'base' ? 4 : 1] as const);
    const chosen = new Set<DemoDataset>();
    const count = rng.weighted([
      [0, 0.25],
      [1, 0.35],
      [2, 0.25],
      [3, 0.15],
    ] as const);
    for (let k = 0; k < count * 3 && chosen.size < count; k++) chosen.add(rng.weighted(weighted));
    for (const d of chosen) out.push({ systemCode: s.code, datasetCode: d.code });
  }
  return out;
}

/** Names of the datasets each system produces (the source of), for the duplicate rule. */
export function producedDatasetNames(datasets: readonly DemoDataset[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of datasets) {
    if (!d.sourceSystemCode) continue;
    const list = out.get(d.sourceSystemCode) ?? [];
    list.push(d.name);
    out.set(d.sourceSystemCode, list);
  }
  return out;
}
