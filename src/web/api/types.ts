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
