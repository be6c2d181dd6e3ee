import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedDuplicatePairs, plantedZombies } from '../src/demo/systems.ts';
import { addDays, chinaDateOf } from '../src/domain/calendar.ts';
import { auditLog } from '../src/server/modules/audit/audit.tables.ts';
import { datasets } from '../src/server/modules/catalog/catalog.tables.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import { systemFlags, systemUsage } from '../src/server/modules/registry/registry.tables.ts';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = {
  origin: 'local',
  level: 'district',
  deployment: 'gov_cloud',
  securityLevel: 2,
  status: 'live',
  launchDate: '2020-03-01',
};

let seq = 0;
/** A unique code per test system (the demo may hold any code of its own). */
const code = (prefix: string) => `T${prefix}-${String(++seq).padStart(3, '0')}`;

describe('registry of information systems', () => {
  let ctx: TestContext;
  let bureau: Session;
  let mzj: Session;
  let scj: Session;
  let leader: Session;
  const dept = {} as Record<'mzj' | 'scj' | 'gaj' | 'sjj', string>;
  const today = chinaDateOf(new Date());

  const create = async (s: Session, body: Json) => s.request('POST', '/api/systems', { ...base, ...body });
  const created = async (s: Session, body: Json): Promise<Json> => {
    const res = await create(s, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const fields = (res: { json(): unknown }) =>
    Object.fromEntries(((res.json() as Json).fields as Json[]).map((f) => [f.path, f.message]));

  let datasetSeq = 0;
  /** A catalogue entry written as the catalogue module writes it (search vector included). */
  const insertDataset = async (d: { name: string; departmentId: string; sourceSystemId?: string | null }) => {
    const row = {
      code: `399${String(++datasetSeq).padStart(3, '0')}001/9${String(datasetSeq).padStart(5, '0')}`,
      name: d.name,
      summary: `${d.name}（测试）`,
      category: 'department' as const,
      departmentId: d.departmentId,
      regionCode: '330105',
      sourceSystemId: d.sourceSystemId ?? null,
      format: 'database' as const,
      sharingType: 'unconditional' as const,
      openType: 'open' as const,
      updateFrequency: 'daily' as const,
      status: 'published' as const,
      createdBy: 'test',
    };
    const [out] = await ctx.database.db
      .insert(datasets)
      .values({
        ...row,
        searchVector: datasetSearchVector({
          name: row.name,
          code: row.code,
          keywords: [],
          fields: [],
          summary: row.summary,
        }),
      })
      .returning({ id: datasets.id });
    return out!.id;
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    for (const c of ['mzj', 'scj', 'gaj', 'sjj'] as const)
      dept[c] = (await ctx.services.repos.departments.byCode(c))!.id;
    bureau = await signIn(ctx.app, 'bureau');
    mzj = await signIn(ctx.app, 'data-mzj');
    scj = await signIn(ctx.app, 'data-scj');
    leader = await signIn(ctx.app, 'leader');
  });
  afterAll(() => ctx.close());

  it('flags the demo’s planted zombies and duplicates, and only them, with their evidence', async () => {
    const open = async (kind: string) =>
      (await bureau.request('GET', `/api/system-flags?kind=${kind}&status=open&pageSize=200`)).json()
        .items as Json[];
    const zombies = await open('zombie');
    expect(zombies.map((f) => f.system.code).sort()).toEqual([...plantedZombies].sort());
    for (const f of zombies) {
      expect(f.evidence.thresholdDays).toBe(90);
      expect(f.evidence.daysSilent).toBeGreaterThanOrEqual(150);
    }
    const pairs = (await open('duplicate')).map((f) => [f.system.code, f.otherSystem.code].sort().join('|'));
    expect(pairs.sort()).toEqual(plantedDuplicatePairs.map((p) => [...p].sort().join('|')).sort());
  });

  it('registers, reads and updates a system, auditing the changed fields', async () => {
    const sys = await created(bureau, {
      code: code('CRUD'),
      name: '婚姻登记管理系统（测试）',
      purpose: '办理结婚、离婚登记和补领婚姻登记证',
      departmentId: dept.mzj,
      operator: '杭州某某信息技术有限公司',
      budget: 120.5,
      userCount: 40,
      interfaces: [{ name: '婚姻登记信息查询', direction: 'provides', protocol: 'REST' }],
      url: 'https://hy.example.gov.cn',
    });
    expect(sys).toMatchObject({
      department: { id: dept.mzj, name: '区民政局' },
      regionCode: '330105',
      budget: 120.5,
      interfaces: [{ name: '婚姻登记信息查询', direction: 'provides', protocol: 'REST' }],
    });

    const patched = await bureau.request('PATCH', `/api/systems/${sys.id}`, {
      status: 'retired',
      userCount: 0,
      budget: 120.5, // unchanged: not reported as changed
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'retired', userCount: 0 });
    const [record] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'system.update'), eq(auditLog.target, sys.id)));
    expect(record!.detail).toMatchObject({ changed: ['status', 'userCount'] });

    const detail = (await leader.request('GET', `/api/systems/${sys.id}`)).json();
    expect(detail).toMatchObject({
      code: sys.code,
      status: 'retired',
      produces: [],
      consumes: [],
      flags: [],
    });
    expect(detail.usage.series).toHaveLength(90);
    expect(detail.usage.series.at(-1).day).toBe(today);
  });

  it('names every offending field, and refuses a duplicate code', async () => {
    const bad = await create(bureau, {
      code: 'bad code',
      name: 'x',
      departmentId: dept.mzj,
      origin: 'vertical',
      securityLevel: 6,
      budget: -1,
      userCount: 1.5,
      status: 'unknown',
      interfaces: Array.from({ length: 51 }, (_, i) => ({
        name: `i${i}`,
        direction: 'provides',
        protocol: 'REST',
      })),
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(
      ['budget', 'code', 'interfaces', 'name', 'securityLevel', 'status', 'userCount'].sort(),
    );

    // Rules across fields: a vertical system names its line; a live one has a launch date not in the future.
    const cross = await create(bureau, {
      code: code('X'),
      name: '条线系统测试',
      origin: 'vertical',
      launchDate: null,
      departmentId: dept.gaj,
    });
    expect(cross.statusCode).toBe(400);
    expect(Object.keys(fields(cross)).sort()).toEqual(['launchDate', 'verticalLine']);
    const future = await create(bureau, {
      code: code('X'),
      name: '未来系统测试',
      launchDate: addDays(today, 3),
      departmentId: dept.mzj,
    });
    expect(fields(future)).toEqual({ launchDate: expect.stringContaining('今天') });
    // A planned system may have a future launch date.
    await created(bureau, {
      code: code('X'),
      name: '规划系统测试',
      status: 'planned',
      launchDate: addDays(today, 30),
      departmentId: dept.mzj,
    });

    const noDept = await create(bureau, { code: code('X'), name: '无部门系统' });
    expect(fields(noDept)).toHaveProperty('departmentId');

    const first = await created(bureau, { code: code('DUP'), name: '编码重复测试', departmentId: dept.mzj });
    const again = await create(bureau, { code: first.code, name: '编码重复测试二', departmentId: dept.mzj });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', fields: [{ path: 'code' }] });
    const other = await created(bureau, {
      code: code('DUP'),
      name: '编码重复测试三',
      departmentId: dept.mzj,
    });
    const renamed = await bureau.request('PATCH', `/api/systems/${other.id}`, { code: first.code });
    expect(renamed.statusCode).toBe(409);
    // Making a live system vertical without its line is refused on the merged state.
    const toVertical = await bureau.request('PATCH', `/api/systems/${other.id}`, { origin: 'vertical' });
    expect(fields(toVertical)).toHaveProperty('verticalLine');
  });

  it('keeps a department officer to their own department', async () => {
    const own = await created(mzj, { code: code('MZJ'), name: '社会救助管理系统（测试）' });
    expect(own.department.id).toBe(dept.mzj);
    expect(
      (await create(mzj, { code: code('MZJ'), name: '越权登记测试', departmentId: dept.scj })).statusCode,
    ).toBe(403);
    const theirs = await created(scj, { code: code('SCJ'), name: '市场主体登记系统（测试）' });

    expect((await mzj.request('GET', `/api/systems/${theirs.id}`)).statusCode).toBe(404);
    expect((await mzj.request('PATCH', `/api/systems/${theirs.id}`, { name: '改名' })).statusCode).toBe(404);
    expect(
      (await mzj.request('PUT', `/api/systems/${theirs.id}/consumes`, { datasetIds: [] })).statusCode,
    ).toBe(404);
    expect(
      (await mzj.request('PATCH', `/api/systems/${own.id}`, { departmentId: dept.scj })).statusCode,
    ).toBe(403);

    const listed = (await mzj.request('GET', '/api/systems?pageSize=200')).json();
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((s: Json) => s.department.id === dept.mzj)).toBe(true);
    expect(listed.items.map((s: Json) => s.id)).toContain(own.id);
    const filtered = (await mzj.request('GET', `/api/systems?departmentId=${dept.scj}`)).json();
    expect(filtered.total).toBe(0);

    // The bureau and leaders see every department; filters and sorting apply.
    const all = (
      await leader.request('GET', `/api/systems?q=${encodeURIComponent('（测试）')}&pageSize=200`)
    ).json();
    const ids = all.items.map((s: Json) => s.id);
    expect(ids).toEqual(expect.arrayContaining([own.id, theirs.id]));
    const byName = (
      await leader.request('GET', `/api/systems?q=${encodeURIComponent('（测试）')}&sort=-name`)
    ).json();
    const names = byName.items.map((s: Json) => s.name);
    expect(names).toEqual([...names].sort().reverse());
    const retired = (await leader.request('GET', '/api/systems?status=retired&pageSize=200')).json();
    expect(retired.items.every((s: Json) => s.status === 'retired')).toBe(true);
    expect(
      (await leader.request('POST', '/api/systems', { ...base, code: code('L'), name: '领导登记' }))
        .statusCode,
    ).toBe(403);
  });

  it('takes usage reports all or nothing, each setting the day total', async () => {
    const sys = await created(mzj, { code: code('USE'), name: '养老服务补贴系统（测试）' });
    const theirs = await created(scj, { code: code('USE'), name: '食品安全追溯系统（测试）' });
    const report = (s: Session, reports: Json[]) => s.request('POST', '/api/systems/usage', { reports });

    const bad = await report(mzj, [
      { systemCode: sys.code, signal: 'sign_in', count: 5 },
      { systemCode: 'TNOPE-999', signal: 'sign_in', count: 1 },
      { systemCode: theirs.code, signal: 'api_call', count: 1 },
      { systemCode: sys.code, signal: 'api_call', day: addDays(today, 1), count: 1 },
      { systemCode: sys.code, signal: 'api_call', day: addDays(today, -401), count: 1 },
      { systemCode: sys.code, signal: 'sign_in', day: today, count: 6 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(fields(bad))).toEqual([
      'reports.1.systemCode',
      'reports.2.systemCode',
      'reports.3.day',
      'reports.4.day',
      'reports.5',
    ]);
    const rows = () => ctx.database.db.select().from(systemUsage).where(eq(systemUsage.systemId, sys.id));
    expect(await rows()).toHaveLength(0);

    const body = [
      { systemCode: sys.code, signal: 'sign_in', count: 5 },
      { systemCode: sys.code, signal: 'api_call', day: addDays(today, -40), count: 120 },
      { systemCode: sys.code, signal: 'api_call', day: addDays(today, -400), count: 7 },
    ];
    expect((await report(mzj, body)).json()).toEqual({ accepted: 3, changed: 3 });
    // A retried call changes nothing; a new total replaces the old one.
    expect((await report(mzj, body)).json()).toEqual({ accepted: 3, changed: 0 });
    expect((await report(mzj, [{ systemCode: sys.code, signal: 'sign_in', count: 3 }])).json()).toEqual({
      accepted: 1,
      changed: 1,
    });
    expect(await rows()).toHaveLength(3);

    const detail = (await mzj.request('GET', `/api/systems/${sys.id}`)).json();
    const signal = (s: string) => detail.usage.signals.find((x: Json) => x.signal === s);
    expect(signal('sign_in')).toEqual({ signal: 'sign_in', lastUsedOn: today, last30: 3, last90: 3 });
    expect(signal('api_call')).toEqual({
      signal: 'api_call',
      lastUsedOn: addDays(today, -40),
      last30: 0,
      last90: 120,
    });
    expect(detail.usage.series.find((d: Json) => d.day === addDays(today, -40)).api_call).toBe(120);

    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'system.usage.report'));
    expect(audits.at(-1)!.detail).toEqual({ reports: 1, systems: 1, changed: 1 });

    // An API client created for a department reports for that department's systems only.
    const admin = await signIn(ctx.app, 'admin');
    const client = (
      await admin.request('POST', '/api/api-clients', {
        name: '民政业务系统',
        departmentId: dept.mzj,
        permissions: ['registry.report_usage'],
      })
    ).json();
    const token = (
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/token',
        payload: {
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        },
      })
    ).json().access_token;
    const bearer = (reports: Json[]) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/systems/usage',
        headers: { authorization: `Bearer ${token}` },
        payload: { reports },
      });
    expect((await bearer([{ systemCode: sys.code, signal: 'api_call', count: 9 }])).statusCode).toBe(200);
    const refused = await bearer([{ systemCode: theirs.code, signal: 'api_call', count: 9 }]);
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(fields(refused))).toEqual(['reports.0.systemCode']);
  });

  it('lists the datasets a system produces and consumes', async () => {
    const sys = await created(mzj, { code: code('DS'), name: '低保对象管理系统（测试）' });
    const produced = await insertDataset({
      name: '低保对象信息（测试）',
      departmentId: dept.mzj,
      sourceSystemId: sys.id,
    });
    const elsewhere = await insertDataset({ name: '企业登记信息（测试）', departmentId: dept.scj });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bad = await mzj.request('PUT', `/api/systems/${sys.id}/consumes`, {
      datasetIds: [elsewhere, unknown],
    });
    expect(fields(bad)).toEqual({ 'datasetIds.1': expect.any(String) });
    const ok = await mzj.request('PUT', `/api/systems/${sys.id}/consumes`, { datasetIds: [elsewhere] });
    expect(ok.json().consumes.map((d: Json) => d.id)).toEqual([elsewhere]);
    const detail = (await mzj.request('GET', `/api/systems/${sys.id}`)).json();
    expect(detail.produces).toEqual([
      { id: produced, code: expect.any(String), name: '低保对象信息（测试）', status: 'published' },
    ]);
    expect(detail.consumes.map((d: Json) => d.name)).toEqual(['企业登记信息（测试）']);
  });

  it('flags zombies and duplicates, refreshes, clears, and remembers dismissals', async () => {
    const scan = async (now = new Date()) => ctx.services.registry.scanFlags(now);
    const flagsOf = (systemId: string, kind: 'zombie' | 'duplicate' = 'zombie') =>
      ctx.database.db
        .select()
        .from(systemFlags)
        .where(and(eq(systemFlags.systemId, systemId), eq(systemFlags.kind, kind)));
    const notices = async () =>
      ((await bureau.request('GET', '/api/inbox?pageSize=200')).json().items as Json[]).filter(
        (m) => m.kind === 'registry.flags',
      ).length;
    const noticesBefore = await notices();
    const record = (systemId: string, day: string) =>
      ctx.database.db.transaction((tx) => ctx.services.registry.recordUsage(tx, systemId, 'sign_in', day, 4));

    const zombie = await created(mzj, { code: code('ZB'), name: '慈善捐赠备案平台（测试）', userCount: 800 });
    await record(zombie.id, addDays(today, -200));
    const busy = await created(mzj, { code: code('ZB'), name: '殡葬服务预约系统（测试）' });
    await record(busy.id, addDays(today, -3));
    const young = await created(mzj, {
      code: code('ZB'),
      name: '新建未用系统（测试）',
      launchDate: addDays(today, -10),
    });
    const a = await created(mzj, {
      code: code('DP'),
      name: '瓯江口甲乙网格事件处置平台',
      purpose: '瓯江口甲乙网格员上报事件的分派、处置与反馈',
    });
    const b = await created(scj, {
      code: code('DP'),
      name: '瓯江口甲乙网格事件处置系统',
      purpose: '瓯江口甲乙网格员上报事件的分派、处置和反馈',
    });
    const [lo, hi] = [a.id, b.id].sort();

    const first = await scan();
    expect(first.raised.zombie).toBeGreaterThanOrEqual(1);
    expect(first.raised.duplicate).toBeGreaterThanOrEqual(1);
    const [zf] = await flagsOf(zombie.id);
    expect(zf).toMatchObject({ kind: 'zombie', status: 'open' });
    expect(zf!.evidence).toMatchObject({
      thresholdDays: 90,
      lastUsedOn: addDays(today, -200),
      daysSilent: 200,
      declaredUserCount: 800,
      launchDate: '2020-03-01',
    });
    expect(await flagsOf(busy.id)).toEqual([]);
    expect(await flagsOf(young.id)).toEqual([]);
    const dup = (await flagsOf(lo!, 'duplicate')).filter((f) => f.otherSystemId === hi);
    expect(dup).toHaveLength(1);
    expect(dup[0]!.evidence).toMatchObject({ reason: 'similar_name_and_purpose', sharedDatasets: [] });

    // The bureau hears of new flags in its inbox, once per scan.
    expect(await notices()).toBe(noticesBefore + 1);

    // Lists: a flag filter on systems, the flags list, scoped for officers.
    const zombies = (await leader.request('GET', '/api/systems?flag=zombie&pageSize=200')).json();
    expect(zombies.items.find((s: Json) => s.id === zombie.id)?.flags).toEqual(['zombie']);
    const dupList = (await leader.request('GET', `/api/systems?flag=duplicate&pageSize=200`)).json();
    expect(dupList.items.map((s: Json) => s.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const mine = (await mzj.request('GET', '/api/system-flags?pageSize=200')).json();
    expect(
      mine.items.every(
        (f: Json) => f.system.department.id === dept.mzj || f.otherSystem?.department.id === dept.mzj,
      ),
    ).toBe(true);
    expect(mine.items.map((f: Json) => f.id)).toContain(zf!.id);
    const scjFlags = (await scj.request('GET', '/api/system-flags?kind=zombie&pageSize=200')).json();
    expect(scjFlags.items.map((f: Json) => f.id)).not.toContain(zf!.id);
    const detail = (await mzj.request('GET', `/api/systems/${zombie.id}`)).json();
    expect(detail.flags).toMatchObject([{ id: zf!.id, kind: 'zombie', evidence: { daysSilent: 200 } }]);

    // Scanning again refreshes the evidence and raises nothing new for the same conditions.
    const later = new Date(Date.now() + 86_400_000);
    await scan(later);
    const [zf2] = await flagsOf(zombie.id);
    expect(zf2).toMatchObject({ id: zf!.id, status: 'open', evidence: { daysSilent: 201 } });

    // Use resumes: the zombie flag is cleared; a retired system's pair is cleared too.
    await record(zombie.id, today);
    await bureau.request('PATCH', `/api/systems/${b.id}`, { status: 'retired' });
    const cleared = await scan();
    expect(cleared.cleared).toBeGreaterThanOrEqual(2);
    expect((await flagsOf(zombie.id))[0]).toMatchObject({ status: 'cleared', resolution: 'used_again' });
    expect((await flagsOf(lo!, 'duplicate')).find((f) => f.id === dup[0]!.id)).toMatchObject({
      status: 'cleared',
      resolution: 'retired',
    });

    // A dismissed duplicate pair is never raised again.
    await bureau.request('PATCH', `/api/systems/${b.id}`, { status: 'live' });
    await scan();
    const raisedAgain = (await flagsOf(lo!, 'duplicate')).find(
      (f) => f.otherSystemId === hi && f.status === 'open',
    );
    expect(raisedAgain).toBeDefined();
    const dismiss = await bureau.request('POST', `/api/system-flags/${raisedAgain!.id}/resolve`, {
      status: 'dismissed',
      resolution: '两系统服务对象不同，非重复建设',
    });
    expect(dismiss.statusCode, dismiss.body).toBe(200);
    expect(dismiss.json()).toMatchObject({ status: 'dismissed', resolvedBy: 'bureau' });
    expect(
      (
        await bureau.request('POST', `/api/system-flags/${raisedAgain!.id}/resolve`, {
          status: 'confirmed',
          resolution: '再次处理',
        })
      ).statusCode,
    ).toBe(409);
    await scan();
    const pairFlags = (await flagsOf(lo!, 'duplicate')).filter((f) => f.otherSystemId === hi);
    expect(pairFlags.map((f) => f.status).sort()).toEqual(['cleared', 'dismissed']);

    // A dismissed zombie comes back only after it was used after the dismissal and went silent again.
    const quiet = await created(mzj, { code: code('ZB'), name: '老旧档案查询终端（测试）' });
    await scan();
    const [qf] = await flagsOf(quiet.id);
    expect(qf).toMatchObject({ kind: 'zombie', status: 'open', evidence: { lastUsedOn: null } });
    await bureau.request('POST', `/api/system-flags/${qf!.id}/resolve`, {
      status: 'dismissed',
      resolution: '季节性使用的系统',
    });
    const in200 = new Date(Date.now() + 200 * 86_400_000);
    expect((await scan(in200)).suppressed).toBeGreaterThanOrEqual(1);
    expect((await flagsOf(quiet.id)).map((f) => f.status)).toEqual(['dismissed']);
    await record(quiet.id, addDays(today, 5));
    await scan(new Date(Date.now() + 10 * 86_400_000));
    expect((await flagsOf(quiet.id)).map((f) => f.status)).toEqual(['dismissed']);
    await scan(in200);
    expect((await flagsOf(quiet.id)).map((f) => f.status).sort()).toEqual(['dismissed', 'open']);

    // Only the bureau reviews; the scan is audited with its counts.
    expect((await mzj.request('POST', '/api/system-flags/scan')).statusCode).toBe(403);
    const manual = await bureau.request('POST', '/api/system-flags/scan');
    expect(manual.statusCode).toBe(200);
    expect(manual.json()).toMatchObject({ thresholdDays: 90, raised: expect.any(Object) });
    const audits = await ctx.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'system.flags.scan'));
    expect(audits.at(-1)!.actor).toBe('bureau');
  });

  it('exports the filtered list as a real XLSX with labels in the caller’s language', async () => {
    await created(bureau, {
      code: code('XL'),
      name: '导出测试系统',
      departmentId: dept.sjj,
      origin: 'vertical',
      verticalLine: '省大数据局',
    });
    const res = await bureau.request(
      'GET',
      `/api/systems/export.xlsx?q=${encodeURIComponent('导出测试')}`,
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Systems')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Code');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('导出测试系统');
    expect(sheet.getRow(2).getCell(4).value).toBe('Vertical');
    const zh = await bureau.request('GET', `/api/systems/export.xlsx?q=${encodeURIComponent('导出测试')}`);
    const wbZh = new ExcelJS.Workbook();
    await wbZh.xlsx.load(zh.rawPayload as unknown as ArrayBuffer);
    expect(wbZh.getWorksheet('信息系统')!.getRow(2).getCell(4).value).toBe('条线系统');
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.export'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
});
