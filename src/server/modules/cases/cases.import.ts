// The historical import (issue 4 item 8): cases with their whole event history, from a legacy system
// or the provincial case library, as JSON lines or as an Excel workbook. This file reads both formats
// into one shape and checks every case; it touches no database (the service looks up what the file
// names and writes through the history writer). A file is taken whole or not at all: every problem
// of every line is reported at once.
//
// Abnormal histories (completed before accepted, a missing stage, ...) are not problems: they import
// and the flag rules flag them, exactly as they would flag a live case.

import { z } from 'zod';
import {
  APPLICANT_TYPES,
  CASE_CHANNELS,
  CASE_EVENT_KINDS,
  CASE_RESULTS,
  DECISIONS,
  DELIVERY_METHODS,
  type CaseEventKind,
} from '../../../domain/cases.ts';
import { parseExchangeTime, exchangeTime } from '../../../domain/exchange.ts';
import { checkResidentId, checkUscc } from '../../../domain/identifiers.ts';
import { idProblemMessage } from '../../http/messages.ts';
import { MAX_LIMIT_DAYS, SPECIAL_PROCEDURES, STAGE_ROLES } from '../../../domain/matters.ts';
import { chinaDateOf } from '../../../domain/calendar.ts';
import type { ImportProblem } from '../../http/errors.ts';
import {
  problemAt,
  readImportWorkbook,
  type ImportColumn,
  type ParsedRow,
  type SheetSpec,
} from '../../http/xlsx-import.ts';
import type { HistoryCase, HistoryEvaluation, HistoryEvent, HistoryMatter } from './history.writer.ts';
import { label } from '../../http/labels.ts';
import { mattersLabels } from '../matters/matters.labels.ts';
import { casesLabels } from './cases.labels.ts';
import { supervisionLabels } from './supervision.labels.ts';
import { importCodeLabels } from './import.messages.ts';

/** Cases and events one import takes; a larger file is refused as a whole (split it). */
export const IMPORT_MAX_CASES = 50_000;
export const IMPORT_MAX_EVENTS = 500_000;
export const MAX_EVENTS_PER_CASE = 1_000;

// ---------------------------------------------------------------------------------------------
// The Excel template: 办件 (one row per case) and 办理事件 (one row per event, joined by 申办流水号)

type Labels = Record<string, readonly [string, string]>;
const options = (labels: Labels): ImportColumn['options'] =>
  Object.entries(labels).map(([value, [zh, en]]) => ({ value, zh, en }));
const codes = {
  ...casesLabels.codes,
  ...supervisionLabels.codes,
  ...importCodeLabels,
  specialProcedure: mattersLabels.codes.specialProcedure,
};
const roleOptions: ImportColumn['options'] = STAGE_ROLES.map((r) => ({
  value: r,
  zh: label('role', r, 'zh-CN'),
  en: label('role', r, 'en'),
}));

const TIME_NOTE = 'YYYY-MM-DD HH:mm:ss（北京时间），或带时区的 ISO 8601';

export const CASE_SHEET: SheetSpec = {
  key: 'cases',
  name: '办件',
  nameEn: 'Cases',
  columns: [
    { key: 'caseNo', header: '申办流水号', headerEn: 'Case number', required: true, width: 26 },
    {
      key: 'matterCode',
      header: '事项编码',
      headerEn: 'Matter code',
      required: true,
      width: 34,
      note: '实施编码（31 位）',
    },
    {
      key: 'regionCode',
      header: '办理地区划代码',
      headerEn: 'Region code',
      note: '区或街道的区划代码；不填则为事项所属部门的区划',
    },
    {
      key: 'channel',
      header: '申办渠道',
      headerEn: 'Channel',
      required: true,
      options: options(codes.caseChannel),
    },
    {
      key: 'applicantType',
      header: '申请人类型',
      headerEn: 'Applicant type',
      required: true,
      options: options(codes.applicantType),
    },
    { key: 'applicantName', header: '申请人名称', headerEn: 'Applicant name', required: true, width: 24 },
    {
      key: 'applicantId',
      header: '证件号码',
      headerEn: 'ID number',
      width: 22,
      note: '自然人填身份证号，法人、机关填统一社会信用代码',
    },
    { key: 'applicantPhone', header: '联系电话', headerEn: 'Phone' },
    {
      key: 'visits',
      header: '跑动次数',
      headerEn: 'Visits',
      note: '不填：窗口、自助终端为 1 次，网上、移动端为 0 次',
    },
    {
      key: 'evaluationStage',
      header: '评价环节',
      headerEn: 'Evaluation stage',
      options: options(codes.evaluationStage),
    },
    {
      key: 'evaluationGrade',
      header: '评价等级',
      headerEn: 'Evaluation grade',
      options: options(codes.evaluationGrade),
    },
    { key: 'evaluationAt', header: '评价时间', headerEn: 'Evaluated at', width: 20, note: TIME_NOTE },
    { key: 'evaluationComment', header: '评价内容', headerEn: 'Evaluation comment', width: 30 },
    { key: 'evaluationRealName', header: '实名评价', headerEn: 'Real name', options: options(codes.yesNo) },
    { key: 'returnVisitAt', header: '回访时间', headerEn: 'Return visit at', width: 20, note: TIME_NOTE },
    { key: 'returnVisitBy', header: '回访人', headerEn: 'Return visit by' },
    { key: 'returnVisitNote', header: '回访情况', headerEn: 'Return visit note', width: 30 },
  ],
};

export const EVENT_SHEET: SheetSpec = {
  key: 'events',
  name: '办理事件',
  nameEn: 'Events',
  columns: [
    { key: 'caseNo', header: '申办流水号', headerEn: 'Case number', required: true, width: 26 },
    {
      key: 'kind',
      header: '事件类型',
      headerEn: 'Event',
      required: true,
      options: options(codes.caseEventKind),
    },
    {
      key: 'at',
      header: '发生时间',
      headerEn: 'Time',
      required: true,
      width: 20,
      example: '2026-03-02 09:30:00',
      note: `${TIME_NOTE}；同一办件的事件按时间先后排列`,
    },
    { key: 'actorName', header: '经办人', headerEn: 'Actor' },
    { key: 'actorRole', header: '经办角色', headerEn: 'Actor role', options: roleOptions },
    {
      key: 'detail',
      header: '意见/原因/说明',
      headerEn: 'Opinion, reason or note',
      width: 30,
      note: '不予受理、延期、撤回的原因；审查、决定的意见；特别程序结果；其他事件的说明',
    },
    {
      key: 'materials',
      header: '补正材料',
      headerEn: 'Missing materials',
      width: 30,
      example: '营业执照复印件：未加盖公章；身份证明：已过期',
      note: '补正告知填写：材料名称：原因，多项以分号分隔',
    },
    {
      key: 'procedure',
      header: '特别程序',
      headerEn: 'Special procedure',
      options: options(codes.specialProcedure),
    },
    { key: 'days', header: '延期天数', headerEn: 'Extension days', note: '工作日' },
    { key: 'decision', header: '决定', headerEn: 'Decision', options: options(codes.caseDecision) },
    { key: 'result', header: '办结结果', headerEn: 'Result', options: options(codes.caseResult) },
    {
      key: 'method',
      header: '送达方式',
      headerEn: 'Delivery method',
      options: options(codes.deliveryMethod),
    },
  ],
};

export const IMPORT_SHEETS = [CASE_SHEET, EVENT_SHEET];

// ---------------------------------------------------------------------------------------------
// One shape for both formats: a case as parsed data, and where each of its fields came from

type Path = readonly PropertyKey[];

/** Where a problem with a field of a case is reported: a line and field path, or a sheet, row and column. */
type Place = Omit<ImportProblem, 'message' | 'params' | 'issue'>;

export interface RawCase {
  data: Record<string, unknown>;
  place(path: Path): Place;
  /** The row or line of the case itself (duplicates name it). */
  row: number;
  /** Problems found while reading (before the checks). */
  problems: ImportProblem[];
}

const problem = (place: Place, message: string, params?: Record<string, unknown>): ImportProblem => ({
  ...place,
  message,
  ...(params ? { params } : {}),
});

/** A problem of the file as a whole. */
export const fileProblem = (message: string, params?: Record<string, unknown>): ImportProblem =>
  problem({ sheet: '', row: 0, column: null }, message, params);

export interface ReadResult {
  cases: RawCase[];
  problems: ImportProblem[];
  /** True when the file cannot be read as cases at all: its problems are all there is to say. */
  fatal: boolean;
}

/**
 * JSON lines (application/x-ndjson): one case per line, blank lines skipped. A problem names the
 * line (row) and the field path (column), e.g. row 12, column events.3.at.
 */
export function readJsonLines(data: Buffer): ReadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { cases: [], problems: [fileProblem('od.cases.import.encoding')], fatal: true };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const found = lines.reduce((n, l) => (l.trim() ? n + 1 : n), 0);
  if (found > IMPORT_MAX_CASES)
    return {
      cases: [],
      problems: [fileProblem('od.cases.import.tooManyCases', { max: IMPORT_MAX_CASES, found })],
      fatal: true,
    };
  const cases: RawCase[] = [];
  const problems: ImportProblem[] = [];
  let events = 0;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const row = i + 1;
    const place = (path: Path): Place => ({
      sheet: '',
      row,
      column: path.length ? path.map(String).join('.') : null,
    });
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      data = undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      problems.push(problem(place([]), 'od.cases.import.json'));
      return;
    }
    const record = data as Record<string, unknown>;
    if (Array.isArray(record.events)) events += record.events.length;
    cases.push({ data: record, place, row, problems: [] });
  });
  if (events > IMPORT_MAX_EVENTS)
    return {
      cases: [],
      problems: [fileProblem('od.cases.import.tooManyEvents', { max: IMPORT_MAX_EVENTS, found: events })],
      fatal: true,
    };
  return { cases, problems, fatal: false };
}

/** A number in a cell; text that is not one stays text (the schema then says what is wrong). */
const numberCell = (s: string | null | undefined) =>
  s === null || s === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
const optional = (s: string | null | undefined) => s ?? undefined;

/** Where a payload field is written on the events sheet. */
function payloadColumn(kind: unknown, field: PropertyKey | undefined): string | null {
  switch (field) {
    case 'reason':
    case 'opinion':
    case 'note':
      return 'detail';
    case 'result':
      return kind === 'special_ended' ? 'detail' : 'result';
    case 'items':
      return 'materials';
    case 'procedure':
    case 'days':
    case 'decision':
    case 'method':
      return field;
    default:
      return null;
  }
}

/** 补正材料 "材料：原因；材料：原因" as supplement items; null when an item lacks its reason. */
export function parseMaterials(s: string | null): { material: string; reason: string }[] | null {
  if (!s) return null;
  const items = s
    .split(/[;；\n]+/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((item) => {
      const m = /^([^:：]+)[:：](.+)$/.exec(item);
      return m ? { material: m[1]!.trim(), reason: m[2]!.trim() } : null;
    });
  return items.length && items.every((i) => i && i.material && i.reason)
    ? (items as { material: string; reason: string }[])
    : null;
}

/** An event's payload from the columns of its row. */
function payloadOf(kind: string | null, v: Record<string, string | null>): Record<string, unknown> {
  const detail = optional(v.detail);
  const withNote = detail === undefined ? {} : { note: detail };
  switch (kind) {
    case 'refused':
    case 'withdrawn':
      return { reason: detail };
    case 'supplement_requested':
      return { items: parseMaterials(v.materials ?? null) ?? [] };
    case 'supplement_received':
      return withNote;
    case 'special_started':
      return { procedure: optional(v.procedure), ...withNote };
    case 'special_ended':
      return { result: detail };
    case 'extended':
      return { days: numberCell(v.days), reason: detail };
    case 'reviewed':
      return { opinion: detail ?? '' };
    case 'decided':
      return { decision: optional(v.decision), opinion: detail ?? '' };
    case 'completed':
      return { result: v.result ?? null, ...withNote };
    case 'delivered':
      return { method: optional(v.method) };
    default:
      return {};
  }
}

const CASE_COLUMN: Record<string, string> = {
  'applicant.type': 'applicantType',
  'applicant.name': 'applicantName',
  'applicant.idNumber': 'applicantId',
  'applicant.phone': 'applicantPhone',
  stage: 'evaluationStage',
  grade: 'evaluationGrade',
  at: 'evaluationAt',
  comment: 'evaluationComment',
  realName: 'evaluationRealName',
  'returnVisit.at': 'returnVisitAt',
  'returnVisit.by': 'returnVisitBy',
  'returnVisit.note': 'returnVisitNote',
};

/** One case from its row on the 办件 sheet and its rows on the 办理事件 sheet. */
function caseFromRows(c: ParsedRow, events: ParsedRow[]): RawCase {
  const v = c.values;
  const evaluationGiven = [
    'evaluationStage',
    'evaluationGrade',
    'evaluationAt',
    'evaluationComment',
    'evaluationRealName',
    'returnVisitAt',
    'returnVisitBy',
    'returnVisitNote',
  ].some((k) => v[k] !== null);
  const returnVisitGiven = v.returnVisitAt !== null || v.returnVisitBy !== null || v.returnVisitNote !== null;
  const data: Record<string, unknown> = {
    caseNo: optional(v.caseNo),
    matterCode: optional(v.matterCode),
    regionCode: optional(v.regionCode),
    channel: optional(v.channel),
    applicant: {
      type: optional(v.applicantType),
      name: optional(v.applicantName),
      idNumber: optional(v.applicantId),
      phone: optional(v.applicantPhone),
    },
    visits: numberCell(v.visits),
    events: events.map((e) => ({
      kind: optional(e.values.kind),
      at: optional(e.values.at),
      actorName: optional(e.values.actorName),
      actorRole: optional(e.values.actorRole),
      payload: payloadOf(e.values.kind ?? null, e.values),
    })),
    ...(evaluationGiven
      ? {
          evaluations: [
            {
              stage: optional(v.evaluationStage),
              grade: numberCell(v.evaluationGrade),
              at: optional(v.evaluationAt),
              comment: optional(v.evaluationComment),
              realName: v.evaluationRealName === null ? undefined : v.evaluationRealName === 'true',
              ...(returnVisitGiven
                ? {
                    returnVisit: {
                      at: optional(v.returnVisitAt),
                      by: optional(v.returnVisitBy),
                      note: optional(v.returnVisitNote),
                    },
                  }
                : {}),
            },
          ],
        }
      : {}),
  };
  const place = (path: Path): Place => {
    if (path[0] === 'events' && typeof path[1] === 'number') {
      const e = events[path[1]]!;
      const field = path[2];
      const column =
        field === 'payload'
          ? payloadColumn(e.values.kind, path[3])
          : field === undefined
            ? null
            : String(field);
      const { message: _m, ...at } = problemAt(EVENT_SHEET, e.row, column, '');
      return at;
    }
    const key = path[0] === 'evaluations' ? path.slice(2).map(String).join('.') : path.map(String).join('.');
    const column = path[0] === 'events' || !key ? null : (CASE_COLUMN[key] ?? key);
    const { message: _m, ...at } = problemAt(CASE_SHEET, c.row, column, '');
    return at;
  };
  const problems: ImportProblem[] = [];
  events.forEach((e) => {
    if (e.values.kind === 'supplement_requested' && !parseMaterials(e.values.materials ?? null))
      problems.push(problemAt(EVENT_SHEET, e.row, 'materials', 'od.cases.import.materials'));
  });
  return { data, place, row: c.row, problems };
}

/** The workbook's two sheets as cases; events on the second sheet are joined by 申办流水号. */
export async function readCaseWorkbook(data: Buffer): Promise<ReadResult> {
  const read = await readImportWorkbook(data, IMPORT_SHEETS, { maxRows: IMPORT_MAX_EVENTS });
  // A file that cannot be read as the template (not XLSX, sheets or headers missing) says only that.
  if (read.problems.some((p) => p.row <= 1)) return { cases: [], problems: read.problems, fatal: true };
  const caseRows = read.sheets[CASE_SHEET.key] ?? [];
  const eventRows = read.sheets[EVENT_SHEET.key] ?? [];
  if (caseRows.length > IMPORT_MAX_CASES)
    return {
      cases: [],
      problems: [
        {
          ...fileProblem('od.cases.import.tooManyCases', { max: IMPORT_MAX_CASES, found: caseRows.length }),
          sheet: CASE_SHEET.name,
          sheetEn: CASE_SHEET.nameEn,
        },
      ],
      fatal: true,
    };
  const problems = [...read.problems];
  const eventsOf = new Map<string, ParsedRow[]>();
  for (const r of eventRows) {
    const caseNo = r.values.caseNo;
    if (!caseNo) {
      problems.push(problemAt(EVENT_SHEET, r.row, 'caseNo', 'od.import.required'));
      continue;
    }
    const list = eventsOf.get(caseNo) ?? [];
    list.push(r);
    eventsOf.set(caseNo, list);
  }
  const onSheet = new Set(caseRows.map((r) => r.values.caseNo).filter((x): x is string => !!x));
  for (const [caseNo, rows] of eventsOf)
    if (!onSheet.has(caseNo))
      for (const r of rows)
        problems.push(problemAt(EVENT_SHEET, r.row, 'caseNo', 'od.cases.import.unknownCase', { caseNo }));
  // A case number given twice is reported as a duplicate; both rows see its events (whose own problems
  // are reported once: one problem per cell).
  const cases = caseRows.map((r) =>
    caseFromRows(r, (r.values.caseNo && eventsOf.get(r.values.caseNo)) || []),
  );
  return { cases, problems, fatal: false };
}

// ---------------------------------------------------------------------------------------------
// The checks

const required = { error: 'od.import.required' } as const;
const requiredText = (max: number) => z.string(required).trim().min(1, required).max(max);
const note = z.string().trim().max(2000);

/** The payload of each kind of event, as an import takes it. */
export const PAYLOAD_SCHEMAS = {
  submitted: z.strictObject({ channel: z.enum(CASE_CHANNELS).optional() }),
  accepted: z.strictObject({}),
  refused: z.strictObject({ reason: requiredText(2000) }),
  supplement_requested: z.strictObject({
    items: z
      .array(z.strictObject({ material: requiredText(200), reason: requiredText(1000) }), required)
      .min(1, required)
      .max(100),
  }),
  supplement_received: z.strictObject({ note: note.optional() }),
  special_started: z.strictObject({ procedure: z.enum(SPECIAL_PROCEDURES, required), note: note.optional() }),
  special_ended: z.strictObject({ result: requiredText(2000) }),
  extended: z.strictObject({
    days: z.number(required).int().min(1).max(MAX_LIMIT_DAYS),
    reason: requiredText(2000),
  }),
  reviewed: z.strictObject({ opinion: note.default('') }),
  decided: z.strictObject({ decision: z.enum(DECISIONS, required), opinion: note.default('') }),
  completed: z.strictObject({ result: z.enum(CASE_RESULTS).nullable().default(null), note: note.optional() }),
  delivered: z.strictObject({ method: z.enum(DELIVERY_METHODS, required) }),
  withdrawn: z.strictObject({ reason: requiredText(2000) }),
} satisfies Record<CaseEventKind, z.ZodType>;

const CASE_NO = /^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/;
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

const caseSchema = z.strictObject({
  caseNo: z.string(required).trim().regex(CASE_NO, { error: 'od.cases.import.caseNo' }),
  matterCode: requiredText(64),
  regionCode: z.string().trim().nullish(),
  channel: z.enum(CASE_CHANNELS, required),
  applicant: z.strictObject(
    {
      type: z.enum(APPLICANT_TYPES, required),
      name: requiredText(200),
      idNumber: z.string().trim().max(64).nullish(),
      phone: z.string().trim().max(32).nullish(),
    },
    required,
  ),
  visits: z.number().int().min(0).max(10).nullish(),
  events: z.array(z.unknown(), required).max(MAX_EVENTS_PER_CASE),
  evaluations: z.array(z.unknown()).max(2).nullish(),
});

const eventSchema = z.strictObject({
  kind: z.string(required).trim(),
  at: z.string(required).trim(),
  payload: z.record(z.string(), z.unknown()).nullish(),
  actorName: z.string().trim().max(100).nullish(),
  actorRole: z.enum(STAGE_ROLES).nullish(),
});

const evaluationSchema = z.strictObject({
  stage: z.enum(['accepted', 'completed'], required),
  grade: z.number(required).int().min(1).max(5),
  at: z.string(required).trim(),
  comment: z.string().trim().max(2000).nullish(),
  realName: z.boolean().nullish(),
  returnVisit: z
    .strictObject({ at: z.string(required).trim(), by: requiredText(100), note: note.nullish() })
    .nullish(),
});

const isoWithOffset = z.iso.datetime({ offset: true });
/** exceljs reads a date cell as the wall-clock time in UTC; the district wrote it in China time. */
const EXCEL_DATE_CELL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * An instant from the file. JSON lines: ISO 8601 with an offset. Excel: also China time as
 * 'YYYY-MM-DD HH:mm:ss' or a date-time cell. null when it is neither.
 */
export function parseImportTime(s: string, excel: boolean): Date | null {
  if (excel && EXCEL_DATE_CELL.test(s)) return parseExchangeTime(s.slice(0, 19).replace('T', ' '));
  if (isoWithOffset.safeParse(s).success) return new Date(s);
  return excel ? parseExchangeTime(s) : null;
}

/** What the checks compare a file with (looked up by the service for the codes the file names). */
export interface ImportContext {
  /** Matters by implementation code, with the region a case defaults to. */
  matters: ReadonlyMap<string, HistoryMatter & { regionCode: string }>;
  /** Case numbers among the file's that the database already has. */
  existingCaseNos: ReadonlySet<string>;
  /** Every region code and its level. */
  regions: ReadonlyMap<string, string>;
  /** Department ids by USCC, code, name and short name (a department applicant is linked by them). */
  departments: ReadonlyMap<string, string>;
  now: Date;
}

export interface ImportPlan {
  items: HistoryCase[];
  problems: ImportProblem[];
}

/** The codes a file names, to look them up before the checks. */
export function referencedCodes(cases: readonly RawCase[]) {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    matterCodes: [...new Set(cases.map((c) => text(c.data.matterCode)).filter((x): x is string => !!x))],
    caseNos: [...new Set(cases.map((c) => text(c.data.caseNo)).filter((x): x is string => !!x))],
  };
}

const HALL_LEVELS = new Set(['district', 'street']);

/** Checks every case of a file; the cases to write, or every problem found. */
export function planCaseImport(raw: readonly RawCase[], ctx: ImportContext, excel: boolean): ImportPlan {
  const problems: ImportProblem[] = [];
  const items: HistoryCase[] = [];
  const firstRowOf = new Map<string, number>();
  const now = exchangeTime(ctx.now)!;
  const today = chinaDateOf(ctx.now);
  const timeMessage = excel ? 'od.cases.import.time' : 'od.cases.import.isoTime';

  for (const rc of raw) {
    const before = problems.length;
    const at = (path: Path, message: string, params?: Record<string, unknown>) =>
      problems.push(problem(rc.place(path), message, params));
    const issues = (base: Path, list: readonly z.core.$ZodIssue[]) => {
      for (const issue of list) {
        // An unknown field is reported on itself, one problem per field (as the API's validation does).
        const paths =
          issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
        for (const path of paths)
          problems.push({ ...rc.place([...base, ...path]), message: issue.message, issue });
      }
    };
    const time = (path: Path, s: string): Date | null => {
      const t = parseImportTime(s, excel);
      if (!t) at(path, timeMessage);
      else if (t > ctx.now) at(path, 'od.cases.import.future', { now });
      return t && t <= ctx.now ? t : null;
    };
    problems.push(...rc.problems);

    // The case itself.
    const head = caseSchema.safeParse(rc.data);
    if (!head.success) issues([], head.error.issues);
    const c = head.success ? head.data : undefined;

    let matter: (HistoryMatter & { regionCode: string }) | undefined;
    if (c) {
      const first = firstRowOf.get(c.caseNo);
      if (first !== undefined) at(['caseNo'], 'od.import.duplicateInFile', { row: first });
      else firstRowOf.set(c.caseNo, rc.row);
      if (ctx.existingCaseNos.has(c.caseNo))
        at(['caseNo'], 'od.cases.import.duplicateInDb', { caseNo: c.caseNo });
      matter = ctx.matters.get(c.matterCode);
      if (!matter) at(['matterCode'], 'od.cases.import.unknownMatter', { code: c.matterCode });
      if (c.regionCode && !HALL_LEVELS.has(ctx.regions.get(c.regionCode) ?? ''))
        at(['regionCode'], 'od.cases.import.region', { code: c.regionCode });
      const id = c.applicant.idNumber;
      if (id) {
        const check = c.applicant.type === 'person' ? checkResidentId(id, { today }) : checkUscc(id);
        const kind = c.applicant.type === 'person' ? 'resident' : 'uscc';
        if (!check.ok) at(['applicant', 'idNumber'], idProblemMessage(kind, check.problem), check.params);
      }
      if (c.applicant.phone && !PHONE.test(c.applicant.phone))
        at(['applicant', 'phone'], 'od.cases.import.phone');
    }

    // Its events, in order.
    const events: HistoryEvent[] = [];
    const list = Array.isArray(rc.data.events) ? (rc.data.events as unknown[]) : [];
    let previous: Date | null = null;
    let submitted = false;
    list.forEach((rawEvent, i) => {
      const base = ['events', i] as const;
      const e = eventSchema.safeParse(rawEvent);
      if (!e.success) return issues(base, e.error.issues);
      const kind = e.data.kind;
      if (!(CASE_EVENT_KINDS as readonly string[]).includes(kind))
        return at([...base, 'kind'], 'od.cases.import.unknownKind', {
          kind,
          allowed: CASE_EVENT_KINDS.join(', '),
        });
      if (kind === 'submitted') submitted = true;
      const t = time([...base, 'at'], e.data.at);
      if (t && previous && t < previous)
        at([...base, 'at'], 'od.cases.import.order', { previous: exchangeTime(previous) });
      if (t) previous = t;
      const payload = PAYLOAD_SCHEMAS[kind as CaseEventKind].safeParse(e.data.payload ?? {});
      if (!payload.success) return issues([...base, 'payload'], payload.error.issues);
      if (!t || !c) return;
      const p: Record<string, unknown> =
        kind === 'submitted' ? { channel: c.channel, ...payload.data } : payload.data;
      events.push({
        kind,
        at: t,
        payload: p,
        actorName: e.data.actorName ?? '',
        actorRole: e.data.actorRole ?? null,
      } as HistoryEvent);
    });
    if (Array.isArray(rc.data.events) && !submitted) at(['events'], 'od.cases.import.noSubmitted');

    // Its evaluations (好差评).
    const evaluations: HistoryEvaluation[] = [];
    const rawEvaluations = Array.isArray(rc.data.evaluations) ? (rc.data.evaluations as unknown[]) : [];
    const stages = new Set<string>();
    rawEvaluations.forEach((rawEvaluation, i) => {
      const base = ['evaluations', i] as const;
      const ev = evaluationSchema.safeParse(rawEvaluation);
      if (!ev.success) return issues(base, ev.error.issues);
      if (stages.has(ev.data.stage))
        at([...base, 'stage'], 'od.cases.import.evaluationTwice', { stage: ev.data.stage });
      stages.add(ev.data.stage);
      const t = time([...base, 'at'], ev.data.at);
      const visit = ev.data.returnVisit;
      const visitAt = visit ? time([...base, 'returnVisit', 'at'], visit.at) : null;
      if (!t || (visit && !visitAt)) return;
      evaluations.push({
        stage: ev.data.stage,
        grade: ev.data.grade,
        comment: ev.data.comment ?? '',
        realName: ev.data.realName ?? false,
        at: t,
        returnVisit: visit && visitAt ? { at: visitAt, by: visit.by, note: visit.note ?? '' } : null,
      });
    });

    if (problems.length > before || !c || !matter) continue;
    const { regionCode: matterRegion, ...historyMatter } = matter;
    const applicantDepartmentId =
      c.applicant.type === 'department'
        ? (ctx.departments.get(c.applicant.idNumber ?? '') ?? ctx.departments.get(c.applicant.name) ?? null)
        : null;
    items.push({
      caseNo: c.caseNo,
      matter: historyMatter,
      regionCode: c.regionCode || matterRegion,
      channel: c.channel,
      applicant: {
        type: c.applicant.type,
        name: c.applicant.name,
        idNumber: c.applicant.idNumber ?? null,
        phone: c.applicant.phone ?? null,
        departmentId: applicantDepartmentId,
      },
      visits: c.visits ?? (c.channel === 'window' || c.channel === 'self_service' ? 1 : 0),
      events,
      evaluations,
    });
  }
  return { items, problems };
}

/**
 * Problems in reading order (the file, then each sheet or the lines, top to bottom), one per cell:
 * the first reason found for a cell is the one reported.
 */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  const once = problems.filter((p) => {
    if (p.column === null) return true;
    const key = `${p.sheet}\u0000${p.row}\u0000${p.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sheetOrder = (s: string) => ['', ...IMPORT_SHEETS.map((x) => x.name)].indexOf(s);
  return once.sort((a, b) => sheetOrder(a.sheet) - sheetOrder(b.sheet) || a.row - b.row);
}
