// Default masks for personal data (SECURITY.md PI-1): one format per field, the same length as the
// value so layouts do not shift, and never the full value, even for short or malformed inputs.
// Lengths and positions are counted in Unicode code points, so a name with a rare (astral) character
// is masked per character, not per UTF-16 unit.

export const MASK_CHAR = '*';

/**
 * Keeps the first `keepStart` and last `keepEnd` code points and masks the rest. If that would leave
 * nothing masked, everything is masked: a value too short for its format is not revealed.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return MASK_CHAR.repeat(chars.length);
  return chars.map((c, i) => (i < keepStart || i >= chars.length - keepEnd ? c : MASK_CHAR)).join('');
}

/** '330105199001011234' → '330105********1234' (area code and last 4 kept). */
export function maskResidentId(id: string): string {
  return maskMiddle(id, 6, 4);
}

/** '13812341234' → '138****1234'; shorter (landline) numbers keep only the last 4, or nothing below 8. */
export function maskPhone(phone: string): string {
  const n = Array.from(phone).length;
  if (n >= 11) return maskMiddle(phone, 3, 4);
  if (n >= 8) return maskMiddle(phone, 0, 4);
  return MASK_CHAR.repeat(n);
}

/** '张三丰' → '张**'. A one-character name is fully masked (showing it would show the whole name). */
export function maskName(name: string): string {
  return maskMiddle(name, 1, 0);
}

/** '91350100M000100Y43' → '91************0Y43' (first 2 + last 4). */
export function maskUscc(code: string): string {
  return maskMiddle(code, 2, 4);
}
