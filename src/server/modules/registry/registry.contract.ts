import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.ts';
import { USAGE_SIGNALS } from '../../../domain/registry.ts';
import { pageQuery } from '../../http/contract.ts';
import {
  SYSTEM_DEPLOYMENTS,
  SYSTEM_FLAG_KINDS,
  SYSTEM_FLAG_STATUSES,
  SYSTEM_LEVELS,
  SYSTEM_ORIGINS,
  SYSTEM_STATUSES,
} from './registry.tables.ts';
import { SYSTEM_SORTS } from './systems.repo.ts';

/** Schemas of the registry API: the single source of validation, types and the OpenAPI document. */
export const isoDate = z.string().refine(isIsoDate, 'od.isoDate');
export const origin = z.enum(SYSTEM_ORIGINS);
export const level = z.enum(SYSTEM_LEVELS);
export const deployment = z.enum(SYSTEM_DEPLOYMENTS);
export const systemStatus = z.enum(SYSTEM_STATUSES);
export const flagKind = z.enum(SYSTEM_FLAG_KINDS);
export const flagStatus = z.enum(SYSTEM_FLAG_STATUSES);
export const signal = z.enum(USAGE_SIGNALS);

const interfaceSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  direction: z.enum(['provides', 'consumes']),
  protocol: z.string().trim().min(1).max(40),
  description: z.string().trim().max(500).optional(),
});

export const systemInput = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9-]{2,31}$/, 'od.registry.code'),
  name: z.string().trim().min(2).max(60),
  purpose: z.string().trim().max(2000).optional(),
  /** The owner department: a department officer's own by default; the bureau names one. */
  departmentId: z.uuid().optional(),
  operator: z.string().trim().max(100).optional(),
  origin,
  verticalLine: z.string().trim().max(60).nullable().optional(),
  level,
  deployment,
  securityLevel: z.number().int().min(1).max(5),
  status: systemStatus,
  launchDate: isoDate.nullable().optional(),
  /** 万元 */
  budget: z.number().min(0).max(999_999_999_999).nullable().optional(),
  userCount: z.number().int().min(0).max(2_000_000_000).nullable().optional(),
  interfaces: z.array(interfaceSchema).max(50).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});

export const systemPatch = systemInput.partial();

export const systemQuery = z.strictObject({
  q: z.string().max(50).optional(),
  departmentId: z.uuid().optional(),
  origin: origin.optional(),
  level: level.optional(),
  deployment: deployment.optional(),
  status: systemStatus.optional(),
  securityLevel: z.coerce.number().int().min(1).max(5).optional(),
  flag: flagKind.optional(),
  sort: z.enum(SYSTEM_SORTS).default('code'),
  ...pageQuery,
});

const ref = z.object({ id: z.string(), name: z.string() });
const datasetRef = z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() });
const systemRef = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  department: ref,
});

const systemFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  purpose: z.string(),
  department: ref,
  regionCode: z.string(),
  operator: z.string(),
  origin,
  verticalLine: z.string().nullable(),
  level,
  deployment,
  securityLevel: z.number().int(),
  status: systemStatus,
  launchDate: z.string().nullable(),
  budget: z.number().nullable(),
  userCount: z.number().int().nullable(),
  url: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const systemListItem = z
  .object({ ...systemFields, interfaceCount: z.number().int(), flags: z.array(flagKind) })
  .meta({ id: 'SystemListItem' });

export const systemSchema = z
  .object({ ...systemFields, interfaces: z.array(interfaceSchema) })
  .meta({ id: 'System' });

export const flagSchema = z
  .object({
    id: z.string(),
    kind: flagKind,
    status: flagStatus,
    system: systemRef,
    otherSystem: systemRef.nullable(),
    evidence: z.record(z.string(), z.unknown()),
    detectedAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'SystemFlag' });

const seriesDay = z.object({
  day: z.string(),
  ...Object.fromEntries(USAGE_SIGNALS.map((s) => [s, z.number()])),
});

export const systemDetail = z
  .object({
    ...systemSchema.shape,
    produces: z.array(datasetRef),
    consumes: z.array(datasetRef),
    usage: z.object({
      today: z.string(),
      signals: z.array(
        z.object({
          signal,
          lastUsedOn: z.string().nullable(),
          last30: z.number().int(),
          last90: z.number().int(),
        }),
      ),
      series: z.array(seriesDay),
    }),
    flags: z.array(flagSchema),
  })
  .meta({ id: 'SystemDetail' });

export const usageBody = z.strictObject({
  reports: z
    .array(
      z.strictObject({
        systemCode: z.string().min(1).max(32),
        signal: z.enum(['sign_in', 'api_call']),
        /** The day counted (China time); today when omitted. */
        day: isoDate.optional(),
        count: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .min(1)
    .max(1000),
});

export const flagQuery = z.strictObject({
  kind: flagKind.optional(),
  status: flagStatus.optional(),
  departmentId: z.uuid().optional(),
  ...pageQuery,
});

export const resolveBody = z.strictObject({
  status: z.enum(['confirmed', 'dismissed']),
  resolution: z.string().trim().min(2).max(500),
});

export const systemImportResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    /** Rows that repeat a registered system as it is. */
    unchanged: z.number().int(),
    dryRun: z.boolean(),
  })
  .meta({ id: 'SystemImportResult' });
