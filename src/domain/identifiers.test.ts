import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { USCC_CHARSET, checkResidentId, checkUscc, makeResidentId, makeUscc } from './identifiers.ts';

const DIGITS = '0123456789';
const ok = { ok: true, warnings: [] };

/** Independent oracle for the GB 32100 final check (used only to forge inner-check failures). */
function usccFinal(first17: string): string {
  const cs = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + cs.indexOf(c) * w[i]!, 0);
  return cs[(31 - (sum % 31)) % 31]!;
}

const provinceArb = fc.constantFrom('11', '12', '31', '33', '44', '50', '65', '81');
const digitsArb = (n: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: n, maxLength: n });
const birthArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2025, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const residentIdArb = fc
  .tuple(provinceArb, digitsArb(4), birthArb, digitsArb(3))
  .map(([p, a, b, s]) => makeResidentId(p + a, b, s));

const usccCharArb = fc.constantFrom(...USCC_CHARSET);
const usccArb = fc
  .tuple(
    fc.constantFrom('1', '5', '9', 'Y'),
    fc.constantFrom('1'),
    provinceArb,
    digitsArb(4),
    fc.string({ unit: usccCharArb, minLength: 8, maxLength: 8 }),
  )
  .map(([a, c, p, d, o]) => makeUscc(a, c, p + d, o));

function replaceAt(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}

describe('checkResidentId (GB 11643-1999)', () => {
  it('accepts the examples printed in the standard', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
    expect(checkResidentId('11010519491231002X')).toEqual(ok);
    expect(checkResidentId('440524188001010014')).toEqual(ok);
  });

  it('requires an upper-case X and says so', () => {
    const r = checkResidentId('11010519491231002x');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/upper-case X/);
  });

  it('rejects wrong length, non-digits, impossible birth dates and wrong check characters', () => {
    const reason = (id: string) => {
      const r = checkResidentId(id);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('11010519491231002')).toMatch(/18 characters/);
    expect(reason('11010519491231002X1')).toMatch(/18 characters/);
    expect(reason('1101051949123100AX')).toMatch(/first 17 characters must be digits/);
    expect(reason('11010519491231002Y')).toMatch(/digit or X/);
    expect(reason(makeResidentId('110105', '1949-12-31', '002').slice(0, 17) + '3')).toMatch(
      /check character/,
    );
    // 1949-02-30 with a correct check character: the date itself is refused.
    const feb30 = '11010519490230002';
    for (const c of '0123456789X') {
      expect(reason(feb30 + c)).toMatch(/not a valid birth date/);
    }
    expect(reason(makeResidentId('110105', '1800-01-01', '002'))).toMatch(/implausibly early/);
  });

  it('refuses a future birth date only when told today', () => {
    const id = makeResidentId('110105', '2030-01-01', '002');
    expect(checkResidentId(id)).toEqual(ok);
    const r = checkResidentId(id, { today: '2026-05-01' });
    expect(!r.ok && r.reason).toMatch(/in the future/);
  });

  it('warns (does not fail) on an unknown province code', () => {
    const r = checkResidentId(makeResidentId('990101', '1990-01-01', '123'));
    expect(r).toEqual({ ok: true, warnings: ['unknown province code 99'] });
  });

  it('makeResidentId validates its inputs', () => {
    expect(() => makeResidentId('11010', '1990-01-01', '001')).toThrow(/area6/);
    expect(() => makeResidentId('110105', '1990-02-30', '001')).toThrow(/birth/);
    expect(() => makeResidentId('110105', '1990-01-01', '01')).toThrow(/seq3/);
  });

  it('make → check is ok (property)', () => {
    fc.assert(
      fc.property(residentIdArb, (id) => {
        expect(checkResidentId(id)).toEqual(ok);
      }),
    );
  });

  it('detects any single-character change (property)', () => {
    fc.assert(
      fc.property(
        residentIdArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789Xx'),
        (id, i, c) => {
          fc.pre(id[i] !== c);
          expect(checkResidentId(replaceAt(id, i, c)).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('detects any transposition of adjacent different characters (property)', () => {
    fc.assert(
      fc.property(residentIdArb, fc.integer({ min: 0, max: 16 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        expect(checkResidentId(swapped).ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (s) => {
        const r = checkResidentId(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('checkUscc (GB 32100-2015)', () => {
  it('accepts public examples, verified by hand', () => {
    // Sample code used with GB 32100: final check sum 1640 mod 31 = 28 → 31-28 = 3 → '3';
    // organisation code M000100Y: M=22·3 + 1·5 + Y=34·2 = 139, 139 mod 11 = 7 → 11-7 = '4'.
    expect(checkUscc('91350100M000100Y43')).toEqual(ok);
    expect(checkUscc('914403001922038216')).toEqual(ok); // 华为技术有限公司
    // 深圳市腾讯计算机系统有限公司: the GB 11714 check is X, which is in the GB 32100 set.
    expect(checkUscc('9144030071526726XG')).toEqual(ok);
  });

  it('requires upper case and the 31-character set', () => {
    const r = checkUscc('91350100m000100y43');
    expect(!r.ok && r.reason).toMatch(/upper-case/);
    for (const c of 'IOSVZ') {
      const bad = checkUscc(replaceAt('91350100M000100Y43', 8, c));
      expect(!bad.ok && bad.reason).toMatch(/not in the GB 32100 character set/);
    }
    const len = checkUscc('91350100M000100Y4');
    expect(!len.ok && len.reason).toMatch(/18 characters/);
  });

  it('rejects a non-numeric division code', () => {
    const r = checkUscc(replaceAt('91350100M000100Y43', 3, 'A'));
    expect(!r.ok && r.reason).toMatch(/division code/);
  });

  it('rejects a bad organisation-code check even when the final check is consistent', () => {
    const inner = '91350100M000100Y5'; // 5 instead of 4
    const forged = inner + usccFinal(inner);
    const r = checkUscc(forged);
    expect(!r.ok && r.reason).toMatch(/GB 11714/);
  });

  it('rejects a wrong final check character', () => {
    const r = checkUscc('91350100M000100Y44');
    expect(!r.ok && r.reason).toMatch(/check character does not match/);
  });

  it('unknown but well-formed authority/category codes are warnings', () => {
    const unknownAuthority = checkUscc(makeUscc('B', '1', '350100', 'M000100Y'));
    expect(unknownAuthority).toEqual({ ok: true, warnings: ['unknown registration authority code B'] });
    const unknownCategory = checkUscc(makeUscc('9', '4', '350100', 'M000100Y'));
    expect(unknownCategory.ok && unknownCategory.warnings[0]).toMatch(/unknown entity category 4/);
    const unknownProvince = checkUscc(makeUscc('9', '1', '990100', 'M000100Y'));
    expect(unknownProvince.ok && unknownProvince.warnings).toEqual([
      'unknown province code 99 in division code',
    ]);
  });

  it('makeUscc reproduces the public examples, including an organisation check of X', () => {
    expect(makeUscc('9', '1', '350100', 'M000100Y')).toBe('91350100M000100Y43');
    expect(makeUscc('9', '1', '440300', '19220382')).toBe('914403001922038216');
    expect(makeUscc('9', '1', '440300', '71526726')).toBe('9144030071526726XG');
  });

  it('makeUscc refuses malformed parts', () => {
    expect(() => makeUscc('I', '1', '350100', 'M000100Y')).toThrow(/authority/);
    expect(() => makeUscc('9', '', '350100', 'M000100Y')).toThrow(/category/);
    expect(() => makeUscc('9', '1', '35010A', 'M000100Y')).toThrow(/division6/);
    expect(() => makeUscc('9', '1', '350100', 'M000100O')).toThrow(/orgBase8/);
    expect(() => makeUscc('9', '1', '350100', 'm000100y')).toThrow(/orgBase8/);
  });

  it('make → check is ok (property)', () => {
    fc.assert(
      fc.property(usccArb, (code) => {
        expect(checkUscc(code)).toEqual(ok);
      }),
    );
  });

  it('detects any single-character change (property)', () => {
    fc.assert(
      fc.property(
        usccArb,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...USCC_CHARSET, 'I', 'O', 'Z', 'a', 'x'),
        (code, i, c) => {
          fc.pre(code[i] !== c);
          expect(checkUscc(replaceAt(code, i, c)).ok).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('detects any transposition of adjacent different characters (property)', () => {
    fc.assert(
      fc.property(usccArb, fc.integer({ min: 0, max: 16 }), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(checkUscc(swapped).ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (s) => {
        expect(typeof checkUscc(s).ok).toBe('boolean');
      }),
    );
  });
});
