// Local check-character arithmetic for the demo's synthetic unified social credit codes.
// Deliberately self-contained (the canonical validators live elsewhere in the tree).
//
// GB 11714 organisation code: 8 body characters + 1 check character.
// GB 32100-2015 unified social credit code (USCC), 18 characters:
//   [1] registration authority  [2] organisation category  [3-8] division code
//   [9-17] GB 11714 organisation code (incl. its check)   [18] check character

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

function orgCharValue(ch: string): number {
  if (/^[0-9]$/.test(ch)) return ch.charCodeAt(0) - 48;
  if (/^[A-Z]$/.test(ch)) return ch.charCodeAt(0) - 55; // A=10 … Z=35
  throw new RangeError(`invalid organisation code character ${JSON.stringify(ch)}`);
}

/** The GB 11714 check character ('0'-'9' or 'X') for an 8-character body. */
export function orgCodeCheck(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new RangeError(`organisation code body must be 8 of [0-9A-Z]`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i] ?? '') * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100 check character for the first 17 characters of a USCC. */
export function usccCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError('need the first 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`invalid USCC character ${JSON.stringify(first17[i])}`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c] ?? '0';
}

/** Build a USCC from its parts; the organisation-code check character is computed here. */
export function makeUscc(registration: string, category: string, division: string, orgBody: string): string {
  if (!/^[0-9]{6}$/.test(division)) throw new RangeError('division must be 6 digits');
  const first17 = `${registration}${category}${division}${orgBody}${orgCodeCheck(orgBody)}`;
  return first17 + usccCheck(first17);
}

/** Both check characters verify and every character is in the USCC charset. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false;
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return false;
  const orgBody = code.slice(8, 16);
  if (!/^[0-9A-Z]{8}$/.test(orgBody)) return false;
  return orgCodeCheck(orgBody) === code[16] && usccCheck(code.slice(0, 17)) === code[17];
}
