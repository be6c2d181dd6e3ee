import { z } from 'zod';
import { FLAG_LEVELS, FLAG_TYPES } from '../../../domain/case-flags.ts';
import {
  APPLICANT_TYPES,
  CASE_CHANNELS,
  CASE_EVENT_KINDS,
  CASE_RESULTS,
  CASE_STATUSES,
  COMPLETION_RESULTS,
  DECISIONS,
  DELIVERY_METHODS,
} from '../../../domain/cases.ts';
import { SPECIAL_PROCEDURES, STAGE_CODES, STAGE_ROLES } from '../../../domain/matters.ts';
import { pageQuery } from '../../http/contract.ts';
import { CLOCK_STATES, FLAG_STATUSES } from './cases.tables.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const applicantInput = z.strictObject({
  type: z.enum(APPLICANT_TYPES),
  name: text(100),
  idNumber: z.string().trim().max(30).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/)
    .optional(),
  departmentId: z.uuid().optional(),
});

export const intakeBody = z.strictObject({
  matterId: z.uuid(),
  channel: z.enum(['window', 'self_service']).default('window'),
  applicant: applicantInput,
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
});

export const applicationBody = z.strictObject({
  matterId: z.uuid(),
  channel: z.enum(['online', 'mobile']).default('online'),
  applicant: applicantInput.extend({
    type: z.enum(['person', 'enterprise']),
    idNumber: z.string().trim().min(1).max(30),
    phone: applicantInput.shape.phone.unwrap(),
  }),
});

const supplementItem = z.strictObject({ material: text(200), reason: text(500) });
const version = z.number().int().min(1);

/** One action on a case: its kind, the version the caller saw, and the kind's payload. */
export const actionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('accepted'), version, payload: z.strictObject({}).default({}) }),
  z.strictObject({ kind: z.literal('refused'), version, payload: z.strictObject({ reason: text(1000) }) }),
  z.strictObject({
    kind: z.literal('supplement_requested'),
    version,
    payload: z.strictObject({ items: z.array(supplementItem).min(1).max(50) }),
  }),
  z.strictObject({
    kind: z.literal('supplement_received'),
    version,
    payload: z.strictObject({ note: z.string().trim().max(1000).optional() }).default({}),
  }),
  z.strictObject({
    kind: z.literal('special_started'),
    version,
    payload: z.strictObject({
      procedure: z.enum(SPECIAL_PROCEDURES),
      note: z.string().trim().max(1000).optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('special_ended'),
    version,
    payload: z.strictObject({ result: text(1000) }),
  }),
  z.strictObject({
    kind: z.literal('extended'),
    version,
    payload: z.strictObject({ days: z.number().int().min(1).max(60), reason: text(1000) }),
  }),
  z.strictObject({ kind: z.literal('reviewed'), version, payload: z.strictObject({ opinion: text(2000) }) }),
  z.strictObject({
    kind: z.literal('decided'),
    version,
    payload: z.strictObject({ decision: z.enum(DECISIONS), opinion: text(2000) }),
  }),
  z.strictObject({
    kind: z.literal('completed'),
    version,
    payload: z.strictObject({
      result: z.enum(COMPLETION_RESULTS),
      note: z.string().trim().max(1000).optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('delivered'),
    version,
    payload: z.strictObject({ method: z.enum(DELIVERY_METHODS) }),
  }),
  z.strictObject({ kind: z.literal('withdrawn'), version, payload: z.strictObject({ reason: text(1000) }) }),
]);

/** Why the full applicant data is needed (kept in the audit record, PI-1). */
export const unmaskBody = z.strictObject({
  reason: z.string().trim().min(2).max(200),
});

/** The applicant's full name, ID number and phone, for a holder of `cases.unmask` (audited). */
export const unmaskedApplicant = z
  .object({
    caseNo: z.string(),
    applicantType: z.enum(APPLICANT_TYPES),
    name: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({ id: 'CaseApplicantUnmasked' });

export const statusBody = z.strictObject({
  caseNo: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(40),
});

export const caseQuery = z.object({
  ...pageQuery,
  open: z.enum(['true', 'false']).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  clock: z.enum(['warning', 'overdue', 'paused', 'calendar_missing']).optional(),
  departmentId: z.uuid().optional(),
  matterId: z.uuid().optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  internal: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(60).optional(),
  sort: z.enum(['remaining', 'submittedAt', 'caseNo']).default('remaining'),
});

export const clockView = z
  .object({
    state: z.enum(CLOCK_STATES),
    budget: z.number().int(),
    due: z.string().nullable(),
    warnOn: z.string().nullable(),
    usedDays: z.number().int(),
    remainingDays: z.number().int(),
    overdue: z.boolean(),
    overdueDays: z.number().int(),
    warning: z.boolean(),
    missingYear: z.number().int().nullable(),
  })
  .meta({ id: 'CaseClock' });

const ref = z.object({ id: z.string(), name: z.string() });

export const caseListItem = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    matter: ref.extend({ code: z.string() }),
    department: ref,
    regionCode: z.string(),
    channel: z.enum(CASE_CHANNELS),
    internal: z.boolean(),
    applicantType: z.enum(APPLICANT_TYPES),
    applicantName: z.string(),
    status: z.enum(CASE_STATUSES),
    open: z.boolean(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    result: z.enum(CASE_RESULTS as [string, ...string[]]).nullable(),
    committed: clockView,
    statutory: clockView,
    openFlags: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'CaseListItem' });

export const caseEventView = z
  .object({
    seq: z.number().int(),
    kind: z.enum(CASE_EVENT_KINDS),
    at: z.string(),
    actorName: z.string().nullable(),
    /** The staff member's name as people know it (the login name stays in actorName). */
    actorDisplayName: z.string().nullable(),
    actorRole: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });

export const caseFlagView = z
  .object({
    id: z.string(),
    type: z.enum(FLAG_TYPES),
    level: z.enum(FLAG_LEVELS),
    status: z.enum(FLAG_STATUSES),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    source: z.string(),
    detectedAt: z.string(),
    dueOn: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseDetailFlag' });

export const caseEvaluationView = z.object({
  id: z.string(),
  stage: z.enum(['accepted', 'completed']),
  grade: z.number().int(),
  comment: z.string(),
  realName: z.boolean(),
  at: z.string(),
  returnVisitAt: z.string().nullable(),
});

export const caseMatterView = ref.extend({
  code: z.string(),
  type: z.string(),
  onTheSpot: z.boolean(),
  committedLimitDays: z.number().int(),
  statutoryLimitDays: z.number().int(),
  maxExtensionDays: z.number().int(),
  stages: z.array(
    z.object({
      code: z.enum(STAGE_CODES),
      limitDays: z.number().int().nullable(),
      role: z.enum(STAGE_ROLES),
      required: z.boolean(),
    }),
  ),
  specialProcedures: z.array(z.enum(SPECIAL_PROCEDURES)),
});

export const caseDetail = caseListItem
  .extend({
    matter: caseMatterView,
    region: z.object({ code: z.string(), name: z.string() }),
    applicantIdMasked: z.string().nullable(),
    applicantPhoneMasked: z.string().nullable(),
    visits: z.number().int(),
    source: z.enum(['live', 'import']),
    deliveredAt: z.string().nullable(),
    events: z.array(caseEventView),
    flags: z.array(caseFlagView),
    evaluations: z.array(caseEvaluationView),
    /** What is still missing while the case waits for supplements (the last notice's list). */
    supplementItems: z.array(supplementItem),
    allowedActions: z.array(z.enum(CASE_EVENT_KINDS)),
    /** Whether this user may ask for the applicant in full on this case (`POST …/unmask`). */
    canUnmask: z.boolean(),
    calendarVersion: z.number().int(),
  })
  .meta({ id: 'CaseDetail' });

export const intakeResult = z
  .object({ case: caseDetail, queryPassword: z.string().nullable() })
  .meta({ id: 'CaseIntakeResult' });

export const applicationResult = z
  .object({ caseNo: z.string(), queryPassword: z.string().nullable(), committedLimitDays: z.number().int() })
  .meta({ id: 'ApplicationResult' });

/** What an applicant sees: no staff names, no flags, no personal data beyond their own case. */
export const publicStatus = z
  .object({
    caseNo: z.string(),
    matterName: z.string(),
    departmentName: z.string(),
    status: z.enum(CASE_STATUSES),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    result: z.enum(CASE_RESULTS as [string, ...string[]]).nullable(),
    committed: clockView,
    timeline: z.array(z.object({ kind: z.enum(CASE_EVENT_KINDS), at: z.string() })),
    supplementItems: z.array(supplementItem),
    evaluations: z.array(z.object({ stage: z.enum(['accepted', 'completed']), grade: z.number().int() })),
  })
  .meta({ id: 'CasePublicStatus' });
