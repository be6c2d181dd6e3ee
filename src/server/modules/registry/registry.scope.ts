import { regionInScope } from '../../../domain/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { rowScope } from '../org/org.service.ts';
import type { RowScope } from '../org/users.repo.ts';

/**
 * Which systems a caller reaches: a department data officer, and an API client (always created for one
 * department), only that department's; the bureau and leaders their region (the whole district).
 */
export function registryScope(p: Principal): RowScope {
  if (p.kind === 'token') return { regionPrefix: p.regionCode, departmentId: p.departmentId };
  // Only the bureau (registry.review) and read-only leaders reach the whole region. Anyone else who
  // may edit systems is held to a department; without one they reach nothing (never widen to all).
  if (p.permissions.includes('registry.review')) return rowScope(p);
  if (p.permissions.includes('registry.edit') || p.permissions.includes('registry.report_usage'))
    return { regionPrefix: p.regionCode, departmentId: p.departmentId ?? NO_DEPARTMENT };
  return rowScope(p);
}

/** A department id no row has: a scope that reaches nothing. */
const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** Whether a caller may keep the systems of this department (their own, or any in their region). */
export function mayKeepDepartment(scope: RowScope, department: { id: string; regionCode: string }): boolean {
  if (scope.departmentId) return scope.departmentId === department.id;
  return regionInScope(scope.regionPrefix, department.regionCode);
}
