// The common exchange format of the provincial case library (省办件库). OWNED BY the provincial
// engineer: replace the body of toExchangeRecord; keep the ExchangeSnapshot interface (the case
// service builds it after every event, in the event's transaction, and enqueues the record).
// The fields, their codes and the code tables are documented in src/domain/exchange.ts.
import { RESULT_CODES, type CaseEventKind, type CaseResult, type CaseStatus } from '../../../domain/cases.ts';
import {
  APPLICANT_TYPE_CODES,
  CHANNEL_CODES,
  EVENT_CODES,
  exchangeTime,
  STATUS_CODES,
  type ExchangeRecord,
} from '../../../domain/exchange.ts';

export type { ExchangeRecord };

/** A case as it stands right after one of its events. */
export interface ExchangeSnapshot {
  caseNo: string;
  matterCode: string;
  matterName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  channel: string;
  applicantType: string;
  applicantName: string;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  completedAt: Date | null;
  result: CaseResult | null;
  status: CaseStatus;
  committedLimitDays: number;
  statutoryLimitDays: number;
  /** The event this snapshot follows (seq = the case's version after it). */
  event: { seq: number; kind: CaseEventKind; at: Date };
}

/** A code from a table, or the value itself when the table has none for it (never drops a value). */
const codeOf = (table: Record<string, string>, v: string) => table[v] ?? v;

/**
 * The record the library keeps for a case after one of its events. 办结时间 is the completion, or the
 * end of a case refused or withdrawn (it is over: the library counts it as concluded).
 */
export function toExchangeRecord(s: ExchangeSnapshot): ExchangeRecord {
  const ended = s.status === 'refused' || s.status === 'withdrawn';
  return {
    SBLSH: s.caseNo,
    SXBM: s.matterCode,
    SXMC: s.matterName,
    SQRLX: codeOf(APPLICANT_TYPE_CODES, s.applicantType),
    SQRMC: s.applicantName,
    SLBMBM: s.departmentCode,
    SLBMMC: s.departmentName,
    XZQHDM: s.regionCode,
    SBQD: codeOf(CHANNEL_CODES, s.channel),
    TJSJ: exchangeTime(s.submittedAt),
    SLSJ: exchangeTime(s.acceptedAt),
    BJSJ: exchangeTime(s.completedAt ?? (ended ? s.event.at : null)),
    BJJGDM: s.result ? RESULT_CODES[s.result] : null,
    BLZT: STATUS_CODES[s.status],
    CNSX: s.committedLimitDays,
    FDSX: s.statutoryLimitDays,
    SJBBH: s.event.seq,
    SJLX: EVENT_CODES[s.event.kind],
    SJSJ: exchangeTime(s.event.at),
  };
}
