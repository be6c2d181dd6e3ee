import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/server/modules/audit/audit.service.ts';
import { insertDatasets } from './catalog-fixtures.ts';
import { startTestApp, type TestContext } from './harness.ts';

const TAG = 'CKAN测试标记';

interface Envelope<T = unknown> {
  help: string;
  success: boolean;
  result: T;
  error?: { __type: string; message?: string } & Record<string, unknown>;
}
interface Pkg {
  id: string;
  name: string;
  title: string;
  notes: string;
  state: string;
  license_id: string;
  owner_org: string;
  organization: { name: string; title: string; is_organization: boolean; type: string };
  tags: { name: string }[];
  num_tags: number;
  resources: { format: string; url: string; id: string }[];
  num_resources: number;
  extras: { key: string; value: string }[];
  metadata_modified: string;
}
interface SearchResult {
  count: number;
  results: Pkg[];
  sort: string;
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
}

describe('CKAN-compatible action API', () => {
  let ctx: TestContext;
  let ids: string[];

  beforeAll(async () => {
    ctx = await startTestApp();
    ids = await insertDatasets(ctx, [
      {
        code: '301001990002/000001',
        name: '企业基本信息',
        department: 'scj',
        keywords: [TAG, '企业'],
        formatDetail: 'CSV',
      },
      {
        code: '301001990002/000002',
        name: '企业年报信息',
        department: 'scj',
        keywords: [TAG],
        updatedAt: new Date('2020-01-01T00:00:00Z'),
      },
      {
        code: '301001990002/000003',
        name: '低保对象名册',
        department: 'mzj',
        keywords: [TAG, '救助'],
        format: 'api',
      },
      {
        code: '301001990002/000004',
        name: '企业信用内部评分',
        department: 'scj',
        keywords: [TAG],
        openType: 'closed',
      },
      { code: '301001990002/000005', name: '企业草稿', department: 'scj', keywords: [TAG], status: 'draft' },
    ]);
  });
  afterAll(() => ctx.close());

  const call = async <T = unknown>(path: string, headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/3/action/${path}`, headers });
    return { status: res.statusCode, body: res.json() as Envelope<T> };
  };
  const fq = (extra = '') => `fq=${encodeURIComponent(`tags:"${TAG}" ${extra}`.trim())}`;

  it('answers package_search?q=企业&rows=5 in the CKAN envelope with matching results', async () => {
    const { status, body } = await call<SearchResult>('package_search?q=%E4%BC%81%E4%B8%9A&rows=5');
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.help).toMatch(/\/api\/3\/action\/help_show\?name=package_search$/);
    expect(body.result.count).toBeGreaterThanOrEqual(2);
    expect(body.result.results.length).toBeGreaterThan(0);
    expect(body.result.results.length).toBeLessThanOrEqual(5);
    expect(body.result.sort).toBe('score desc, metadata_modified desc');

    const mine = await call<SearchResult>(`package_search?q=企业&${fq()}`);
    // Anonymous: the closed entry and the draft stay out; the mzj entry has no 企业.
    expect(mine.body.result.results.map((p) => p.id).sort()).toEqual([ids[0], ids[1]].sort());
    const pkg = mine.body.result.results.find((p) => p.id === ids[0])!;
    expect(pkg).toMatchObject({
      name: '301001990002-000001',
      title: '企业基本信息',
      state: 'active',
      private: false,
      type: 'dataset',
      license_id: 'other-open',
      num_tags: 2,
      num_resources: 1,
      organization: { name: 'scj', title: '区市场监督管理局', is_organization: true, type: 'organization' },
    });
    expect(pkg.tags.map((t) => t.name)).toEqual([TAG, '企业']);
    expect(pkg.resources[0]).toMatchObject({ format: 'CSV', package_id: ids[0] });
    expect(pkg.extras).toEqual(
      expect.arrayContaining([
        { key: 'code', value: '301001990002/000001' },
        { key: 'sharing_type', value: 'unconditional' },
        { key: 'open_type', value: 'open' },
        { key: 'max_level', value: 'L2' },
      ]),
    );
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('filters with fq (organization, tags, res_format, ranges), pages with start/rows and counts facets', async () => {
    const search = async (q: string) => (await call<SearchResult>(`package_search?${q}`)).body;
    expect((await search(fq('organization:mzj'))).result.results.map((p) => p.id)).toEqual([ids[2]]);
    expect((await search(fq('organization:(mzj OR scj)'))).result.count).toBe(3);
    expect((await search(fq('organization:nosuchorg'))).result.count).toBe(0);
    expect((await search(fq('res_format:api'))).result.results.map((p) => p.id)).toEqual([ids[2]]);
    expect((await search(fq('res_format:csv'))).result.results.map((p) => p.id)).toEqual([ids[0]]);
    expect((await search(fq('tags:救助'))).result.count).toBe(1);
    expect((await search(`q=*:*&${fq('groups:anything')}`)).result.count).toBe(3);
    expect((await search(fq('metadata_modified:[2021-01-01T00:00:00Z TO *]'))).result.count).toBe(2);

    const all = (await search(`${fq()}&sort=name%20asc&rows=10`)).result.results.map((p) => p.name);
    expect(all).toEqual(['301001990002-000001', '301001990002-000002', '301001990002-000003']);
    const page2 = (await search(`${fq()}&sort=name%20asc&rows=2&start=2`)).result;
    expect(page2.count).toBe(3);
    expect(page2.results.map((p) => p.name)).toEqual(['301001990002-000003']);
    expect((await search(`${fq()}&rows=0`)).result).toMatchObject({ count: 3, results: [] });

    const faceted = (
      await search(
        `${fq()}&facet.field=${encodeURIComponent('["organization","tags","res_format","license_id"]')}`,
      )
    ).result;
    expect(faceted.facets.organization).toEqual({ scj: 2, mzj: 1 });
    expect(faceted.search_facets.organization!.items).toEqual([
      { name: 'scj', display_name: '区市场监督管理局', count: 2 },
      { name: 'mzj', display_name: '区民政局', count: 1 },
    ]);
    expect(faceted.facets.tags![TAG]).toBe(3);
    expect(faceted.facets.res_format).toEqual({ SPREADSHEET: 2, API: 1 });
    expect(faceted.facets.license_id).toEqual({ 'other-open': 3 });

    // POST with a JSON body works as GET does.
    const post = await ctx.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      payload: { fq: `tags:"${TAG}" organization:mzj`, rows: 1 },
    });
    expect(post.statusCode).toBe(200);
    expect((post.json() as Envelope<SearchResult>).result.count).toBe(1);
  });

  it('shows a package by name or id, and answers unknown ones with the not-found envelope', async () => {
    const bySlug = await call<Pkg>('package_show?id=301001990002-000001');
    expect(bySlug.status).toBe(200);
    expect(bySlug.body.result.id).toBe(ids[0]);
    const byId = await call<Pkg>(`package_show?id=${ids[2]}`);
    expect(byId.body.result.name).toBe('301001990002-000003');
    for (const id of ['no-such-package', '00000000-0000-4000-8000-000000000000', ids[3]!, ids[4]!]) {
      const missing = await call(`package_show?id=${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({
        success: false,
        error: { __type: 'Not Found Error', message: 'Not found' },
      });
      expect(missing.body.help).toContain('help_show?name=package_show');
    }
  });

  it('shows API clients with catalog.read the whole published catalogue', async () => {
    const [dept] = await ctx.database.query<{ id: string }>(`select id from departments where code = 'sjj'`);
    const client = await ctx.services.auth.createApiClient(
      { name: '省目录汇聚', departmentId: dept!.id, permissions: ['catalog.read'] },
      systemActor('test'),
    );
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/token',
      payload: {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
    });
    const bearer = { authorization: `Bearer ${token.json().access_token}` };
    const closed = await call<Pkg>(`package_show?id=${ids[3]}`, bearer);
    expect(closed.status).toBe(200);
    expect(closed.body.result.license_id).toBe('other-closed');
    expect((await call<SearchResult>(`package_search?${fq()}`, bearer)).body.result.count).toBe(4);
    // Drafts are not part of the published catalogue, whoever asks.
    expect((await call(`package_show?id=${ids[4]}`, bearer)).status).toBe(404);
    // A bad token is refused in the envelope too.
    const bad = await call('package_search', { authorization: `Bearer ${'x'.repeat(40)}` });
    expect(bad.status).toBe(403);
    expect(bad.body).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
  });

  it('lists packages, organizations and tags, and tells its status', async () => {
    const list = await call<string[]>('package_list');
    expect(list.body.result).toEqual(expect.arrayContaining(['301001990002-000001', '301001990002-000003']));
    expect(list.body.result).not.toContain('301001990002-000004');
    const sorted = [...list.body.result].sort();
    expect(list.body.result).toEqual(sorted);
    const slice = await call<string[]>('package_list?limit=1&offset=1');
    expect(slice.body.result).toEqual([sorted[1]]);

    const orgs = await call<string[]>('organization_list');
    expect(orgs.body.success).toBe(true);
    expect(orgs.body.result).toEqual(expect.arrayContaining(['scj', 'mzj', 'sjj']));
    expect(orgs.body.result.length).toBeGreaterThanOrEqual(40);
    const full = await call<
      { name: string; title: string; package_count: number; is_organization: boolean }[]
    >('organization_list?all_fields=true&sort=package_count%20desc');
    const mzj = full.body.result.find((o) => o.name === 'mzj')!;
    expect(mzj).toMatchObject({ title: '区民政局', is_organization: true });
    expect(mzj.package_count).toBeGreaterThanOrEqual(1);
    const counts = full.body.result.map((o) => o.package_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const show = await call<{ name: string; packages: Pkg[]; package_count: number }>(
      'organization_show?id=mzj&include_datasets=true',
    );
    expect(show.body.result.name).toBe('mzj');
    expect(show.body.result.packages.map((p) => p.id)).toContain(ids[2]);
    expect((await call('organization_show?id=nosuch')).status).toBe(404);

    const tags = await call<string[]>(`tag_list?query=${encodeURIComponent('CKAN测')}`);
    expect(tags.body.result).toEqual([TAG]);
    const tagObjects = await call<{ name: string; id: string }[]>(`tag_list?query=救&all_fields=true`);
    expect(tagObjects.body.result[0]).toMatchObject({ name: '救助', display_name: '救助' });

    const status = await call<{ ckan_version: string; site_url: string; site_title: string }>('status_show');
    expect(status.body.result.ckan_version).toBe('2.10.0');
    expect(status.body.result.site_url).toBe('http://localhost:80');
    expect(status.body.result.site_title).toContain('公共数据资源目录');
  });

  it('answers unknown actions and bad parameters as CKAN does', async () => {
    const unknown = await call('package_create_everything');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      success: false,
      error: {
        __type: 'Bad Request',
        message: 'Bad request - Action name not known: package_create_everything',
      },
    });
    const bad = await call('package_search?rows=abc&start=-1');
    expect(bad.status).toBe(409);
    expect(bad.body.error!.__type).toBe('Validation Error');
    expect(Object.keys(bad.body.error!).sort()).toEqual(['__type', 'rows', 'start']);
    const tooMany = await call('package_search?rows=1001');
    expect(tooMany.status).toBe(409);
    const query = await call('package_search?fq=secret_field:1');
    expect(query.status).toBe(400);
    expect(query.body.error!.__type).toBe('Search Query Error');
    const sort = await call('package_search?sort=popularity%20desc');
    expect(sort.status).toBe(400);
    const notObject = await ctx.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      headers: { 'content-type': 'application/json' },
      payload: '[1,2]',
    });
    expect(notObject.statusCode).toBe(400);
    expect((notObject.json() as Envelope).success).toBe(false);
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      headers: { 'content-type': 'application/json' },
      payload: '{"q":',
    });
    expect(malformed.statusCode).toBe(400);
    expect((malformed.json() as Envelope).success).toBe(false);
    // Older clients call the same API without the version.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/action/status_show' })).json().success).toBe(
      true,
    );
  });
});
