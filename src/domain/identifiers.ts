// Identifier checks: resident identity number (GB 11643-1999) and unified social credit code
// (GB 32100-2015, with the embedded organisation code of GB 11714-1997).
//
// Errors are things the standard forbids (length, charset, impossible birth date, check character).
// Codes that are well-formed but not in our tables (province, registration authority, entity
// category) are only warnings: the tables change and a stale table must not block a real applicant.
import { isIsoDate, type IsoDate } from './calendar.ts';

/** What can be wrong with a resident ID, and with a credit code: codes a caller puts in the user's language. */
export const RESIDENT_ID_PROBLEMS = [
  'notString',
  'length',
  'digits',
  'lowerX',
  'checkCharacterForm',
  'birthDate',
  'birthEarly',
  'birthFuture',
  'checkCharacter',
] as const;
export const USCC_PROBLEMS = [
  'notString',
  'length',
  'lowerCase',
  'charset',
  'division',
  'organisationCode',
  'checkCharacter',
] as const;
export type IdProblem = (typeof RESIDENT_ID_PROBLEMS)[number] | (typeof USCC_PROBLEMS)[number];

export type IdCheck =
  | { ok: true; warnings: string[] }
  | { ok: false; reason: string; problem: IdProblem; params: Record<string, string | number> };

const fail = (reason: string, problem: IdProblem, params: Record<string, string | number> = {}): IdCheck => ({
  ok: false,
  reason,
  problem,
  params,
});

// GB/T 2260 province-level prefixes (incl. 71 Taiwan, 81 Hong Kong, 82 Macao; 83 is used for the
// residence permits of Taiwan residents).
// prettier-ignore
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

// ---------------------------------------------------------------------------------------------
// Resident identity number, GB 11643-1999: ISO 7064 MOD 11-2.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** `today` (optional) lets callers refuse birth dates in the future without this module reading a clock. */
export function checkResidentId(id: string, opts: { today?: IsoDate } = {}): IdCheck {
  if (typeof id !== 'string') return fail('Resident ID must be a string', 'notString');
  if (id.length !== 18)
    return fail(`Resident ID must have 18 characters, got ${id.length}`, 'length', { got: id.length });
  if (!/^\d{17}$/.test(id.slice(0, 17)))
    return fail('Resident ID: the first 17 characters must be digits', 'digits');
  const last = id[17]!;
  if (last === 'x')
    return fail('Resident ID: the check character must be an upper-case X, not a lower-case x', 'lowerX');
  if (!/^[0-9X]$/.test(last))
    return fail('Resident ID: the check character must be a digit or X', 'checkCharacterForm');

  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth))
    return fail(`Resident ID: ${id.slice(6, 14)} is not a valid birth date`, 'birthDate', {
      value: id.slice(6, 14),
    });
  if (birth < '1850-01-01')
    return fail(`Resident ID: birth date ${birth} is implausibly early`, 'birthEarly', { birth });
  if (opts.today !== undefined && birth > opts.today) {
    return fail(`Resident ID: birth date ${birth} is in the future`, 'birthFuture', { birth });
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (last !== expected)
    return fail('Resident ID: check character does not match (typing error?)', 'checkCharacter');

  const warnings: string[] = [];
  if (!PROVINCES.has(id.slice(0, 2))) warnings.push(`unknown province code ${id.slice(0, 2)}`);
  return { ok: true, warnings };
}

/** Synthetic resident IDs for fixtures (SECURITY.md: fixtures are generated, never real). */
export function makeResidentId(area6: string, birth: IsoDate, seq3: string): string {
  if (!/^\d{6}$/.test(area6)) throw new Error(`area6 must be 6 digits: ${JSON.stringify(area6)}`);
  if (!isIsoDate(birth)) throw new Error(`birth must be a valid YYYY-MM-DD date: ${JSON.stringify(birth)}`);
  if (!/^\d{3}$/.test(seq3)) throw new Error(`seq3 must be 3 digits: ${JSON.stringify(seq3)}`);
  const first17 = `${area6}${birth.replaceAll('-', '')}${seq3}`;
  return first17 + residentIdCheckChar(first17);
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code, GB 32100-2015.

/** The 31 characters of GB 32100 (no I, O, S, V, Z). X is included, so a GB 11714 check X fits. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

// Registration authority → entity categories it assigns (GB 32100-2015 appendix A).
const AUTHORITIES: Record<string, { name: string; categories: string }> = {
  '1': { name: '机构编制', categories: '1239' },
  '2': { name: '外交', categories: '19' },
  '3': { name: '司法行政', categories: '123459' },
  '4': { name: '文化', categories: '19' },
  '5': { name: '民政', categories: '1239' },
  '6': { name: '旅游', categories: '129' },
  '7': { name: '宗教', categories: '129' },
  '8': { name: '工会', categories: '19' },
  '9': { name: '工商/市场监管', categories: '123' },
  A: { name: '中央军委改革和编制办公室', categories: '19' },
  N: { name: '农业', categories: '1239' },
  Y: { name: '其他', categories: '1' },
};

function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 values: digits 0-9, letters A=10 … Z=35 (the whole alphabet, not the USCC indices). */
function orgValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

function orgCheckChar(base8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(base8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function checkUscc(code: string): IdCheck {
  if (typeof code !== 'string') return fail('USCC must be a string', 'notString');
  if (code.length !== 18)
    return fail(`USCC must have 18 characters, got ${code.length}`, 'length', { got: code.length });
  if (/[a-z]/.test(code)) return fail('USCC letters must be upper-case', 'lowerCase');
  const bad = [...code].find((c) => !USCC_CHARSET.includes(c));
  if (bad !== undefined) {
    return fail(
      `USCC contains ${JSON.stringify(bad)}, which is not in the GB 32100 character set`,
      'charset',
      {
        value: bad,
      },
    );
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return fail('USCC: characters 3-8 (division code) must be digits', 'division');
  if (orgCheckChar(code.slice(8, 16)) !== code[16]) {
    return fail('USCC: the organisation code (characters 9-17) fails its GB 11714 check', 'organisationCode');
  }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return fail('USCC: check character does not match (typing error?)', 'checkCharacter');
  }

  const warnings: string[] = [];
  const authority = AUTHORITIES[code[0]!];
  if (!authority) warnings.push(`unknown registration authority code ${code[0]}`);
  else if (!authority.categories.includes(code[1]!)) {
    warnings.push(
      `unknown entity category ${code[1]} for registration authority ${code[0]} (${authority.name})`,
    );
  }
  if (!PROVINCES.has(code.slice(2, 4)))
    warnings.push(`unknown province code ${code.slice(2, 4)} in division code`);
  return { ok: true, warnings };
}

/**
 * Builds a USCC with both check characters (for fixtures). The GB 11714 check may be X; X belongs to
 * the GB 32100 character set, so no base needs to be avoided and none is altered. Throws if an input
 * is malformed: authority/category must be USCC characters, division6 six digits, orgBase8 eight USCC
 * characters (GB 11714 allows I/O/S/V/Z, GB 32100 does not).
 */
export function makeUscc(authority: string, category: string, division6: string, orgBase8: string): string {
  const inSet = (s: string, len: number) => s.length === len && [...s].every((c) => USCC_CHARSET.includes(c));
  if (!inSet(authority, 1))
    throw new Error(`authority must be one USCC character: ${JSON.stringify(authority)}`);
  if (!inSet(category, 1))
    throw new Error(`category must be one USCC character: ${JSON.stringify(category)}`);
  if (!/^\d{6}$/.test(division6)) throw new Error(`division6 must be 6 digits: ${JSON.stringify(division6)}`);
  if (!inSet(orgBase8, 8)) {
    throw new Error(`orgBase8 must be 8 characters of ${USCC_CHARSET}: ${JSON.stringify(orgBase8)}`);
  }
  const first17 = `${authority}${category}${division6}${orgBase8}${orgCheckChar(orgBase8)}`;
  return first17 + usccCheckChar(first17);
}
