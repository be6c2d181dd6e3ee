import type { Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDatasets, type FixtureInput } from './catalog-fixtures.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';
import { dcatApViolations, parseJsonld, parseTurtle } from './shacl.ts';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

/** The graph as a sorted list of N-Triples-like lines, to compare two serialisations. */
function lines(quads: Quad[]): string[] {
  const term = (t: Quad['object']) =>
    t.termType === 'Literal' ? `"${t.value}"@${t.language}^^${t.datatype.value}` : `<${t.value}>`;
  return [...new Set(quads.map((q) => `${term(q.subject)} <${q.predicate.value}> ${term(q.object)}`))].sort();
}

const subjectsOfType = (quads: Quad[], type: string) =>
  quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);
const valueOf = (quads: Quad[], subject: string, predicate: string) =>
  quads.find((q) => q.subject.value === subject && q.predicate.value === predicate)?.object.value;

describe('DCAT-AP 3.0.1 export', () => {
  let ctx: TestContext;
  let ids: string[];
  const base = 'http://localhost:80';
  const iri = (id: string) => `${base}/dataset/${id}`;
  // Fixtures changed "in the future", so modified_since isolates them from whatever the demo holds.
  const SINCE = '2098-01-01';

  beforeAll(async () => {
    ctx = await startTestApp();
    const at = (day: number) => new Date(Date.UTC(2099, 0, day));
    const entries: FixtureInput[] = [
      {
        code: '101001990003/000001',
        name: '企业登记信息',
        department: 'scj',
        category: 'base',
        baseResource: 'legal_entity',
        formatDetail: 'CSV',
        keywords: ['企业', '登记'],
        releaseDate: '2025-05-01',
        summary: '含 "引号"、反斜杠 \\ 和换行\n的摘要',
        updatedAt: at(1),
      },
      {
        code: '301001990003/000002',
        name: '低保对象名册',
        department: 'mzj',
        format: 'api',
        openType: 'conditional',
        openConditions: '经申请',
        updateFrequency: 'realtime',
        updatedAt: at(2),
      },
      {
        code: '301001990003/000003',
        name: '半年度统计',
        department: 'mzj',
        updateFrequency: 'half_yearly',
        format: 'geo',
        formatDetail: 'Shapefile',
        updatedAt: at(3),
      },
      {
        code: '301001990003/000004',
        name: '不定期通报',
        department: 'sjj',
        updateFrequency: 'irregular',
        format: 'document',
        publishedAt: null,
        updatedAt: new Date(Date.UTC(2098, 5, 1)),
      },
      {
        code: '301001990003/000005',
        name: '不予开放的资源',
        department: 'scj',
        openType: 'closed',
        updatedAt: at(4),
      },
      { code: '301001990003/000006', name: '草稿资源', department: 'scj', status: 'draft', updatedAt: at(5) },
      {
        code: '301001990003/000007',
        name: '废止资源',
        department: 'scj',
        status: 'deprecated',
        updatedAt: at(6),
      },
    ];
    ids = await insertDatasets(ctx, entries);
  });
  afterAll(() => ctx.close());

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    return res;
  };

  const expectConforms = async (quads: Quad[]) => expect(await dcatApViolations(quads)).toEqual([]);

  it('serves the whole visible catalogue as Turtle and JSON-LD that conform to the DCAT-AP shapes', async () => {
    const ttl = await get('/catalog.ttl');
    expect(ttl.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const jsonld = await get('/catalog.jsonld');
    expect(jsonld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const fromTtl = parseTurtle(ttl.body);
    const fromJsonld = await parseJsonld(jsonld.body);
    await expectConforms(fromTtl);
    await expectConforms(fromJsonld);
    // Both serialisations say exactly the same thing.
    expect(lines(fromJsonld)).toEqual(lines(fromTtl));

    // Anonymous: published entries whose open type lets them be listed, nothing else.
    const listed = subjectsOfType(fromTtl, `${DCAT}Dataset`);
    expect(listed).toEqual(expect.arrayContaining([ids[0], ids[1], ids[2], ids[3]].map((id) => iri(id!))));
    for (const hidden of [ids[4], ids[5], ids[6]]) expect(listed).not.toContain(iri(hidden!));
    const linked = fromTtl.filter((q) => q.predicate.value === `${DCAT}dataset`).map((q) => q.object.value);
    expect(linked.sort()).toEqual([...listed].sort());
    expect(subjectsOfType(fromTtl, `${DCAT}Catalog`)).toEqual([`${base}/catalog`]);
  });

  it('describes an entry with titles, publisher, EU vocabularies, dates and its distribution', async () => {
    const quads = parseTurtle((await get(`/dataset/${ids[0]}.ttl`)).body);
    await expectConforms(quads);
    const ds = iri(ids[0]!);
    const dct = 'http://purl.org/dc/terms/';
    const title = quads.find((q) => q.subject.value === ds && q.predicate.value === `${dct}title`)!.object;
    expect(title).toMatchObject({ value: '企业登记信息', language: 'zh' });
    expect(valueOf(quads, ds, `${dct}description`)).toBe('含 "引号"、反斜杠 \\ 和换行\n的摘要');
    expect(valueOf(quads, ds, `${dct}identifier`)).toBe('101001990003/000001');
    expect(valueOf(quads, ds, `${dct}accrualPeriodicity`)).toBe(
      'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
    );
    expect(valueOf(quads, ds, `${dct}accessRights`)).toBe(
      'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
    );
    expect(valueOf(quads, ds, `${DCAT}theme`)).toBe(
      'http://publications.europa.eu/resource/authority/data-theme/ECON',
    );
    const issued = quads.find((q) => q.subject.value === ds && q.predicate.value === `${dct}issued`)!.object;
    expect(issued).toMatchObject({
      value: '2025-05-01',
      datatype: { value: 'http://www.w3.org/2001/XMLSchema#date' },
    });
    const publisher = valueOf(quads, ds, `${dct}publisher`)!;
    expect(valueOf(quads, publisher, 'http://xmlns.com/foaf/0.1/name')).toBe('区市场监督管理局');
    const distribution = valueOf(quads, ds, `${DCAT}distribution`)!;
    expect(valueOf(quads, distribution, `${dct}format`)).toBe(
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    );
    expect(valueOf(quads, distribution, `${DCAT}accessURL`)).toBe(`${base}/api/datasets/${ids[0]}`);
    expect(valueOf(quads, ds, `${DCAT}version`)).toBe('1');

    // The JSON-LD of one entry, by id and by its CKAN name, validates on its own too.
    const byId = await parseJsonld((await get(`/dataset/${ids[1]}.jsonld`)).body);
    await expectConforms(byId);
    expect(valueOf(byId, iri(ids[1]!), `${dct}accessRights`)).toMatch(/access-right\/RESTRICTED$/);
    expect(valueOf(byId, iri(ids[1]!), `${dct}accrualPeriodicity`)).toMatch(/frequency\/UPDATE_CONT$/);
    const bySlug = await parseJsonld((await get('/dataset/301001990003-000003.jsonld')).body);
    expect(valueOf(bySlug, iri(ids[2]!), `${dct}accrualPeriodicity`)).toMatch(/frequency\/ANNUAL_2$/);
    await expectConforms(bySlug);
  });

  it('keeps closed, unpublished and unknown entries out unless the caller may see them', async () => {
    for (const id of [ids[4], ids[5], ids[6], '00000000-0000-4000-8000-000000000000', 'no-such-entry']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/dataset/${id}.jsonld` });
      expect(res.statusCode).toBe(404);
    }
    const street = await signIn(ctx.app, 'street-330105012');
    const closed = await street.request('GET', `/dataset/${ids[4]}.ttl`);
    expect(closed.statusCode).toBe(200);
    expect(closed.headers['cache-control']).toBe('private, no-store');
    const quads = parseTurtle(closed.body);
    expect(valueOf(quads, iri(ids[4]!), 'http://purl.org/dc/terms/accessRights')).toMatch(/NON_PUBLIC$/);
    await expectConforms(quads);
    // Signed in, the catalogue holds the closed entry; drafts and deprecated ones stay out.
    const all = subjectsOfType(
      parseTurtle((await street.request('GET', `/catalog.ttl?modified_since=${SINCE}`)).body),
      `${DCAT}Dataset`,
    );
    expect(all.sort()).toEqual([ids[0], ids[1], ids[2], ids[3], ids[4]].map((id) => iri(id!)).sort());
  });

  it('filters by modified_since and pages with hydra links', async () => {
    const since = subjectsOfType(
      parseTurtle((await get('/catalog.ttl?modified_since=2099-01-01')).body),
      `${DCAT}Dataset`,
    );
    expect(since.sort()).toEqual([ids[0], ids[1], ids[2]].map((id) => iri(id!)).sort());
    const sinceTime = subjectsOfType(
      await parseJsonld((await get('/catalog.jsonld?modified_since=2099-01-02T00:00:00Z')).body),
      `${DCAT}Dataset`,
    );
    expect(sinceTime.sort()).toEqual([ids[1], ids[2]].map((id) => iri(id!)).sort());

    const page = async (n: number) => {
      const quads = parseTurtle(
        (await get(`/catalog.ttl?modified_since=${SINCE}&page=${n}&page_size=3`)).body,
      );
      await expectConforms(quads);
      const self = `${base}/catalog.ttl?page=${n}&page_size=3&modified_since=${SINCE}`;
      expect(subjectsOfType(quads, `${HYDRA}PagedCollection`)).toEqual([self]);
      const hydra = (p: string) => valueOf(quads, self, `${HYDRA}${p}`);
      return { quads, hydra, datasets: subjectsOfType(quads, `${DCAT}Dataset`) };
    };
    const first = await page(1);
    expect(first.hydra('totalItems')).toBe('4');
    expect(first.hydra('itemsPerPage')).toBe('3');
    expect(first.hydra('firstPage')).toBe(`${base}/catalog.ttl?page=1&page_size=3&modified_since=${SINCE}`);
    expect(first.hydra('nextPage')).toBe(`${base}/catalog.ttl?page=2&page_size=3&modified_since=${SINCE}`);
    expect(first.hydra('lastPage')).toBe(`${base}/catalog.ttl?page=2&page_size=3&modified_since=${SINCE}`);
    expect(first.hydra('previousPage')).toBeUndefined();
    // Newest first, as ckanext-dcat pages.
    expect(first.datasets.sort()).toEqual([ids[0], ids[1], ids[2]].map((id) => iri(id!)).sort());
    const second = await page(2);
    expect(second.datasets).toEqual([iri(ids[3]!)]);
    expect(second.hydra('nextPage')).toBeUndefined();
    expect(second.hydra('previousPage')).toBe(
      `${base}/catalog.ttl?page=1&page_size=3&modified_since=${SINCE}`,
    );

    const bad = await ctx.app.inject({
      method: 'GET',
      url: '/catalog.ttl?page_size=5000&modified_since=yesterday',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('streams a catalogue larger than one batch, every entry exactly once', async () => {
    const count = 750; // the export reads 500 rows a statement
    const many: FixtureInput[] = Array.from({ length: count }, (_, i) => ({
      code: `301001990004/${String(i + 1).padStart(6, '0')}`,
      name: `批量资源${i + 1}`,
      department: i % 2 ? 'scj' : 'mzj',
      keywords: ['批量'],
      updatedAt: new Date(Date.UTC(2099, 6, 1)),
    }));
    const bulk = new Set((await insertDatasets(ctx, many)).map(iri));
    const quads = parseTurtle((await get('/catalog.ttl?modified_since=2099-07-01')).body);
    const listed = subjectsOfType(quads, `${DCAT}Dataset`);
    expect(listed.length).toBe(count);
    expect(new Set(listed)).toEqual(bulk);
    const linked = quads.filter((q) => q.predicate.value === `${DCAT}dataset`).map((q) => q.object.value);
    expect(new Set(linked)).toEqual(bulk);
    // Each department and vocabulary concept is described once, however many entries point at it.
    const names = quads.filter((q) => q.predicate.value === 'http://xmlns.com/foaf/0.1/name');
    expect(names.length).toBe(3);
    expect(
      quads.filter((q) => q.predicate.value === 'http://www.w3.org/2004/02/skos/core#prefLabel').length,
    ).toBe(5);
    // The JSON-LD written page by page is one well-formed document.
    const doc = JSON.parse((await get('/catalog.jsonld?modified_since=2099-07-01')).body) as {
      '@graph': { '@type'?: string }[];
    };
    expect(doc['@graph'].filter((n) => n['@type'] === 'dcat:Dataset').length).toBe(count);
  });

  it('is checked by shapes that do bite', async () => {
    const quads = parseTurtle((await get(`/dataset/${ids[0]}.ttl`)).body);
    const withoutTitle = quads.filter(
      (q) => !(q.subject.value === iri(ids[0]!) && q.predicate.value.endsWith('/title')),
    );
    const untypedFrequency = quads.filter(
      (q) => !(q.predicate.value === RDF_TYPE && q.object.value === 'http://purl.org/dc/terms/Frequency'),
    );
    for (const broken of [withoutTitle, untypedFrequency]) {
      expect(await dcatApViolations(broken)).not.toEqual([]);
    }
  });
});
