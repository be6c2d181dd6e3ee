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
  return rowScope(p);
}

/** Whether a caller may keep the systems of this department (their own, or any in their region). */
export function mayKeepDepartment(scope: RowScope, department: { id: string; regionCode: string }): boolean {
  if (scope.departmentId) return scope.departmentId === department.id;
  return regionInScope(scope.regionPrefix, department.regionCode);
}
