import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CkanQueryError,
  ckanFacetItems,
  ckanFacets,
  ckanTime,
  codeFromSlug,
  parseCkanQuery,
  parseCkanSort,
  slugOf,
  splitClauses,
  stableId,
} from './ckan.ts';

describe('CKAN names', () => {
  it('turns a resource code into a URL-safe name and back', () => {
    expect(slugOf('101001001/000001')).toBe('101001001-000001');
    const code = fc
      .tuple(fc.stringMatching(/^[123]\d{5}\d{0,6}$/), fc.stringMatching(/^\d{6}$/))
      .map(([a, b]) => `${a}/${b}`);
    fc.assert(fc.property(code, (c) => codeFromSlug(slugOf(c)) === c && /^[a-z0-9-]+$/.test(slugOf(c))));
  });

  it('gives stable UUID-shaped ids', () => {
    const id = stableId('resource', 'x');
    expect(id).toBe(stableId('resource', 'x'));
    expect(id).not.toBe(stableId('resource', 'y'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('prints times as CKAN does (naive UTC, microseconds)', () => {
    expect(ckanTime(new Date('2026-01-05T08:30:00.123Z'))).toBe('2026-01-05T08:30:00.123000');
  });
});

describe('Solr-style q and fq', () => {
  it('splits clauses, keeping quotes, groups and ranges whole', () => {
    expect(splitClauses('organization:scj AND tags:"两个 词" metadata_modified:[2024-01-01 TO *]')).toEqual([
      'organization:scj',
      'tags:"两个 词"',
      'metadata_modified:[2024-01-01 TO *]',
    ]);
    expect(() => splitClauses('tags:"open')).toThrow(CkanQueryError);
    expect(() => splitClauses('organization:(a OR b')).toThrow(CkanQueryError);
  });

  it('maps the fields harvesters use onto our filter', () => {
    const q = parseCkanQuery(
      '企业 登记',
      'organization:(scj OR mzj) +tags:"企业" tags:登记 res_format:CSV sharing_type:conditional groups:x ' +
        'metadata_modified:[2025-01-01T00:00:00Z TO *] name:301001001-000001',
    );
    expect(q.text).toBe('企业 登记');
    expect(q.organizations).toEqual([['scj', 'mzj']]);
    expect(q.filter).toEqual({
      keyword: ['企业', '登记'],
      formatDetail: 'CSV',
      sharingType: ['conditional'],
      modifiedSince: new Date('2025-01-01T00:00:00Z'),
      codes: ['301001001/000001'],
    });
    expect(parseCkanQuery('*:*', 'res_format:api tags:(a OR b) license_id:other-open').filter).toEqual({
      format: 'api',
      keywordAny: ['a', 'b'],
      openType: ['open'],
    });
    // Two clauses on one field must both hold.
    expect(parseCkanQuery(undefined, 'max_level:(L1 OR L2) max_level:L2').filter).toEqual({ level: ['L2'] });
    expect(parseCkanQuery('', 'metadata_modified:[2025-01-01 TO NOW]').filter.modifiedSince).toEqual(
      new Date('2025-01-01T00:00:00Z'),
    );
  });

  it('refuses what it cannot answer truthfully', () => {
    for (const bad of [
      'secret:1',
      '-organization:scj',
      'sharing_type:sometimes',
      'metadata_modified:[2025-01-01 TO 2025-02-01]',
      'metadata_modified:[someday TO *]',
    ]) {
      expect(() => parseCkanQuery(undefined, bad), bad).toThrow(CkanQueryError);
    }
  });

  it('understands CKAN sort strings', () => {
    expect(parseCkanSort(undefined)).toBe('relevance');
    expect(parseCkanSort('metadata_modified desc')).toBe('-updatedAt');
    expect(parseCkanSort('title_string  ASC')).toBe('name');
    expect(parseCkanSort('views_recent desc, name asc')).toBe('code');
    expect(() => parseCkanSort('popularity desc')).toThrow(CkanQueryError);
  });
});

describe('facets', () => {
  it('names organizations by code and merges open types into licences', () => {
    expect(
      ckanFacetItems('organization', [{ value: 'uuid-1', code: 'scj', name: '区市场监督管理局', count: 2 }]),
    ).toEqual([{ name: 'scj', display_name: '区市场监督管理局', count: 2 }]);
    expect(
      ckanFacetItems('license_id', [
        { value: 'open', count: 3 },
        { value: 'conditional', count: 2 },
        { value: 'closed', count: 1 },
      ]),
    ).toEqual([
      { name: 'other-open', display_name: 'Other (Open)', count: 3 },
      { name: 'other-closed', display_name: 'Other (Not Open)', count: 3 },
    ]);
  });

  it('sorts by count, applies limit and mincount', () => {
    const items = [
      { name: 'a', display_name: 'a', count: 1 },
      { name: 'b', display_name: 'b', count: 5 },
      { name: 'c', display_name: 'c', count: 3 },
    ];
    const { facets, search_facets } = ckanFacets({ tags: items }, 2, 2);
    expect(facets).toEqual({ tags: { b: 5, c: 3 } });
    expect(search_facets.tags!.items.map((i) => i.name)).toEqual(['b', 'c']);
    expect(ckanFacets({ tags: items }, -1, 0).facets.tags).toEqual({ b: 5, c: 3, a: 1 });
  });
});
