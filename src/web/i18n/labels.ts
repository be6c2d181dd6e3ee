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
