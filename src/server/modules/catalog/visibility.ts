import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.ts';
import { rowScope } from '../org/org.service.ts';
import { datasets } from './catalog.tables.ts';

/** Open types that let an entry's metadata be shown to anyone (无条件开放, 有条件开放). */
export const PUBLICLY_LISTED_OPEN_TYPES = ['open', 'conditional'] as const;

/**
 * Which catalogue entries a caller may see, as SQL (applied in every query, never after the fact):
 * - anyone, signed in or not: published entries whose open type lets them be listed;
 * - holders of catalog.read: every published or deprecated entry (the sharing catalogue);
 * - the bureau (catalog.review): every entry in every state;
 * - a department's data officer (catalog.edit, department scope): also their own department's entries
 *   in any state.
 */
export function datasetVisibility(p: Principal | null): SQL {
  const publicEntries = and(
    eq(datasets.status, 'published'),
    inArray(datasets.openType, [...PUBLICLY_LISTED_OPEN_TYPES]),
  )!;
  if (!p || !p.permissions.includes('catalog.read')) return publicEntries;
  if (p.permissions.includes('catalog.review')) return eq(datasets.id, datasets.id);
  const shared = inArray(datasets.status, ['published', 'deprecated']);
  const scope = rowScope(p);
  if (p.permissions.includes('catalog.edit') && scope.departmentId)
    return or(shared, eq(datasets.departmentId, scope.departmentId))!;
  return shared;
}

/** Whether the caller may change this department's entries (the bureau: any; an officer: their own). */
export function mayEditDepartment(p: Principal, departmentId: string): boolean {
  if (!p.permissions.includes('catalog.edit')) return false;
  if (p.permissions.includes('catalog.review')) return true;
  const scope = rowScope(p);
  return scope.departmentId !== null && scope.departmentId === departmentId;
}
