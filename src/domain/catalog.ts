// The data resource catalogue's exact rules: resource codes (资源代码) of the national catalogue guide,
// the metadata an entry must carry, the DB33/T 2351-2021 open-type rule, the review lifecycle and a
// field-level diff between two states of an entry. Pure: no I/O, no clock.

import { isIsoDate } from './calendar.ts';

export const DATASET_CATEGORIES = ['base', 'theme', 'department'] as const;
export type DatasetCategory = (typeof DATASET_CATEGORIES)[number];
/** The five base resources (基础信息资源): 人口, 法人, 自然资源和空间地理, 社会信用, 电子证照. */
export const BASE_RESOURCES = [
  'population',
  'legal_entity',
  'geospatial',
  'social_credit',
  'e_license',
] as const;
export type BaseResource = (typeof BASE_RESOURCES)[number];
export const DATASET_FORMATS = [
  'database',
  'spreadsheet',
  'document',
  'image',
  'stream',
  'api',
  'geo',
  'other',
] as const;
export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type SharingType = (typeof SHARING_TYPES)[number];
export const SHARING_METHODS = ['api', 'table', 'file'] as const;
export const OPEN_TYPES = ['open', 'conditional', 'closed'] as const;
export type OpenType = (typeof OPEN_TYPES)[number];
export const UPDATE_FREQUENCIES = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
  'irregular',
] as const;
export const CLASSIFICATION_LEVELS = ['L1', 'L2', 'L3', 'L4'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];
export const FIELD_TYPES = [
  'string',
  'integer',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'code',
  'geometry',
  'binary',
] as const;
export const DATASET_STATUSES = ['draft', 'submitted', 'approved', 'published', 'deprecated'] as const;
export type DatasetStatus = (typeof DATASET_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Resource codes: 类(1) 项(2) 目(3) 细目(0-6) "/" 顺序码(6), e.g. 101001001/000001.

/** The 类 digit of each category. */
export const CATEGORY_DIGIT: Readonly<Record<DatasetCategory, string>> = {
  base: '1',
  theme: '2',
  department: '3',
};
/** For base resources, the 项 names which of the five it is. */
export const BASE_RESOURCE_ITEM: Readonly<Record<BaseResource, string>> = {
  population: '01',
  legal_entity: '02',
  geospatial: '03',
  social_credit: '04',
  e_license: '05',
};

export interface DatasetCode {
  category: DatasetCategory;
  /** 项: two digits. */
  item: string;
  /** 目: three digits. */
  section: string;
  /** 细目: zero to six digits. */
  subsection: string;
  /** 顺序码: six digits, from 000001. */
  sequence: string;
}

/**
 * Why a code is malformed: `empty`; `separator` (not exactly one "/"); `digits` (other characters
 * than digits around it); `class` (类 is not 1, 2 or 3); `item` / `section` (项 or 目 incomplete);
 * `subsection` (细目 longer than six digits); `sequence` (顺序码 not six digits, or 000000).
 */
export type CodeReason =
  'empty' | 'separator' | 'digits' | 'class' | 'item' | 'section' | 'subsection' | 'sequence';

export type ParsedCode = { ok: true; code: DatasetCode } | { ok: false; reason: CodeReason };

const CATEGORY_OF_DIGIT: Readonly<Record<string, DatasetCategory>> = {
  '1': 'base',
  '2': 'theme',
  '3': 'department',
};

export function parseDatasetCode(code: string): ParsedCode {
  if (code.length === 0) return { ok: false, reason: 'empty' };
  const parts = code.split('/');
  if (parts.length !== 2) return { ok: false, reason: 'separator' };
  const [head, sequence] = parts as [string, string];
  if (!/^\d*$/.test(head) || !/^\d*$/.test(sequence)) return { ok: false, reason: 'digits' };
  const category = CATEGORY_OF_DIGIT[head.charAt(0)];
  if (!category) return { ok: false, reason: 'class' };
  if (head.length < 3) return { ok: false, reason: 'item' };
  if (head.length < 6) return { ok: false, reason: 'section' };
  if (head.length > 12) return { ok: false, reason: 'subsection' };
  if (sequence.length !== 6 || sequence === '000000') return { ok: false, reason: 'sequence' };
  return {
    ok: true,
    code: {
      category,
      item: head.slice(1, 3),
      section: head.slice(3, 6),
      subsection: head.slice(6),
      sequence,
    },
  };
}

export function formatDatasetCode(c: DatasetCode): string {
  return `${CATEGORY_DIGIT[c.category]}${c.item}${c.section}${c.subsection}/${c.sequence}`;
}

// ---------------------------------------------------------------------------------------------
// Entries: what a whole entry must satisfy.

export interface FieldDraft {
  name: string;
  label: string;
  type: string;
  required?: boolean | undefined;
  key?: boolean | undefined;
  level: string;
  pattern?: string | null | undefined;
  codeList?: string | null | undefined;
  unit?: string | null | undefined;
  description?: string | null | undefined;
}

export interface DatasetDraft {
  code: string;
  name: string;
  summary: string;
  category: string;
  baseResource?: string | null | undefined;
  theme?: string | null | undefined;
  format: string;
  formatDetail?: string | null | undefined;
  fields: readonly FieldDraft[];
  sharingType: string;
  sharingConditions?: string | null | undefined;
  sharingMethod?: string | null | undefined;
  openType: string;
  openConditions?: string | null | undefined;
  updateFrequency: string;
  releaseDate?: string | null | undefined;
  keywords: readonly string[];
  relatedCodes: readonly string[];
}

/** Each reason is a message `od.catalog.<reason>` (catalog.messages.ts). */
export type EntryReason =
  | `code.${CodeReason}`
  | 'codeCategory'
  | 'codeBaseResource'
  | 'required'
  | 'length'
  | 'oneOf'
  | 'baseResourceRequired'
  | 'baseResourceNotBase'
  | 'themeRequired'
  | 'fieldsRequired'
  | 'fieldsTooMany'
  | 'fieldName'
  | 'fieldNameDuplicate'
  | 'keyNotRequired'
  | 'pattern'
  | 'sharingConditionsRequired'
  | 'sharingReasonRequired'
  | 'openTypeTooOpen'
  | 'openConditionsRequired'
  | 'keywordsTooMany'
  | 'keywordLength'
  | 'keywordDuplicate'
  | 'relatedCode'
  | 'relatedSelf'
  | 'releaseDate';

export interface EntryProblem {
  /** The field's path in the entry: `name`, `fields.2.level`, `keywords.0`. */
  path: string;
  reason: EntryReason;
  params?: Record<string, string | number>;
}

export const LIMITS = {
  name: [2, 100],
  summary: [10, 2000],
  fieldLabel: [1, 100],
  theme: [1, 50],
  text: [0, 2000],
  shortText: [0, 200],
  pattern: [0, 500],
  fields: 500,
  keywords: 20,
  keyword: 20,
} as const;

export const FIELD_NAME = /^[a-z][a-z0-9_]{0,62}$/;

const blank = (s: string | null | undefined): boolean => !s || s.trim().length === 0;

/** The highest classification level among the fields (L1 when there are none). */
export function maxLevel(fields: readonly { level: string }[]): ClassificationLevel {
  let best = 0;
  for (const f of fields)
    best = Math.max(best, CLASSIFICATION_LEVELS.indexOf(f.level as ClassificationLevel));
  return CLASSIFICATION_LEVELS[best]!;
}

/**
 * The open types an entry may declare (DB33/T 2351-2021): an entry with an L4 field is not opened;
 * with L2/L3 fields at most conditionally; only an all-L1 entry may be opened without conditions.
 * What is not shared between departments is not opened to the public either.
 */
export function allowedOpenTypes(level: ClassificationLevel, sharingType: string): readonly OpenType[] {
  if (sharingType === 'none' || level === 'L4') return ['closed'];
  if (level === 'L2' || level === 'L3') return ['conditional', 'closed'];
  return OPEN_TYPES;
}

function isValidPattern(p: string): boolean {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Every problem of a code given the entry's category and base resource (empty when it fits). */
export function codeProblems(
  code: string,
  category: string,
  baseResource: string | null | undefined,
): EntryProblem[] {
  const parsed = parseDatasetCode(code);
  if (!parsed.ok) return [{ path: 'code', reason: `code.${parsed.reason}` }];
  const problems: EntryProblem[] = [];
  const digit = CATEGORY_DIGIT[category as DatasetCategory];
  if (digit && parsed.code.category !== category)
    problems.push({ path: 'code', reason: 'codeCategory', params: { digit } });
  const item = BASE_RESOURCE_ITEM[baseResource as BaseResource];
  if (category === 'base' && item && parsed.code.item !== item)
    problems.push({ path: 'code', reason: 'codeBaseResource', params: { item } });
  return problems;
}

/**
 * Every problem of a whole entry, each naming its field; empty when the entry may be saved. Checks
 * the enumerations too, so that rows read from a spreadsheet go through the same rules.
 */
export function datasetProblems(d: DatasetDraft): EntryProblem[] {
  const out: EntryProblem[] = [];
  const add = (path: string, reason: EntryReason, params?: Record<string, string | number>) =>
    out.push(params ? { path, reason, params } : { path, reason });
  const text = (path: string, value: string | null | undefined, [min, max]: readonly [number, number]) => {
    const v = value?.trim() ?? '';
    if (min > 0 && v.length === 0) add(path, 'required');
    else if (v.length < min || v.length > max) add(path, 'length', { min, max });
  };
  const oneOf = (
    path: string,
    value: string | null | undefined,
    allowed: readonly string[],
    optional = false,
  ) => {
    if (optional && (value === null || value === undefined || value === '')) return;
    if (!allowed.includes(value ?? '')) add(path, 'oneOf', { allowed: allowed.join(', ') });
  };

  oneOf('category', d.category, DATASET_CATEGORIES);
  if (d.category === 'base') {
    if (blank(d.baseResource)) add('baseResource', 'baseResourceRequired');
    else oneOf('baseResource', d.baseResource, BASE_RESOURCES);
  } else if (!blank(d.baseResource)) add('baseResource', 'baseResourceNotBase');
  if (d.category === 'theme' && blank(d.theme)) add('theme', 'themeRequired');
  else if (!blank(d.theme)) text('theme', d.theme, LIMITS.theme);
  out.push(...codeProblems(d.code, d.category, d.baseResource));

  text('name', d.name, LIMITS.name);
  text('summary', d.summary, LIMITS.summary);
  oneOf('format', d.format, DATASET_FORMATS);
  text('formatDetail', d.formatDetail, LIMITS.shortText);

  if (d.fields.length === 0) add('fields', 'fieldsRequired');
  if (d.fields.length > LIMITS.fields) add('fields', 'fieldsTooMany', { max: LIMITS.fields });
  const firstByName = new Map<string, number>();
  d.fields.forEach((f, i) => {
    const at = `fields.${i}`;
    if (!FIELD_NAME.test(f.name)) add(`${at}.name`, 'fieldName');
    else if (firstByName.has(f.name))
      add(`${at}.name`, 'fieldNameDuplicate', { index: firstByName.get(f.name)! });
    else firstByName.set(f.name, i);
    text(`${at}.label`, f.label, LIMITS.fieldLabel);
    oneOf(`${at}.type`, f.type, FIELD_TYPES);
    oneOf(`${at}.level`, f.level, CLASSIFICATION_LEVELS);
    if (f.key && !f.required) add(`${at}.required`, 'keyNotRequired');
    if (!blank(f.pattern)) {
      if (f.pattern!.length > LIMITS.pattern[1])
        add(`${at}.pattern`, 'length', { min: 0, max: LIMITS.pattern[1] });
      else if (!isValidPattern(f.pattern!)) add(`${at}.pattern`, 'pattern');
    }
    text(`${at}.codeList`, f.codeList, LIMITS.shortText);
    text(`${at}.unit`, f.unit, LIMITS.shortText);
    text(`${at}.description`, f.description, LIMITS.text);
  });

  oneOf('sharingType', d.sharingType, SHARING_TYPES);
  if (d.sharingType === 'conditional' && blank(d.sharingConditions))
    add('sharingConditions', 'sharingConditionsRequired');
  else if (d.sharingType === 'none' && blank(d.sharingConditions))
    add('sharingConditions', 'sharingReasonRequired');
  else text('sharingConditions', d.sharingConditions, LIMITS.text);
  oneOf('sharingMethod', d.sharingMethod, SHARING_METHODS, true);

  oneOf('openType', d.openType, OPEN_TYPES);
  const level = maxLevel(
    d.fields.filter((f) => (CLASSIFICATION_LEVELS as readonly string[]).includes(f.level)),
  );
  const openTypes = allowedOpenTypes(level, d.sharingType);
  if ((OPEN_TYPES as readonly string[]).includes(d.openType) && !openTypes.includes(d.openType as OpenType))
    add('openType', 'openTypeTooOpen', { level, allowed: openTypes.join(', ') });
  else if (d.openType === 'conditional' && blank(d.openConditions))
    add('openConditions', 'openConditionsRequired');
  else text('openConditions', d.openConditions, LIMITS.text);

  oneOf('updateFrequency', d.updateFrequency, UPDATE_FREQUENCIES);
  if (!blank(d.releaseDate) && !isIsoDate(d.releaseDate)) add('releaseDate', 'releaseDate');

  if (d.keywords.length > LIMITS.keywords) add('keywords', 'keywordsTooMany', { max: LIMITS.keywords });
  const seenKeywords = new Set<string>();
  d.keywords.forEach((k, i) => {
    const v = k.trim();
    if (v.length === 0 || v.length > LIMITS.keyword)
      add(`keywords.${i}`, 'keywordLength', { max: LIMITS.keyword });
    else if (seenKeywords.has(v)) add(`keywords.${i}`, 'keywordDuplicate');
    seenKeywords.add(v);
  });
  d.relatedCodes.forEach((c, i) => {
    if (!parseDatasetCode(c).ok) add(`relatedCodes.${i}`, 'relatedCode');
    else if (c === d.code) add(`relatedCodes.${i}`, 'relatedSelf');
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The lifecycle: draft → submitted → approved → published → deprecated.

export const LIFECYCLE_ACTIONS = ['submit', 'withdraw', 'approve', 'reject', 'publish', 'deprecate'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export interface Transition {
  from: DatasetStatus;
  to: DatasetStatus;
  /** The provider: whoever may edit the department's entries; the bureau: catalog.review. */
  by: readonly ('provider' | 'bureau')[];
  commentRequired: boolean;
}

export const TRANSITIONS: Readonly<Record<LifecycleAction, Transition>> = {
  submit: { from: 'draft', to: 'submitted', by: ['provider'], commentRequired: false },
  withdraw: { from: 'submitted', to: 'draft', by: ['provider'], commentRequired: false },
  approve: { from: 'submitted', to: 'approved', by: ['bureau'], commentRequired: false },
  reject: { from: 'submitted', to: 'draft', by: ['bureau'], commentRequired: true },
  publish: { from: 'approved', to: 'published', by: ['bureau', 'provider'], commentRequired: false },
  deprecate: { from: 'published', to: 'deprecated', by: ['bureau', 'provider'], commentRequired: true },
};

/** What the caller is to an entry. */
export interface Standing {
  provider: boolean;
  bureau: boolean;
}

export type TransitionDecision =
  { ok: true; to: DatasetStatus } | { ok: false; refusal: 'role' | 'status' | 'comment' };

const mayAct = (t: Transition, s: Standing) => t.by.some((who) => s[who]);

/** Whether an action may be taken now: first who acts, then the entry's state, then the comment. */
export function decideTransition(
  action: LifecycleAction,
  status: DatasetStatus,
  standing: Standing,
  comment: string | null | undefined,
): TransitionDecision {
  const t = TRANSITIONS[action];
  if (!mayAct(t, standing)) return { ok: false, refusal: 'role' };
  if (t.from !== status) return { ok: false, refusal: 'status' };
  if (t.commentRequired && blank(comment)) return { ok: false, refusal: 'comment' };
  return { ok: true, to: t.to };
}

/** The actions the caller could take on an entry in this state. */
export function availableActions(status: DatasetStatus, standing: Standing): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((a) => TRANSITIONS[a].from === status && mayAct(TRANSITIONS[a], standing));
}

/**
 * What an edit does in each state: drafts change in place; an approved entry goes back to draft
 * (it must be reviewed again); a published entry becomes its next published version at once; a
 * submitted entry must be withdrawn first and a deprecated one is closed.
 */
export type EditEffect = 'inPlace' | 'revise' | 'newVersion' | 'locked';

export function editEffect(status: DatasetStatus): EditEffect {
  switch (status) {
    case 'draft':
      return 'inPlace';
    case 'approved':
      return 'revise';
    case 'published':
      return 'newVersion';
    default:
      return 'locked';
  }
}

/** Publishing: the next version number, and the release date kept or set to the day of publication. */
export function publication(
  current: { version: number; releaseDate: string | null },
  today: string,
): { version: number; releaseDate: string } {
  return { version: current.version + 1, releaseDate: current.releaseDate ?? today };
}

// ---------------------------------------------------------------------------------------------
// Diff: what changed between two states of an entry, field by field.

export interface AttributeChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface FieldChange {
  name: string;
  changes: AttributeChange[];
}

export interface DatasetDiff {
  attributes: AttributeChange[];
  fields: { added: Record<string, unknown>[]; removed: Record<string, unknown>[]; changed: FieldChange[] };
}

/** What a state of an entry is compared by: its attributes, and its fields matched by name. */
export interface Comparable {
  fields?: readonly { name: string }[] | null | undefined;
}

type Attributes = Record<string, unknown>;

/** Bookkeeping that changes with every state and is not part of the entry's content. */
export const DIFF_IGNORED: readonly string[] = [
  'id',
  'fields',
  'status',
  'version',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'createdBy',
];

/** Stable text of a JSON value (object keys sorted; absent and null are the same). */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const orNull = (v: unknown) => (v === undefined ? null : v);

function attributeChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignored: readonly string[],
): AttributeChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !ignored.includes(k),
  );
  return keys
    .sort()
    .filter((k) => !same(before[k], after[k]))
    .map((path) => ({ path, before: orNull(before[path]), after: orNull(after[path]) }));
}

/** A field-level diff: changed attributes, and fields added, removed or changed (matched by name). */
export function diffDatasets(before: Comparable, after: Comparable): DatasetDiff {
  const attributes = attributeChanges(before as Attributes, after as Attributes, DIFF_IGNORED);
  const beforeFields = new Map((before.fields ?? []).map((f) => [f.name, f as Attributes]));
  const afterFields = new Map((after.fields ?? []).map((f) => [f.name, f as Attributes]));
  const added = [...afterFields].filter(([n]) => !beforeFields.has(n)).map(([, f]) => f);
  const removed = [...beforeFields].filter(([n]) => !afterFields.has(n)).map(([, f]) => f);
  const changed: FieldChange[] = [];
  for (const [name, b] of beforeFields) {
    const a = afterFields.get(name);
    if (!a) continue;
    const changes = attributeChanges(b, a, ['name']);
    if (changes.length) changed.push({ name, changes });
  }
  return { attributes, fields: { added, removed, changed } };
}

export function isEmptyDiff(d: DatasetDiff): boolean {
  return (
    d.attributes.length === 0 &&
    d.fields.added.length === 0 &&
    d.fields.removed.length === 0 &&
    d.fields.changed.length === 0
  );
}

/** The paths a diff touches, for audit records and notices: `name`, `fields.id_no`, `fields.+addr`. */
export function changedPaths(d: DatasetDiff): string[] {
  return [
    ...d.attributes.map((a) => a.path),
    ...d.fields.added.map((f) => `fields.+${String(f.name)}`),
    ...d.fields.removed.map((f) => `fields.-${String(f.name)}`),
    ...d.fields.changed.map((f) => `fields.${f.name}`),
  ];
}

/**
 * Applies a diff to a state: the result has the other state's attributes and fields (fields that
 * stay keep their place, added ones come last). `applyDiff(a, diffDatasets(a, b))` equals `b` up to
 * ignored bookkeeping and field order.
 */
export function applyDiff(state: Comparable, d: DatasetDiff): Comparable & Attributes {
  const out: Attributes = { ...state };
  for (const a of d.attributes) out[a.path] = a.after;
  const removed = new Set(d.fields.removed.map((f) => f.name));
  const changes = new Map(d.fields.changed.map((c) => [c.name, c.changes]));
  const fields = (state.fields ?? [])
    .filter((f) => !removed.has(f.name))
    .map((f) => {
      const next: Attributes = { ...f };
      for (const c of changes.get(f.name) ?? []) next[c.path] = c.after;
      return next as { name: string };
    });
  out.fields = [...fields, ...(d.fields.added as { name: string }[])];
  return out;
}
