import i18n from 'i18next';
import type { AuditRecord, DepartmentKind, Permission, RegionLevel, Role, UserStatus } from '../api/types.ts';
import type { Messages } from './zh-CN.ts';
import type {
  CensusItemState,
  CensusReturnStatus,
  CensusRoundStatus,
  SystemDeployment,
  SystemFlagKind,
  SystemFlagStatus,
  SystemInterfaceDirection,
  SystemLevel,
  SystemOrigin,
  SystemStatus,
  UsageSignal,
} from '../api/types.ts';
import type {
  BaseResource,
  ClassificationLevel,
  DatasetCategory,
  DatasetFacetName,
  DatasetFormat,
  DatasetStatus,
  FieldType,
  OpenType,
  ReviewAction,
  SharingMethod,
  SharingType,
  UpdateFrequency,
} from '../api/types.ts';

/** Translates a key built at run time (a role, level or status code from the server); falls back to the raw code. */
export function dynamicLabel(key: string, fallback: string): string {
  return i18n.exists(key) ? String(i18n.t(key as never)) : fallback;
}

/**
 * Every value of a union type from the generated schema, in display order. `Record<T, true>` makes a value
 * the server adds (after `npm run gen:api`) a compile error here until it is listed, and an unknown one too.
 */
function valuesOf<T extends string>(order: Record<T, true>): readonly T[] {
  return Object.keys(order) as T[];
}

/** Compiles only when every code of `T` has a label under `Group` (zh-CN.ts; en.ts is typed by it). */
type Labelled<Group, T extends keyof Group> = T;

/** The compile-time check that no code of the schema lacks a label. */
export type CodesLabelled = [
  Labelled<Messages['roles'], Role>,
  Labelled<Messages['levels'], RegionLevel>,
  Labelled<Messages['userStatus'], UserStatus>,
  Labelled<Messages['departments']['kinds'], DepartmentKind>,
  Labelled<Messages['audit']['results'], AuditResult>,
];

export type AuditResult = AuditRecord['result'];

export const ROLES = valuesOf<Role>({
  sys_admin: true,
  sec_admin: true,
  audit_admin: true,
  bureau_admin: true,
  dept_data_officer: true,
  dept_case_officer: true,
  dept_case_approver: true,
  window_officer: true,
  street_officer: true,
  community_worker: true,
  leader: true,
});

/** 三员分立: only the security administrator grants these, and nobody holds two of them. */
export const ADMIN_TRIAD: readonly Role[] = ['sys_admin', 'sec_admin', 'audit_admin'];

export const PERMISSIONS = valuesOf<Permission>({
  'regions.read': true,
  'regions.manage': true,
  'departments.read': true,
  'departments.manage': true,
  'users.read': true,
  'users.manage': true,
  'users.edit': true,
  'users.lock': true,
  'users.reset': true,
  'roles.manage': true,
  'audit.read': true,
  'calendar.read': true,
  'calendar.manage': true,
  'api_clients.manage': true,
  'notify.webhooks': true,
  'catalog.read': true,
  'catalog.edit': true,
  'catalog.review': true,
  'registry.read': true,
  'registry.edit': true,
  'registry.review': true,
  'registry.report_usage': true,
  'census.manage': true,
  'census.respond': true,
  'matters.read': true,
  'matters.edit': true,
  'guides.inspect': true,
  'cases.read': true,
  'cases.handle': true,
  'cases.approve': true,
  'cases.rectify': true,
  'cases.supervise': true,
  'cases.import': true,
  'cases.unmask': true,
});

export const REGION_LEVELS = valuesOf<RegionLevel>({
  district: true,
  street: true,
  community: true,
  park: true,
});

export const USER_STATUSES = valuesOf<UserStatus>({ active: true, locked: true, disabled: true });

export const DEPARTMENT_KINDS = valuesOf<DepartmentKind>({
  party: true,
  government: true,
  bureau: true,
  vertical: true,
  mass: true,
  institution: true,
});

export const AUDIT_RESULTS = valuesOf<AuditResult>({ success: true, failure: true, denied: true });

/** Narrows a string (from the URL or /api/me) to a member of `values`, or undefined. */
export function oneOf<T extends string>(
  values: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return values.find((v) => v === value);
}

export function roleLabel(role: string): string {
  return dynamicLabel(`roles.${role}`, role);
}

export function levelLabel(level: string): string {
  return dynamicLabel(`levels.${level}`, level);
}

export function userStatusLabel(status: string): string {
  return dynamicLabel(`userStatus.${status}`, status);
}

export function departmentKindLabel(kind: string): string {
  return dynamicLabel(`departments.kinds.${kind}`, kind);
}

export function auditResultLabel(result: string): string {
  return dynamicLabel(`audit.results.${result}`, result);
}

/** The audit actions of the server, for the action filter and as labels until the server sends `actionLabel`. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.mfa',
  'auth.mfa.enrol',
  'auth.mfa.enrol.start',
  'auth.password.change',
  'auth.token',
  'user.create',
  'user.update',
  'user.roles.set',
  'user.lock',
  'user.unlock',
  'user.password.reset',
  'user.disable.dormant',
  'user.export',
  'department.create',
  'department.update',
  'department.export',
  'region.boundary.set',
  'region.export',
  'calendar.year.set',
  'api_client.create',
  'api_client.revoke',
  'access.denied',
  'audit.search',
  'audit.export',
  'audit.verify',
  'seed.demo',
] as const;

/** `auth.mfa.enrol` → `auth_mfa_enrol`: i18next nests keys on dots, and `auth.mfa` is itself an action. */
type ActionKey<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${ActionKey<B>}` : S;

/** Compiles only when every known action has a label. */
export type ActionsLabelled = Labelled<
  Messages['audit']['actions'],
  ActionKey<(typeof AUDIT_ACTIONS)[number]>
>;

/** The label of an audit action code from the UI's messages; the raw code when unknown. */
export function auditActionLabel(action: string): string {
  return dynamicLabel(`audit.actions.${action.replaceAll('.', '_')}`, action);
}

// The data resource catalogue's codes; their labels are under `catalog.codes` (features/catalog/i18n.ts).

/** Compiles only when every catalogue code of the schema has a label. */
export type CatalogCodesLabelled = [
  Labelled<Messages['catalog']['codes']['status'], DatasetStatus>,
  Labelled<Messages['catalog']['codes']['category'], DatasetCategory>,
  Labelled<Messages['catalog']['codes']['baseResource'], BaseResource>,
  Labelled<Messages['catalog']['codes']['format'], DatasetFormat>,
  Labelled<Messages['catalog']['codes']['sharingType'], SharingType>,
  Labelled<Messages['catalog']['codes']['openType'], OpenType>,
  Labelled<Messages['catalog']['codes']['level'], ClassificationLevel>,
  Labelled<Messages['catalog']['codes']['updateFrequency'], UpdateFrequency>,
  Labelled<Messages['catalog']['facets'], DatasetFacetName>,
  Labelled<Messages['catalog']['codes']['fieldType'], FieldType>,
  Labelled<Messages['catalog']['codes']['sharingMethod'], SharingMethod>,
  Labelled<Messages['catalog']['codes']['action'], ReviewAction>,
];

export const DATASET_STATUSES = valuesOf<DatasetStatus>({
  draft: true,
  submitted: true,
  approved: true,
  published: true,
  deprecated: true,
});
export const DATASET_CATEGORIES = valuesOf<DatasetCategory>({ base: true, theme: true, department: true });
export const BASE_RESOURCES = valuesOf<BaseResource>({
  population: true,
  legal_entity: true,
  geospatial: true,
  social_credit: true,
  e_license: true,
});
export const DATASET_FORMATS = valuesOf<DatasetFormat>({
  database: true,
  spreadsheet: true,
  document: true,
  image: true,
  stream: true,
  api: true,
  geo: true,
  other: true,
});
export const SHARING_TYPES = valuesOf<SharingType>({ unconditional: true, conditional: true, none: true });
export const OPEN_TYPES = valuesOf<OpenType>({ open: true, conditional: true, closed: true });
export const CLASSIFICATION_LEVELS = valuesOf<ClassificationLevel>({
  L1: true,
  L2: true,
  L3: true,
  L4: true,
});
export const UPDATE_FREQUENCIES = valuesOf<UpdateFrequency>({
  realtime: true,
  daily: true,
  weekly: true,
  monthly: true,
  quarterly: true,
  half_yearly: true,
  yearly: true,
  irregular: true,
});

export const FIELD_TYPES = valuesOf<FieldType>({
  string: true,
  integer: true,
  decimal: true,
  date: true,
  datetime: true,
  boolean: true,
  code: true,
  geometry: true,
  binary: true,
});
export const SHARING_METHODS = valuesOf<SharingMethod>({ api: true, table: true, file: true });

/** A group of catalogue codes with labels under `catalog.codes`. */
export type CatalogCodeGroup = keyof Messages['catalog']['codes'];

/** The label of a catalogue code (status, category, level …); the raw code when unknown. */
export function catalogCodeLabel(group: CatalogCodeGroup, code: string): string {
  return dynamicLabel(`catalog.codes.${group}.${code}`, code);
}

// ---------------------------------------------------------------------------------------------
// Registry of information systems and census rounds (labels under `registry.codes`).

type RegistryCodes = Messages['registry']['codes'];

/** Compiles only when every registry and census code of the schema has a label. */
export type RegistryCodesLabelled = [
  Labelled<RegistryCodes['origin'], SystemOrigin>,
  Labelled<RegistryCodes['level'], SystemLevel>,
  Labelled<RegistryCodes['deployment'], SystemDeployment>,
  Labelled<RegistryCodes['status'], SystemStatus>,
  Labelled<RegistryCodes['direction'], SystemInterfaceDirection>,
  Labelled<RegistryCodes['signal'], UsageSignal>,
  Labelled<RegistryCodes['flagKind'], SystemFlagKind>,
  Labelled<RegistryCodes['flagStatus'], SystemFlagStatus>,
];

export const SYSTEM_ORIGINS = valuesOf<SystemOrigin>({ local: true, vertical: true });
export const SYSTEM_LEVELS = valuesOf<SystemLevel>({ district: true, city: true, province: true });
export const SYSTEM_DEPLOYMENTS = valuesOf<SystemDeployment>({ gov_cloud: true, local_room: true });
export const SYSTEM_STATUSES = valuesOf<SystemStatus>({
  planned: true,
  building: true,
  live: true,
  retired: true,
});
export const SYSTEM_INTERFACE_DIRECTIONS = valuesOf<SystemInterfaceDirection>({
  provides: true,
  consumes: true,
});
export const USAGE_SIGNALS = valuesOf<UsageSignal>({
  sign_in: true,
  api_call: true,
  data_update: true,
  exchange_call: true,
  catalog_view: true,
});
export const SYSTEM_FLAG_KINDS = valuesOf<SystemFlagKind>({ zombie: true, duplicate: true });
export const SYSTEM_FLAG_STATUSES = valuesOf<SystemFlagStatus>({
  open: true,
  confirmed: true,
  dismissed: true,
  cleared: true,
});
/** 等保 protection levels 1-5. */
export const SECURITY_LEVELS = [1, 2, 3, 4, 5] as const;

/** The label of a registry or census code (`registry.codes.<group>.<code>`); the raw code when unknown. */
export function registryLabel(group: keyof RegistryCodes, code: string): string {
  return dynamicLabel(`registry.codes.${group}.${code}`, code);
}

export function securityLevelLabel(level: number): string {
  return dynamicLabel(`registry.codes.securityLevel.l${level}`, String(level));
}

/** Compiles only when every census code of the schema has a label. */
export type CensusCodesLabelled = [
  Labelled<RegistryCodes['censusState'], CensusItemState>,
  Labelled<RegistryCodes['returnStatus'], CensusReturnStatus>,
  Labelled<RegistryCodes['roundStatus'], CensusRoundStatus>,
];

// ---------------------------------------------------------------------------------------------
// Cases (办件): labels under `cases.codes` (features/cases/i18n.ts).

import type {
  ApplyMaterialForm,
  ApplyMaterialMedium,
  CaseApplicantType,
  CaseChannel,
  CaseClockFilter,
  CaseClockState,
  CaseEvaluationStage,
  CaseEventKind,
  CaseFlagLevel,
  CaseFlagStatus,
  CaseFlagType,
  CaseResult,
  CaseSortField,
  CaseSpecialProcedure,
  CaseStageCode,
  CaseStageRole,
  CaseStatus,
  IntakeMatterType,
} from '../api/types.ts';

type CaseCodes = Messages['cases']['codes'];

/** Compiles only when every case code of the schema has a label. */
export type CaseCodesLabelled = [
  Labelled<CaseCodes['channel'], CaseChannel>,
  Labelled<CaseCodes['applicantType'], CaseApplicantType>,
  Labelled<CaseCodes['status'], CaseStatus>,
  Labelled<CaseCodes['result'], CaseResult>,
  Labelled<CaseCodes['eventKind'], CaseEventKind>,
  Labelled<CaseCodes['clockState'], CaseClockState>,
  Labelled<CaseCodes['flagType'], CaseFlagType>,
  Labelled<CaseCodes['flagLevel'], CaseFlagLevel>,
  Labelled<CaseCodes['flagStatus'], CaseFlagStatus>,
  Labelled<CaseCodes['stage'], CaseStageCode>,
  Labelled<CaseCodes['stageRole'], CaseStageRole>,
  Labelled<CaseCodes['specialProcedure'], CaseSpecialProcedure>,
  Labelled<CaseCodes['evaluationStage'], CaseEvaluationStage>,
  Labelled<CaseCodes['matterType'], IntakeMatterType>,
  Labelled<CaseCodes['materialForm'], ApplyMaterialForm>,
  Labelled<CaseCodes['materialMedium'], ApplyMaterialMedium>,
];

export const CASE_STATUSES = valuesOf<CaseStatus>({
  submitted: true,
  accepted: true,
  reviewed: true,
  decided: true,
  supplementing: true,
  special: true,
  completed: true,
  delivered: true,
  refused: true,
  withdrawn: true,
});
export const CASE_CHANNELS = valuesOf<CaseChannel>({
  window: true,
  online: true,
  mobile: true,
  self_service: true,
});
export const CASE_CLOCK_FILTERS = valuesOf<CaseClockFilter>({
  warning: true,
  overdue: true,
  paused: true,
  calendar_missing: true,
});
export const CASE_SORT_FIELDS = valuesOf<CaseSortField>({
  remaining: true,
  submittedAt: true,
  caseNo: true,
});

/** A group of case codes with labels under `cases.codes`. */
export type CaseCodeGroup = keyof CaseCodes;

/** The label of a case code (status, channel, flag type …); the raw code when unknown. */
export function caseLabel(group: CaseCodeGroup, code: string): string {
  return dynamicLabel(`cases.codes.${group}.${code}`, code);
}

/** 好差评 grade 5 非常满意 … 1 非常不满意. */
export function gradeLabel(grade: number): string {
  return dynamicLabel(`cases.codes.grade.g${grade}`, String(grade));
}

// ---------------------------------------------------------------------------------------------
// Government services: matters, guides, inspection, supervision (features/services). Codes the case
// pages label too (matter types, stages, flags, evaluation stages) use `caseLabel`; the others are
// under `services.codes`.

import type {
  CaseFlagLevel as SvcFlagLevel,
  CaseFlagStatus as SvcFlagStatus,
  CaseFlagType as SvcFlagType,
  CaseFlagAction,
  EvaluationStage,
  FindingSeverity,
  FlagRectifyKind,
  GuideInspectionTrigger,
  GuideRule,
  MaterialForm,
  MaterialMedium,
  MatterLevel,
  MatterStageCode,
  MatterStageRole,
  MatterStatus,
  MatterType,
  RankingSort,
  ReconciliationStatus,
  SpecialProcedure,
} from '../api/types.ts';

type ServiceCodes = Messages['services']['codes'];

/** Compiles only when every services code of the schema has a label. */
export type ServiceCodesLabelled = [
  Labelled<ServiceCodes['matterLevel'], MatterLevel>,
  Labelled<ServiceCodes['matterStatus'], MatterStatus>,
  Labelled<ServiceCodes['guideRule'], GuideRule>,
  Labelled<ServiceCodes['findingSeverity'], FindingSeverity>,
  Labelled<ServiceCodes['inspectionTrigger'], GuideInspectionTrigger>,
  Labelled<ServiceCodes['flagAction'], CaseFlagAction>,
  Labelled<ServiceCodes['rectifyKind'], FlagRectifyKind>,
  Labelled<ServiceCodes['reconciliationStatus'], ReconciliationStatus>,
  Labelled<CaseCodes['matterType'], MatterType>,
  Labelled<CaseCodes['stage'], MatterStageCode>,
  Labelled<CaseCodes['stageRole'], MatterStageRole>,
  Labelled<CaseCodes['specialProcedure'], SpecialProcedure>,
  Labelled<CaseCodes['materialForm'], MaterialForm>,
  Labelled<CaseCodes['materialMedium'], MaterialMedium>,
  Labelled<CaseCodes['evaluationStage'], EvaluationStage>,
];

/** `-onTimeRate` → `onTimeRate` (distributes over a union). */
type Unprefixed<S> = S extends `-${infer K}` ? K : never;
type RankingKey = Unprefixed<RankingSort>;

/** The value lists of the services pages' filters and editors, in display order. */
export const SERVICE_CODES = {
  matterType: valuesOf<MatterType>({
    licensing: true,
    confirmation: true,
    adjudication: true,
    payment: true,
    reward: true,
    filing: true,
    other_power: true,
    public_service: true,
    internal: true,
  }),
  matterLevel: valuesOf<MatterLevel>({
    national: true,
    province: true,
    city: true,
    district: true,
    street: true,
    community: true,
  }),
  matterStatus: valuesOf<MatterStatus>({ active: true, suspended: true }),
  stage: valuesOf<MatterStageCode>({
    receive: true,
    accept: true,
    review: true,
    decide: true,
    complete: true,
    deliver: true,
  }),
  stageRole: valuesOf<MatterStageRole>({
    window_officer: true,
    dept_case_officer: true,
    dept_case_approver: true,
  }),
  specialProcedure: valuesOf<SpecialProcedure>({
    hearing: true,
    testing: true,
    inspection: true,
    expert_review: true,
  }),
  materialForm: valuesOf<MaterialForm>({ original: true, copy: true, original_and_copy: true }),
  materialMedium: valuesOf<MaterialMedium>({ paper: true, electronic: true, paper_or_electronic: true }),
  guideRule: valuesOf<GuideRule>({
    no_guide: true,
    missing_conditions: true,
    missing_materials: true,
    missing_process: true,
    missing_legal_basis: true,
    missing_place: true,
    missing_hours: true,
    missing_contact_phone: true,
    missing_complaint_phone: true,
    committed_above_statutory: true,
    on_the_spot_with_limits: true,
    stage_days_above_committed: true,
    fee_without_basis: true,
    online_without_url: true,
    no_visit_not_online: true,
    fully_online_with_visits: true,
    material_zero_copies: true,
    material_duplicate_name: true,
    special_procedure_not_applicable: true,
    stale: true,
  }),
  findingSeverity: valuesOf<FindingSeverity>({ error: true, warning: true }),
  flagType: valuesOf<SvcFlagType>({
    overdue_committed: true,
    overdue_statutory: true,
    completed_before_accepted: true,
    accepted_before_submitted: true,
    completed_without_acceptance: true,
    missing_stage: true,
    too_fast: true,
    outside_working_time: true,
    result_missing: true,
    committed_above_statutory: true,
    upstream_mismatch: true,
    poor_evaluation: true,
  }),
  flagLevel: valuesOf<SvcFlagLevel>({ notice: true, warning: true, alarm: true }),
  flagStatus: valuesOf<SvcFlagStatus>({ open: true, explained: true, closed: true, cleared: true }),
  evaluationStage: valuesOf<EvaluationStage>({ accepted: true, completed: true }),
  rankingKey: valuesOf<RankingKey>({
    cases: true,
    completed: true,
    onTimeRate: true,
    overdue: true,
    abnormal: true,
    rectificationOnTimeRate: true,
    averageGrade: true,
    poorEvaluations: true,
    returnVisitRate: true,
  }),
} as const;

/** The label of a services code (`services.codes.<group>.<code>`); the raw code when unknown. */
export function serviceLabel(group: keyof ServiceCodes, code: string | number): string {
  return dynamicLabel(`services.codes.${String(group)}.${code}`, String(code));
}
