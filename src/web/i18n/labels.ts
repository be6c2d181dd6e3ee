import i18n from 'i18next';
import type { AuditRecord, DepartmentKind, Permission, RegionLevel, Role, UserStatus } from '../api/types.ts';
import type { Messages } from './zh-CN.ts';

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
