import type { IsoDate } from '../../../domain/calendar.ts';
import type { ImportProblem } from '../../http/errors.ts';
import { problemAt, zodProblems, type ParsedRow, type SheetSpec } from '../../http/xlsx-import.ts';
import type { RowScope } from '../org/users.repo.ts';
import { systemInput } from './registry.contract.ts';
import { registryLabels } from './registry.labels.ts';
import { changedFields, systemRuleProblems, type SystemValues } from './registry.rules.ts';
import { mayKeepDepartment } from './registry.scope.ts';
import type { SystemInterface } from './registry.tables.ts';
import type { SystemRow } from './systems.repo.ts';

/**
 * The registry's Excel import: one sheet, 信息系统, one row per system. Every row is checked with the
 * API's own schema and rules (registry.contract.ts, registry.rules.ts); the plan lists every problem,
 * or what to create and what to update. A row is the whole system: a blank cell clears that value.
 */

/** Rows an import takes; a larger file is refused as a whole (split it). */
export const SYSTEM_IMPORT_MAX_ROWS = 5_000;

type CodeKind = keyof typeof registryLabels.codes;
const options = (kind: CodeKind) =>
  Object.entries(registryLabels.codes[kind] as Record<string, readonly [string, string]>).map(
    ([value, [zh, en]]) => ({ value, zh, en }),
  );

export const SYSTEM_SHEET: SheetSpec = {
  key: 'systems',
  name: '信息系统',
  nameEn: 'Systems',
  columns: [
    {
      key: 'code',
      header: '系统编码',
      headerEn: 'Code',
      required: true,
      example: 'SYS-SCJ-001',
      width: 16,
      note: '大写字母开头，可含大写字母、数字和连字符（3-32 位）；已有的编码即修改该系统',
    },
    {
      key: 'name',
      header: '系统名称',
      headerEn: 'Name',
      required: true,
      example: '市场主体登记系统',
      width: 28,
      note: '2-60 字',
    },
    {
      key: 'purpose',
      header: '建设用途',
      headerEn: 'Purpose',
      example: '企业和个体工商户的设立、变更、注销登记',
      width: 40,
      note: '最多 2000 字；重复建设监测比对此项',
    },
    {
      key: 'department',
      header: '所属部门',
      headerEn: 'Department',
      example: '区市场监督管理局',
      width: 22,
      note: '部门编码或名称；部门数据专员可不填（本部门）',
    },
    { key: 'operator', header: '运维方', headerEn: 'Operator', example: '某某信息技术有限公司', width: 24 },
    {
      key: 'origin',
      header: '条线 / 块上',
      headerEn: 'Origin',
      required: true,
      options: options('systemOrigin'),
    },
    {
      key: 'verticalLine',
      header: '所属条线',
      headerEn: 'Vertical line',
      example: '省市场监督管理局',
      note: '条线系统必填',
    },
    { key: 'level', header: '建设层级', headerEn: 'Level', required: true, options: options('systemLevel') },
    {
      key: 'deployment',
      header: '部署方式',
      headerEn: 'Deployment',
      required: true,
      options: options('systemDeployment'),
    },
    {
      key: 'securityLevel',
      header: '等保级别',
      headerEn: 'Security level',
      required: true,
      options: options('securityLevel'),
    },
    { key: 'status', header: '状态', headerEn: 'Status', required: true, options: options('systemStatus') },
    {
      key: 'launchDate',
      header: '上线日期',
      headerEn: 'Launch date',
      example: '2021-06-30',
      note: 'YYYY-MM-DD；运行中的系统必填，不能晚于今天',
    },
    {
      key: 'budget',
      header: '建设预算（万元）',
      headerEn: 'Budget (10k CNY)',
      example: '120.5',
      note: '不小于 0 的数字',
    },
    { key: 'userCount', header: '用户数', headerEn: 'Users', example: '350', note: '不小于 0 的整数' },
    {
      key: 'url',
      header: '访问地址',
      headerEn: 'URL',
      example: 'https://scj.example.gov.cn/',
      width: 30,
      note: '以 http:// 或 https:// 开头',
    },
    {
      key: 'interfaces',
      header: '接口',
      headerEn: 'Interfaces',
      example: '企业登记信息查询|提供|REST；统一身份认证|调用|OAuth2',
      width: 40,
      note: '每个接口写作“名称|方向（提供/调用）|协议”，可再加“|说明”；多个接口以分号分隔，最多 50 个',
    },
  ],
};

export interface ImportDepartment {
  id: string;
  code: string;
  name: string;
  shortName: string;
  regionCode: string;
}

/** What the rows are checked against. */
export interface SystemImportContext {
  departments: readonly ImportDepartment[];
  /** The caller's reach: an officer's own department, the bureau's region. */
  scope: RowScope;
  /** Systems already registered with codes named in the file, whoever keeps them. */
  existing: ReadonlyMap<string, SystemRow>;
  today: IsoDate;
}

export interface PlannedSystem {
  row: number;
  values: SystemValues;
  department: ImportDepartment;
  /** Present when the row updates a registered system. */
  existing?: SystemRow;
  /** Of an update: the fields it changes (none: the row repeats the system as it is). */
  changed?: string[];
}

export interface SystemImportPlan {
  creates: PlannedSystem[];
  updates: PlannedSystem[];
  problems: ImportProblem[];
}

/** The system codes a file names (to look them up before planning). */
export function importedCodes(rows: readonly ParsedRow[]): string[] {
  return [...new Set(rows.map((r) => r.values.code).filter((c): c is string => !!c))];
}

const DIRECTIONS = options('interfaceDirection');
const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * "name|direction|protocol[|description]" entries separated by semicolons (or line breaks); the
 * direction as its code or either label. Lengths are left to the API's schema.
 */
export function parseInterfaces(
  text: string | null | undefined,
): { interfaces: SystemInterface[] } | { message: string; params: Record<string, unknown> } {
  const entries = (text ?? '')
    .split(/[;；\n]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const interfaces: SystemInterface[] = [];
  for (const [i, entry] of entries.entries()) {
    const parts = entry.split(/[|｜]/).map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4)
      return { message: 'od.registry.import.interfaceFormat', params: { entry: i + 1 } };
    const [name, directionText, protocol, description] = parts as [string, string, string, string?];
    const direction = DIRECTIONS.find((d) => [d.value, d.zh, d.en].map(fold).includes(fold(directionText)));
    if (!direction)
      return {
        message: 'od.registry.import.interfaceDirection',
        params: {
          entry: i + 1,
          allowed: DIRECTIONS.map((d) => d.zh).join('、'),
          allowedEn: DIRECTIONS.map((d) => d.en).join(', '),
        },
      };
    interfaces.push({
      name,
      direction: direction.value as SystemInterface['direction'],
      protocol,
      ...(description ? { description } : {}),
    });
  }
  return { interfaces };
}

/** A number as people type it (thousands separators allowed); text that is not one stays text. */
function numberCell(text: string | null | undefined): number | string | null {
  if (text === null || text === undefined) return null;
  const n = Number(text.replace(/[,，\s]/g, ''));
  return Number.isFinite(n) ? n : text;
}

/** 2021/6/30, 2021.6.30 and 2021年6月30日 read as 2021-06-30; anything else is left to the schema. */
function dateCell(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

/** The API's body schema; the department is a name in the file, resolved apart. */
const rowSchema = systemInput.omit({ departmentId: true });

/** The row as the API's body would be (without the department, decided apart). */
function bodyOf(v: Record<string, string | null>, interfaces: SystemInterface[]) {
  return {
    code: v.code,
    name: v.name,
    purpose: v.purpose ?? '',
    operator: v.operator ?? '',
    origin: v.origin,
    verticalLine: v.verticalLine,
    level: v.level,
    deployment: v.deployment,
    securityLevel: numberCell(v.securityLevel),
    status: v.status,
    launchDate: dateCell(v.launchDate),
    budget: numberCell(v.budget),
    userCount: numberCell(v.userCount),
    url: v.url,
    interfaces,
  };
}

/**
 * Checks every row (the API's schema and rules, the department, duplicates in the file, codes of
 * other departments) and plans the import: all problems, or the systems to create and to update.
 */
export function planSystemImport(rows: readonly ParsedRow[], ctx: SystemImportContext): SystemImportPlan {
  const plan: SystemImportPlan = { creates: [], updates: [], problems: [] };
  const at = (row: number, column: string | null, message: string, params?: Record<string, unknown>) =>
    plan.problems.push(problemAt(SYSTEM_SHEET, row, column, message, params));
  const departmentBy = new Map<string, ImportDepartment>();
  for (const d of ctx.departments) for (const k of [d.code, d.name, d.shortName]) departmentBy.set(k, d);
  const own = ctx.scope.departmentId ? ctx.departments.find((d) => d.id === ctx.scope.departmentId) : null;
  const required = new Set(SYSTEM_SHEET.columns.filter((c) => c.required).map((c) => c.key));
  const firstRowOf = new Map<string, number>();

  for (const r of rows) {
    const v = r.values;
    const before = plan.problems.length;
    if (v.code) {
      const first = firstRowOf.get(v.code);
      if (first !== undefined) {
        at(r.row, 'code', 'od.import.duplicateInFile', { row: first });
        continue;
      }
      firstRowOf.set(v.code, r.row);
    }

    // The owner: named by code or name; a department's officer registers only their own.
    let department: ImportDepartment | undefined;
    if (v.department) {
      department = departmentBy.get(v.department);
      if (!department) at(r.row, 'department', 'od.unknownDepartment');
      else if (!mayKeepDepartment(ctx.scope, department)) {
        at(r.row, 'department', 'od.registry.import.departmentScope');
        department = undefined;
      }
    } else if (own) department = own;
    else at(r.row, 'department', 'od.import.required');

    const existing = v.code ? ctx.existing.get(v.code) : undefined;
    if (
      existing &&
      !mayKeepDepartment(ctx.scope, { id: existing.departmentId, regionCode: existing.regionCode })
    ) {
      at(r.row, 'code', 'od.registry.import.otherDepartment', { code: v.code });
      continue;
    }

    const parsedInterfaces = parseInterfaces(v.interfaces);
    if ('message' in parsedInterfaces)
      at(r.row, 'interfaces', parsedInterfaces.message, parsedInterfaces.params);
    const body = bodyOf(v, 'interfaces' in parsedInterfaces ? parsedInterfaces.interfaces : []);
    const parsed = rowSchema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? '');
        const raw = v[column];
        if (required.has(column) && (raw === null || raw === undefined))
          at(r.row, column, 'od.import.required');
        else if (
          typeof body[column as keyof typeof body] === 'string' &&
          ['securityLevel', 'budget', 'userCount'].includes(column)
        )
          at(r.row, column, 'od.registry.import.number');
        else plan.problems.push(...zodProblems(SYSTEM_SHEET, r.row, [issue]));
      }
      continue;
    }
    const values: SystemValues = parsed.data;
    for (const p of systemRuleProblems(values, ctx.today)) at(r.row, p.path, p.message, p.params);
    if (plan.problems.length > before || !department) continue;

    if (existing) {
      const changed = changedFields(existing, { ...values, departmentId: department.id });
      plan.updates.push({ row: r.row, values, department, existing, changed });
    } else plan.creates.push({ row: r.row, values, department });
  }
  return plan;
}
