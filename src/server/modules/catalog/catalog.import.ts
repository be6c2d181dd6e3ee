import { z } from 'zod';
import * as rules from '../../../domain/catalog.ts';
import type { ImportProblem } from '../../http/errors.ts';
import {
  problemAt,
  zodProblems,
  type ImportColumn,
  type ParsedRow,
  type SheetSpec,
} from '../../http/xlsx-import.ts';
import { catalogLabels } from './catalog.labels.ts';
import { entryValues, type EntryInput } from './catalog.contract.ts';
import type { DatasetValues, DatasetWithRefs } from './catalog.repo.ts';

/**
 * The catalogue's Excel import: two sheets, 数据集 (one row per entry) and 信息项 (one row per field,
 * joined to its entry by the resource code). Every row is checked with the same rules as the API; the
 * plan lists every problem, or what to create and what to update.
 */

/** Rows per sheet an import takes; a larger file is refused as a whole (split it). */
export const IMPORT_MAX_ROWS = 20_000;

type CodeKind = keyof typeof catalogLabels.codes;
const options = (kind: CodeKind): ImportColumn['options'] =>
  Object.entries(catalogLabels.codes[kind] as Record<string, readonly [string, string]>).map(
    ([value, [zh, en]]) => ({ value, zh, en }),
  );

export const DATASET_SHEET: SheetSpec = {
  key: 'datasets',
  name: '数据集',
  nameEn: 'Datasets',
  columns: [
    {
      key: 'code',
      header: '资源代码',
      headerEn: 'Code',
      required: true,
      example: '302001001/000001',
      width: 20,
      note: '类(1 基础/2 主题/3 部门)+项(2)+目(3)+细目(0-6)/顺序码(6)',
    },
    { key: 'name', header: '资源名称', headerEn: 'Name', required: true, example: '企业登记信息', width: 28 },
    {
      key: 'summary',
      header: '资源摘要',
      headerEn: 'Summary',
      required: true,
      width: 40,
      note: '10-2000 字',
    },
    {
      key: 'category',
      header: '资源分类',
      headerEn: 'Category',
      required: true,
      options: options('datasetCategory'),
    },
    {
      key: 'baseResource',
      header: '基础资源类型',
      headerEn: 'Base resource',
      options: options('baseResource'),
      note: '仅基础资源填写',
    },
    { key: 'theme', header: '主题', headerEn: 'Theme', note: '主题资源必填' },
    {
      key: 'department',
      header: '提供部门',
      headerEn: 'Provider',
      width: 22,
      note: '部门编码或名称；部门数据专员可不填（本部门）',
    },
    { key: 'sourceSystem', header: '来源系统编码', headerEn: 'Source system code' },
    {
      key: 'format',
      header: '资源格式',
      headerEn: 'Format',
      required: true,
      options: options('datasetFormat'),
    },
    { key: 'formatDetail', header: '格式说明', headerEn: 'Format detail', example: 'Oracle 表' },
    {
      key: 'sharingType',
      header: '共享类型',
      headerEn: 'Sharing type',
      required: true,
      options: options('sharingType'),
    },
    {
      key: 'sharingConditions',
      header: '共享条件/不予共享依据',
      headerEn: 'Sharing conditions / basis',
      width: 30,
    },
    {
      key: 'sharingMethod',
      header: '共享方式',
      headerEn: 'Sharing method',
      options: options('sharingMethod'),
    },
    {
      key: 'openType',
      header: '开放类型',
      headerEn: 'Open type',
      required: true,
      options: options('openType'),
    },
    { key: 'openConditions', header: '开放条件', headerEn: 'Open conditions', width: 30 },
    {
      key: 'updateFrequency',
      header: '更新周期',
      headerEn: 'Update frequency',
      required: true,
      options: options('updateFrequency'),
    },
    { key: 'releaseDate', header: '发布日期', headerEn: 'Release date', example: '2026-01-15' },
    {
      key: 'keywords',
      header: '关键字',
      headerEn: 'Keywords',
      example: '企业、法人',
      note: '以顿号、逗号或分号分隔，最多 20 个',
    },
    { key: 'relatedCodes', header: '关联资源代码', headerEn: 'Related codes', note: '以逗号或分号分隔' },
    { key: 'changeNote', header: '变更说明', headerEn: 'Change note', note: '修改已发布资源时填写' },
  ],
};

export const FIELD_SHEET: SheetSpec = {
  key: 'fields',
  name: '信息项',
  nameEn: 'Fields',
  columns: [
    {
      key: 'dataset',
      header: '资源代码',
      headerEn: 'Code',
      required: true,
      width: 20,
      note: '所属数据集的资源代码',
    },
    {
      key: 'name',
      header: '字段名',
      headerEn: 'Field name',
      required: true,
      example: 'uscc',
      note: '小写字母开头，字母、数字、下划线',
    },
    { key: 'label', header: '中文名称', headerEn: 'Label', required: true, example: '统一社会信用代码' },
    { key: 'type', header: '数据类型', headerEn: 'Type', required: true, options: options('fieldType') },
    {
      key: 'level',
      header: '分级',
      headerEn: 'Level',
      required: true,
      options: options('classificationLevel'),
    },
    { key: 'required', header: '必填', headerEn: 'Required', options: options('yesNo') },
    { key: 'key', header: '主键', headerEn: 'Key', options: options('yesNo') },
    { key: 'pattern', header: '格式（正则）', headerEn: 'Pattern (regex)' },
    { key: 'codeList', header: '代码表', headerEn: 'Code list', example: 'GB/T 2261.1' },
    { key: 'unit', header: '单位', headerEn: 'Unit' },
    { key: 'description', header: '说明', headerEn: 'Description', width: 30 },
  ],
};

export const IMPORT_SHEETS = [DATASET_SHEET, FIELD_SHEET];

const cell = z.string().nullable();
const required = z.string({ error: 'od.import.required' });
const enumCell = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'od.import.required' });
const datasetRow = z.object({
  code: required,
  name: required,
  summary: required,
  category: enumCell(rules.DATASET_CATEGORIES),
  baseResource: z.enum(rules.BASE_RESOURCES).nullable(),
  theme: cell,
  department: cell,
  sourceSystem: cell,
  format: enumCell(rules.DATASET_FORMATS),
  formatDetail: cell,
  sharingType: enumCell(rules.SHARING_TYPES),
  sharingConditions: cell,
  sharingMethod: z.enum(rules.SHARING_METHODS).nullable(),
  openType: enumCell(rules.OPEN_TYPES),
  openConditions: cell,
  updateFrequency: enumCell(rules.UPDATE_FREQUENCIES),
  releaseDate: cell,
  keywords: cell,
  relatedCodes: cell,
  changeNote: z.string().max(500).nullable(),
});
const fieldRow = z.object({
  dataset: required,
  name: required,
  label: required,
  type: enumCell(rules.FIELD_TYPES),
  level: enumCell(rules.CLASSIFICATION_LEVELS),
  required: cell,
  key: cell,
  pattern: cell,
  codeList: cell,
  unit: cell,
  description: cell,
});

const list = (s: string | null, separators: RegExp) =>
  (s ?? '')
    .split(separators)
    .map((x) => x.trim())
    .filter(Boolean);

export interface ImportDepartment {
  id: string;
  code: string;
  name: string;
  shortName: string;
}

/** What the rows are checked against. */
export interface ImportContext {
  departments: readonly ImportDepartment[];
  /** A department's officer: the only department they catalogue for; the bureau: null (any). */
  ownDepartmentId: string | null;
  /** Source systems named in the file, by code. */
  systems: ReadonlyMap<string, { id: string; departmentId: string }>;
  /** Entries already in the catalogue with codes named in the file. */
  existing: ReadonlyMap<string, DatasetWithRefs>;
}

export interface PlannedEntry {
  row: number;
  departmentId: string;
  values: DatasetValues;
  changeNote: string | null;
  /** Present when the row updates an existing entry. */
  existing?: DatasetWithRefs;
}

export interface ImportPlan {
  creates: PlannedEntry[];
  updates: PlannedEntry[];
  problems: ImportProblem[];
}

/** The resource codes and source-system codes a file names (to look them up before planning). */
export function referencedCodes(sheets: Record<string, ParsedRow[]>) {
  const datasetRows = sheets[DATASET_SHEET.key] ?? [];
  return {
    codes: [...new Set(datasetRows.map((r) => r.values.code).filter((c): c is string => !!c))],
    systems: [...new Set(datasetRows.map((r) => r.values.sourceSystem).filter((c): c is string => !!c))],
  };
}

/**
 * Checks every row (types, the catalogue's rules, references, duplicates in the file and against
 * the catalogue) and plans the import: all problems, or the entries to create and to update.
 */
export function planImport(sheets: Record<string, ParsedRow[]>, ctx: ImportContext): ImportPlan {
  const problems: ImportProblem[] = [];
  const datasetRows = sheets[DATASET_SHEET.key] ?? [];
  const fieldRows = sheets[FIELD_SHEET.key] ?? [];
  const at = (
    spec: SheetSpec,
    row: number,
    column: string | null,
    message: string,
    params?: Record<string, unknown>,
  ) => problems.push(problemAt(spec, row, column, message, params));
  const departmentBy = new Map<string, ImportDepartment>();
  for (const d of ctx.departments) for (const k of [d.code, d.name, d.shortName]) departmentBy.set(k, d);

  // Fields, grouped by their entry's code, in the order of the sheet.
  const fieldsOf = new Map<string, { row: number; field: EntryInput['fields'][number] }[]>();
  const badFieldsOf = new Set<string>();
  for (const r of fieldRows) {
    const parsed = fieldRow.safeParse(r.values);
    const code = r.values.dataset;
    if (!parsed.success) {
      problems.push(...zodProblems(FIELD_SHEET, r.row, parsed.error.issues));
      if (code) badFieldsOf.add(code);
      continue;
    }
    const f = parsed.data;
    const group = fieldsOf.get(f.dataset) ?? [];
    group.push({
      row: r.row,
      field: {
        name: f.name,
        label: f.label,
        type: f.type,
        level: f.level,
        // A key left without 必填 is required (a key must be); an explicit 否 is kept and reported.
        required: f.required === 'true' || (f.required === null && f.key === 'true'),
        key: f.key === 'true',
        pattern: f.pattern,
        codeList: f.codeList,
        unit: f.unit,
        description: f.description,
      },
    });
    fieldsOf.set(f.dataset, group);
  }

  const plan: ImportPlan = { creates: [], updates: [], problems };
  const firstRowOf = new Map<string, number>();
  for (const r of datasetRows) {
    const parsed = datasetRow.safeParse(r.values);
    if (!parsed.success) {
      problems.push(...zodProblems(DATASET_SHEET, r.row, parsed.error.issues));
      continue;
    }
    const d = parsed.data;
    const first = firstRowOf.get(d.code);
    if (first !== undefined) {
      at(DATASET_SHEET, r.row, 'code', 'od.import.duplicateInFile', { row: first });
      continue;
    }
    firstRowOf.set(d.code, r.row);

    // The provider: named by code or name; a department's officer only catalogues for their own.
    let departmentId: string | null = null;
    if (d.department) {
      const dept = departmentBy.get(d.department);
      if (!dept) at(DATASET_SHEET, r.row, 'department', 'od.unknownDepartment');
      else if (ctx.ownDepartmentId && dept.id !== ctx.ownDepartmentId)
        at(DATASET_SHEET, r.row, 'department', 'od.catalog.departmentScope');
      else departmentId = dept.id;
    } else if (ctx.ownDepartmentId) departmentId = ctx.ownDepartmentId;
    else at(DATASET_SHEET, r.row, 'department', 'od.import.required');

    const existing = ctx.existing.get(d.code);
    if (existing && departmentId && existing.departmentId !== departmentId) {
      at(DATASET_SHEET, r.row, 'code', 'od.catalog.import.otherDepartment', { code: d.code });
      continue;
    }
    if (existing && rules.editEffect(existing.status) === 'locked') {
      const [statusZh, statusEn] = catalogLabels.codes.datasetStatus[existing.status];
      at(DATASET_SHEET, r.row, 'code', 'od.catalog.import.locked', { code: d.code, statusZh, statusEn });
      continue;
    }

    let sourceSystemId: string | null = null;
    if (d.sourceSystem) {
      const system = ctx.systems.get(d.sourceSystem);
      if (!system || (departmentId && system.departmentId !== departmentId))
        at(DATASET_SHEET, r.row, 'sourceSystem', 'od.catalog.sourceSystem');
      else sourceSystemId = system.id;
    }

    const fields = fieldsOf.get(d.code) ?? [];
    fieldsOf.delete(d.code);
    if (!departmentId) continue;
    // With a field row already reported, the entry is still checked with its other fields.
    const someFieldsBad = badFieldsOf.has(d.code);

    const input: EntryInput = {
      code: d.code,
      name: d.name,
      summary: d.summary,
      category: d.category,
      baseResource: d.baseResource,
      theme: d.theme,
      sourceSystemId,
      format: d.format,
      formatDetail: d.formatDetail,
      fields: fields.map((f) => f.field),
      sharingType: d.sharingType,
      sharingConditions: d.sharingConditions,
      sharingMethod: d.sharingMethod,
      openType: d.openType,
      openConditions: d.openConditions,
      updateFrequency: d.updateFrequency,
      releaseDate: d.releaseDate,
      keywords: list(d.keywords, /[,，、;；\n]+/),
      relatedCodes: list(d.relatedCodes, /[,，、;；\s]+/),
    };
    const values = entryValues(input);
    const entryProblems = rules
      .datasetProblems(values)
      .filter((p) => !(someFieldsBad && p.reason === 'fieldsRequired'));
    for (const p of entryProblems) {
      const [head, index, attribute] = p.path.split('.');
      const message = `od.catalog.${p.reason}`;
      const fieldRowNumber = head === 'fields' && attribute ? fields[Number(index)]?.row : undefined;
      if (fieldRowNumber !== undefined) at(FIELD_SHEET, fieldRowNumber, attribute!, message, p.params);
      else at(DATASET_SHEET, r.row, head === 'fields' ? null : head!, message, p.params);
    }
    if (entryProblems.length || someFieldsBad) continue;
    const entry: PlannedEntry = { row: r.row, departmentId, values, changeNote: d.changeNote };
    if (existing) plan.updates.push({ ...entry, existing });
    else plan.creates.push(entry);
  }

  // Fields whose entry is not on the first sheet.
  const onSheet = new Set(datasetRows.map((r) => r.values.code));
  for (const [code, group] of fieldsOf) {
    if (onSheet.has(code)) continue;
    for (const f of group) at(FIELD_SHEET, f.row, 'dataset', 'od.catalog.import.unknownDataset', { code });
  }
  return plan;
}
