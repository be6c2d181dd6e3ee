import { z } from 'zod';
import * as domain from '../../../domain/catalog.ts';
import type { FieldProblem } from '../../http/errors.ts';
import type { MessageKey } from '../../http/messages.ts';
import type { DatasetValues } from './catalog.repo.ts';
import * as tables from './catalog.tables.ts';

/** Schemas of the catalogue routes: what a client sends and what it gets back. */

// Bounds here only keep requests small; the catalogue's own rules (src/domain/catalog.ts) check the
// rest and report every problem of an entry at once.
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();

export const fieldInput = z.strictObject({
  name: text(200),
  label: text(1000),
  type: z.enum(domain.FIELD_TYPES),
  required: z.boolean().default(false),
  key: z.boolean().default(false),
  level: z.enum(domain.CLASSIFICATION_LEVELS),
  pattern: z.string().max(5000).nullish(),
  codeList: optionalText(2000),
  unit: optionalText(2000),
  description: optionalText(20000),
});

const entryShape = {
  code: text(100),
  name: text(1000),
  summary: text(20000),
  category: z.enum(domain.DATASET_CATEGORIES),
  baseResource: z.enum(domain.BASE_RESOURCES).nullish(),
  theme: optionalText(1000),
  sourceSystemId: z.uuid().nullish(),
  format: z.enum(domain.DATASET_FORMATS),
  formatDetail: optionalText(2000),
  fields: z.array(fieldInput).max(5000),
  sharingType: z.enum(domain.SHARING_TYPES),
  sharingConditions: optionalText(20000),
  sharingMethod: z.enum(domain.SHARING_METHODS).nullish(),
  openType: z.enum(domain.OPEN_TYPES),
  openConditions: optionalText(20000),
  updateFrequency: z.enum(domain.UPDATE_FREQUENCIES),
  releaseDate: optionalText(40),
  keywords: z.array(text(1000)).max(1000),
  relatedCodes: z.array(text(100)).max(1000),
};

export const createBody = z.strictObject({
  ...entryShape,
  /** The bureau picks the provider; a department's officer always catalogues for their own. */
  departmentId: z.uuid().optional(),
  keywords: entryShape.keywords.default([]),
  relatedCodes: entryShape.relatedCodes.default([]),
});
export type CreateBody = z.infer<typeof createBody>;

export const patchBody = z.strictObject({
  ...z.object(entryShape).partial().shape,
  /** Optimistic concurrency: the version and/or updatedAt the client last saw. */
  expectedVersion: z.int().min(0).optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  /** For a published entry: what this new version changes. */
  changeNote: text(500).optional(),
});
export type PatchBody = z.infer<typeof patchBody>;

export const actionBody = z.strictObject({
  action: z.enum(domain.LIFECYCLE_ACTIONS),
  comment: text(2000).optional(),
  /** Optimistic concurrency: the updatedAt the client last saw. */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
});

export const datasetField = z
  .object({
    name: z.string(),
    label: z.string(),
    type: z.enum(domain.FIELD_TYPES),
    required: z.boolean(),
    key: z.boolean(),
    level: z.enum(domain.CLASSIFICATION_LEVELS),
    pattern: z.string().nullable(),
    codeList: z.string().nullable(),
    unit: z.string().nullable(),
    description: z.string().nullable(),
  })
  .meta({ id: 'DatasetField' });

export const datasetSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    category: z.enum(domain.DATASET_CATEGORIES),
    baseResource: z.enum(domain.BASE_RESOURCES).nullable(),
    theme: z.string().nullable(),
    provider: z.object({ id: z.string(), name: z.string() }),
    regionCode: z.string(),
    sourceSystem: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    format: z.enum(domain.DATASET_FORMATS),
    formatDetail: z.string().nullable(),
    fields: z.array(datasetField),
    maxLevel: z.enum(domain.CLASSIFICATION_LEVELS),
    sharingType: z.enum(domain.SHARING_TYPES),
    sharingConditions: z.string().nullable(),
    sharingMethod: z.enum(domain.SHARING_METHODS).nullable(),
    openType: z.enum(domain.OPEN_TYPES),
    openConditions: z.string().nullable(),
    updateFrequency: z.enum(domain.UPDATE_FREQUENCIES),
    releaseDate: z.string().nullable(),
    keywords: z.array(z.string()),
    relatedCodes: z.array(z.string()),
    status: z.enum(domain.DATASET_STATUSES),
    version: z.number().int(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dataset' });
export type DatasetView = z.infer<typeof datasetSchema>;

export const canSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  approve: z.boolean(),
  reject: z.boolean(),
  publish: z.boolean(),
  deprecate: z.boolean(),
});

export const datasetDetailSchema = datasetSchema
  .extend({
    /** Systems that consume the entry (the one producing it is `sourceSystem`). */
    relatedSystems: z.array(
      z.object({ id: z.string(), code: z.string(), name: z.string(), department: z.string() }),
    ),
    /** What the caller may do with it now. */
    can: canSchema,
  })
  .meta({ id: 'DatasetDetail' });

export const versionSchema = z
  .object({
    version: z.number().int(),
    note: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'DatasetVersion' });

const change = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.union([z.number().int(), z.literal('current')]),
    attributes: z.array(change),
    fields: z.object({
      added: z.array(datasetField),
      removed: z.array(datasetField),
      changed: z.array(z.object({ name: z.string(), changes: z.array(change) })),
    }),
  })
  .meta({ id: 'DatasetDiff' });

export const reviewSchema = z
  .object({
    id: z.number().int(),
    action: z.enum(tables.REVIEW_ACTIONS),
    fromStatus: z.enum(domain.DATASET_STATUSES),
    toStatus: z.enum(domain.DATASET_STATUSES),
    comment: z.string().nullable(),
    /** Who acted; shown to signed-in readers of the catalogue only. */
    actor: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'DatasetReview' });

export const importResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    /** Rows that repeat an existing entry as it is. */
    unchanged: z.number().int(),
    dryRun: z.boolean(),
  })
  .meta({ id: 'DatasetImportResult' });

/** An entry's content as a client (or a spreadsheet row) gives it. */
export type EntryInput = Omit<CreateBody, 'departmentId'>;

const orNull = (s: string | null | undefined): string | null => {
  const v = s?.trim();
  return v ? v : null;
};

/** The stored values of an entry: texts trimmed, blanks as null, the highest field level derived. */
export function entryValues(e: EntryInput): DatasetValues {
  const fields = e.fields.map((f) => ({
    name: f.name.trim(),
    label: f.label.trim(),
    type: f.type,
    required: f.required,
    key: f.key,
    level: f.level,
    pattern: f.pattern?.trim() ? f.pattern : null,
    codeList: orNull(f.codeList),
    unit: orNull(f.unit),
    description: orNull(f.description),
  }));
  return {
    code: e.code.trim(),
    name: e.name.trim(),
    summary: e.summary.trim(),
    category: e.category,
    baseResource: e.baseResource ?? null,
    theme: orNull(e.theme),
    sourceSystemId: e.sourceSystemId ?? null,
    format: e.format,
    formatDetail: orNull(e.formatDetail),
    fields,
    maxLevel: domain.maxLevel(fields),
    sharingType: e.sharingType,
    sharingConditions: orNull(e.sharingConditions),
    sharingMethod: e.sharingMethod ?? null,
    openType: e.openType,
    openConditions: orNull(e.openConditions),
    updateFrequency: e.updateFrequency,
    releaseDate: orNull(e.releaseDate),
    keywords: e.keywords.map((k) => k.trim()),
    relatedCodes: e.relatedCodes.map((c) => c.trim()),
  };
}

/** A problem of the catalogue's rules as a field problem the error handler words. */
export function fieldProblem(p: domain.EntryProblem): FieldProblem {
  const message: MessageKey = `od.catalog.${p.reason}`;
  return { path: p.path, message, ...(p.params ? { params: p.params } : {}) };
}
