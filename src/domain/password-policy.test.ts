import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PASSWORD_PROFILES,
  checkPassword,
  isValidLoginId,
  normalizeLoginId,
  passwordExpired,
  type PasswordProblem,
} from './password-policy.ts';

const codes = (ps: PasswordProblem[]) => ps.map((p) => p.code).sort();
const DAY = 86_400_000;

describe('checkPassword: dengbao-l3 (fixed cases)', () => {
  it('accepts 8+ characters of 3 classes without the username', () => {
    expect(checkPassword('dengbao-l3', 'Abcdef1!', 'zhang')).toEqual([]);
    expect(checkPassword('dengbao-l3', 'abcdef1!', 'zhang')).toEqual([]);
    expect(checkPassword('dengbao-l3', '政务服务abc12', 'zhang')).toEqual([]); // CJK counts as symbols
  });

  it('reports each problem with its parameters', () => {
    expect(checkPassword('dengbao-l3', '', 'zhang')).toEqual([{ code: 'EMPTY' }]);
    expect(checkPassword('dengbao-l3', 'Ab1!', 'zhang')).toEqual([
      { code: 'TOO_SHORT', params: { min: 8, actual: 4 } },
    ]);
    expect(checkPassword('dengbao-l3', 'abcdefgh', 'zhang')).toEqual([
      { code: 'TOO_FEW_CLASSES', params: { required: 3, found: 1 } },
    ]);
    expect(checkPassword('dengbao-l3', 'Abcdefgh', 'zhang')).toEqual([
      { code: 'TOO_FEW_CLASSES', params: { required: 3, found: 2 } },
    ]);
    expect(checkPassword('dengbao-l3', 'Aa1!'.repeat(33), 'zhang')).toEqual([
      { code: 'TOO_LONG', params: { max: 128, actual: 132 } },
    ]);
    expect(codes(checkPassword('dengbao-l3', 'zhang', 'zhang'))).toEqual([
      'CONTAINS_USERNAME',
      'TOO_FEW_CLASSES',
      'TOO_SHORT',
    ]);
  });

  it('finds the username case- and width-insensitively', () => {
    expect(codes(checkPassword('dengbao-l3', 'My-ZHANG-2026', 'zhang'))).toEqual(['CONTAINS_USERNAME']);
    expect(codes(checkPassword('dengbao-l3', 'My-ｚｈａｎｇ-2026', 'Zhang'))).toEqual(['CONTAINS_USERNAME']);
    expect(codes(checkPassword('dengbao-l3', 'My-zhang-2026', 'ＺＨＡＮＧ'))).toEqual(['CONTAINS_USERNAME']);
    expect(checkPassword('dengbao-l3', 'My-zhan-2026', 'zhang')).toEqual([]);
  });

  it('counts length in code points (an astral character is one character)', () => {
    expect(codes(checkPassword('dengbao-l3', 'Ab1𠀋𠀋𠀋𠀋', 'u1'))).toEqual(['TOO_SHORT']);
    expect(checkPassword('dengbao-l3', 'Ab1𠀋𠀋𠀋𠀋𠀋', 'u1')).toEqual([]);
  });
});

describe('checkPassword: asvs (fixed cases)', () => {
  it('checks length only', () => {
    expect(checkPassword('asvs', 'aaaaaaaaaaaa', 'zhang')).toEqual([]);
    expect(checkPassword('asvs', 'zhangzhangzhang', 'zhang')).toEqual([]);
    expect(checkPassword('asvs', 'Abcdef1!xyz', 'zhang')).toEqual([
      { code: 'TOO_SHORT', params: { min: 12, actual: 11 } },
    ]);
    expect(checkPassword('asvs', '', 'zhang')).toEqual([{ code: 'EMPTY' }]);
    expect(codes(checkPassword('asvs', 'a'.repeat(129), 'zhang'))).toEqual(['TOO_LONG']);
  });

  it('refuses an unknown profile', () => {
    expect(() => checkPassword('nist' as 'asvs', 'x', 'y')).toThrow(/Unknown password profile/);
  });
});

// Independent oracle over regular expressions (not the module's class counter).
function oracleClasses(p: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/u].filter((re) => re.test(p)).length;
}
function oracleAccepts(profile: 'dengbao-l3' | 'asvs', p: string, user: string): boolean {
  const n = [...p].length;
  if (profile === 'asvs') return n >= 12 && n <= 128;
  const u = user.normalize('NFKC').trim().toLowerCase();
  const containsUser = u.length > 0 && p.normalize('NFKC').toLowerCase().includes(u);
  return n >= 8 && n <= 128 && oracleClasses(p) >= 3 && !containsUser;
}

const pwChar = fc.oneof(
  fc.constantFrom(...'abcxyz'),
  fc.constantFrom(...'ABCXYZ'),
  fc.constantFrom(...'0189'),
  fc.constantFrom(...'!@ #张𠀋'),
  fc.constantFrom(...'ｚｈＺ'),
);
const passwordArb = fc.string({ unit: pwChar, minLength: 0, maxLength: 20 });
const userArb = fc.oneof(
  fc.constantFrom('', 'zh', 'abc', 'Zhang', 'x'),
  fc.string({ unit: pwChar, maxLength: 4 }),
);

describe('checkPassword (properties)', () => {
  it('dengbao-l3 accepts exactly the passwords that meet every rule', () => {
    fc.assert(
      fc.property(passwordArb, userArb, (p, u) => {
        const problems = checkPassword('dengbao-l3', p, u);
        expect(problems.length === 0).toBe(oracleAccepts('dengbao-l3', p, u));
      }),
      { numRuns: 2000 },
    );
  });

  it('every accepted dengbao-l3 password has >= 8 characters, 3 classes and no username', () => {
    fc.assert(
      fc.property(passwordArb, userArb, (p, u) => {
        fc.pre(checkPassword('dengbao-l3', p, u).length === 0);
        expect([...p].length).toBeGreaterThanOrEqual(8);
        expect(oracleClasses(p)).toBeGreaterThanOrEqual(3);
        const nu = normalizeLoginId(u);
        if (nu) expect(normalizeLoginId(p).includes(nu)).toBe(false);
      }),
    );
  });

  it('asvs accepts exactly 12..128 characters, whatever the composition', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 140 }), userArb, (p, u) => {
        expect(checkPassword('asvs', p, u).length === 0).toBe(oracleAccepts('asvs', p, u));
      }),
    );
  });

  it('an empty password always yields exactly EMPTY', () => {
    fc.assert(
      fc.property(fc.constantFrom('dengbao-l3' as const, 'asvs' as const), userArb, (profile, u) => {
        expect(checkPassword(profile, '', u)).toEqual([{ code: 'EMPTY' }]);
      }),
    );
  });
});

describe('passwordExpired', () => {
  const changed = new Date('2026-01-01T08:00:00Z');

  it('dengbao-l3: at most 90 days old; day 91 asks for a change', () => {
    expect(passwordExpired('dengbao-l3', changed, new Date(changed.getTime() + 89 * DAY))).toBe(false);
    expect(passwordExpired('dengbao-l3', changed, new Date(changed.getTime() + 90 * DAY))).toBe(false);
    expect(passwordExpired('dengbao-l3', changed, new Date(changed.getTime() + 90 * DAY + 1))).toBe(true);
    expect(passwordExpired('dengbao-l3', changed, new Date(changed.getTime() + 91 * DAY))).toBe(true);
    expect(passwordExpired('dengbao-l3', changed, new Date('invalid'))).toBe(true);
    expect(PASSWORD_PROFILES['dengbao-l3'].maxAgeDays).toBe(90);
    expect(PASSWORD_PROFILES['dengbao-l3'].historyDepth).toBe(5);
  });

  it('asvs never forces rotation', () => {
    expect(passwordExpired('asvs', changed, new Date(changed.getTime() + 10_000 * DAY))).toBe(false);
    expect(PASSWORD_PROFILES.asvs.maxAgeDays).toBeNull();
  });

  it('expired exactly when older than 90 × 24 h, and monotonic in time (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * DAY, max: 200 * DAY }), fc.nat(50 * DAY), (age, later) => {
        const now = new Date(changed.getTime() + age);
        const expired = passwordExpired('dengbao-l3', changed, now);
        expect(expired).toBe(age > 90 * DAY);
        if (expired)
          expect(passwordExpired('dengbao-l3', changed, new Date(now.getTime() + later))).toBe(true);
        expect(passwordExpired('asvs', changed, now)).toBe(false);
      }),
    );
  });
});

describe('login IDs (AUTH-1)', () => {
  it('case and full-width variants collide', () => {
    for (const v of ['zhang', 'Zhang', 'ZHANG', 'ｚhang', 'ＺＨＡＮＧ', '  zhang ', '\u3000zhang\u3000']) {
      expect(normalizeLoginId(v), v).toBe('zhang');
    }
  });

  it('validates 2-64 characters of [a-z0-9._-] after normalisation', () => {
    for (const good of ['zh', 'zhang.san', 'zhang_san-01', 'ＺＨＡＮＧ', 'a'.repeat(64)]) {
      expect(isValidLoginId(good), good).toBe(true);
    }
    for (const bad of ['', 'z', ' z ', 'a'.repeat(65), 'zhang san', 'zhang@gov', '张三', 'zhang/..']) {
      expect(isValidLoginId(bad), bad).toBe(false);
    }
  });

  const loginArb = fc.string({ unit: fc.constantFrom(...'abcxyz0129._-'), minLength: 2, maxLength: 64 });
  const toFullWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);

  it('any mix of upper case, full-width and surrounding spaces normalises to the same ID (property)', () => {
    fc.assert(
      fc.property(
        loginArb,
        fc.array(fc.constantFrom('plain', 'upper', 'full', 'fullUpper'), { minLength: 64, maxLength: 64 }),
        fc.constantFrom('', ' ', '\u3000', '\t '),
        (id, styles, pad) => {
          const variant = [...id]
            .map((c, i) => {
              const s = styles[i];
              if (s === 'upper') return c.toUpperCase();
              if (s === 'full') return toFullWidth(c);
              if (s === 'fullUpper') return toFullWidth(c.toUpperCase());
              return c;
            })
            .join('');
          expect(normalizeLoginId(pad + variant + pad)).toBe(id);
          expect(isValidLoginId(pad + variant + pad)).toBe(true);
        },
      ),
    );
  });

  it('normalisation is idempotent on arbitrary Unicode (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const once = normalizeLoginId(s);
        expect(normalizeLoginId(once)).toBe(once);
        expect(isValidLoginId(once)).toBe(isValidLoginId(s));
      }),
      { numRuns: 2000 },
    );
  });
});
