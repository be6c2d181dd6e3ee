import type { ClockResult } from '../../../domain/case-clock.ts';
import type { CaseEventPayloads } from '../../../domain/cases.ts';
import { shownFlagParams } from '../../../domain/exchange.ts';
import { applicantNameShown } from './applicant.ts';
import type { CaseService } from './cases.service.ts';
import type { CaseRow } from './cases.repo.ts';

type Assembled = Awaited<ReturnType<CaseService['detail']>>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const presentClock = (c: ClockResult) => ({
  state: c.state,
  budget: c.budget,
  due: c.due,
  warnOn: c.warnOn,
  usedDays: c.usedDays,
  remainingDays: c.remainingDays,
  overdue: c.overdue,
  overdueDays: c.overdueDays,
  warning: c.warning,
  missingYear: c.missingYear ?? null,
});

export function presentCaseListItem(i: {
  c: CaseRow;
  matterName: string;
  departmentName: string;
  clocks: { committed: ClockResult; statutory: ClockResult };
}) {
  const c = i.c;
  return {
    id: c.id,
    caseNo: c.caseNo,
    matter: { id: c.matterId, code: c.matterCode, name: i.matterName },
    department: { id: c.departmentId, name: i.departmentName },
    regionCode: c.regionCode,
    channel: c.channel,
    internal: c.internal,
    applicantType: c.applicantType,
    // Masked for a person (PI-1); the full name only through the audited unmask.
    applicantName: applicantNameShown(c.applicantType, c.applicantName),
    status: c.status,
    open: c.open,
    submittedAt: iso(c.submittedAt),
    acceptedAt: iso(c.acceptedAt),
    completedAt: iso(c.completedAt),
    result: c.result,
    committed: presentClock(i.clocks.committed),
    statutory: presentClock(i.clocks.statutory),
    openFlags: c.openFlags,
    version: c.version,
  };
}

/** The last supplement notice's list while the case waits for supplements. */
function pendingSupplements(a: Assembled) {
  if (a.state.status !== 'supplementing') return [];
  const notice = [...a.events].reverse().find((e) => e.kind === 'supplement_requested');
  return (notice?.payload as CaseEventPayloads['supplement_requested'] | undefined)?.items ?? [];
}

export function presentCaseDetail(a: Assembled) {
  const m = a.matter;
  return {
    ...presentCaseListItem({
      c: a.row,
      matterName: m.name,
      departmentName: a.department.name,
      clocks: a.clocks,
    }),
    matter: {
      id: m.id,
      code: m.code,
      name: m.name,
      type: m.type,
      onTheSpot: m.onTheSpot,
      committedLimitDays: m.committedLimitDays,
      statutoryLimitDays: m.statutoryLimitDays,
      maxExtensionDays: m.maxExtensionDays,
      stages: m.stages,
      specialProcedures: m.specialProcedures,
    },
    region: { code: a.region.code, name: a.region.name },
    applicantIdMasked: a.row.applicantIdMasked,
    applicantPhoneMasked: a.applicantPhoneMasked,
    visits: a.row.visits,
    source: a.row.source,
    deliveredAt: iso(a.row.deliveredAt),
    events: a.events.map((e) => ({
      seq: e.seq,
      kind: e.kind,
      at: e.at.toISOString(),
      actorName: e.actorName,
      actorDisplayName: e.actorDisplayName,
      actorRole: e.actorRole,
      payload: e.payload,
    })),
    flags: a.flags.map((f) => ({
      id: f.id,
      type: f.type,
      level: f.level,
      status: f.status,
      params: shownFlagParams(f.type, f.params),
      source: f.source,
      detectedAt: f.detectedAt.toISOString(),
      dueOn: f.dueOn,
      closedAt: iso(f.closedAt),
    })),
    evaluations: a.evaluations.map((e) => ({
      id: e.id,
      stage: e.stage,
      grade: e.grade,
      comment: e.comment,
      realName: e.realName,
      at: e.at.toISOString(),
      returnVisitAt: iso(e.returnVisitAt),
    })),
    supplementItems: pendingSupplements(a),
    allowedActions: a.allowedActions,
    canUnmask: a.canUnmask,
    calendarVersion: a.calendarVersion,
  };
}

export function presentPublicStatus(a: Assembled) {
  return {
    caseNo: a.row.caseNo,
    matterName: a.matter.name,
    departmentName: a.department.name,
    status: a.row.status,
    submittedAt: iso(a.row.submittedAt),
    acceptedAt: iso(a.row.acceptedAt),
    completedAt: iso(a.row.completedAt),
    result: a.row.result,
    committed: presentClock(a.clocks.committed),
    timeline: a.events.map((e) => ({ kind: e.kind, at: e.at.toISOString() })),
    supplementItems: pendingSupplements(a),
    evaluations: a.evaluations.map((e) => ({ stage: e.stage, grade: e.grade })),
  };
}
