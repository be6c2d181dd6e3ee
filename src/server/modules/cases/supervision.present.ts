import { mismatchSummary, shownFlagParams } from '../../../domain/exchange.ts';
import { label } from '../../http/labels.ts';
import { applicantNameShown } from './applicant.ts';
import { isMessageKey, translate, type Lang } from '../../http/messages.ts';
import type { EvaluationListRow } from './evaluations.repo.ts';
import { POOR_GRADE } from './evaluations.repo.ts';
import type { FlagListRow } from './supervision.repo.ts';
import type { SupervisionService } from './supervision.service.ts';

type FlagDetailRow = Awaited<ReturnType<SupervisionService['flag']>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A flag's reason in words (od.cases.flag.<type> with its parameters), or its type's name. */
export function flagReason(type: string, params: Record<string, unknown>, lang: Lang): string {
  const key = `od.cases.flag.${type}`;
  // A mismatch names the fields in the reader's language, personal values masked.
  const words = type === 'upstream_mismatch' ? { ...params, summary: mismatchSummary(params, lang) } : params;
  return isMessageKey(key) ? translate(key, lang, words) : label('caseFlagType', type, lang);
}

export function presentFlag(r: FlagListRow, lang: Lang) {
  const f = r.flag;
  return {
    id: f.id,
    type: f.type,
    level: f.level,
    reason: flagReason(f.type, f.params, lang),
    params: shownFlagParams(f.type, f.params),
    source: f.source,
    status: f.status,
    detectedAt: f.detectedAt.toISOString(),
    dueOn: f.dueOn,
    rectificationOverdue: r.rectificationOverdue,
    closedAt: iso(f.closedAt),
    case: {
      id: r.case.id,
      caseNo: r.case.caseNo,
      matterCode: r.case.matterCode,
      matterName: r.case.matterName,
    },
    department: { id: f.departmentId, name: r.departmentName },
    regionCode: f.regionCode,
  };
}

export function presentFlagDetail(r: FlagDetailRow, lang: Lang) {
  const c = r.case;
  return {
    ...presentFlag(r, lang),
    case: {
      id: c.id,
      caseNo: c.caseNo,
      matterCode: c.matterCode,
      matterName: c.matterName,
      channel: c.channel,
      status: c.status,
      result: c.result,
      submittedAt: iso(c.submittedAt),
      acceptedAt: iso(c.acceptedAt),
      completedAt: iso(c.completedAt),
      committedDue: c.committedDue,
      statutoryDue: c.statutoryDue,
      openFlags: c.openFlags,
    },
    actions: r.actions.map((a) => ({
      action: a.action,
      kind: a.kind,
      note: a.note,
      actorName: a.actorName,
      actorDisplayName: a.actorDisplayName,
      at: a.at.toISOString(),
    })),
    evaluations: r.evaluations.map((e) => ({
      id: e.id,
      stage: e.stage,
      grade: e.grade,
      comment: e.comment,
      realName: e.realName,
      at: e.at.toISOString(),
    })),
  };
}

export function presentEvaluation(r: EvaluationListRow) {
  const e = r.evaluation;
  return {
    id: e.id,
    case: { id: r.case.id, caseNo: r.case.caseNo, matterName: r.case.matterName },
    department: { id: r.case.departmentId, name: r.departmentName },
    stage: e.stage,
    grade: e.grade,
    poor: e.grade <= POOR_GRADE,
    comment: e.comment,
    realName: e.realName,
    // A real-name evaluation names its applicant, a person masked like every staff list (PI-1).
    applicantName: e.realName ? applicantNameShown(r.case.applicantType, r.case.applicantName) : null,
    at: e.at.toISOString(),
    flag: e.flagId && r.flag ? { id: e.flagId, status: r.flag.status!, dueOn: r.flag.dueOn } : null,
    returnVisitPending: r.returnVisitPending,
    returnVisit: e.returnVisitAt
      ? { at: e.returnVisitAt.toISOString(), by: e.returnVisitBy ?? '', note: e.returnVisitNote ?? '' }
      : null,
  };
}
