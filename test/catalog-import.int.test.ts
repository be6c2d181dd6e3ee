import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../src/server/http/xlsx-import.ts';
import { DATASET_SHEET, FIELD_SHEET, IMPORT_MAX_ROWS } from '../src/server/modules/catalog/catalog.import.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import { signIn, startTestApp, type Session, type TestContext } from './harness.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = Record<string, ExcelJS.CellValue>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Codes in a 目 of our own (998) with a random 细目, so the demo catalogue's codes never collide.
const prefix = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
let sequence = 0;
const code = (head = '302998') => `${head}${prefix}/${String(++sequence).padStart(6, '0')}`;

/** A workbook as a department would fill it in: header row of Chinese column names, then rows. */
async function workbook(
  datasets: Row[],
  fields: Row[],
  opts: { datasetSheet?: string; fieldSheet?: string; edit?: (wb: ExcelJS.Workbook) => void } = {},
) {
  const wb = new ExcelJS.Workbook();
  const add = (spec: SheetSpec, name: string, rows: Row[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(spec.columns.map((c) => c.header));
    for (const r of rows) ws.addRow(spec.columns.map((c) => r[c.key] ?? null));
  };
  add(DATASET_SHEET, opts.datasetSheet ?? DATASET_SHEET.name, datasets);
  add(FIELD_SHEET, opts.fieldSheet ?? FIELD_SHEET.name, fields);
  opts.edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dataset = (over: Row = {}): Row => ({
  code: code(),
  name: '个体工商户年报信息',
  summary: '本区个体工商户年度报告的基本信息，按年更新。',
  category: '部门',
  format: '数据库',
  sharingType: '无条件共享',
  openType: '无条件开放',
  updateFrequency: '每年',
  keywords: '个体户、年报',
  ...over,
});
const fieldsOf = (datasetCode: ExcelJS.CellValue, over: Row = {}): Row[] => [
  {
    dataset: datasetCode,
    name: 'uscc',
    label: '统一社会信用代码',
    type: '字符型',
    level: 'L1',
    key: '是',
    ...over,
  },
  { dataset: datasetCode, name: 'report_year', label: '年报年度', type: '整数', level: 'L1', required: '是' },
];

describe('catalogue Excel import', () => {
  let ctx: TestContext;
  let officer: Session; // data-scj
  let bureau: Session;
  let scjSystem: string;

  const upload = (session: Session, file: Buffer, query = '', type = XLSX) =>
    session.request('POST', `/api/datasets/import${query}`, file, { 'content-type': type });
  const count = async () =>
    Number((await ctx.database.query<{ n: number }>('select count(*)::int as n from datasets'))[0]!.n);
  const byCode = async (c: string) =>
    (await ctx.database.query<{ id: string }>('select id from datasets where code = $1', [c]))[0]?.id;

  beforeAll(async () => {
    ctx = await startTestApp();
    await ctx.database.query(
      `insert into systems (code, name, department_id, region_code, origin, level, deployment, security_level, status)
       select s.code, s.name, d.id, d.region_code, 'local', 'district', 'gov_cloud', 2, 'live'
         from (values ('T-SCJ-IMP', 'scj', '市场主体登记系统'), ('T-MZJ-IMP', 'mzj', '婚姻登记系统')) s(code, dept, name)
         join departments d on d.code = s.dept`,
    );
    scjSystem = (
      await ctx.database.query<{ id: string }>(`select id from systems where code = 'T-SCJ-IMP'`)
    )[0]!.id;
    [officer, bureau] = await Promise.all([signIn(ctx.app, 'data-scj'), signIn(ctx.app, 'bureau')]);
  });
  afterAll(() => ctx.close());

  it('serves a template whose sheets it reads back', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/datasets/import/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toEqual(['数据集', '信息项', '填写说明']);
    expect(wb.getWorksheet('数据集')!.getRow(1).getCell(1).value).toBe('资源代码 *');

    // Filled in as is, it imports.
    const c = code();
    const sheet = wb.getWorksheet('数据集')!;
    sheet.addRow(DATASET_SHEET.columns.map((col) => dataset({ code: c })[col.key] ?? null));
    const fieldSheet = wb.getWorksheet('信息项')!;
    for (const f of fieldsOf(c)) fieldSheet.addRow(FIELD_SHEET.columns.map((col) => f[col.key] ?? null));
    const res2 = await upload(officer, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res2.statusCode, res2.body).toBe(200);
    expect(res2.json()).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: false });

    const en = await ctx.app.inject({
      method: 'GET',
      url: '/api/datasets/import/template.xlsx',
      headers: { 'accept-language': 'en' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Datasets',
      'Fields',
      'Instructions',
    ]);
  });

  it('checks a file without writing (dry run), then imports it all in one go', async () => {
    const [a, b, c] = [code(), code('102998'), code()];
    const file = await workbook(
      [
        dataset({
          code: a,
          sourceSystem: 'T-SCJ-IMP',
          releaseDate: '2026-01-15',
          relatedCodes: `${b}；${c}`,
        }),
        // Labels in English and plain codes are accepted as well as Chinese labels.
        dataset({
          code: b,
          name: '企业登记基本信息',
          category: 'Base',
          baseResource: 'legal_entity',
          sharingType: 'conditional',
          sharingConditions: '用于市场监管执法',
          openType: 'Not open',
          updateFrequency: 'daily',
          department: '区市场监督管理局',
        }),
        dataset({ code: c, keywords: '年报，抽查;公示' }),
      ],
      [
        ...fieldsOf(a),
        ...fieldsOf(b, { level: 'L3' }),
        { dataset: b, name: 'legal_rep', label: '法定代表人', type: 'string', level: 'L3', unit: null },
        ...fieldsOf(c),
      ],
    );
    const before = await count();
    const dry = await upload(officer, file, '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: true });
    expect(await count()).toBe(before);

    const auditBefore = (await ctx.services.audit.verify()).checked;
    const res = await upload(officer, file);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0, dryRun: false });
    expect(await count()).toBe(before + 3);
    const audit = await ctx.database.query<{ action: string; detail: Json }>(
      'select action, detail from audit_log where seq > $1',
      [auditBefore],
    );
    expect(audit).toEqual([
      { action: 'dataset.import', detail: { created: 3, updated: 0, unchanged: 0, newVersions: 0 } },
    ]);

    const first = (await officer.request('GET', `/api/datasets/${await byCode(a)}`)).json() as Json;
    expect(first).toMatchObject({
      status: 'draft',
      category: 'department',
      sharingType: 'unconditional',
      openType: 'open',
      updateFrequency: 'yearly',
      releaseDate: '2026-01-15',
      keywords: ['个体户', '年报'],
      relatedCodes: [b, c],
      sourceSystem: { id: scjSystem, code: 'T-SCJ-IMP' },
      provider: { name: '区市场监督管理局' },
    });
    expect(first.fields).toMatchObject([
      { name: 'uscc', type: 'string', key: true, required: true, level: 'L1' },
      { name: 'report_year', type: 'integer', key: false, required: true },
    ]);
    // The set-based insert gives the vector every other write gives (search-vector.ts).
    const vector = datasetSearchVector({
      name: first.name,
      code: first.code,
      keywords: first.keywords,
      fields: first.fields,
      summary: first.summary,
      departmentName: first.provider.name,
    });
    const same = (await ctx.database.db.execute(
      sql`select search_vector = ${vector} as same from datasets where code = ${a}`,
    )) as unknown as { rows: { same: boolean }[] };
    expect(same.rows).toEqual([{ same: true }]);
    const second = (await officer.request('GET', `/api/datasets/${await byCode(b)}`)).json() as Json;
    expect(second).toMatchObject({
      category: 'base',
      baseResource: 'legal_entity',
      openType: 'closed',
      maxLevel: 'L3',
    });
    expect(second.fields.map((f: Json) => f.name)).toEqual(['uscc', 'report_year', 'legal_rep']);
    const third = (await officer.request('GET', `/api/datasets/${await byCode(c)}`)).json() as Json;
    expect(third.keywords).toEqual(['年报', '抽查', '公示']);

    // The same file again changes nothing; a changed row updates its draft.
    expect((await upload(officer, file)).json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      dryRun: false,
    });
    const changed = await workbook(
      [
        dataset({
          code: a,
          name: '个体工商户年度报告',
          sourceSystem: 'T-SCJ-IMP',
          releaseDate: '2026-01-15',
          relatedCodes: `${b}，${c}`,
        }),
      ],
      fieldsOf(a),
    );
    expect((await upload(officer, changed)).json()).toMatchObject({ created: 0, updated: 1 });
    expect((await officer.request('GET', `/api/datasets/${await byCode(a)}`)).json().name).toBe(
      '个体工商户年度报告',
    );
  });

  it('makes the next version of a published entry, like an edit', async () => {
    const c = code();
    await upload(officer, await workbook([dataset({ code: c })], fieldsOf(c)));
    const id = (await byCode(c))!;
    for (const [who, action] of [
      [officer, 'submit'],
      [bureau, 'approve'],
      [officer, 'publish'],
    ] as const)
      expect((await who.request('POST', `/api/datasets/${id}/actions`, { action })).statusCode).toBe(200);
    const res = await upload(
      officer,
      await workbook(
        [
          dataset({
            code: c,
            summary: '本区个体工商户年度报告信息，含经营情况，按年更新。',
            openType: '有条件开放',
            openConditions: '实名注册后申请',
            changeNote: '补充经营情况',
          }),
        ],
        [
          ...fieldsOf(c),
          { dataset: c, name: 'revenue', label: '营业收入', type: '数值', level: 'L2', unit: '万元' },
        ],
      ),
    );
    expect(res.json()).toMatchObject({ updated: 1 });
    const d = (await officer.request('GET', `/api/datasets/${id}`)).json() as Json;
    expect(d).toMatchObject({ status: 'published', version: 2, openType: 'conditional', maxLevel: 'L2' });
    const diff = (await officer.request('GET', `/api/datasets/${id}/diff?from=1&to=2`)).json() as Json;
    expect(diff.fields.added.map((f: Json) => f.name)).toEqual(['revenue']);
    const versions = (await officer.request('GET', `/api/datasets/${id}/versions`)).json() as Json;
    expect(versions.items.at(-1)).toMatchObject({ version: 2, note: '补充经营情况' });
    const inbox = (await bureau.request('GET', '/api/inbox')).json() as Json;
    expect(inbox.items[0]).toMatchObject({ kind: 'dataset.changed' });
  });

  it('reports every bad row (sheet, row, column, reason) and writes nothing', async () => {
    const other = await bureau.request('POST', '/api/datasets', {
      code: code(),
      name: '婚姻登记信息',
      summary: '本区婚姻登记的基本信息，按日更新。',
      category: 'department',
      format: 'database',
      fields: [
        { name: 'cert_no', label: '结婚证字号', type: 'string', level: 'L3', key: true, required: true },
      ],
      sharingType: 'conditional',
      sharingConditions: '依申请',
      openType: 'closed',
      updateFrequency: 'daily',
      departmentId: (
        await ctx.database.query<{ id: string }>(`select id from departments where code = 'mzj'`)
      )[0]!.id,
    });
    expect(other.statusCode, other.body).toBe(201);
    const theirs = other.json().code as string;
    const ok = code();
    const dup = code();
    const codes = Array.from({ length: 12 }, () => code());
    const file = await workbook(
      [
        dataset({ code: codes[0], name: null }), // row 2: 资源名称 missing
        dataset({ code: codes[1], category: '其它' }), // row 3: not an allowed category
        dataset({ code: 'abc' }), // row 4: malformed code
        dataset({ code: dup }), // row 5
        dataset({ code: dup }), // row 6: the same code twice in the file
        dataset({ code: codes[2], department: '区民政局' }), // row 7: another department
        dataset({ code: codes[3], department: '不存在的局' }), // row 8: no such department
        dataset({ code: codes[4], sourceSystem: 'T-MZJ-IMP' }), // row 9: another department's system
        dataset({ code: theirs }), // row 10: another department's entry
        dataset({ code: codes[5] }), // row 11: an L4 field, yet open
        dataset({ code: codes[6], releaseDate: '2026-13-01' }), // row 12: not a date
        dataset({ code: codes[7] }), // row 13: no fields at all
        dataset({ code: codes[8], sharingType: '不予共享', openType: '不予开放' }), // row 14: no reason
        dataset({ code: codes[9], summary: { formula: 'A1&B1' } as ExcelJS.CellValue }), // row 15: a formula
        dataset({ code: ok }), // row 16: fine
      ],
      [
        { dataset: ok, name: 'Bad Name', label: '坏字段', type: '字符型', level: 'L1' }, // row 2
        { dataset: ok, name: 'pk', label: '主键', type: '字符型', level: 'L1', key: '是', required: '否' }, // row 3
        { dataset: ok, name: 'x', label: '分级错', type: '字符型', level: 'L9' }, // row 4
        { dataset: codes[11], name: 'orphan', label: '孤儿', type: '字符型', level: 'L1' }, // row 5
        ...fieldsOf(codes[0]),
        ...fieldsOf('abc'),
        ...fieldsOf(dup),
        ...fieldsOf(codes[2]),
        ...fieldsOf(codes[3]),
        ...fieldsOf(codes[4]),
        ...fieldsOf(theirs),
        ...fieldsOf(codes[5], { level: 'L4' }),
        ...fieldsOf(codes[6]),
        ...fieldsOf(codes[8]),
        ...fieldsOf(codes[9]),
      ],
    );
    const before = await count();
    const auditBefore = (await ctx.services.audit.verify()).checked;
    const res = await upload(officer, file);
    expect(res.statusCode).toBe(422);
    const body = res.json() as Json;
    expect(body.code).toBe('IMPORT_REJECTED');
    const found = (body.problems as Json[]).map((p) => `${p.sheet}|${p.row}|${p.column ?? ''}`);
    const expected = [
      '数据集|2|资源名称',
      '数据集|3|资源分类',
      '数据集|4|资源代码',
      '数据集|6|资源代码',
      '数据集|7|提供部门',
      '数据集|8|提供部门',
      '数据集|9|来源系统编码',
      '数据集|10|资源代码',
      '数据集|11|开放类型',
      '数据集|12|发布日期',
      '数据集|13|',
      '数据集|14|共享条件/不予共享依据',
      '数据集|15|资源摘要',
      '信息项|2|字段名',
      '信息项|3|必填',
      '信息项|4|分级',
      '信息项|5|资源代码',
    ];
    expect(found).toEqual(expected);
    expect(body.problemCount).toBe(expected.length);
    const message = (row: number) => (body.problems as Json[]).find((p) => p.row === row)!.message as string;
    expect(message(6)).toBe('与第 5 行重复');
    expect(message(10)).toContain('其他部门');
    expect(message(11)).toContain('L4');
    // Nothing was written, not even the good rows; nothing audited.
    expect(await count()).toBe(before);
    expect(await byCode(ok)).toBeUndefined();
    expect((await ctx.services.audit.verify()).checked).toBe(auditBefore);

    // The same report in English.
    const en = await officer.request('POST', '/api/datasets/import', file, {
      'content-type': XLSX,
      'accept-language': 'en',
    });
    expect((en.json().problems as Json[])[0]).toMatchObject({ sheet: 'Datasets', row: 2, column: 'Name' });
  });

  it('refuses a file that is not the template: not XLSX, a wrong sheet, not a file at all', async () => {
    const notXlsx = await upload(officer, Buffer.from('资源代码,资源名称\n1,2\n'));
    expect(notXlsx.statusCode).toBe(422);
    expect(notXlsx.json().problems).toEqual([
      { sheet: '', row: 0, column: null, message: '不是有效的 Excel（.xlsx）文件' },
    ]);
    const wrongSheet = await upload(officer, await workbook([dataset()], [], { datasetSheet: 'Sheet1' }));
    expect(wrongSheet.statusCode).toBe(422);
    expect(wrongSheet.json().problems).toMatchObject([
      { sheet: '数据集', message: expect.stringContaining('缺少工作表') },
    ]);
    const json = await officer.request('POST', '/api/datasets/import', { rows: [] });
    expect(json.statusCode).toBe(415);
    // Only those who keep a catalogue import.
    const street = await signIn(ctx.app, 'street-330105012');
    expect((await upload(street, await workbook([], []))).statusCode).toBe(403);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/datasets/import',
          payload: Buffer.from('x'),
          headers: { 'content-type': XLSX },
        })
      ).statusCode,
    ).toBe(401);
  });

  it(`imports 5,000 entries (timed by npm run bench) and refuses more than ${IMPORT_MAX_ROWS} rows with a clear answer`, async () => {
    const datasets: Row[] = [];
    const fields: Row[] = [];
    const head = `3029970${prefix}`; // its own 细目 range
    for (let i = 1; i <= 5000; i++) {
      const c = `${head.slice(0, 12)}/${String(i).padStart(6, '0')}`;
      datasets.push(dataset({ code: c, name: `批量导入资源${i}`, department: 'scj' }));
      fields.push(...fieldsOf(c));
    }
    const file = await workbook(datasets, fields);
    const res = await upload(bureau, file);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ created: 5000 });
    // Found by search like any entry: the vectors were computed in the same insert.
    const [hit] = await ctx.database.query<{ n: number }>(
      `select count(*)::int as n from datasets where search_vector @@ to_tsquery('simple', '批量 <-> 量导 <-> 导入')`,
    );
    expect(hit!.n).toBeGreaterThanOrEqual(5000);

    const huge: Row[] = Array.from({ length: 50_000 }, (_, i) => ({
      code: `30299{i}/000001`.replace('{i}', String(i)),
    }));
    const tooMany = await upload(bureau, await workbook(huge, []));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().problems).toEqual([
      expect.objectContaining({
        message: `一次最多导入 ${IMPORT_MAX_ROWS} 行，该文件有 50000 行，请拆分后分批导入`,
      }),
    ]);
  }, 120_000);
});
