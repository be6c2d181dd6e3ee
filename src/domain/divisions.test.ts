import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionPlacementProblems } from './divisions.ts';

const district = { code: '330105', level: 'district' as const };
const street = { code: '330105012', level: 'street' as const };

describe('region placement', () => {
  it('accepts the real tree: district, street, community, park', () => {
    expect(regionPlacementProblems({ code: '330105', level: 'district', parentCode: null }, null)).toEqual(
      [],
    );
    expect(
      regionPlacementProblems({ code: '330105012', level: 'street', parentCode: '330105' }, district),
    ).toEqual([]);
    expect(
      regionPlacementProblems({ code: '330105012001', level: 'community', parentCode: '330105012' }, street),
    ).toEqual([]);
    expect(
      regionPlacementProblems({ code: '330105901', level: 'park', parentCode: '330105' }, district),
    ).toEqual([]);
  });

  it('names the field of each problem', () => {
    const paths = (
      r: Parameters<typeof regionPlacementProblems>[0],
      p: Parameters<typeof regionPlacementProblems>[1],
    ) => regionPlacementProblems(r, p).map((x) => x.path);
    expect(paths({ code: '33010501', level: 'street', parentCode: '330105' }, district)).toEqual(['code']);
    expect(paths({ code: '330106012', level: 'street', parentCode: '330105' }, district)).toEqual(['code']);
    expect(paths({ code: '330105012001', level: 'community', parentCode: '330105' }, district)).toEqual([
      'parentCode',
    ]);
    expect(paths({ code: '330105012', level: 'park', parentCode: '330105' }, district)).toEqual(['code']);
    expect(paths({ code: '330105912', level: 'street', parentCode: '330105' }, district)).toEqual(['code']);
    expect(paths({ code: '330105013', level: 'street', parentCode: null }, null)).toEqual(['parentCode']);
  });

  it('accepts any well-formed child of a street, and nothing whose code leaves the parent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (a, b) => {
        const code = `330105${String(a).padStart(3, '0')}${String(b).padStart(3, '0')}`;
        const problems = regionPlacementProblems(
          { code, level: 'community', parentCode: street.code },
          street,
        );
        expect(problems.length === 0).toBe(code.startsWith(street.code));
      }),
    );
  });
});
