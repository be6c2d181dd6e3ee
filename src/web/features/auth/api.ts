import { api } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { LoginStatus } from '../../api/types.ts';

export function login(username: string, password: string): Promise<{ status: LoginStatus }> {
  return unwrap<{ status: LoginStatus }>(api.POST('/api/auth/login', { body: { username, password } }));
}

export function verifyTotp(code: string): Promise<{ status: LoginStatus }> {
  return unwrap<{ status: LoginStatus }>(api.POST('/api/auth/totp', { body: { code } }));
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await unwrap<unknown>(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
}

/** Starts TOTP enrolment; the secret is returned once and kept only in the page's memory. */
export function enrolTotp(): Promise<TotpEnrolment> {
  return unwrap<TotpEnrolment>(api.POST('/api/auth/totp/enrol', {}));
}
