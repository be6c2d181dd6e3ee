import { z } from 'zod';
import { FINDING_SEVERITIES, GUIDE_RULE_CODES } from '../../../domain/guide-inspection.ts';
import {
  BASIC_CODE_RE,
  MATERIAL_FORMS,
  MATERIAL_MEDIA,
  MATTER_LEVELS,
  MATTER_STATUSES,
  MATTER_TYPES,
  SPECIAL_PROCEDURES,
  STAGE_CODES,
  STAGE_ROLES,
} from '../../../domain/matters.ts';
import { isoDateTime, pageQuery } from '../../http/contract.ts';
import { MATTER_SORTS } from './matters.repo.ts';

/**
 * Schemas of the matters API. Zod checks shapes; the limits, stages and fees are judged by the
 * domain (matterProblems), so their reasons come from od.matters.* in both languages.
 */
export const matterType = z.enum(MATTER_TYPES);
export const matterLevel = z.enum(MATTER_LEVELS);
export const matterStatus = z.enum(MATTER_STATUSES);
export const severity = z.enum(FINDING_SEVERITIES);
export const guideRule = z.enum(GUIDE_RULE_CODES as [string, ...string[]]);

const stageSchema = z.strictObject({
  code: z.enum(STAGE_CODES),
  limitDays: z.number().int().nullable().default(null),
  role: z.enum(STAGE_ROLES),
  required: z.boolean().default(true),
});
const feeSchema = z.strictObject({
  name: z.string().trim().max(100),
  /** Yuan. */
  amount: z.number(),
  /** 收费依据. */
  basis: z.string().trim().max(500).default(''),
});

const matterFields = {
  /** The implementing department: an approver's own by default; the bureau names one. */
  departmentId: z.uuid().optional(),
  /** 12 digits; the implementation code is the department's USCC + the level digit + this. */
  basicCode: z.string().regex(BASIC_CODE_RE, 'od.matters.basicCode'),
  level: matterLevel,
  name: z.string().trim().min(2).max(200),
  type: matterType,
  onTheSpot: z.boolean().default(false),
  statutoryLimitDays: z.number().int(),
  committedLimitDays: z.number().int(),
  maxExtensionDays: z.number().int().default(0),
  visits: z.number().int().default(1),
  onlineDepth: z.number().int().default(1),
  /** Defaults to the type's stages (domain defaultStages). */
  stages: z.array(stageSchema).max(12).optional(),
  specialProcedures: z.array(z.enum(SPECIAL_PROCEDURES)).max(8).default([]),
  fees: z.array(feeSchema).max(50).default([]),
  minHandlingMinutes: z.number().int().default(30),
};

export const matterInput = z.strictObject(matterFields);
/** A full replacement, guarded by the version the editor read. */
export const matterUpdate = z.strictObject({ ...matterFields, version: z.number().int().min(1) });
export const statusBody = z.strictObject({ version: z.number().int().min(1).optional() });

export const matterQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  departmentId: z.uuid().optional(),
  type: matterType.optional(),
  /** true: internal matters only (机关内部); false: those for the public. */
  internal: z.stringbool().optional(),
  status: matterStatus.optional(),
  onTheSpot: z.stringbool().optional(),
  sort: z.enum(MATTER_SORTS).default('code'),
  ...pageQuery,
});

export const matterSummaryQuery = matterQuery.omit({ type: true, sort: true, page: true, pageSize: true });
export const matterSummary = z
  .object({ byType: z.partialRecord(matterType, z.number().int()) })
  .meta({ id: 'MatterSummary' });

export const publicMatterQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  departmentId: z.uuid().optional(),
  type: matterType.exclude(['internal']).optional(),
  ...pageQuery,
});

const PHONE_RE = /^[0-9+\-()（） ,，、转]*$/;
const phone = z.string().trim().max(100).regex(PHONE_RE, 'od.matters.phone').default('');

const materialSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(1).max(99),
  medium: z.enum(MATERIAL_MEDIA),
  required: z.boolean().default(true),
  sample: z.string().trim().max(1000).nullable().default(null),
});

/** The guide's elements; blanks are allowed while editing (inspection reports them). */
export const guideInput = z.strictObject({
  conditions: z.string().trim().max(5000).default(''),
  materials: z.array(materialSchema).max(100).default([]),
  process: z.string().trim().max(5000).default(''),
  legalBasis: z.string().trim().max(5000).default(''),
  place: z.string().trim().max(500).default(''),
  hours: z.string().trim().max(500).default(''),
  contactPhone: phone,
  complaintPhone: phone,
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  /** The guide's updatedAt as read: a guide changed since then is not overwritten (409). */
  updatedAt: isoDateTime.optional(),
});

// ----- responses -----

const ref = z.object({ id: z.string(), code: z.string(), name: z.string() });

const matterCore = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: matterType,
  department: ref,
  onTheSpot: z.boolean(),
  statutoryLimitDays: z.number().int(),
  committedLimitDays: z.number().int(),
  visits: z.number().int(),
  onlineDepth: z.number().int(),
};

export const matterListItem = z
  .object({
    ...matterCore,
    level: matterLevel,
    status: matterStatus,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MatterListItem' });

export const matterSchema = z
  .object({
    ...matterCore,
    basicCode: z.string(),
    level: matterLevel,
    regionCode: z.string(),
    maxExtensionDays: z.number().int(),
    stages: z.array(
      z.object({
        code: z.enum(STAGE_CODES),
        limitDays: z.number().int().nullable(),
        role: z.string(),
        required: z.boolean(),
      }),
    ),
    specialProcedures: z.array(z.string()),
    fees: z.array(z.object({ name: z.string(), amount: z.number(), basis: z.string() })),
    minHandlingMinutes: z.number().int(),
    status: matterStatus,
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Matter' });

const guideFields = {
  conditions: z.string(),
  materials: z.array(
    z.object({
      name: z.string(),
      form: z.enum(MATERIAL_FORMS),
      copies: z.number().int(),
      medium: z.enum(MATERIAL_MEDIA),
      required: z.boolean(),
      sample: z.string().nullable(),
    }),
  ),
  process: z.string(),
  legalBasis: z.string(),
  place: z.string(),
  hours: z.string(),
  contactPhone: z.string(),
  complaintPhone: z.string(),
  onlineUrl: z.string().nullable(),
};

export const guideSchema = z
  .object({ ...guideFields, updatedAt: z.string(), updatedBy: z.string().nullable() })
  .meta({ id: 'Guide' });

export const matterDetail = z
  .object({ matter: matterSchema, guide: guideSchema.nullable() })
  .meta({ id: 'MatterDetail' });

/** What anyone may read of a matter: public facts only (no workflow roles, thresholds, versions). */
export const publicMatter = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: matterType,
    department: z.object({ id: z.string(), name: z.string() }),
    onTheSpot: z.boolean(),
    statutoryLimitDays: z.number().int(),
    committedLimitDays: z.number().int(),
    visits: z.number().int(),
    onlineDepth: z.number().int(),
  })
  .meta({ id: 'PublicMatter' });

export const publicMatterDetail = z
  .object({
    matter: publicMatter.extend({
      specialProcedures: z.array(z.string()),
      fees: z.array(z.object({ name: z.string(), amount: z.number(), basis: z.string() })),
    }),
    guide: z.object(guideFields).nullable(),
  })
  .meta({ id: 'PublicMatterDetail' });

// ----- guide inspection -----

export const runSchema = z
  .object({
    id: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    startedBy: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    matterCount: z.number().int(),
    findingCount: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    departments: z.number().int(),
  })
  .meta({ id: 'GuideInspectionRun' });

export const runSummary = runSchema
  .extend({ notified: z.number().int() })
  .meta({ id: 'GuideInspectionSummary' });

export const latestSchema = z
  .object({
    run: runSchema.nullable(),
    departments: z.array(
      z.object({
        department: ref,
        /** Active matters of the department now. */
        matters: z.number().int(),
        mattersWithFindings: z.number().int(),
        findings: z.number().int(),
        bySeverity: z.object({ error: z.number().int(), warning: z.number().int() }),
        byRule: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .meta({ id: 'GuideInspectionLatest' });

export const findingQuery = z.strictObject({
  departmentId: z.uuid().optional(),
  rule: guideRule.optional(),
  severity: severity.optional(),
  ...pageQuery,
});

export const findingSchema = z
  .object({
    id: z.string(),
    rule: z.string(),
    severity,
    params: z.record(z.string(), z.unknown()),
    /** The finding in words, in the caller's language. */
    message: z.string(),
    matter: z.object({ id: z.string(), code: z.string(), name: z.string(), type: matterType }),
    department: ref,
  })
  .meta({ id: 'GuideFinding' });
