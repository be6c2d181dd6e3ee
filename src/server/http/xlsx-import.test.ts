import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  importTemplate,
  MAX_UNPACKED_BYTES,
  readImportWorkbook,
  zodProblems,
  type SheetSpec,
} from './xlsx-import.ts';

const spec: SheetSpec = {
  key: 'systems',
  name: '系统',
  nameEn: 'Systems',
  columns: [
    { key: 'code', header: '编码', headerEn: 'Code', required: true, example: 'SYS-001' },
    { key: 'name', header: '名称', headerEn: 'Name', required: true },
    {
      key: 'origin',
      header: '建设方式',
      headerEn: 'Origin',
      options: [
        { value: 'vertical', zh: '条线', en: 'Vertical' },
        { value: 'local', zh: '块上', en: 'Local' },
      ],
    },
    { key: 'launchDate', header: '上线日期', headerEn: 'Launch date' },
  ],
};

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetWith(wb: ExcelJS.Workbook, name: string, rows: unknown[][]) {
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return ws;
}

describe('reading an import workbook', () => {
  it('reads rows by header in either language and any order, skipping blank rows', async () => {
    const data = await xlsx((wb) =>
      sheetWith(wb, 'Systems', [
        ['Name', 'Code *', '建设方式', '上线日期'],
        ['网格平台', 'SYS-001', '块上', new Date(Date.UTC(2020, 4, 1))],
        [],
        ['  ', null, null, null],
        ['人口库', 'SYS-002', 'Vertical', '2019-01-02'],
      ]),
    );
    const { sheets, problems } = await readImportWorkbook(data, [spec]);
    expect(problems).toEqual([]);
    expect(sheets.systems).toEqual([
      { row: 2, values: { code: 'SYS-001', name: '网格平台', origin: 'local', launchDate: '2020-05-01' } },
      { row: 5, values: { code: 'SYS-002', name: '人口库', origin: 'vertical', launchDate: '2019-01-02' } },
    ]);
  });

  it('refuses a file that is not an XLSX', async () => {
    const { problems } = await readImportWorkbook(Buffer.from('code,name\nA,B\n'), [spec]);
    expect(problems.map((p) => p.message)).toEqual(['od.import.notXlsx']);
    const zipButNotXlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect((await readImportWorkbook(zipButNotXlsx, [spec])).problems[0]!.message).toBe('od.import.notXlsx');
  });

  it('names a missing sheet, missing and unknown headers', async () => {
    const wrongSheet = await xlsx((wb) => sheetWith(wb, 'Sheet1', [['编码', '名称']]));
    expect((await readImportWorkbook(wrongSheet, [spec])).problems).toMatchObject([
      { sheet: '系统', message: 'od.import.sheetMissing' },
    ]);
    const badHeaders = await xlsx((wb) => sheetWith(wb, '系统', [['编码', '备注']]));
    const { problems } = await readImportWorkbook(badHeaders, [spec]);
    expect(problems).toMatchObject([
      { row: 1, message: 'od.import.unknownHeader', params: { header: '备注' } },
      { row: 1, column: '名称', columnEn: 'Name', message: 'od.import.headerMissing' },
    ]);
  });

  it('reports merged cells, formulas, error values and bad options with their row and column', async () => {
    const data = await xlsx((wb) => {
      const ws = sheetWith(wb, '系统', [
        ['编码', '名称', '建设方式'],
        ['SYS-1', { formula: 'A2&"x"', result: 'SYS-1x' }, '自建'],
        ['SYS-2', { error: '#N/A' }, '块上'],
        ['SYS-3', 'a', 'b'],
      ]);
      ws.mergeCells('B4:C4');
    });
    const { problems } = await readImportWorkbook(data, [spec]);
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [4, null, 'od.import.merged'],
      [2, '名称', 'od.import.formula'],
      [2, '建设方式', 'od.import.option'],
      [3, '名称', 'od.import.cellError'],
      [4, '建设方式', 'od.import.option'],
    ]);
  });

  it('refuses a file over the row limit as a whole', async () => {
    const rows: unknown[][] = [['编码', '名称']];
    for (let i = 0; i < 60; i++) rows.push([`SYS-${i}`, `系统${i}`]);
    const data = await xlsx((wb) => sheetWith(wb, '系统', rows));
    const out = await readImportWorkbook(data, [spec], { maxRows: 50 });
    expect(out.problems).toMatchObject([
      { message: 'od.import.tooManyRows', params: { max: 50, found: 60 } },
    ]);
    expect(out.sheets.systems).toEqual([]);
  });

  it('refuses a file with far too many rows before building the workbook in memory', async () => {
    const rows: unknown[][] = [['编码', '名称']];
    for (let i = 0; i < 3000; i++) rows.push([`SYS-${i}`, `系统${i}`]);
    const data = await xlsx((wb) => sheetWith(wb, '系统', rows));
    const out = await readImportWorkbook(data, [spec], { maxRows: 10 });
    expect(out.problems).toMatchObject([
      { message: 'od.import.tooManyRows', params: { max: 10, found: 3000 } },
    ]);
  });

  it('refuses a file that declares it unpacks to more than the limit (a zip bomb)', async () => {
    const data = await xlsx((wb) => sheetWith(wb, '系统', [['编码', '名称']]));
    // Raise the declared unpacked size of the first central-directory entry past the limit.
    const central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    data.writeUInt32LE(MAX_UNPACKED_BYTES + 1, central + 24);
    const out = await readImportWorkbook(data, [spec]);
    expect(out.problems).toMatchObject([{ message: 'od.import.tooLarge' }]);
  });

  it('refuses a part other than a sheet that inflates past the limit while declaring a tiny size', async () => {
    const wb = new ExcelJS.Workbook();
    sheetWith(wb, '系统', [['编码', '名称']]);
    // An "image" of zeros deflates to almost nothing: the parser would inflate all of it.
    wb.addImage({ buffer: Buffer.alloc(MAX_UNPACKED_BYTES + 1024) as never, extension: 'png' });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(data.length).toBeLessThan(1024 * 1024);
    const name = Buffer.from('xl/media/image1.png');
    let central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (!data.subarray(central + 46, central + 46 + name.length).equals(name))
      central = data.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), central + 4);
    data.writeUInt32LE(1, central + 24); // the lie: "unpacks to one byte"
    const out = await readImportWorkbook(data, [spec]);
    expect(out.problems).toMatchObject([{ message: 'od.import.tooLarge' }]);
  });

  it('places zod issues on their columns', () => {
    const schema = z.object({ code: z.string().regex(/^SYS-\d+$/), name: z.string().min(2) });
    const r = schema.safeParse({ code: 'x', name: 'a' });
    const problems = zodProblems(spec, 7, r.error!.issues);
    expect(problems.map((p) => [p.row, p.column, p.columnEn])).toEqual([
      [7, '编码', 'Code'],
      [7, '名称', 'Name'],
    ]);
  });

  it('makes a template that reads back once filled in', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const template = await importTemplate([spec], lang);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(lang === 'en' ? 'Systems' : '系统')!;
      expect(ws.getRow(1).getCell(1).value).toBe(lang === 'en' ? 'Code *' : '编码 *');
      expect(wb.getWorksheet(lang === 'en' ? 'Instructions' : '填写说明')).toBeDefined();
      ws.addRow(['SYS-9', '系统九', lang === 'en' ? 'Local' : '块上']);
      const filled = Buffer.from(await wb.xlsx.writeBuffer());
      const out = await readImportWorkbook(filled, [spec]);
      expect(out.problems).toEqual([]);
      expect(out.sheets.systems).toMatchObject([{ row: 2, values: { code: 'SYS-9', origin: 'local' } }]);
    }
  });
});
