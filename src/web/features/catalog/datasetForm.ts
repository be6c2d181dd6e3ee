import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/errors.ts';
import type {
  ClassificationLevel,
  Dataset,
  DatasetFieldInput,
  DatasetInput,
  OpenType,
  SharingType,
} from '../../api/types.ts';
import { CLASSIFICATION_LEVELS, OPEN_TYPES } from '../../i18n/labels.ts';

/** The attributes of a field row that the server may name in an error (`fields.3.name`). */
export const FIELD_ATTRIBUTES = [
  'name',
  'label',
  'type',
  'required',
  'key',
  'level',
  'pattern',
  'codeList',
  'unit',
  'description',
] as const;

export const EMPTY_FIELD: DatasetFieldInput = {
  name: '',
  label: '',
  type: 'string',
  required: false,
  key: false,
  level: 'L1',
  pattern: null,
  codeList: null,
  unit: null,
  description: null,
};

/** The dataset form holds the create body, plus the change note of a new published version. */
export type DatasetFormValues = DatasetInput & { changeNote?: string };

/** The form's top-level inputs: a server problem naming one of them is shown beside it. */
export const TOP_FIELDS = [
  'code',
  'name',
  'summary',
  'category',
  'baseResource',
  'theme',
  'departmentId',
  'sourceSystemId',
  'format',
  'formatDetail',
  'sharingType',
  'sharingConditions',
  'sharingMethod',
  'openType',
  'openConditions',
  'updateFrequency',
  'releaseDate',
  'keywords',
  'relatedCodes',
  'changeNote',
] as const;

/** The highest level among the fields (L1 when there are none), as the server computes it. */
export function maxLevel(fields: readonly { level?: string | undefined }[] | undefined): ClassificationLevel {
  let best = 0;
  for (const f of fields ?? [])
    best = Math.max(best, CLASSIFICATION_LEVELS.indexOf((f?.level ?? 'L1') as ClassificationLevel));
  return CLASSIFICATION_LEVELS[best] ?? 'L1';
}

/**
 * The open types an entry may declare (DB33/T 2351-2021), as a hint while filling in the form; the
 * server applies the same rule (src/domain/catalog.ts allowedOpenTypes) and has the last word.
 */
export function allowedOpenTypes(
  level: ClassificationLevel,
  sharingType: SharingType | undefined,
): readonly OpenType[] {
  if (sharingType === 'none' || level === 'L4') return ['closed'];
  if (level === 'L2' || level === 'L3') return ['conditional', 'closed'];
  return OPEN_TYPES;
}

/** The form's values for an existing entry. */
export function valuesOf(d: Dataset): DatasetFormValues {
  return {
    code: d.code,
    name: d.name,
    summary: d.summary,
    category: d.category,
    baseResource: d.baseResource,
    theme: d.theme,
    departmentId: d.provider.id,
    sourceSystemId: d.sourceSystem?.id ?? null,
    format: d.format,
    formatDetail: d.formatDetail,
    fields: d.fields.map((f) => ({ ...f })),
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

const text = (v: string | null | undefined): string | null => {
  const s = v?.trim() ?? '';
  return s.length > 0 ? s : null;
};

function fieldBody(f: DatasetFieldInput): DatasetFieldInput {
  return {
    name: f.name?.trim() ?? '',
    label: f.label?.trim() ?? '',
    type: f.type,
    required: Boolean(f.required) || Boolean(f.key),
    key: Boolean(f.key),
    level: f.level,
    pattern: text(f.pattern),
    codeList: text(f.codeList),
    unit: text(f.unit),
    description: text(f.description),
  };
}

/** The create body from the form: trimmed text, blanks as null, the base resource or theme only where it applies. */
export function bodyOf(v: DatasetFormValues): DatasetInput {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    summary: v.summary.trim(),
    category: v.category,
    baseResource: v.category === 'base' ? (v.baseResource ?? null) : null,
    theme: text(v.theme),
    ...(v.departmentId ? { departmentId: v.departmentId } : {}),
    sourceSystemId: v.sourceSystemId ?? null,
    format: v.format,
    formatDetail: text(v.formatDetail),
    fields: (v.fields ?? []).map(fieldBody),
    sharingType: v.sharingType,
    sharingConditions: text(v.sharingConditions),
    sharingMethod: v.sharingMethod ?? null,
    openType: v.openType,
    openConditions: text(v.openConditions),
    updateFrequency: v.updateFrequency,
    releaseDate: text(v.releaseDate),
    keywords: (v.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0),
    relatedCodes: (v.relatedCodes ?? []).map((c) => c.trim()).filter((c) => c.length > 0),
  };
}

/** A server path (`fields.3.name`, `body.keywords.0`, `/code`) as its parts. */
function pathParts(path: string): string[] {
  const parts = path
    .replace(/^\/+/, '')
    .split(/[./[\]]/)
    .filter((p) => p.length > 0);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts;
}

/**
 * Shows the server's field problems beside the inputs they name: `fields.3.name` on row 4's name,
 * `keywords.0` on the keywords. Returns the messages that fit no input (e.g. "at least one field"),
 * a row's problem without a column prefixed by its row number, for the banner above the form.
 */
export function applyDatasetErrors(
  form: FormInstance<DatasetFormValues>,
  error: unknown,
  rowCount: number,
  t: TFunction,
): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  const put = (name: (string | number)[], message: string) => {
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byName.set(key, entry);
  };
  for (const problem of error.fields) {
    const [head, index, attribute] = pathParts(problem.path);
    if (head === 'fields' && index !== undefined && /^\d+$/.test(index)) {
      const row = Number(index);
      if (row < rowCount && (FIELD_ATTRIBUTES as readonly string[]).includes(attribute ?? ''))
        put(['fields', row, attribute!], problem.message);
      else unmatched.push(t('catalog.edit.rowProblem', { row: row + 1, message: problem.message }));
    } else if (head && (TOP_FIELDS as readonly string[]).includes(head)) put([head], problem.message);
    else unmatched.push(problem.message);
  }
  form.setFields([...byName.values()] as never);
  return unmatched;
}
