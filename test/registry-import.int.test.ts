import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDateOf } from '../src/domain/calendar.ts';
import { datasets } from '../src/server/modules/catalog/catalog.tables.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import { SYSTEM_IMPORT_MAX_ROWS, SYSTEM_SHEET } from '../src/server/modules/registry/systems.import.ts';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = Record<string, ExcelJS.CellValue>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let seq = 0;
/** A code of our own per system (the demo's codes start with SYS-). */
const code = () => `TIMP-${String(++seq).padStart(4, '0')}`;

/** A workbook as a department would fill it in: the Chinese headers, then rows. */
async function workbook(rows: Row[], sheetName = SYSTEM_SHEET.name) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(SYSTEM_SHEET.columns.map((c) => c.header));
  for (const r of rows) ws.addRow(SYSTEM_SHEET.columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row with labels as people write them. */
const system = (over: Row = {}): Row => ({
  code: code(),
  name: '个体工商户年报系统',
  purpose: '个体工商户年度报告的填报、审核与公示',
  operator: '杭州某某信息技术有限公司',
  origin: '块上系统',
  level: '区级',
  deployment: '政务云',
  securityLevel: '等保二级',
  status: '运行中',
  launchDate: '2021-06-30',
  ...over,
});

async function readXlsx(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as objects keyed by its header row. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ''));
  const out: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    out.push(Object.fromEntries(headers.map((h, i) => [h, String(values[i] ?? '')]).filter(([h]) => h)));
  });
  return out;
}

describe('registry Excel import and flags export', () => {
  let ctx: TestContext;
  let bureau: Session;
  let scj: Session; // data-scj
  let mzj: Session; // data-mzj
  const dept = {} as Record<'mzj' | 'scj', string>;
  const today = chinaDateOf(new Date());

  const upload = (session: Session, file: Buffer, query = '', headers: Record<string, string> = {}) =>
    session.request('POST', `/api/systems/import${query}`, file, { 'content-type': XLSX, ...headers });
  const count = async () =>
    (await ctx.database.query<{ n: number }>('select count(*)::int as n from systems'))[0]!.n;
  const byCode = async (c: string): Promise<Json | undefined> => {
    const id = (await ctx.database.query<{ id: string }>('select id from systems where code = $1', [c]))[0]
      ?.id;
    return id ? (await bureau.request('GET', `/api/systems/${id}`)).json() : undefined;
  };
  const auditSince = (seq: number) =>
    ctx.database.query<{ action: string; detail: Json }>(
      'select action, detail from audit_log where seq > $1 order by seq',
      [seq],
    );
  const auditHead = async () => (await ctx.services.audit.verify()).checked;

  beforeAll(async () => {
    ctx = await startTestApp();
    for (const c of ['mzj', 'scj'] as const) dept[c] = (await ctx.services.repos.departments.byCode(c))!.id;
    [bureau, scj, mzj] = await Promise.all([
      signIn(ctx.app, 'bureau'),
      signIn(ctx.app, 'data-scj'),
      signIn(ctx.app, 'data-mzj'),
    ]);
  });
  afterAll(() => ctx.close());

  it('serves a template (registry.edit) that imports once filled in', async () => {
    const res = await scj.request('GET', '/api/systems/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('信息系统导入模板.xlsx'));
    const wb = await readXlsx(res.rawPayload);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      '信息系统',
      '填写说明',
    ]);
    const sheet = wb.getWorksheet('信息系统')!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(headers).toEqual(SYSTEM_SHEET.columns.map((c) => `${c.header}${c.required ? ' *' : ''}`));
    // The instructions list the allowed values with their labels.
    const help = rowsOf(wb.getWorksheet('填写说明')!);
    expect(help.find((r) => r['列'] === '条线 / 块上')?.['可选值 / 规则']).toBe('条线系统、块上系统');
    expect(help.find((r) => r['列'] === '等保级别')?.['可选值 / 规则']).toContain('等保三级');

    // Filled in as is (the officer's department left blank), it imports.
    const c = code();
    sheet.addRow(
      SYSTEM_SHEET.columns.map(
        (col) =>
          system({
            code: c,
            launchDate: new Date('2021-06-30T00:00:00Z'),
            budget: 120.5,
            userCount: 350,
            url: 'https://nb.example.gov.cn/',
            interfaces: '年报信息查询|提供|REST；统一身份认证|调用|OAuth2|省统一身份认证平台',
          })[col.key] ?? null,
      ),
    );
    const imported = await upload(scj, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });
    expect(await byCode(c)).toMatchObject({
      name: '个体工商户年报系统',
      department: { id: dept.scj, name: '区市场监督管理局' },
      regionCode: '330105',
      origin: 'local',
      verticalLine: null,
      level: 'district',
      deployment: 'gov_cloud',
      securityLevel: 2,
      status: 'live',
      launchDate: '2021-06-30',
      budget: 120.5,
      userCount: 350,
      url: 'https://nb.example.gov.cn/',
      interfaces: [
        { name: '年报信息查询', direction: 'provides', protocol: 'REST' },
        {
          name: '统一身份认证',
          direction: 'consumes',
          protocol: 'OAuth2',
          description: '省统一身份认证平台',
        },
      ],
    });

    const en = await scj.request('GET', '/api/systems/import/template.xlsx', undefined, {
      'accept-language': 'en',
    });
    const wbEn = await readXlsx(en.rawPayload);
    expect(wbEn.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Systems',
      'Instructions',
    ]);
    expect(wbEn.getWorksheet('Systems')!.getRow(1).getCell(1).value).toBe('Code *');

    // Only those who keep systems get the template.
    const leader = await signIn(ctx.app, 'leader');
    expect((await leader.request('GET', '/api/systems/import/template.xlsx')).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/systems/import/template.xlsx' })).statusCode,
    ).toBe(401);
  });

  it('checks a file without writing (dry run), then imports it in one go, and updates by code', async () => {
    const existing = await scj.request('POST', '/api/systems', {
      code: code(),
      name: '食品安全追溯系统',
      origin: 'local',
      level: 'district',
      deployment: 'local_room',
      securityLevel: 3,
      status: 'building',
    });
    expect(existing.statusCode, existing.body).toBe(201);
    const [a, b] = [code(), code()];
    const rows = [
      system({ code: a, budget: '1,234.5', userCount: '2,000' }),
      // Codes and English labels are read as well as Chinese labels; dates as people type them.
      system({
        code: b,
        name: '特种设备监管系统',
        origin: 'Vertical',
        verticalLine: '省市场监督管理局',
        level: 'province',
        deployment: 'Local server room',
        securityLevel: '3',
        status: 'live',
        launchDate: '2019/5/8',
        department: 'scj',
      }),
      system({
        code: existing.json().code,
        name: '食品安全追溯系统',
        deployment: '本地机房',
        securityLevel: '等保三级',
        status: '运行中',
        launchDate: '2024-01-02',
      }),
    ];
    const file = await workbook(rows);
    const before = await count();
    const auditBefore = await auditHead();
    const dry = await upload(scj, file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ created: 2, updated: 1, unchanged: 0, dryRun: true });
    expect(await count()).toBe(before);
    expect(await auditHead()).toBe(auditBefore);

    const res = await upload(scj, file);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0, dryRun: false });
    expect(await count()).toBe(before + 2);
    expect(await auditSince(auditBefore)).toEqual([
      { action: 'system.import', detail: { created: 2, updated: 1, unchanged: 0 } },
    ]);
    expect(await byCode(a)).toMatchObject({ budget: 1234.5, userCount: 2000, interfaces: [] });
    expect(await byCode(b)).toMatchObject({
      origin: 'vertical',
      verticalLine: '省市场监督管理局',
      level: 'province',
      deployment: 'local_room',
      securityLevel: 3,
      launchDate: '2019-05-08',
      department: { id: dept.scj },
    });
    expect(await byCode(existing.json().code)).toMatchObject({
      id: existing.json().id,
      status: 'live',
      launchDate: '2024-01-02',
      purpose: '个体工商户年度报告的填报、审核与公示',
    });

    // The same file again changes nothing; a changed row updates its system (blank cells clear).
    expect((await upload(scj, file)).json()).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false });
    const changed = await workbook([system({ code: a, name: '个体工商户年度报告系统', operator: null })]);
    expect((await upload(scj, changed)).json()).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      dryRun: false,
    });
    expect(await byCode(a)).toMatchObject({ name: '个体工商户年度报告系统', operator: '', budget: null });

    // The bureau imports for any department, named by code or name, and may move a system as PATCH does.
    const c = code();
    const bureauFile = await workbook([
      system({ code: c, department: '区民政局' }),
      system({ code: a, name: '个体工商户年度报告系统', department: 'mzj' }),
    ]);
    expect((await upload(bureau, bureauFile)).json()).toMatchObject({ created: 1, updated: 1 });
    expect((await byCode(c))!.department.id).toBe(dept.mzj);
    expect((await byCode(a))!.department.id).toBe(dept.mzj);
  });

  it('reports every bad row (row, column, reason) and writes nothing', async () => {
    const theirs = await mzj.request('POST', '/api/systems', {
      code: code(),
      name: '婚姻登记管理系统',
      origin: 'local',
      level: 'district',
      deployment: 'gov_cloud',
      securityLevel: 2,
      status: 'planned',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const dup = code();
    const ok = code();
    const file = await workbook([
      system({ name: null }), // row 2: name missing
      system({ origin: '其它' }), // row 3: not an allowed origin
      system({ code: 'abc' }), // row 4: malformed code
      system({ code: dup }), // row 5
      system({ code: dup }), // row 6: the same code twice in the file
      system({ department: '区民政局' }), // row 7: another department
      system({ department: '不存在的局' }), // row 8: no such department
      system({ code: theirs.json().code }), // row 9: another department's system
      system({ origin: '条线系统' }), // row 10: vertical without its line
      system({ launchDate: null }), // row 11: live without a launch date
      system({ launchDate: addDays(today, 30) }), // row 12: live, launched in the future
      system({ budget: '约一百万' }), // row 13: not a number
      system({ userCount: -5 }), // row 14: negative
      system({ url: 'ftp://files.example.gov.cn' }), // row 15: not http(s)
      system({ interfaces: '只有名称' }), // row 16: not name|direction|protocol
      system({ interfaces: '查询|双向|REST' }), // row 17: unknown direction
      system({ launchDate: '2021-02-30' }), // row 18: not a real date
      system({ name: { formula: 'A1&B1' } as ExcelJS.CellValue }), // row 19: a formula
      system({ securityLevel: '六级' }), // row 20: not an allowed level
      system({ code: ok }), // row 21: fine
    ]);
    const before = await count();
    const auditBefore = await auditHead();
    const res = await upload(scj, file);
    expect(res.statusCode).toBe(422);
    const body = res.json() as Json;
    expect(body.code).toBe('IMPORT_REJECTED');
    const found = (body.problems as Json[]).map((p) => `${p.sheet}|${p.row}|${p.column ?? ''}`);
    const expected = [
      '信息系统|2|系统名称',
      '信息系统|3|条线 / 块上',
      '信息系统|4|系统编码',
      '信息系统|6|系统编码',
      '信息系统|7|所属部门',
      '信息系统|8|所属部门',
      '信息系统|9|系统编码',
      '信息系统|10|所属条线',
      '信息系统|11|上线日期',
      '信息系统|12|上线日期',
      '信息系统|13|建设预算（万元）',
      '信息系统|14|用户数',
      '信息系统|15|访问地址',
      '信息系统|16|接口',
      '信息系统|17|接口',
      '信息系统|18|上线日期',
      '信息系统|19|系统名称',
      '信息系统|20|等保级别',
    ];
    expect(found).toEqual(expected);
    expect(body.problemCount).toBe(expected.length);
    const message = (row: number) => (body.problems as Json[]).find((p) => p.row === row)!.message as string;
    expect(message(2)).toBe('必填');
    expect(message(3)).toBe('取值应为以下之一：条线系统、块上系统');
    expect(message(4)).toContain('大写字母开头');
    expect(message(6)).toBe('与第 5 行重复');
    expect(message(7)).toBe('部门数据专员只能导入本部门的系统');
    expect(message(9)).toBe(`系统编码 ${theirs.json().code} 已由其他部门登记`);
    expect(message(10)).toBe('条线系统须填写所属条线（如 省公安厅）');
    expect(message(11)).toBe('已上线的系统须填写上线日期');
    expect(message(12)).toBe('已上线或已下线系统的上线日期不能晚于今天');
    expect(message(13)).toBe('应为数字');
    expect(message(16)).toContain('名称|方向|协议');
    expect(message(17)).toBe('第 1 个接口的方向应为：提供、调用');
    expect(message(19)).toBe('单元格含公式，请粘贴为数值');
    // Nothing was written, not even the good rows; nothing audited.
    expect(await count()).toBe(before);
    expect(await byCode(ok)).toBeUndefined();
    expect(await byCode(dup)).toBeUndefined();
    expect(await auditHead()).toBe(auditBefore);

    // The same report in English.
    const en = await upload(scj, file, '', { 'accept-language': 'en' });
    expect((en.json().problems as Json[])[0]).toMatchObject({
      sheet: 'Systems',
      row: 2,
      column: 'Name',
      message: 'Required',
    });
  });

  it("does not let an officer import another department's system", async () => {
    const ours = await scj.request('POST', '/api/systems', {
      code: code(),
      name: '广告监测系统',
      origin: 'local',
      level: 'district',
      deployment: 'gov_cloud',
      securityLevel: 2,
      status: 'planned',
    });
    const theirCode = ours.json().code as string;
    for (const row of [
      system({ code: theirCode, name: '改名的广告监测系统' }),
      system({ code: theirCode, name: '改名的广告监测系统', department: '区市场监督管理局' }),
    ]) {
      const res = await upload(mzj, await workbook([row]));
      expect(res.statusCode).toBe(422);
      expect((res.json().problems as Json[]).map((p) => p.message)).toContain(
        `系统编码 ${theirCode} 已由其他部门登记`,
      );
    }
    expect((await byCode(theirCode))!.name).toBe('广告监测系统');
    // The bureau names the department on every row.
    const noDept = await upload(bureau, await workbook([system()]));
    expect(noDept.json().problems).toMatchObject([{ row: 2, column: '所属部门', message: '必填' }]);
  });

  it('refuses a file that is not the template: not XLSX, a wrong sheet, too many rows, not a file', async () => {
    const notXlsx = await upload(scj, Buffer.from('系统编码,系统名称\nA,B\n'));
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().problems).toEqual([
      { sheet: '', row: 0, column: null, message: '不是有效的 Excel（.xlsx）文件' },
    ]);
    const wrongSheet = await upload(scj, await workbook([system()], 'Sheet1'));
    expect(wrongSheet.statusCode).toBe(422);
    expect(wrongSheet.json().problems).toMatchObject([
      { sheet: '信息系统', message: expect.stringContaining('缺少工作表') },
    ]);
    const rows = Array.from({ length: SYSTEM_IMPORT_MAX_ROWS + 1 }, (_, i) => ({
      code: `TMANY-${i}`,
    }));
    const tooMany = await upload(scj, await workbook(rows));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().problems).toEqual([
      expect.objectContaining({
        message: `一次最多导入 ${SYSTEM_IMPORT_MAX_ROWS} 行，该文件有 ${SYSTEM_IMPORT_MAX_ROWS + 1} 行，请拆分后分批导入`,
      }),
    ]);
    const json = await scj.request('POST', '/api/systems/import', { rows: [] });
    expect(json.statusCode).toBe(415);
    // Only those who keep systems import.
    const leader = await signIn(ctx.app, 'leader');
    expect((await upload(leader, await workbook([]))).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/systems/import',
      payload: Buffer.from('x'),
      headers: { 'content-type': XLSX },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('exports the flags of the filtered list as Excel, the evidence in words', async () => {
    const created = async (s: Session, body: Json) => {
      const res = await s.request('POST', '/api/systems', {
        origin: 'local',
        level: 'district',
        deployment: 'gov_cloud',
        securityLevel: 2,
        status: 'live',
        launchDate: '2020-03-01',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Json;
    };
    const zombie = await created(mzj, { code: code(), name: '慈善超市管理平台（导出测试）' });
    await ctx.database.db.transaction((tx) =>
      ctx.services.registry.recordUsage(tx, zombie.id, 'sign_in', addDays(today, -212), 3),
    );
    const a = await created(mzj, {
      code: code(),
      name: '瓯江口丙丁网格事件处置平台',
      purpose: '瓯江口丙丁网格员上报事件的分派、处置与反馈',
    });
    const b = await created(scj, {
      code: code(),
      name: '瓯江口丙丁网格事件处置系统',
      purpose: '瓯江口丙丁网格员上报事件的分派、处置和反馈',
    });
    for (const s of [a, b])
      await ctx.database.db.insert(datasets).values({
        code: `399${String(++seq).padStart(3, '0')}001/8${String(seq).padStart(5, '0')}`,
        name: '丙丁网格事件信息',
        summary: '网格事件（测试）',
        category: 'department',
        departmentId: s.department.id,
        regionCode: '330105',
        sourceSystemId: s.id,
        format: 'database',
        sharingType: 'unconditional',
        openType: 'open',
        updateFrequency: 'daily',
        status: 'published',
        createdBy: 'test',
        searchVector: datasetSearchVector({
          name: '丙丁网格事件信息',
          code: 'x',
          keywords: [],
          fields: [],
          summary: '网格事件（测试）',
        }),
      });
    // Both are in use: only their likeness is flagged.
    for (const s of [a, b])
      await ctx.database.db.transaction((tx) =>
        ctx.services.registry.recordUsage(tx, s.id, 'sign_in', today, 1),
      );
    await ctx.services.registry.scanFlags(new Date());

    const auditBefore = await auditHead();
    const res = await bureau.request('GET', '/api/system-flags/export.xlsx?status=open');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = rowsOf((await readXlsx(res.rawPayload)).worksheets[0]!);
    const zombieRow = rows.find((r) => r['系统编码'] === zombie.code);
    expect(zombieRow).toMatchObject({
      类型: '疑似僵尸系统',
      处理状态: '待处理',
      系统名称: '慈善超市管理平台（导出测试）',
      所属部门: '区民政局',
      依据: `连续 212 天无使用（阈值 90 天），最近一次使用：${addDays(today, -212)}`,
    });
    const pair = rows.find((r) => [a.code, b.code].includes(r['系统编码']) && r['类型'] === '疑似重复建设');
    expect(pair!['依据']).toMatch(/^名称相似度 \d+%，用途相似度 \d+%，共同产出：丙丁网格事件信息$/);
    expect(pair!['疑似重复的系统']).toContain('瓯江口丙丁网格事件处置');
    expect(await auditSince(auditBefore)).toEqual([
      { action: 'system.flags.export', detail: { filter: { status: 'open' } } },
    ]);

    // The list's filters apply; an officer gets only the flags touching their department; English.
    const duplicatesOnly = rowsOf(
      (
        await readXlsx(
          (await bureau.request('GET', '/api/system-flags/export.xlsx?kind=duplicate')).rawPayload,
        )
      ).worksheets[0]!,
    );
    expect(duplicatesOnly.length).toBeGreaterThan(0);
    expect(duplicatesOnly.every((r) => r['类型'] === '疑似重复建设')).toBe(true);
    const scjRows = rowsOf(
      (await readXlsx((await scj.request('GET', '/api/system-flags/export.xlsx')).rawPayload)).worksheets[0]!,
    );
    expect(scjRows.map((r) => r['系统编码'])).not.toContain(zombie.code);
    expect(scjRows.some((r) => r['依据']?.includes('丙丁网格事件信息'))).toBe(true);
    const en = await bureau.request('GET', `/api/system-flags/export.xlsx?kind=zombie`, undefined, {
      'accept-language': 'en',
    });
    const enRow = rowsOf((await readXlsx(en.rawPayload)).worksheets[0]!).find(
      (r) => r['System code'] === zombie.code,
    );
    expect(enRow!['Evidence']).toBe(
      `No use for 212 days in a row (threshold 90 days); last used on ${addDays(today, -212)}`,
    );
    const street = await signIn(ctx.app, 'street-330105012');
    expect((await street.request('GET', '/api/system-flags/export.xlsx')).statusCode).toBe(403);
  });
});
