import i18n from 'i18next';
import type { Role } from '../api/types.ts';

/** Translates a key built at run time (a role, level or status code from the server); falls back to the raw code. */
export function dynamicLabel(key: string, fallback: string): string {
  return i18n.exists(key) ? String(i18n.t(key as never)) : fallback;
}

export const ROLE_CODES: readonly Role[] = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'bureau_admin',
  'dept_data_officer',
  'dept_case_officer',
  'street_officer',
  'community_worker',
  'leader',
];

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
