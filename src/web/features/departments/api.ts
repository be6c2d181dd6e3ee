import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { Department, DepartmentInput, Page, QueryOf } from '../../api/types.ts';

export type DepartmentQuery = QueryOf<'/api/departments'>;
export type DepartmentSort = NonNullable<DepartmentQuery['sort']>;

export const departmentKeys = {
  all: ['departments'] as const,
  list: (query: DepartmentQuery) => ['departments', 'list', query] as const,
};

export function fetchDepartments(query: DepartmentQuery): Promise<Page<Department>> {
  return unwrap<Page<Department>>(api.GET('/api/departments', { params: { query: compact({ ...query }) } }));
}

export function createDepartment(body: DepartmentInput): Promise<Department> {
  return unwrap<Department>(api.POST('/api/departments', { body }));
}

export function updateDepartment(id: string, body: Partial<DepartmentInput>): Promise<Department> {
  return unwrap<Department>(api.PATCH('/api/departments/{id}', { params: { path: { id } }, body }));
}
