/**
 * The types the pages use, derived from the generated `schema.d.ts` (never written by hand), plus a
 * few shapes that exist only in the UI.
 */
import type { components, paths } from './schema.d.ts';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch';

/** The JSON body of a route's 200 (or 201) answer. */
type Ok<P extends keyof paths, M extends Method> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 201: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;

/** The JSON request body of a route. */
type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of a GET route. */
export type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type ApiErrorBody = Schemas['Error'];

export interface Page<T> {
  items: T[];
  total: number;
}

export type Me = Schemas['Me'];
export type Role = Me['roles'][number];
export type Permission = Me['permissions'][number];
export type LoginStatus = Ok<'/api/auth/login', 'post'>['status'];

export type Region = Schemas['Region'];
export type RegionLevel = Region['level'];
export type RegionCreateInput = Body<'/api/regions', 'post'>;
export type RegionFeatureCollection = Schemas['RegionBoundaries'];
export type RegionFeature = RegionFeatureCollection['features'][number];
export type RegionFeatureProperties = RegionFeature['properties'];

/** A region as the UI passes it around (the header picker, breadcrumbs). */
export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

export type Department = Schemas['Department'];
export type DepartmentKind = Department['kind'];
export type DepartmentInput = Body<'/api/departments', 'post'>;

export type UserRow = Schemas['User'];
export type UserStatus = UserRow['status'];
export type UserCreateInput = Body<'/api/users', 'post'>;
export type UserPatchInput = Body<'/api/users/{id}', 'patch'>;

export type AuditRecord = Schemas['AuditRecord'];
export type AuditVerifyResult = Ok<'/api/audit/verify', 'get'>;

export type CalendarYear = Schemas['CalendarYear'];
export type AddWorkdaysResult = Ok<'/api/calendar/add', 'get'>;

export type Health = Ok<'/api/health', 'get'>;

// Inbox (notify module)
export type InboxMessage = Schemas['InboxMessage'];
export type InboxPage = Ok<'/api/inbox', 'get'>;
export type InboxQuery = QueryOf<'/api/inbox'>;

// The data resource catalogue (issue 3).
export type DatasetQuery = QueryOf<'/api/datasets'>;
export type DatasetSort = NonNullable<DatasetQuery['sort']>;
export type DatasetSearchResult = Ok<'/api/datasets', 'get'>;
export type DatasetListItem = Schemas['DatasetListItem'];
export type DatasetFacets = Schemas['DatasetFacets'];
export type DatasetFacetName = keyof DatasetFacets;
export type DatasetFacetCount = DatasetFacets[DatasetFacetName][number];
export type DatasetStatus = DatasetListItem['status'];
export type DatasetCategory = DatasetListItem['category'];
export type BaseResource = NonNullable<DatasetListItem['baseResource']>;
export type DatasetFormat = DatasetListItem['format'];
export type SharingType = DatasetListItem['sharingType'];
export type OpenType = DatasetListItem['openType'];
export type ClassificationLevel = DatasetListItem['maxLevel'];
export type UpdateFrequency = DatasetListItem['updateFrequency'];
export type Dataset = Schemas['DatasetDetail'];
export type DatasetCan = Dataset['can'];
export type DatasetField = Schemas['DatasetField'];
export type FieldType = DatasetField['type'];
export type SharingMethod = NonNullable<Dataset['sharingMethod']>;
export type DatasetInput = Body<'/api/datasets', 'post'>;
export type DatasetFieldInput = DatasetInput['fields'][number];
export type DatasetPatchInput = Body<'/api/datasets/{id}', 'patch'>;
export type DatasetActionInput = Body<'/api/datasets/{id}/actions', 'post'>;
export type DatasetAction = DatasetActionInput['action'];
export type DatasetVersion = Schemas['DatasetVersion'];
export type DatasetVersions = Ok<'/api/datasets/{id}/versions', 'get'>;
export type DatasetDiff = Schemas['DatasetDiff'];
export type DatasetReview = Schemas['DatasetReview'];
export type DatasetReviews = Ok<'/api/datasets/{id}/reviews', 'get'>;
export type ReviewAction = DatasetReview['action'];
export type DatasetImportResult = Schemas['DatasetImportResult'];
/** A dataset's source system is chosen from the registry list of its department. */
export type SourceSystemQuery = QueryOf<'/api/systems'>;
export type SourceSystemPage = Ok<'/api/systems', 'get'>;

// Registry of information systems (信息系统一本账)
export type SystemListItem = Ok<'/api/systems', 'get'>['items'][number];
export type SystemQuery = QueryOf<'/api/systems'>;
export type SystemSort = NonNullable<SystemQuery['sort']>;
export type SystemDetail = Ok<'/api/systems/{id}', 'get'>;
/** A system as create and update answer it (with its interfaces). */
export type SystemRecord = Ok<'/api/systems/{id}', 'patch'>;
export type SystemInput = Body<'/api/systems', 'post'>;
export type SystemPatchInput = Body<'/api/systems/{id}', 'patch'>;
export type SystemInterface = SystemRecord['interfaces'][number];
export type SystemInterfaceDirection = SystemInterface['direction'];
export type SystemOrigin = SystemListItem['origin'];
export type SystemLevel = SystemListItem['level'];
export type SystemDeployment = SystemListItem['deployment'];
export type SystemStatus = SystemListItem['status'];
export type UsageSignal = SystemDetail['usage']['signals'][number]['signal'];
export type SystemFlag = Schemas['SystemFlag'];
export type SystemFlagKind = SystemFlag['kind'];
export type SystemFlagStatus = SystemFlag['status'];
export type SystemFlagQuery = QueryOf<'/api/system-flags'>;
export type SystemFlagResolveInput = Body<'/api/system-flags/{id}/resolve', 'post'>;
export type SystemFlagScanResult = Ok<'/api/system-flags/scan', 'post'>;

// Census rounds (普查)
export type CensusRound = Schemas['CensusRound'];
export type CensusRoundListItem = Schemas['CensusRoundListItem'];
export type CensusRoundDetail = Schemas['CensusRoundDetail'];
export type CensusProgressRow = CensusRoundDetail['progress'][number];
export type CensusRoundStatus = CensusRound['status'];
export type CensusReturnStatus = CensusProgressRow['status'];
export type CensusRoundInput = Body<'/api/census-rounds', 'post'>;
export type CensusRoundOpened = Ok<'/api/census-rounds', 'post'>;
export type CensusItemsQuery = QueryOf<'/api/census-rounds/{id}/items'>;
export type CensusItems = Ok<'/api/census-rounds/{id}/items', 'get'>;
export type CensusItem = CensusItems['systems'][number];
export type CensusItemState = CensusItem['state'];
export type CensusConfirmInput = Body<'/api/census-rounds/{id}/confirm', 'post'>;
export type CensusConfirmResult = Ok<'/api/census-rounds/{id}/confirm', 'post'>;
export type CensusSubmitResult = Ok<'/api/census-rounds/{id}/submit', 'post'>;
export type CensusRemindResult = Ok<'/api/census-rounds/{id}/remind', 'post'>;
/** The datasets a system uses (PUT /api/systems/:id/consumes). */
export type SystemConsumesInput = Body<'/api/systems/{id}/consumes', 'put'>;
export type SystemConsumesResult = Ok<'/api/systems/{id}/consumes', 'put'>;

// Cases (办件): the window's queue, the case page, intake and the applicant's pages (features/cases).
export type CaseListItem = Schemas['CaseListItem'];
export type CaseQuery = QueryOf<'/api/cases'>;
export type CaseSortField = NonNullable<CaseQuery['sort']>;
export type CaseClockFilter = NonNullable<CaseQuery['clock']>;
export type CaseStatus = CaseListItem['status'];
export type CaseChannel = CaseListItem['channel'];
export type CaseApplicantType = CaseListItem['applicantType'];
export type CaseResult = NonNullable<CaseListItem['result']>;
export type CaseClock = Schemas['CaseClock'];
export type CaseClockState = CaseClock['state'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseMatter = CaseDetail['matter'];
export type CaseStageCode = CaseMatter['stages'][number]['code'];
export type CaseStageRole = CaseMatter['stages'][number]['role'];
export type CaseSpecialProcedure = CaseMatter['specialProcedures'][number];
export type CaseEventView = Schemas['CaseEvent'];
export type CaseEventKind = CaseEventView['kind'];
export type CaseDetailFlag = Schemas['CaseDetailFlag'];
export type CaseFlagType = CaseDetailFlag['type'];
export type CaseFlagLevel = CaseDetailFlag['level'];
export type CaseFlagStatus = CaseDetailFlag['status'];
export type CaseEvaluation = CaseDetail['evaluations'][number];
export type CaseEvaluationStage = CaseEvaluation['stage'];
export type CaseSupplementItem = CaseDetail['supplementItems'][number];
export type CaseActionInput = Body<'/api/cases/{id}/actions', 'post'>;
export type CaseIntakeInput = Body<'/api/cases', 'post'>;
/** The applicant's full data, for a holder of `cases.unmask` who gave a reason (audited). */
export type CaseApplicantUnmasked = Schemas['CaseApplicantUnmasked'];
export type CaseIntakeResult = Ok<'/api/cases', 'post'>;
/** The matters a window officer may take in (GET /api/matters). */
export type IntakeMatter = Ok<'/api/matters', 'get'>['items'][number];
export type IntakeMatterQuery = QueryOf<'/api/matters'>;
export type IntakeMatterType = IntakeMatter['type'];
/** What an applicant sees without signing in. */
export type ApplyMatter = Schemas['PublicMatter'];
export type ApplyMatterQuery = QueryOf<'/api/public/matters'>;
export type ApplyMatterDetail = Schemas['PublicMatterDetail'];
export type ApplyGuide = NonNullable<ApplyMatterDetail['guide']>;
export type ApplyMaterialForm = ApplyGuide['materials'][number]['form'];
export type ApplyMaterialMedium = ApplyGuide['materials'][number]['medium'];
export type ApplicationInput = Body<'/api/public/applications', 'post'>;
export type ApplicationResult = Ok<'/api/public/applications', 'post'>;
export type CasePublicStatus = Schemas['CasePublicStatus'];
export type CaseStatusInput = Body<'/api/public/case-status', 'post'>;
export type PublicEvaluationInput = Body<'/api/public/evaluations', 'post'>;
export type PublicEvaluationReceipt = Ok<'/api/public/evaluations', 'post'>;

// Government services (issue 4): matters, guides, guide inspection, supervision, evaluations, ranking,
// internal matters, the provincial case library.
export type MatterQuery = QueryOf<'/api/matters'>;
export type MatterSort = NonNullable<MatterQuery['sort']>;
export type MatterSummaryQuery = QueryOf<'/api/matters/summary'>;
export type MatterSummary = Schemas['MatterSummary'];
export type MatterListItem = Schemas['MatterListItem'];
export type MatterType = MatterListItem['type'];
export type MatterLevel = MatterListItem['level'];
export type MatterStatus = MatterListItem['status'];
export type MatterDetail = Ok<'/api/matters/{id}', 'get'>;
export type Matter = MatterDetail['matter'];
export type MatterStage = Matter['stages'][number];
export type MatterStageCode = MatterStage['code'];
export type MatterFee = Matter['fees'][number];
export type Guide = NonNullable<MatterDetail['guide']>;
export type GuideMaterial = Guide['materials'][number];
export type MaterialForm = GuideMaterial['form'];
export type MaterialMedium = GuideMaterial['medium'];
export type MatterCreateInput = Body<'/api/matters', 'post'>;
export type MatterUpdateInput = Body<'/api/matters/{id}', 'put'>;
export type MatterStageInput = NonNullable<MatterCreateInput['stages']>[number];
export type MatterStageRole = MatterStageInput['role'];
export type SpecialProcedure = NonNullable<MatterCreateInput['specialProcedures']>[number];
export type GuideSaveInput = Body<'/api/matters/{id}/guide', 'put'>;
export type GuideInspectionRun = Schemas['GuideInspectionRun'];
export type GuideInspectionTrigger = GuideInspectionRun['trigger'];
export type GuideInspectionSummary = Ok<'/api/guides/inspections', 'post'>;
export type GuideInspectionLatest = Ok<'/api/guides/inspections/latest', 'get'>;
export type GuideInspectionDepartment = GuideInspectionLatest['departments'][number];
export type GuideFindingQuery = QueryOf<'/api/guides/inspections/{id}/findings'>;
export type GuideFinding = Schemas['GuideFinding'];
export type GuideRule = NonNullable<GuideFindingQuery['rule']>;
export type FindingSeverity = GuideFinding['severity'];
export type CaseFlagQuery = QueryOf<'/api/supervision/flags'>;
export type CaseFlagSort = NonNullable<CaseFlagQuery['sort']>;
export type CaseFlag = Schemas['CaseFlag'];
export type CaseFlagSummary = Schemas['CaseFlagSummary'];
export type CaseFlagDetail = Ok<'/api/supervision/flags/{id}', 'get'>;
export type CaseFlagAction = CaseFlagDetail['actions'][number]['action'];
export type FlagRectifyInput = Body<'/api/supervision/flags/{id}/rectify', 'post'>;
export type FlagRectifyKind = FlagRectifyInput['kind'];
export type FlagReviewInput = Body<'/api/supervision/flags/{id}/review', 'post'>;
export type RankingQuery = QueryOf<'/api/supervision/ranking'>;
export type RankingSort = NonNullable<RankingQuery['sort']>;
export type DepartmentRanking = Ok<'/api/supervision/ranking', 'get'>;
export type DepartmentRankingRow = DepartmentRanking['items'][number];
export type EvaluationQuery = QueryOf<'/api/evaluations'>;
export type EvaluationSort = NonNullable<EvaluationQuery['sort']>;
export type EvaluationListItem = Schemas['CaseEvaluation'];
export type EvaluationStage = EvaluationListItem['stage'];
export type EvaluationSummary = Ok<'/api/evaluations/summary', 'get'>;
export type PeriodQuery = QueryOf<'/api/evaluations/summary'>;
export type ReturnVisitInput = Body<'/api/evaluations/{id}/return-visit', 'post'>;
export type InternalMatterStats = Ok<'/api/cases/internal-stats', 'get'>;
export type InternalMatterStatsRow = InternalMatterStats['items'][number];
export type ProvinceStatus = Ok<'/api/province/status', 'get'>;
export type ProvinceDelivery = Ok<'/api/province/outbox/deliver', 'post'>;
export type ReconciliationRun = Schemas['ReconciliationRun'];
export type ReconciliationStatus = ReconciliationRun['status'];

export type Webhook = Schemas['Webhook'];
export type WebhookInput = Body<'/api/notify/webhooks', 'post'>;
export type WebhookDelivery = Schemas['WebhookDelivery'];
