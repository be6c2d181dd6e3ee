// The common exchange format of the provincial case library (省办件库). OWNED BY the provincial
// engineer: replace the body of toExchangeRecord; keep the ExchangeSnapshot interface (the case
// service builds it after every event, in the event's transaction, and enqueues the record).
import type { CaseEventKind, CaseResult, CaseStatus } from '../../../domain/cases.ts';

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

export type ExchangeRecord = Record<string, string | number | null>;

export function toExchangeRecord(s: ExchangeSnapshot): ExchangeRecord {
  return {
    SBLSH: s.caseNo,
    SXBM: s.matterCode,
    SJBBH: s.event.seq,
  };
}
