import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../src/domain/identifiers.ts';
import { signIn, startTestApp, type TestContext } from './harness.ts';

const square = (lon: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

describe('places, departments and people', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp();
  });
  afterAll(() => ctx.close());

  it('lists the demo district: 8 streets, 75 communities, 2 parks, filterable by level and parent', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const count = async (q: string) =>
      ((await admin.request('GET', `/api/regions?${q}`)).json() as { total: number }).total;
    expect(await count('level=district')).toBe(1);
    expect(await count('level=street')).toBe(8);
    expect(await count('level=community')).toBe(75);
    expect(await count('level=park')).toBe(2);
    expect(await count('parentCode=330105012')).toBe(7);
    const streets = (await admin.request('GET', '/api/regions?level=street')).json() as {
      items: Record<string, unknown>[];
    };
    expect(streets.items[0]).toMatchObject({
      code: '330105012',
      name: '天水街道',
      level: 'street',
      parentCode: '330105',
      schematic: true,
    });
    expect(streets.items.every((s) => (s.childCount as number) > 0)).toBe(true);
  });

  it('scopes a street officer to its street and a community worker to its community', async () => {
    const street = await signIn(ctx.app, 'street-330105012');
    const streetRegions = (await street.request('GET', '/api/regions')).json() as {
      items: { code: string }[];
      total: number;
    };
    expect(streetRegions.total).toBe(8);
    expect(streetRegions.items.every((r) => r.code.startsWith('330105012'))).toBe(true);
    const community = await signIn(ctx.app, 'community-330105012001');
    expect((await community.request('GET', '/api/regions')).json().total).toBe(1);
    // Someone else's boundary is simply not there.
    const other = await community.request('GET', '/api/regions/boundaries?code=330105013');
    expect(other.json().features).toHaveLength(0);
  });

  it('serves schematic boundaries as GeoJSON and accepts a real one, validating it', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const fc = (await admin.request('GET', '/api/regions/boundaries?parentCode=330105&level=street')).json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(8);
    expect(fc.features[0].properties.schematic).toBe(true);

    const bad = await admin.request(
      'PUT',
      '/api/regions/330105012/boundary',
      {
        type: 'Polygon',
        coordinates: [
          [
            [30.27, 120.16],
            [30.28, 120.16],
            [30.28, 120.17],
          ],
        ],
      },
      { 'accept-language': 'en' },
    );
    expect(bad.statusCode).toBe(400);
    const reasons = (bad.json().fields as { path: string; message: string }[])
      .map((f) => `${f.path}: ${f.message}`)
      .join('\n');
    expect(reasons).toMatch(/at least 4 positions/);
    expect(reasons).toMatch(/not in China|longitude/);
    expect(
      (
        await admin.request('PUT', '/api/regions/330105012/boundary', {
          type: 'Point',
          coordinates: [120, 30],
        })
      ).statusCode,
    ).toBe(400);

    const ok = await admin.request('PUT', '/api/regions/330105012/boundary', {
      type: 'Feature',
      properties: {},
      geometry: square(120.16, 30.27),
    });
    expect(ok.statusCode).toBe(200);
    const one = (await admin.request('GET', '/api/regions/boundaries?code=330105012')).json();
    expect(one.features[0].properties.schematic).toBe(false);
    const street = await signIn(ctx.app, 'street-330105012');
    expect(
      (await street.request('PUT', '/api/regions/330105012/boundary', square(120.16, 30.27))).statusCode,
    ).toBe(403);
  });

  it('adds and renames regions, checking their place in the code tree', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const park = await admin.request('POST', '/api/regions', {
      code: '330105903',
      name: '新天地街区',
      level: 'park',
      parentCode: '330105',
    });
    expect(park.statusCode, park.body).toBe(201);
    const bad = await admin.request('POST', '/api/regions', {
      code: '330106012001',
      name: '错位社区',
      level: 'community',
      parentCode: '330105012',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toEqual({ path: 'code', message: '代码应以上级区划代码 330105012 开头' });
    expect(
      (
        await admin.request('POST', '/api/regions', {
          code: '330105903',
          name: '重复',
          level: 'park',
          parentCode: '330105',
        })
      ).statusCode,
    ).toBe(409);
    const renamed = await admin.request('PATCH', '/api/regions/330105903', { name: '新天地数字街区' });
    expect(renamed.json().name).toBe('新天地数字街区');
    const street = await signIn(ctx.app, 'street-330105012');
    expect((await street.request('PATCH', '/api/regions/330105012', { name: 'x街道' })).statusCode).toBe(403);
  });

  it('creates departments with a checked unified social credit code and refuses duplicates', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const body = {
      code: 'xzj',
      name: '区行政审批局',
      shortName: '区审批局',
      kind: 'bureau',
      regionCode: '330105',
      uscc: makeUscc('1', '1', '330105', 'MB1A0001'),
    };
    const created = await admin.request('POST', '/api/departments', body);
    expect(created.statusCode, created.body).toBe(201);
    const dup = await admin.request('POST', '/api/departments', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0].path).toBe('code');
    const badUscc = await admin.request('POST', '/api/departments', {
      ...body,
      code: 'xzj2',
      name: '另一个局',
      uscc: '11330105MB1A00010X',
    });
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json().fields[0].path).toBe('uscc');
    const unknown = await admin.request('POST', '/api/departments', { ...body, extra: 1 });
    expect(unknown.json().fields.map((f: { path: string }) => f.path)).toContain('extra');
    const list = (await admin.request('GET', '/api/departments?pageSize=100')).json();
    expect(list.total).toBe(43);
  });

  it('ties street and community roles to a region of their level', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const res = await admin.request('POST', '/api/users', {
      username: 'jd.officer',
      displayName: '街道新人',
      roles: ['street_officer'],
      regionCode: '330105014001',
      password: 'Initial#2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([
      { path: 'regionCode', message: '街道工作人员的管辖范围应为一个街道' },
    ]);
    const ok = await admin.request('POST', '/api/users', {
      username: 'jd.officer',
      displayName: '街道新人',
      roles: ['street_officer'],
      regionCode: '330105014',
      password: 'Initial#2026',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('answers a created user even when its name is inside many others (it ⊂ community-…)', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const res = await admin.request('POST', '/api/users', {
      username: 'it',
      displayName: '信息中心',
      roles: ['leader'],
      regionCode: '330105',
      password: 'Start#2026xy',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'it', regionName: '下城区', status: 'active' });
  });

  it('keeps the three administrator roles apart (ACL-3)', async () => {
    const sec = await signIn(ctx.app, 'secadmin');
    const admin = await signIn(ctx.app, 'admin');
    const created = await admin.request('POST', '/api/users', {
      username: 'li.na',
      displayName: '李娜',
      roles: ['leader'],
      regionCode: '330105',
      password: 'Initial#2026',
    });
    const id = created.json().id as string;
    // The system administrator cannot hand out an administrator role.
    expect((await admin.request('PATCH', `/api/users/${id}`, { roles: ['audit_admin'] })).statusCode).toBe(
      403,
    );
    // No account may hold two of the three.
    const both = await sec.request('PATCH', `/api/users/${id}`, { roles: ['sys_admin', 'audit_admin'] });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('SEPARATION_OF_DUTIES');
    // The security administrator grants it, and may not edit anything else.
    expect((await sec.request('PATCH', `/api/users/${id}`, { roles: ['audit_admin'] })).statusCode).toBe(200);
    expect((await sec.request('PATCH', `/api/users/${id}`, { displayName: '改名' })).statusCode).toBe(403);
    // The auditor cannot grant roles at all.
    const auditor = await signIn(ctx.app, 'auditor');
    expect((await auditor.request('PATCH', `/api/users/${id}`, { roles: ['leader'] })).statusCode).toBe(403);
  });

  it('pages, sorts, filters and exports users to Excel', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const page1 = (
      await admin.request('GET', '/api/users?role=street_officer&pageSize=5&sort=-username')
    ).json();
    expect(page1.total).toBe(9);
    expect(page1.items).toHaveLength(5);
    expect(page1.items[0].username).toBe('street-330105019');
    const page2 = (
      await admin.request('GET', '/api/users?role=street_officer&pageSize=5&page=2&sort=-username')
    ).json();
    expect(page2.items).toHaveLength(4);
    const res = await admin.request('GET', '/api/users/export.xlsx?role=community_worker');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('用户名');
    expect(sheet.rowCount).toBe(76);
  });

  it('locks and unlocks accounts, and disabling ends sessions', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const target = await signIn(ctx.app, 'case-mzj');
    const { items } = (await admin.request('GET', '/api/users?q=case-mzj')).json();
    const id = items[0].id as string;
    expect((await admin.request('POST', `/api/users/${id}/lock`)).statusCode).toBe(204);
    expect((await target.request('GET', '/api/me')).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'case-mzj', password: 'Demo@2026' },
        })
      ).statusCode,
    ).toBe(423);
    expect(
      (await admin.request('GET', '/api/users?status=locked'))
        .json()
        .items.map((u: { username: string }) => u.username),
    ).toContain('case-mzj');
    expect((await admin.request('POST', `/api/users/${id}/unlock`)).statusCode).toBe(204);
    expect((await signIn(ctx.app, 'case-mzj')).status).toBe('ok');
  });

  it('limits a department officer to its own department', async () => {
    const officer = await signIn(ctx.app, 'data-mzj');
    const list = (await officer.request('GET', '/api/departments')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].code).toBe('mzj');
  });
});
