import { api, compact } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { Page, QueryOf, UserCreateInput, UserPatchInput, UserRow } from '../../api/types.ts';

export type UserQuery = QueryOf<'/api/users'>;
export type UserSort = NonNullable<UserQuery['sort']>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
};

export function fetchUsers(query: UserQuery): Promise<Page<UserRow>> {
  return unwrap<Page<UserRow>>(api.GET('/api/users', { params: { query: compact({ ...query }) } }));
}

export function createUser(body: UserCreateInput): Promise<unknown> {
  return unwrap<unknown>(api.POST('/api/users', { body }));
}

export function updateUser(id: string, body: UserPatchInput): Promise<unknown> {
  return unwrap<unknown>(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

export function resetPassword(id: string, password: string): Promise<unknown> {
  return unwrap<unknown>(
    api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } }),
  );
}

export function lockUser(id: string): Promise<unknown> {
  return unwrap<unknown>(api.POST('/api/users/{id}/lock', { params: { path: { id } } }));
}

export function unlockUser(id: string): Promise<unknown> {
  return unwrap<unknown>(api.POST('/api/users/{id}/unlock', { params: { path: { id } } }));
}
