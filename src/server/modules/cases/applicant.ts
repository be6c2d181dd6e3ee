import { maskName, maskPhone, maskResidentId, maskUscc } from '../../../domain/masking.ts';
import type { Config } from '../../config.ts';
import { decryptField, encryptField, fieldKeysOf } from '../../crypto/index.ts';

export interface ApplicantIdentity {
  type: 'person' | 'enterprise' | 'department';
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
}

/** The applicant's ID number and phone as stored (DAT-2): SM4-encrypted, plus a masked ID for lists. */
export function sealApplicant(config: Config, a: ApplicantIdentity) {
  const keys = fieldKeysOf(config.secrets);
  const id = a.idNumber?.trim() || null;
  const phone = a.phone?.trim() || null;
  return {
    applicantIdEnc: id ? encryptField(keys, id) : null,
    applicantIdMasked: id ? (a.type === 'person' ? maskResidentId(id) : maskUscc(id)) : null,
    applicantPhoneEnc: phone ? encryptField(keys, phone) : null,
  };
}

/** The plain value of a sealed field, for a reader entitled to it (audited by the caller). */
export function unsealField(config: Config, token: string | null): string | null {
  if (!token) return null;
  return decryptField(fieldKeysOf(config.secrets), token);
}

/**
 * The applicant's name as staff see it by default (PI-1): a person's masked to its first character;
 * an enterprise or a department is an organisation, not personal data, and keeps its name.
 */
export function applicantNameShown(type: ApplicantIdentity['type'], name: string): string {
  return type === 'person' ? maskName(name) : name;
}

/** The applicant's phone as staff see it by default: masked (`138****1234`), or null when none was given. */
export function applicantPhoneShown(config: Config, token: string | null): string | null {
  try {
    const phone = unsealField(config, token);
    return phone === null ? null : maskPhone(phone);
  } catch {
    // A sealed value that no longer opens (a changed FIELD_KEY) must not take the case page down;
    // the unmask, which needs the value, still fails loudly.
    return null;
  }
}
