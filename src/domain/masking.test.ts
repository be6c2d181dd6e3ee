import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MASK_CHAR, maskMiddle, maskName, maskPhone, maskResidentId, maskUscc } from './masking.ts';

describe('PI-1 masks (fixed cases)', () => {
  it('masks each field in its one format', () => {
    expect(maskResidentId('330105199001011234')).toBe('330105********1234');
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('057188881234')).toBe('057*****1234');
    expect(maskPhone('88881234')).toBe('****1234');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('𠀋三')).toBe('𠀋*'); // astral first character kept whole
    expect(maskUscc('91350100M000100Y43')).toBe('91************0Y43');
  });

  it('never shows the whole of a too-short value', () => {
    expect(maskName('张')).toBe('*');
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskUscc('913501')).toBe('******');
    expect(maskResidentId('')).toBe('');
    expect(maskName('')).toBe('');
  });
});

// Unicode strings including astral characters and the mask character itself.
const valueArb = fc.string({
  unit: fc.oneof(fc.constantFrom('*', '张', '𠀋', 'X'), fc.constantFrom(...'0123456789')),
  maxLength: 30,
});
const anyArb = fc.oneof(valueArb, fc.string({ unit: 'grapheme', maxLength: 30 }));

/** Asserts the output keeps exactly the positions in `kept` and masks all others. */
function checkMask(input: string, output: string, kept: (i: number, n: number) => boolean): void {
  const a = Array.from(input);
  const b = Array.from(output);
  expect(b.length).toBe(a.length);
  let masked = 0;
  b.forEach((c, i) => {
    if (kept(i, a.length)) expect(c).toBe(a[i]);
    else {
      expect(c).toBe(MASK_CHAR);
      masked++;
    }
  });
  if (a.length > 0) expect(masked).toBeGreaterThan(0);
}

describe('PI-1 masks (properties)', () => {
  it('maskMiddle keeps exactly the requested ends, or masks everything', () => {
    fc.assert(
      fc.property(anyArb, fc.nat(8), fc.nat(8), (s, ks, ke) => {
        const n = Array.from(s).length;
        const all = n <= ks + ke;
        checkMask(s, maskMiddle(s, ks, ke), (i) => !all && (i < ks || i >= n - ke));
      }),
    );
  });

  it('maskResidentId: same length, only first 6 and last 4 visible', () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        const n = Array.from(s).length;
        checkMask(s, maskResidentId(s), (i) => n > 10 && (i < 6 || i >= n - 4));
      }),
    );
  });

  it('maskPhone: same length, never more than 3 leading + 4 trailing visible', () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        const n = Array.from(s).length;
        checkMask(
          s,
          maskPhone(s),
          (i) => (n >= 11 && (i < 3 || i >= n - 4)) || (n >= 8 && n < 11 && i >= n - 4),
        );
      }),
    );
  });

  it('maskName: same length, only the first character visible', () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        const n = Array.from(s).length;
        checkMask(s, maskName(s), (i) => n > 1 && i === 0);
      }),
    );
  });

  it('maskUscc: same length, only first 2 and last 4 visible', () => {
    fc.assert(
      fc.property(anyArb, (s) => {
        const n = Array.from(s).length;
        checkMask(s, maskUscc(s), (i) => n > 6 && (i < 2 || i >= n - 4));
      }),
    );
  });
});
