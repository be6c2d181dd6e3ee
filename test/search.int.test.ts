import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDatasets } from './catalog-fixtures.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';

// Every fixture carries this keyword, so the assertions hold whatever the demo catalogue contains.
const TAG = '检索测试标记';

interface ListItem {
  id: string;
  code: string;
  name: string;
  summary: string;
  status: string;
  department: { id: string; code: string; name: string };
}
interface FacetCount {
  value: string;
  count: number;
  name?: string;
}
interface ListBody {
  items: ListItem[];
  total: number;
  facets: Record<string, FacetCount[]>;
}

describe('catalogue search', () => {
  let ctx: TestContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await startTestApp();
    const rows = [
      {
        key: 'openName',
        code: '301001990001/000001',
        name: '企业登记信息',
        department: 'scj',
        keywords: [TAG, '企业'],
        category: 'base' as const,
        baseResource: 'legal_entity' as const,
        updateFrequency: 'daily' as const,
        releaseDate: '2025-05-01',
        summary: '市场主体登记的基本信息。'.repeat(20),
      },
      {
        key: 'openSummary',
        code: '301001990001/000002',
        name: '个体工商户年报',
        department: 'scj',
        keywords: [TAG],
        summary: '个体工商户与小微企业的年度报告。',
        openType: 'conditional' as const,
        openConditions: '经申请',
        releaseDate: '2024-03-01',
      },
      {
        key: 'closed',
        code: '301001990001/000003',
        name: '企业信用评价',
        department: 'scj',
        keywords: [TAG],
        openType: 'closed' as const,
        maxLevel: 'L3' as const,
      },
      {
        key: 'draft',
        code: '301001990001/000004',
        name: '企业草稿资源',
        department: 'scj',
        keywords: [TAG],
        status: 'draft' as const,
        version: 0,
      },
      {
        key: 'deprecated',
        code: '301001990001/000005',
        name: '鹦鹉螺养殖企业名录',
        department: 'mzj',
        keywords: [TAG],
        status: 'deprecated' as const,
        format: 'api' as const,
      },
      {
        key: 'otherDraft',
        code: '301001990001/000006',
        name: '社会组织草稿',
        department: 'mzj',
        keywords: [TAG],
        status: 'draft' as const,
        version: 0,
        sharingType: 'conditional' as const,
        sharingConditions: '履职需要',
      },
    ];
    const inserted = await insertDatasets(
      ctx,
      rows.map(({ key: _key, ...r }) => r),
    );
    rows.forEach((r, i) => (ids[r.key] = inserted[i]!));
  });
  afterAll(() => ctx.close());

  const list = async (query: string, session?: Awaited<ReturnType<typeof signIn>>) => {
    const url = `/api/datasets?keyword=${encodeURIComponent(TAG)}&${query}`;
    const res = session ? await session.request('GET', url) : await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListBody;
  };
  const idsOf = (b: ListBody) => b.items.map((i) => i.id).sort();
  const pick = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

  it('shows each caller only what the visibility rule allows', async () => {
    expect(idsOf(await list(''))).toEqual(pick('openName', 'openSummary'));
    const street = await signIn(ctx.app, 'street-330105012');
    expect(idsOf(await list('', street))).toEqual(pick('openName', 'openSummary', 'closed', 'deprecated'));
    const officer = await signIn(ctx.app, 'data-scj');
    expect(idsOf(await list('', officer))).toEqual(
      pick('openName', 'openSummary', 'closed', 'draft', 'deprecated'),
    );
    const bureau = await signIn(ctx.app, 'bureau');
    expect((await list('', bureau)).total).toBe(6);
    // A status filter narrows what one may see; it never widens it.
    expect((await list('status=draft')).total).toBe(0);
    expect(idsOf(await list('status=draft', officer))).toEqual(pick('draft'));
  });

  it('treats a caller who has not finished signing in as anonymous', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const created = await admin.request('POST', '/api/users', {
      username: 'new.leader',
      displayName: '新领导',
      roles: ['leader'],
      regionCode: '330105',
      password: 'Start#2026xy',
    });
    expect(created.statusCode, created.body).toBe(201);
    const pending = await signIn(ctx.app, 'new.leader', 'Start#2026xy');
    expect(pending.status).toBe('password_change_required');
    expect(idsOf(await list('', pending))).toEqual(pick('openName', 'openSummary'));
  });

  it('finds Chinese text by bigrams, ranks names above summaries, and matches an exact code', async () => {
    const bureau = await signIn(ctx.app, 'bureau');
    const res = await list('q=企业', bureau);
    expect(res.items.map((i) => i.id)).toContain(ids.openSummary);
    // Named 企业… ranks above "企业" only in the summary.
    const pos = (id: string) => res.items.findIndex((i) => i.id === id);
    expect(pos(ids.openName!)).toBeLessThan(pos(ids.openSummary!));
    expect(res.items.every((i) => i.name.includes('企业') || i.summary.includes('企业'))).toBe(true);
    // Only the whole phrase matches: 企业登记 is not 企业信用.
    expect(idsOf(await list('q=企业登记', bureau))).toEqual(pick('openName'));
    // One character is a prefix of every token: it finds the character anywhere.
    expect(idsOf(await list('q=鹦', bureau))).toEqual(pick('deprecated'));
    expect(idsOf(await list(`q=${encodeURIComponent('301001990001/000003')}`, bureau))).toEqual(
      pick('closed'),
    );
    // Punctuation alone searches for nothing, so it lists everything.
    expect((await list('q=%E3%80%82%EF%BC%81', bureau)).total).toBe(6);
    // Names weigh most: the provider's name finds its entries too.
    expect(idsOf(await list(`q=${encodeURIComponent('民政')}`, bureau))).toEqual(
      pick('deprecated', 'otherDraft'),
    );
  });

  it('counts facets under the current filters in one pass', async () => {
    const bureau = await signIn(ctx.app, 'bureau');
    const body = await list('', bureau);
    const count = (facet: string, value: string) =>
      body.facets[facet]!.find((f) => f.value === value)?.count ?? 0;
    const scj = body.facets.department!.find((d) => d.count === 4)!;
    expect(scj.name).toBe('区市场监督管理局');
    expect(body.facets.department!.reduce((s, d) => s + d.count, 0)).toBe(body.total);
    expect(count('status', 'draft')).toBe(2);
    expect(count('openType', 'closed')).toBe(1);
    expect(count('maxLevel', 'L3')).toBe(1);
    expect(count('format', 'api')).toBe(1);
    expect(count('category', 'base')).toBe(1);
    expect(count('sharingType', 'conditional')).toBe(1);
    expect(count('updateFrequency', 'daily')).toBe(1);
    const filtered = await list(`departmentId=${scj.value}&status=published`, bureau);
    expect(filtered.total).toBe(3);
    expect(filtered.facets.department).toEqual([expect.objectContaining({ value: scj.value, count: 3 })]);
    expect(filtered.facets.status).toEqual([{ value: 'published', count: 3 }]);
    // Anonymous facets count only what anonymous callers see.
    const anon = await list('');
    expect(anon.facets.openType!.map((f) => f.value).sort()).toEqual(['conditional', 'open']);
  });

  it('filters, sorts and pages', async () => {
    const bureau = await signIn(ctx.app, 'bureau');
    const scj = (await list('', bureau)).items.find((i) => i.department.code === 'scj')!.department.id;
    const mzj = (await list('', bureau)).items.find((i) => i.department.code === 'mzj')!.department.id;
    expect((await list(`departmentId=${scj}&departmentId=${mzj}`, bureau)).total).toBe(6);
    expect((await list(`departmentId=${mzj}`, bureau)).total).toBe(2);
    expect(idsOf(await list('openType=conditional', bureau))).toEqual(pick('openSummary'));
    expect(idsOf(await list('level=L3', bureau))).toEqual(pick('closed'));
    expect(idsOf(await list('category=base&baseResource=legal_entity', bureau))).toEqual(pick('openName'));
    expect(idsOf(await list('sharingType=conditional', bureau))).toEqual(pick('otherDraft'));
    expect(idsOf(await list('updateFrequency=daily', bureau))).toEqual(pick('openName'));
    expect(idsOf(await list('format=api', bureau))).toEqual(pick('deprecated'));
    expect((await list('modifiedSince=2999-01-01', bureau)).total).toBe(0);
    expect((await list('modifiedSince=2000-01-01T00:00:00Z', bureau)).total).toBe(6);

    const byCode = await list('sort=code&pageSize=2&page=2', bureau);
    expect(byCode.total).toBe(6);
    expect(byCode.items.map((i) => i.code)).toEqual(['301001990001/000003', '301001990001/000004']);
    const byRelease = await list('sort=-releaseDate', bureau);
    expect(byRelease.items.slice(0, 2).map((i) => i.id)).toEqual([ids.openName, ids.openSummary]);
    const byName = (await list('sort=name', bureau)).items.map((i) => i.name);
    expect(byName).toEqual([...byName].sort());

    const summary = (await list('q=企业登记', bureau)).items[0]!.summary;
    expect([...summary].length).toBeLessThanOrEqual(161);
    expect(summary.endsWith('…')).toBe(true);

    const bad = await ctx.app.inject({ method: 'GET', url: '/api/datasets?openType=secret&pageSize=500' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['querystring.openType', 'querystring.pageSize']);
  });

  it('exports the filtered list as Excel in the caller’s language, and audits it', async () => {
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/datasets/export.xlsx' });
    expect(anon.statusCode).toBe(401);
    const bureau = await signIn(ctx.app, 'bureau');
    const load = async (lang: string) => {
      const res = await bureau.request(
        'GET',
        `/api/datasets/export.xlsx?keyword=${encodeURIComponent(TAG)}&sort=code`,
        undefined,
        { 'accept-language': lang },
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      return wb.worksheets[0]!;
    };
    const zh = await load('zh-CN');
    expect(zh.rowCount).toBe(7);
    expect(zh.getRow(1).getCell(1).value).toBe('资源代码');
    expect(zh.getRow(2).getCell(1).value).toBe('301001990001/000001');
    expect(zh.getRow(2).values).toEqual(
      expect.arrayContaining(['无条件共享', '无条件开放', '每日', '已发布']),
    );
    const en = await load('en');
    expect(en.getRow(1).getCell(1).value).toBe('Code');
    expect(en.getRow(2).values).toEqual(
      expect.arrayContaining(['Unconditional', 'Open', 'Daily', 'Published']),
    );
    const audit = await ctx.database.query<{ actor: string }>(
      `select actor from audit_log where action = 'dataset.export' order by seq`,
    );
    expect(audit.map((a) => a.actor)).toEqual(['bureau', 'bureau']);
  });
});
