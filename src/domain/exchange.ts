// The common exchange format of the provincial case library (省办件库) and the comparison of a local
// case with the library's copy. Pure: no I/O, no clock.
//
// A record is a flat object keyed by the field codes the provincial libraries use (pinyin initials):
//
//   SBLSH   申办流水号       case number
//   SXBM    事项编码         matter implementation code (实施编码)
//   SXMC    事项名称         matter name
//   SQRLX   申请人类型       APPLICANT_TYPE_CODES: 1 自然人 · 2 法人 · 3 机关（机关内部事项）
//   SQRMC   申请人名称       applicant name (a person's name is personal data: never logged)
//   SLBMBM  受理部门编码     accepting department's code
//   SLBMMC  受理部门名称     accepting department's name
//   XZQHDM  行政区划代码     where the case is handled (district hall or a street's centre)
//   SBQD    申办渠道         CHANNEL_CODES: 1 窗口 · 2 网上 · 3 移动端 · 4 自助终端
//   TJSJ    提交时间         submitted
//   SLSJ    受理时间         accepted
//   BJSJ    办结时间         completed (a refusal or withdrawal also ends the case: its time)
//   BJJGDM  办结结果代码     RESULT_CODES (domain/cases.ts): 1 准予 · 2 不予 · 3 退回 · 4 作废 · 5 撤回 · 6 不予受理
//   BLZT    办理状态         STATUS_CODES below
//   CNSX    承诺时限         committed limit, working days
//   FDSX    法定时限         statutory limit, working days
//   SJBBH   数据版本号       the case's version after the event (= the event's seq: 1, 2, 3 …)
//   SJLX    事件类型         EVENT_CODES below
//   SJSJ    事件时间         when the event happened
//
// Times are China time (UTC+8) as 'YYYY-MM-DD HH:mm:ss'; a missing value is null.

import type { ApplicantType, CaseChannel, CaseEventKind, CaseStatus } from './cases.ts';
import { maskName } from './masking.ts';

export type ExchangeValue = string | number | null;
export type ExchangeRecord = Record<string, ExchangeValue>;

/** Every field of a record with its name in the provincial standard and in English. */
export const EXCHANGE_FIELDS = {
  SBLSH: ['申办流水号', 'Case number'],
  SXBM: ['事项编码', 'Matter code'],
  SXMC: ['事项名称', 'Matter name'],
  SQRLX: ['申请人类型', 'Applicant type'],
  SQRMC: ['申请人名称', 'Applicant name'],
  SLBMBM: ['受理部门编码', 'Accepting department code'],
  SLBMMC: ['受理部门名称', 'Accepting department'],
  XZQHDM: ['行政区划代码', 'Division code'],
  SBQD: ['申办渠道', 'Channel'],
  TJSJ: ['提交时间', 'Submitted'],
  SLSJ: ['受理时间', 'Accepted'],
  BJSJ: ['办结时间', 'Completed'],
  BJJGDM: ['办结结果代码', 'Result code'],
  BLZT: ['办理状态', 'Status'],
  CNSX: ['承诺时限（工作日）', 'Committed limit (working days)'],
  FDSX: ['法定时限（工作日）', 'Statutory limit (working days)'],
  SJBBH: ['数据版本号', 'Data version'],
  SJLX: ['事件类型', 'Event type'],
  SJSJ: ['事件时间', 'Event time'],
} as const satisfies Record<string, readonly [string, string]>;
export type ExchangeField = keyof typeof EXCHANGE_FIELDS;

export const APPLICANT_TYPE_CODES: Record<ApplicantType, string> = {
  person: '1', // 自然人
  enterprise: '2', // 法人
  department: '3', // 机关（机关内部最多跑一次）
};

export const CHANNEL_CODES: Record<CaseChannel, string> = {
  window: '1', // 窗口
  online: '2', // 网上
  mobile: '3', // 移动端
  self_service: '4', // 自助终端
};

export const STATUS_CODES: Record<CaseStatus, string> = {
  submitted: '01', // 已申请（待受理）
  accepted: '02', // 已受理
  supplementing: '03', // 补正中
  special: '04', // 特别程序中
  reviewed: '05', // 已审查
  decided: '06', // 已决定
  completed: '07', // 已办结
  delivered: '08', // 已送达（出件）
  refused: '09', // 不予受理
  withdrawn: '10', // 已撤回
};

export const EVENT_CODES: Record<CaseEventKind, string> = {
  submitted: '01', // 申请（收件）
  accepted: '02', // 受理
  refused: '03', // 不予受理
  supplement_requested: '04', // 补正告知
  supplement_received: '05', // 补正材料收讫
  special_started: '06', // 特别程序开始
  special_ended: '07', // 特别程序结束
  extended: '08', // 延期
  reviewed: '09', // 审查
  decided: '10', // 决定
  completed: '11', // 办结
  delivered: '12', // 送达（出件）
  withdrawn: '13', // 撤回
};

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant as China time 'YYYY-MM-DD HH:mm:ss' (seconds truncated, as the library keeps them). */
export function exchangeTime(at: Date | null | undefined): string | null {
  if (!at) return null;
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return new Date(Math.floor(ms / 1000) * 1000 + CHINA_OFFSET_MS)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

const EXCHANGE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** The instant of a China-time 'YYYY-MM-DD HH:mm:ss'; null when it is not one (or not a real time). */
export function parseExchangeTime(s: string): Date | null {
  const m = EXCHANGE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se) - CHINA_OFFSET_MS;
  const back = new Date(ms + CHINA_OFFSET_MS);
  const real =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === se;
  return real ? new Date(ms) : null;
}

/** The fields reconciliation compares: what the province judges a case by. */
export const RECONCILED_FIELDS = [
  'SXBM',
  'SLSJ',
  'BJSJ',
  'BJJGDM',
  'BLZT',
] as const satisfies readonly ExchangeField[];
export const TIME_FIELDS: readonly ExchangeField[] = ['TJSJ', 'SLSJ', 'BJSJ', 'SJSJ'];

/**
 * A value as compared: trimmed text, '' for missing; times normalised to 'YYYY-MM-DD HH:mm:ss' so
 * that '2026-03-02T10:00:00' and '2026-03-02 10:00:00' agree (to the second).
 */
export function comparableValue(field: string, v: ExchangeValue | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v).trim();
  if ((TIME_FIELDS as readonly string[]).includes(field)) {
    const at = parseExchangeTime(s);
    return at ? exchangeTime(at)! : s;
  }
  return s;
}

export interface FieldDifference {
  field: string;
  local: string;
  upstream: string;
}

/** The version a record carries (SJBBH), or null when it has none that is a positive integer. */
export function recordVersion(r: ExchangeRecord): number | null {
  const v = Number(r.SJBBH);
  return Number.isSafeInteger(v) && v >= 1 ? v : null;
}

export type Reconciliation =
  /** The copy agrees with the local case. */
  | { kind: 'agrees' }
  /** The copy is older and the newer events are still on their way (not a difference yet). */
  | { kind: 'pending' }
  | { kind: 'differs'; differences: FieldDifference[] };

/**
 * Compares the library's copy of a case with the local case (as a record at its current version).
 * The copy may lag while events wait in the outbox (`undelivered` > 0): then it is not judged. Else
 * every reconciled field that differs is a difference, and so is the version when the copy is
 * older (events lost on the way) or newer (the library holds events the district does not).
 */
export function reconcile(
  local: ExchangeRecord,
  upstream: ExchangeRecord,
  undelivered: number,
): Reconciliation {
  const lv = recordVersion(local);
  const uv = recordVersion(upstream);
  if (undelivered > 0 && lv !== null && uv !== null && uv < lv) return { kind: 'pending' };
  const differences: FieldDifference[] = [];
  for (const field of RECONCILED_FIELDS) {
    const l = comparableValue(field, local[field]);
    const u = comparableValue(field, upstream[field]);
    if (l !== u) differences.push({ field, local: l, upstream: u });
  }
  if (lv !== uv) differences.push({ field: 'SJBBH', local: String(lv ?? ''), upstream: String(uv ?? '') });
  return differences.length ? { kind: 'differs', differences } : { kind: 'agrees' };
}

/** The difference of a local case the library has no copy of. */
export function missingUpstream(local: ExchangeRecord): FieldDifference[] {
  return [{ field: 'SBLSH', local: comparableValue('SBLSH', local.SBLSH), upstream: '' }];
}

/**
 * Fields whose values are personal data: a flag keeps them masked (flags are read by supervisors
 * who may not unmask applicants, and the flags table is not sealed).
 */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set<ExchangeField>(['SQRMC']);

const shownValue = (field: string, value: unknown): string => {
  const v = typeof value === 'string' ? value : value == null ? '' : String(value);
  return PERSONAL_FIELDS.has(field) && v ? maskName(v) : v;
};

/**
 * The differences in words: each field by its name in the standard (or in English), both values,
 * personal ones masked ("办结结果代码 1 ≠ 2；受理时间 …").
 */
export function mismatchSummary(params: Record<string, unknown>, lang: 'zh-CN' | 'en'): string {
  const fields = String(params.fields ?? '')
    .split(',')
    .filter(Boolean);
  return fields
    .map((f) => {
      const names = (EXCHANGE_FIELDS as Record<string, readonly [string, string]>)[f];
      const name = names ? names[lang === 'en' ? 1 : 0] : f;
      const local = shownValue(f, params[`local_${f}`]) || '—';
      const upstream = shownValue(f, params[`upstream_${f}`]) || '—';
      return `${name} ${local} ≠ ${upstream}`;
    })
    .join(lang === 'en' ? '; ' : '；');
}

/**
 * The parameters of an upstream_mismatch flag: `fields` (the codes that differ, comma-separated),
 * `local_<F>` and `upstream_<F>` for each (personal values masked), and `summary` in Chinese.
 */
export function mismatchParams(differences: readonly FieldDifference[]): Record<string, string> {
  const params: Record<string, string> = { fields: differences.map((d) => d.field).join(',') };
  for (const d of differences) {
    params[`local_${d.field}`] = shownValue(d.field, d.local);
    params[`upstream_${d.field}`] = shownValue(d.field, d.upstream);
  }
  params.summary = mismatchSummary(params, 'zh-CN');
  return params;
}

/**
 * A flag's parameters as answered: an upstream_mismatch flag's personal values masked and its
 * summary rebuilt (flags raised before masking held them in clear); other flags as stored.
 */
export function shownFlagParams<P extends Record<string, unknown>>(type: string, params: P): P {
  if (type !== 'upstream_mismatch') return params;
  const shown: Record<string, unknown> = { ...params };
  for (const key of Object.keys(params)) {
    const field = key.replace(/^(local|upstream)_/, '');
    if (field !== key) shown[key] = shownValue(field, params[key]);
  }
  shown.summary = mismatchSummary(shown, 'zh-CN');
  return shown as P; // the same keys, string values masked
}

/** Exponential backoff of a failing delivery: base · 2^(attempts-1), capped. */
export function retryDelayMs(attempts: number, baseMs = 10_000, capMs = 600_000): number {
  if (attempts <= 0) return 0;
  return Math.min(capMs, baseMs * 2 ** Math.min(attempts - 1, 30));
}
