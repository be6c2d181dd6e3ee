import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchDocument, searchQuery, searchTokens } from './search-tokens.ts';

describe('search tokens', () => {
  it('splits Han runs into bigrams plus the last character', () => {
    expect(searchTokens('企业登记信息')).toEqual(['企业', '业登', '登记', '记信', '信息', '息']);
    expect(searchTokens('税')).toEqual(['税']);
  });

  it('lower-cases other words, normalises full-width forms and splits mixed terms', () => {
    expect(searchTokens('ＧＩＳ 数据 API')).toEqual(['gis', '数据', '据', 'api']);
    expect(searchTokens('GB2260代码')).toEqual(['gb2260', '代码', '码']);
  });

  it('drops punctuation', () => {
    expect(searchDocument('人口（户籍）、法人；')).toBe('人口 口 户籍 籍 法人 人');
  });

  it('makes a phrase of a Han query and prefixes of single characters and the last word', () => {
    expect(searchQuery('企业')).toBe("'企业'");
    expect(searchQuery('企业登记')).toBe("('企业' <-> '业登' <-> '登记')");
    expect(searchQuery('税')).toBe("'税':*");
    expect(searchQuery('社保 gis')).toBe("'社保' & 'gis':*");
    expect(searchQuery('  ，。 ')).toBeNull();
  });

  it('never lets a tsquery operator or quote through', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const q = searchQuery(s);
        if (q === null) return;
        const inner = q.replace(/'[\p{L}\p{N}]+'/gu, 'T');
        expect(inner).toMatch(/^[T:*&<\->() ]+$/u);
      }),
    );
  });

  it('finds every Han substring of a document: its query tokens are a run of the document tokens', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'企业登记人口法人信用证照地理税务'), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        (chars, a, b) => {
          const text = chars.join('');
          const start = a % chars.length;
          const end = start + 1 + (b % (chars.length - start));
          const sub = chars.slice(start, end);
          const doc = searchTokens(text);
          if (sub.length === 1) {
            expect(doc.some((t) => t.startsWith(sub[0]!))).toBe(true);
          } else {
            const want = searchTokens(sub.join('')).slice(0, -1);
            const joined = ` ${doc.join(' ')} `;
            expect(joined).toContain(` ${want.join(' ')} `);
          }
        },
      ),
    );
  });
});
