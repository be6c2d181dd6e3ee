import type { Permission, Role } from '../../../domain/permissions.ts';

/** Who is calling: a signed-in person (session cookie) or a system (bearer token of an API client). */
export interface Principal {
  kind: 'session' | 'token';
  userId: string | null;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  /** Region subtree the caller may see: a division-code prefix. */
  regionCode: string;
  departmentId: string | null;
  sessionId?: string;
  csrfToken?: string;
  /** False while a required second factor or password change is outstanding. */
  mfaPassed: boolean;
  mustChangePassword: boolean;
  apiClientId?: string;
}
