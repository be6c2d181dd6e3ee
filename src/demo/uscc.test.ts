import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, orgCodeCheck, usccCheck } from './uscc.ts';

describe('USCC arithmetic', () => {
  it('accepts published codes', () => {
    // The example from GB 32100-2015 and two well-known enterprises' public codes.
    for (const code of ['91350100M000100Y43', '91110108551385082Q', '91440300708461136T']) {
      expect(isValidUscc(code)).toBe(true);
    }
  });

  it('computes GB 11714 check characters, including X and 0', () => {
    expect(orgCodeCheck('55138508')).toBe('2');
    expect(orgCodeCheck('M000100Y')).toBe('4');
    const checks = new Set<string>();
    for (let n = 0; n < 200; n++) checks.add(orgCodeCheck(String(10_000_000 + n)));
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
  });

  it('detects any single-character change', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const code = makeUscc('1', '1', '330105', '04710000');
    expect(isValidUscc(code)).toBe(true);
    fc.assert(
      fc.property(fc.nat(17), fc.nat(30), (pos, k) => {
        const ch = charset[k] ?? '0';
        fc.pre(code[pos] !== ch);
        const mutated = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(isValidUscc(mutated)).toBe(false);
      }),
    );
  });

  it('rejects malformed input', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y43'.toLowerCase())).toBe(false);
    expect(() => usccCheck('123')).toThrow(RangeError);
    expect(() => orgCodeCheck('1234567')).toThrow(RangeError);
  });
});
