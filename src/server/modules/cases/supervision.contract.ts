import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.ts';
import { FLAG_LEVELS, FLAG_TYPES } from '../../../domain/case-flags.ts';
import { CASE_CHANNELS, CASE_STATUSES } from '../../../domain/cases.ts';
import { pageQuery } from '../../http/contract.ts';
import { FLAG_ACTIONS, FLAG_STATUSES } from './cases.tables.ts';
import { EVALUATION_SORTS, EVALUATION_STAGES } from './evaluations.repo.ts';
import { FLAG_SORTS } from './supervision.repo.ts';
import { RANKING_SORTS } from './supervision.service.ts';

/** Schemas of supervision, rectification, evaluations and internal-matter figures. */
const isoDate = z.string().refine(isIsoDate, 'od.isoDate');
const ref = z.object({ id: z.string(), name: z.string() });
const departmentRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const flagType = z.enum(FLAG_TYPES);
export const flagLevel = z.enum(FLAG_LEVELS);
export const flagStatus = z.enum(FLAG_STATUSES);
export const evaluationStage = z.enum(EVALUATION_STAGES);

export const periodQuery = z.strictObject({
  /** First day (China date) of the period; by default a year before `to`. */
  from: isoDate.optional(),
  /** Last day of the period, included; by default today. */
  to: isoDate.optional(),
});

const flagFilter = {
  type: flagType.optional(),
  level: flagLevel.optional(),
  status: flagStatus.optional(),
  departmentId: z.uuid().optional(),
  rectificationOverdue: z.stringbool().optional(),
  caseNo: z.string().trim().min(1).max(40).optional(),
  sort: z.enum(FLAG_SORTS).default('-detectedAt'),
};
export const flagQuery = z.strictObject({ ...flagFilter, ...pageQuery });
export const flagSummaryQuery = z.strictObject({ departmentId: z.uuid().optional() });
export const flagSummary = z
  .object({
    open: z.number().int(),
    /** Explained by the department, waiting for the bureau's review. */
    explained: z.number().int(),
    rectificationOverdue: z.number().int(),
    /** Open flags at the 报警 level. */
    alarm: z.number().int(),
    openByType: z.partialRecord(flagType, z.number().int()),
    openByLevel: z.record(flagLevel, z.number().int()),
  })
  .meta({ id: 'CaseFlagSummary' });
export const flagExportQuery = z.strictObject(flagFilter);

const caseRef = z.object({
  id: z.string(),
  caseNo: z.string(),
  matterCode: z.string(),
  matterName: z.string(),
});

export const caseFlagSchema = z
  .object({
    id: z.string(),
    type: flagType,
    level: flagLevel,
    /** The reason in the caller's language. */
    reason: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    source: z.string(),
    status: flagStatus,
    detectedAt: z.string(),
    /** The rectification deadline. */
    dueOn: z.string().nullable(),
    /** Not rectified and the deadline has passed. */
    rectificationOverdue: z.boolean(),
    closedAt: z.string().nullable(),
    case: caseRef,
    department: ref,
    regionCode: z.string(),
  })
  .meta({ id: 'CaseFlag' });

export const caseFlagDetail = caseFlagSchema
  .extend({
    case: caseRef.extend({
      channel: z.enum(CASE_CHANNELS),
      status: z.enum(CASE_STATUSES),
      result: z.string().nullable(),
      submittedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      committedDue: z.string().nullable(),
      statutoryDue: z.string().nullable(),
      openFlags: z.number().int(),
    }),
    actions: z.array(
      z.object({
        action: z.enum(FLAG_ACTIONS),
        kind: z.string().nullable(),
        note: z.string(),
        actorName: z.string(),
        /** The staff member's name as people know it; null for the applicant and the system. */
        actorDisplayName: z.string().nullable(),
        at: z.string(),
      }),
    ),
    /** For a poor-evaluation flag: the evaluations behind it. */
    evaluations: z.array(
      z.object({
        id: z.string(),
        stage: evaluationStage,
        grade: z.number().int(),
        comment: z.string(),
        realName: z.boolean(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'CaseFlagDetail' });

export const rectifyBody = z.strictObject({
  /** explain: the case was handled right, say why; correct: say what was corrected. */
  kind: z.enum(['explain', 'correct']),
  note: z.string().trim().min(2).max(2000),
});

export const reviewBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ decision: z.literal('reject'), note: z.string().trim().min(2).max(2000) }),
]);

export const rankingQuery = periodQuery.extend({ sort: z.enum(RANKING_SORTS).default('-onTimeRate') });

const rate = z.number().nullable();
export const rankingRow = z
  .object({
    department: departmentRef,
    cases: z.number().int(),
    completed: z.number().int(),
    onTime: z.number().int(),
    /** Completed by the committed due date, over completed. */
    onTimeRate: rate,
    /** Cases past the committed due date (when they stopped, or now if still running). */
    overdue: z.number().int(),
    abnormal: z.number().int(),
    abnormalByLevel: z.object({
      notice: z.number().int(),
      warning: z.number().int(),
      alarm: z.number().int(),
    }),
    rectificationsDue: z.number().int(),
    rectifiedOnTime: z.number().int(),
    rectificationOnTimeRate: rate,
    evaluations: z.number().int(),
    averageGrade: rate,
    poorEvaluations: z.number().int(),
    realNamePoor: z.number().int(),
    returnVisited: z.number().int(),
    returnVisitRate: rate,
  })
  .meta({ id: 'DepartmentRankingRow' });

export const ranking = z
  .object({ from: z.string(), to: z.string(), items: z.array(rankingRow) })
  .meta({ id: 'DepartmentRanking' });

// ---------------------------------------------------------------------------------------------
// Evaluations

export const evaluationBody = z.strictObject({
  caseNo: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(64),
  stage: evaluationStage,
  /** 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意. */
  grade: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).default(''),
  /** 实名评价: the applicant agrees to be named (and called back after a poor grade). */
  realName: z.boolean().default(false),
});

export const evaluationReceipt = z
  .object({ id: z.string(), stage: evaluationStage, grade: z.number().int(), at: z.string() })
  .meta({ id: 'EvaluationReceipt' });

const evaluationFilter = {
  grade: z.coerce.number().int().min(1).max(5).optional(),
  poor: z.stringbool().optional(),
  realName: z.stringbool().optional(),
  returnVisit: z.enum(['pending', 'done']).optional(),
  stage: evaluationStage.optional(),
  departmentId: z.uuid().optional(),
  caseNo: z.string().trim().min(1).max(40).optional(),
  /** Evaluated on or after this China date. */
  from: isoDate.optional(),
  /** Evaluated on or before this China date. */
  to: isoDate.optional(),
  sort: z.enum(EVALUATION_SORTS).default('-at'),
};
export const evaluationQuery = z.strictObject({ ...evaluationFilter, ...pageQuery });
export const evaluationExportQuery = z.strictObject(evaluationFilter);

export const evaluationSchema = z
  .object({
    id: z.string(),
    case: z.object({ id: z.string(), caseNo: z.string(), matterName: z.string() }),
    department: ref,
    stage: evaluationStage,
    grade: z.number().int(),
    poor: z.boolean(),
    comment: z.string(),
    realName: z.boolean(),
    /** The applicant's name, for a real-name evaluation only. */
    applicantName: z.string().nullable(),
    at: z.string(),
    flag: z.object({ id: z.string(), status: flagStatus, dueOn: z.string().nullable() }).nullable(),
    returnVisitPending: z.boolean(),
    returnVisit: z.object({ at: z.string(), by: z.string(), note: z.string() }).nullable(),
  })
  .meta({ id: 'CaseEvaluation' });

export const returnVisitBody = z.strictObject({ note: z.string().trim().min(2).max(2000) });

export const evaluationSummary = z
  .object({
    from: z.string(),
    to: z.string(),
    total: z.number().int(),
    byGrade: z.array(z.object({ grade: z.number().int(), count: z.number().int() })),
    /** Grades 3-5 over all. */
    satisfactionRate: rate,
    poor: z.number().int(),
    realNamePoor: z.number().int(),
    returnVisited: z.number().int(),
    returnVisitRate: rate,
    returnVisitTarget: z.number(),
  })
  .meta({ id: 'EvaluationSummary' });

// ---------------------------------------------------------------------------------------------
// Internal matters (机关内部最多跑一次)

const internalFigures = {
  internalMatters: z.number().int(),
  implemented: z.number().int(),
  implementationRate: rate,
  cases: z.number().int(),
  onlineCases: z.number().int(),
  onlineHandlingRate: rate,
  averageVisits: rate,
  completed: z.number().int(),
  averageDurationDays: rate,
};

export const internalStats = z
  .object({
    from: z.string(),
    to: z.string(),
    ...internalFigures,
    departments: z.number().int(),
    items: z.array(z.object({ department: departmentRef, ...internalFigures })),
  })
  .meta({ id: 'InternalMatterStats' });
