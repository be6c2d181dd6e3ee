import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError, type ImportProblem } from './errors.ts';

export type { ImportProblem };
import type { Lang } from './messages.ts';

/**
 * Reading people's spreadsheets for imports. Departments keep their catalogues in Excel; an import
 * either applies every row or none, so this module only reads and reports: the caller validates the
 * rows and applies them in one transaction.
 */
export interface ImportOption {
  value: string;
  zh: string;
  en: string;
}

export interface ImportColumn {
  key: string;
  header: string;
  headerEn: string;
  required?: boolean;
  example?: string;
  note?: string;
  /** Allowed values: a cell may hold the code or either label; the row gets the code. */
  options?: readonly ImportOption[];
  width?: number;
}

export interface SheetSpec {
  key: string;
  name: string;
  nameEn: string;
  columns: ImportColumn[];
}

export interface ParsedRow {
  /** The row's number as Excel shows it (the header is row 1). */
  row: number;
  values: Record<string, string | null>;
}

export const DEFAULT_MAX_ROWS = 20_000;
/** At most this many problems are listed; the total is always given. */
export const MAX_LISTED_PROBLEMS = 5_000;

export function problemAt(
  spec: SheetSpec,
  row: number,
  columnKey: string | null,
  message: string,
  params?: Record<string, unknown>,
): ImportProblem {
  const col = columnKey ? spec.columns.find((c) => c.key === columnKey) : undefined;
  return {
    sheet: spec.name,
    sheetEn: spec.nameEn,
    row,
    column: col?.header ?? columnKey,
    columnEn: col?.headerEn ?? columnKey,
    message,
    ...(params ? { params } : {}),
  };
}

/** zod issues of one row, placed on the column each one is about. */
export function zodProblems(
  spec: SheetSpec,
  row: number,
  issues: readonly z.core.$ZodIssue[],
): ImportProblem[] {
  return issues.map((issue) => ({
    ...problemAt(spec, row, issue.path.length ? String(issue.path[0]) : null, issue.message),
    issue,
  }));
}

/** The problems of both lists, without a second one for a cell that already has one. */
export function mergeProblems(
  first: readonly ImportProblem[],
  second: readonly ImportProblem[],
): ImportProblem[] {
  const cellKey = (p: ImportProblem) => `${p.sheet}\u0000${p.row}\u0000${p.column ?? ''}`;
  const taken = new Set(first.filter((p) => p.column !== null).map(cellKey));
  return [...first, ...second.filter((p) => p.column === null || !taken.has(cellKey(p)))];
}

/** The error an import answers with when anything is wrong: 422, every problem, nothing written. */
export function importRejected(problems: ImportProblem[]): AppError {
  return new AppError('IMPORT_REJECTED', { count: problems.length }, [], problems);
}

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();

function cellText(value: ExcelJS.CellValue): { text: string | null; problem?: string } {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === 'string') return { text: value.trim() || null };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : null };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Excel dates carry no zone; exceljs reads them as UTC midnight.
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return { text: null, problem: 'od.import.formula' };
    if ('error' in value) return { text: null, problem: 'od.import.cellError' };
    if ('richText' in value)
      return {
        text:
          value.richText
            .map((r) => r.text)
            .join('')
            .trim() || null,
      };
    if ('text' in value) return { text: String(value.text).trim() || null };
  }
  return { text: null, problem: 'od.import.cellType' };
}

/** What an XLSX may unpack to in all: more is refused before anything is parsed (a zip bomb). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/** More parts than any spreadsheet a person made has. */
const MAX_ENTRIES = 2000;

/**
 * Looks inside the ZIP before a parser builds the workbook in memory: every part is inflated here
 * against one budget of actual bytes (a size header can lie; a parser inflates all parts, not only
 * the sheets), its size must be the one declared, and the rows of each worksheet are counted on its
 * XML. Returns a problem key, or null when the file may be read.
 */
export function zipPrecheck(
  data: Buffer,
  maxRows: number,
): { message: string; params?: Record<string, unknown> } | null {
  const tooLarge = { message: 'od.import.tooLarge', params: { max: MAX_UNPACKED_BYTES / 1024 / 1024 } };
  const notXlsx = { message: 'od.import.notXlsx' };
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > data.length) return notXlsx;
  const entries = data.readUInt16LE(eocd + 10);
  if (entries > MAX_ENTRIES) return notXlsx;
  let at = data.readUInt32LE(eocd + 16);
  let budget = MAX_UNPACKED_BYTES;
  // Styled but empty rows are written too; the reader skips them, so allow room before refusing.
  const rowCap = maxRows * 2 + 1000;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return notXlsx;
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const offset = data.readUInt32LE(at + 42);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    // 0xFFFFFFFF is ZIP64's "see the extra field": no spreadsheet a person made needs it.
    if (size === 0xffffffff || size > budget) return tooLarge;
    if (method !== 0 && method !== 8) return notXlsx;
    if (offset + 30 > data.length || data.readUInt32LE(offset) !== 0x04034b50) return notXlsx;
    const begin = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
    const raw = data.subarray(begin, begin + compressed);
    let part: Buffer;
    try {
      part = method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: budget });
    } catch {
      return tooLarge;
    }
    if (part.length !== size) return notXlsx;
    budget -= part.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      let rows = 0;
      for (let j = part.indexOf('<row'); j >= 0; j = part.indexOf('<row', j + 4)) rows++;
      if (rows > rowCap)
        return { message: 'od.import.tooManyRows', params: { max: maxRows, found: rows - 1 } };
    }
  }
  return null;
}

function isZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/**
 * Reads the given sheets of an XLSX file into rows of trimmed text keyed by column, and lists every
 * structural problem: not an XLSX file, a missing sheet, missing or unknown headers, merged cells,
 * formulas, too many rows. Blank rows are skipped.
 */
export async function readImportWorkbook(
  data: Buffer,
  sheets: SheetSpec[],
  opts: { maxRows?: number } = {},
): Promise<{ sheets: Record<string, ParsedRow[]>; problems: ImportProblem[] }> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const out: Record<string, ParsedRow[]> = Object.fromEntries(sheets.map((s) => [s.key, []]));
  const whole = (message: string, params?: Record<string, unknown>): ImportProblem => ({
    sheet: '',
    row: 0,
    column: null,
    message,
    ...(params ? { params } : {}),
  });
  if (!isZip(data)) return { sheets: out, problems: [whole('od.import.notXlsx')] };
  const precheck = zipPrecheck(data, maxRows);
  if (precheck) return { sheets: out, problems: [whole(precheck.message, precheck.params)] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { sheets: out, problems: [whole('od.import.notXlsx')] };
  }

  const problems: ImportProblem[] = [];
  for (const spec of sheets) {
    const names = [spec.name, spec.nameEn].map(normalise);
    const sheet = workbook.worksheets.find((w) => names.includes(normalise(w.name)));
    if (!sheet) {
      problems.push({
        ...whole('od.import.sheetMissing', { name: spec.name, nameEn: spec.nameEn }),
        sheet: spec.name,
        sheetEn: spec.nameEn,
      });
      continue;
    }

    // Headers: each column by its Chinese or English header, in any order.
    const columnAt = new Map<number, ImportColumn>();
    const headerRow = sheet.getRow(1);
    headerRow.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value).text;
      if (!text) return;
      const column = spec.columns.find((c) =>
        [c.header, c.headerEn, c.key].map(normalise).includes(normalise(text)),
      );
      if (!column)
        problems.push({ ...problemAt(spec, 1, null, 'od.import.unknownHeader', { header: text }) });
      else if ([...columnAt.values()].includes(column))
        problems.push(problemAt(spec, 1, column.key, 'od.import.duplicateHeader'));
      else columnAt.set(col, column);
    });
    for (const c of spec.columns) {
      if (c.required && ![...columnAt.values()].includes(c))
        problems.push(problemAt(spec, 1, c.key, 'od.import.headerMissing'));
    }

    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    for (const range of merges) {
      const first = /^[A-Z]+(\d+)/.exec(range);
      problems.push({
        ...problemAt(spec, first ? Number(first[1]) : 0, null, 'od.import.merged', { range }),
      });
    }

    let dataRows = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, string | null> = Object.fromEntries(
        spec.columns.map((c) => [c.key, null]),
      );
      let blank = true;
      const rowProblems: ImportProblem[] = [];
      for (const [col, column] of columnAt) {
        const { text, problem } = cellText(row.getCell(col).value);
        if (problem) {
          rowProblems.push(problemAt(spec, rowNumber, column.key, problem));
          blank = false;
          continue;
        }
        if (text === null) continue;
        blank = false;
        if (column.options) {
          const hit = column.options.find((o) =>
            [o.value, o.zh, o.en].map(normalise).includes(normalise(text)),
          );
          if (!hit) {
            rowProblems.push(
              problemAt(spec, rowNumber, column.key, 'od.import.option', {
                allowed: column.options.map((o) => o.zh).join('、'),
                allowedEn: column.options.map((o) => o.en).join(', '),
              }),
            );
            continue;
          }
          values[column.key] = hit.value;
        } else values[column.key] = text;
      }
      if (blank) return;
      dataRows++;
      if (dataRows > maxRows) return;
      problems.push(...rowProblems);
      out[spec.key]!.push({ row: rowNumber, values });
    });
    if (dataRows > maxRows) {
      // A file this large is refused as a whole: a per-row report of it would help nobody.
      return {
        sheets: Object.fromEntries(sheets.map((s) => [s.key, []])),
        problems: [
          {
            ...whole('od.import.tooManyRows', { max: maxRows, found: dataRows }),
            sheet: spec.name,
            sheetEn: spec.nameEn,
          },
        ],
      };
    }
  }
  return { sheets: out, problems };
}

/**
 * A template to fill in: one sheet per spec with its headers (required ones marked *), notes and
 * drop-down lists, and an instructions sheet listing every column, whether it is required, its
 * allowed values and an example.
 */
export async function importTemplate(sheets: SheetSpec[], lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenDistrict';
  const lists = workbook.addWorksheet('lists', { state: 'veryHidden' });
  let listColumn = 0;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(en ? spec.nameEn : spec.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = spec.columns.map((c) => ({
      header: `${en ? c.headerEn : c.header}${c.required ? ' *' : ''}`,
      key: c.key,
      width: c.width ?? 18,
    }));
    sheet.getRow(1).font = { bold: true };
    spec.columns.forEach((c, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      if (c.note) cell.note = c.note;
      if (c.options) {
        // Drop-downs read their values from a hidden sheet: an inline list is limited to 255 characters.
        listColumn++;
        const letter = columnLetter(listColumn);
        c.options.forEach((o, j) => (lists.getCell(`${letter}${j + 1}`).value = en ? o.en : o.zh));
        const target = columnLetter(i + 1);
        (sheet as unknown as DataValidations).dataValidations.add(
          `${target}2:${target}${DEFAULT_MAX_ROWS + 1}`,
          {
            type: 'list',
            allowBlank: !c.required,
            formulae: [`lists!$${letter}$1:$${letter}$${c.options.length}`],
          },
        );
      }
    });
  }
  const help = workbook.addWorksheet(en ? 'Instructions' : '填写说明');
  help.columns = [
    { header: en ? 'Sheet' : '工作表', key: 'sheet', width: 14 },
    { header: en ? 'Column' : '列', key: 'column', width: 22 },
    { header: en ? 'Required' : '必填', key: 'required', width: 8 },
    { header: en ? 'Allowed values / rule' : '可选值 / 规则', key: 'rule', width: 60 },
    { header: en ? 'Example' : '示例', key: 'example', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const spec of sheets) {
    for (const c of spec.columns) {
      help.addRow({
        sheet: en ? spec.nameEn : spec.name,
        column: en ? c.headerEn : c.header,
        required: c.required ? (en ? 'yes' : '是') : '',
        rule: c.options ? c.options.map((o) => (en ? o.en : o.zh)).join(en ? ', ' : '、') : (c.note ?? ''),
        example: c.example ?? '',
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs has worksheet data validations at run time but not in its type definitions. */
interface DataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
