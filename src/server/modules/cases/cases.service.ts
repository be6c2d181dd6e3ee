import { DEPARTMENT_CASE_ROLES, hasPermission, type Role } from '../../../domain/permissions.ts';
import { addWorkdays, chinaDateOf, type IsoDate, type WorkCalendar } from '../../../domain/calendar.ts';
import { computeClock, type ClockResult } from '../../../domain/case-clock.ts';
import { caseFlagFindings } from '../../../domain/case-flags.ts';
import { caseClocks, projectCase } from '../../../domain/case-projection.ts';
import {
  actingRoles,
  applyEvent,
  foldCase,
  refusalOf,
  type CaseEvent,
  type CaseEventKind,
  type CaseEventPayloads,
  type CaseState,
  type MatterForCase,
} from '../../../domain/cases.ts';
import { checkResidentId, checkUscc } from '../../../domain/identifiers.ts';
import { stageOf } from '../../../domain/matters.ts';
import { compileWorkdayIndex, type WorkdayIndex } from '../../../domain/workday-index.ts';
import { hashPassword } from '../../crypto/passwords.ts';
import { randomDigits } from '../../crypto/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { idProblemMessage } from '../../http/messages.ts';
import { systemActor, type Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { DEPARTMENT_ROLES, isUniqueViolation, rowScope } from '../org/org.service.ts';
import { applicantNameShown, applicantPhoneShown, sealApplicant, unsealField } from './applicant.ts';
import {
  CaseRepo,
  type CaseDepartment,
  type CaseEventRow,
  type CaseEventWithActor,
  type CaseFilter,
  type CaseRow,
  type CaseSort,
  type MatterRow,
} from './cases.repo.ts';
import { caseFlagStore } from './flags.repo.ts';
import { QueryPasswordCheck } from './query-password.ts';
import type { SupplementNotice } from './supplement-notice.ts';
import { toExchangeRecord } from './provincial.format.ts';

export interface IntakeInput {
  matterId: string;
  channel: 'window' | 'self_service' | 'online' | 'mobile';
  applicant: {
    type: 'person' | 'enterprise' | 'department';
    name: string;
    idNumber?: string | null | undefined;
    phone?: string | null | undefined;
    departmentId?: string | null | undefined;
  };
  /** Where the case is handled; defaults to the officer's region (or the department's for online). */
  regionCode?: string | undefined;
}

export type ActionInput = {
  [K in CaseEventKind]: { kind: K; version: number; payload: CaseEventPayloads[K] };
}[Exclude<CaseEventKind, 'submitted'>];

const conflict = (reason: string, params: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', { reason, ...params }, [
    { path: 'kind', message: `od.cases.transition.${reason}`, params },
  ]);

/** The matter facts the case engine needs, from a matters row. */
export function matterForCase(m: MatterRow): MatterForCase & {
  onTheSpot: boolean;
  committedLimitDays: number;
  statutoryLimitDays: number;
  minHandlingMinutes: number;
} {
  return {
    stages: m.stages,
    specialProcedures: m.specialProcedures,
    maxExtensionDays: m.maxExtensionDays,
    onTheSpot: m.onTheSpot,
    committedLimitDays: m.committedLimitDays,
    statutoryLimitDays: m.statutoryLimitDays,
    minHandlingMinutes: m.minHandlingMinutes,
  };
}

/** Rebuilds domain events from stored rows. */
export function eventsOf(rows: readonly CaseEventRow[]): CaseEvent[] {
  return rows.map((r) => ({ kind: r.kind, at: r.at, payload: r.payload }) as CaseEvent);
}

/**
 * The roles a principal may take a step as on a case: a department role only on its own
 * department's cases, whatever other roles widen what the principal may read.
 */
function rolesOnCase(principal: Principal, roles: readonly string[], caseDepartmentId: string): Role[] {
  return principal.roles.filter(
    (r) =>
      roles.includes(r) && (!DEPARTMENT_ROLES.includes(r) || principal.departmentId === caseDepartmentId),
  );
}

/** Batches of recomputed clocks written at once (PostgreSQL spends a core on each). */
const RECOMPUTE_WRITERS = 2;

/**
 * Cases (办件) on the event log: intake, actions, and everything an event changes — the projection
 * (state and both clocks), the rule flags, the provincial outbox and the audit trail — in one
 * transaction, so that a crash leaves the event entirely there or entirely absent.
 */
export class CaseService {
  readonly repo: CaseRepo;
  private readonly queryPassword: QueryPasswordCheck;
  private indexCache: { version: number; calendar: WorkCalendar; index: WorkdayIndex } | undefined;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new CaseRepo(deps.db);
    this.queryPassword = new QueryPasswordCheck(deps);
    // Attributed to whoever corrected the calendar (their address and request in the audit record).
    deps.calendar.onChange((_version, changed, actor) =>
      this.recomputeOpenClocks(actor, changed === null ? 'none' : changed),
    );
  }

  private today(): IsoDate {
    return chinaDateOf(this.deps.clock.now());
  }

  /** The compiled calendar, rebuilt only when its version changes. */
  async calendarIndex(): Promise<{ calendar: WorkCalendar; index: WorkdayIndex }> {
    const calendar = await this.deps.calendar.calendar();
    if (this.indexCache?.version !== calendar.version)
      this.indexCache = { version: calendar.version, calendar, index: compileWorkdayIndex(calendar) };
    return this.indexCache;
  }

  /** The rectification deadline for a flag raised today; null if the calendar cannot say. */
  async rectifyDue(calendar: WorkCalendar, days = this.deps.config.RECTIFY_DAYS): Promise<IsoDate | null> {
    try {
      return addWorkdays(calendar, this.today(), days);
    } catch {
      return null;
    }
  }

  // -- intake -----------------------------------------------------------------------------

  /**
   * A new case: at a window (a signed-in window officer) or online (principal null). Returns the
   * case and its query password (shown once; only its hash is kept). Retrying with the same key
   * returns the same case (the password cannot be shown again: it is null then).
   */
  async intake(principal: Principal | null, input: IntakeInput, actor: Actor, key: string | null = null) {
    const retried = key ? await this.intakeRetried(input, actor, key) : undefined;
    if (retried) return retried;
    try {
      return await this.intakeNew(principal, input, actor, key);
    } catch (err) {
      // A retry that raced its first attempt: answer what the first one created.
      const raced = key && isUniqueViolation(err) ? await this.intakeRetried(input, actor, key) : undefined;
      if (raced) return raced;
      throw err;
    }
  }

  /** The case this caller took in with this key before; a key reused for another application is refused. */
  private async intakeRetried(input: IntakeInput, actor: Actor, key: string) {
    const existing = await this.repo.caseByIntakeKey(key, actor.actorId);
    if (!existing) return undefined;
    const same =
      existing.matterId === input.matterId &&
      existing.channel === input.channel &&
      existing.applicantName === input.applicant.name.trim();
    if (!same) throw conflict('keyReused');
    return { case: existing, queryPassword: null };
  }

  private async intakeNew(principal: Principal | null, input: IntakeInput, actor: Actor, key: string | null) {
    const matter = await this.repo.matter(input.matterId);
    if (!matter || matter.status !== 'active')
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'matterId', message: 'od.cases.matterUnavailable' },
      ]);
    // Who takes in with a department role alone takes in that department's matters only.
    if (
      principal &&
      rolesOnCase(principal, principal.roles, matter.departmentId).every(
        (r) => !hasPermission([r], 'cases.handle'),
      )
    )
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'matterId', message: 'od.cases.matterOtherDepartment' },
      ]);
    if (principal === null) {
      if (matter.type === 'internal' || matter.onlineDepth < 3)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'matterId', message: 'od.cases.notOnline' }]);
    }
    const internal = matter.type === 'internal';
    if (internal !== (input.applicant.type === 'department'))
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          path: 'applicant.type',
          message: internal ? 'od.cases.internalApplicant' : 'od.cases.publicApplicant',
        },
      ]);
    checkApplicantId(input.applicant, this.today());
    const applicantDepartment = input.applicant.departmentId;
    if (
      applicantDepartment &&
      (input.applicant.type !== 'department' || !(await this.repo.department(applicantDepartment)))
    )
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'applicant.departmentId', message: 'od.cases.applicantDepartment' },
      ]);
    const regionCode = input.regionCode ?? principal?.regionCode ?? matter.regionCode;
    if (principal && !regionCode.startsWith(principal.regionCode))
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'regionCode', message: 'od.cases.regionOutOfScope' },
      ]);
    const region = await this.repo.region(regionCode);
    if (!region || region.level === 'community' || region.level === 'park')
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'regionCode', message: 'od.cases.regionNotHall' },
      ]);

    const queryPassword = randomDigits(6);
    const passwordHash = await hashPassword(queryPassword);
    const now = this.deps.clock.now();
    const event: CaseEvent = { kind: 'submitted', at: now, payload: { channel: input.channel } };
    const { calendar, index } = await this.calendarIndex();
    const created = await this.deps.db.transaction(async (tx) => {
      const state = foldCase([event]);
      const limits = {
        committedLimitDays: matter.committedLimitDays,
        statutoryLimitDays: matter.statutoryLimitDays,
        hasDeliverStage: !!stageOf(matter.stages, 'deliver'),
      };
      const { projection } = projectCase(
        state,
        limits,
        index,
        this.today(),
        this.deps.config.CASE_WARN_SHARE,
      );
      const values = {
        matterId: matter.id,
        matterCode: matter.code,
        departmentId: matter.departmentId,
        regionCode,
        internal,
        channel: input.channel,
        applicantType: input.applicant.type,
        applicantName: input.applicant.name.trim(),
        applicantDepartmentId: input.applicant.departmentId ?? null,
        ...sealApplicant(this.deps.config, input.applicant),
        queryPasswordHash: passwordHash,
        visits: input.channel === 'window' || input.channel === 'self_service' ? 1 : 0,
        source: 'live' as const,
        committedLimitDays: matter.committedLimitDays,
        statutoryLimitDays: matter.statutoryLimitDays,
        ...projection,
        version: 1,
      };
      // An imported case may hold a number the sequence has not reached yet: take the next free one.
      let row: CaseRow | undefined;
      let caseNo = '';
      for (let attempt = 0; !row; attempt++) {
        if (attempt === 100) throw new Error('no free case number after 100 serials');
        caseNo = caseNumber(matter.regionCode, now, await this.repo.nextCaseSerial(tx));
        row = await this.repo.insertCaseIfFree(tx, { ...values, caseNo });
      }
      await this.repo.insertEvent(tx, {
        caseId: row.id,
        seq: 1,
        event,
        actorId: actor.actorId,
        actorName: actor.actor,
        actorRole: principal ? actor.role : 'applicant',
        idempotencyKey: key,
        regionCode,
      });
      await this.afterEvent(tx, row, matter, [event], state, 1, event, calendar, index, actor);
      await this.deps.audit.append(tx, actor, {
        action: 'case.intake',
        target: row.id,
        detail: { caseNo, matterCode: matter.code, channel: input.channel },
      });
      return row;
    });
    return { case: created, queryPassword };
  }

  // -- actions ----------------------------------------------------------------------------

  /** One action on a case, by the role its stage names; idempotent by key; stale versions get 409. */
  async act(
    principal: Principal,
    caseId: string,
    action: ActionInput,
    actor: Actor,
    key: string | null = null,
  ) {
    // One round trip for what the decision needs: the case and its matter (in scope), its events and
    // the calendar; the events of a case out of scope are read and dropped.
    const [withMatter, rows, { calendar, index }] = await Promise.all([
      this.repo.byIdWithMatter(caseId, rowScope(principal)),
      this.repo.events(caseId),
      this.calendarIndex(),
    ]);
    if (!withMatter) throw notFound();
    const { c: found, m: matter } = withMatter;
    if (key) {
      const done = await this.repo.eventByKey(caseId, key);
      if (done) {
        if (done.kind !== action.kind) throw conflict('keyReused');
        return this.assemble(found, principal, { matter, events: rows, calendar: { calendar, index } });
      }
    }
    if (found.version !== action.version)
      throw new AppError('CONFLICT', { reason: 'stale', version: found.version }, [
        { path: 'version', message: 'od.cases.stale', params: { version: found.version } },
      ]);
    const facts = matterForCase(matter);
    const roles = actingRoles(action.kind, facts);
    const actingAs = rolesOnCase(principal, roles, found.departmentId);
    if (actingAs.length === 0)
      throw new AppError('FORBIDDEN', { roles: roles.join(', ') }, [
        { path: 'kind', message: 'od.cases.roleNotAllowed', params: { roles: roles.join(', ') } },
      ]);
    const events = eventsOf(rows);
    const before = foldCase(events);
    const event = { kind: action.kind, at: this.deps.clock.now(), payload: action.payload } as CaseEvent;
    const refusal = refusalOf(before, event, facts);
    if (refusal) throw conflict(refusal);
    if (event.kind === 'completed') checkResult(before, event.payload.result);

    try {
      const done = await this.deps.db.transaction(async (tx) => {
        const seq = found.version + 1;
        const inserted = await this.repo.insertEvent(tx, {
          caseId,
          seq,
          event,
          actorId: actor.actorId,
          actorName: actor.actor,
          actorRole: actingAs[0]!,
          idempotencyKey: key,
          regionCode: found.regionCode,
        });
        const all = [...events, event];
        const state = applyEvent(before, event);
        const saved = await this.afterEvent(
          tx,
          found,
          matter,
          all,
          state,
          seq,
          event,
          calendar,
          index,
          actor,
        );
        await this.deps.audit.append(tx, actor, {
          action: `case.${event.kind}`,
          target: caseId,
          detail: { caseNo: found.caseNo, seq },
        });
        return { ...saved, events: [...rows, { ...inserted, actorDisplayName: principal.displayName }] };
      });
      // The answer is built from what the action read and wrote, not read back.
      return await this.assemble(done.row, principal, { ...done, calendar: { calendar, index } });
    } catch (err) {
      if (isUniqueViolation(err)) {
        // Another action landed first: the same key means it was this one (a retry raced itself).
        const done = key ? await this.repo.eventByKey(caseId, key) : undefined;
        if (done) return this.detail(principal, caseId);
        throw new AppError('CONFLICT', { reason: 'stale' }, [{ path: 'version', message: 'od.cases.stale' }]);
      }
      throw err;
    }
  }

  /** Projection, rule flags and the outbox row after an event, inside its transaction. */
  private async afterEvent(
    tx: DbOrTx,
    row: CaseRow,
    matter: MatterRow,
    events: CaseEvent[],
    state: CaseState,
    seq: number,
    event: CaseEvent,
    calendar: WorkCalendar,
    index: WorkdayIndex,
    actor: Actor,
  ): Promise<{ row: CaseRow; matter: MatterRow; department: CaseDepartment | undefined }> {
    const limits = {
      committedLimitDays: row.committedLimitDays,
      statutoryLimitDays: row.statutoryLimitDays,
      hasDeliverStage: !!stageOf(matter.stages, 'deliver'),
    };
    const { projection, committed, statutory } = projectCase(
      state,
      limits,
      index,
      this.today(),
      this.deps.config.CASE_WARN_SHARE,
    );
    const projected =
      seq > 1 ? await this.repo.saveProjection(tx, row.id, seq - 1, { ...projection, version: seq }) : row;
    if (!projected)
      throw new AppError('CONFLICT', { reason: 'stale' }, [{ path: 'version', message: 'od.cases.stale' }]);
    const findings = caseFlagFindings({
      events,
      matter: { ...matterForCase(matter), ...limits },
      committed,
      statutory,
      calendar,
    });
    await caseFlagStore.syncRuleFlags(
      tx,
      row,
      findings,
      event.at,
      'rule',
      await this.rectifyDue(calendar),
      actor.actor,
    );
    const department = await this.repo.department(row.departmentId, tx);
    await this.repo.enqueueOutbox(
      tx,
      row.id,
      seq,
      toExchangeRecord({
        caseNo: row.caseNo,
        matterCode: row.matterCode,
        matterName: matter.name,
        departmentCode: department?.code ?? '',
        departmentName: department?.name ?? '',
        regionCode: row.regionCode,
        channel: row.channel,
        applicantType: row.applicantType,
        applicantName: row.applicantName,
        submittedAt: state.submittedAt,
        acceptedAt: state.acceptedAt,
        completedAt: state.completedAt,
        result: state.result,
        status: state.status,
        committedLimitDays: row.committedLimitDays,
        statutoryLimitDays: row.statutoryLimitDays,
        event: { seq, kind: event.kind, at: event.at },
      }),
      event.at,
    );
    // Intake inserted the row with its projection; later events get it back from their update.
    return { row: projected, matter, department };
  }

  // -- reading ----------------------------------------------------------------------------

  /** A case the principal may see, with its matter, events, flags, evaluations and live clocks. */
  async detail(principal: Principal, id: string) {
    const row = await this.repo.byId(id, rowScope(principal));
    if (!row) throw notFound();
    return this.assemble(row, principal);
  }

  /** The case page (staff): the case in scope, the view audited with its case number (PI-3). */
  async view(principal: Principal, id: string, actor: Actor) {
    const d = await this.detail(principal, id);
    await this.deps.audit.record(actor, {
      action: 'case.view',
      target: d.row.caseNo,
      detail: { caseId: id },
    });
    return d;
  }

  /**
   * Whether the user may see this case's applicant in full: the permission must come from a role that
   * handles the case — a department role its own department's cases only, even beside a role that
   * reads the whole district.
   */
  private mayUnmask(principal: Principal, departmentId: string): boolean {
    return rolesOnCase(principal, principal.roles, departmentId).some((r) =>
      hasPermission([r], 'cases.unmask'),
    );
  }

  /**
   * The applicant's full name, ID number and phone for a holder of `cases.unmask` who gives a reason
   * (PI-1): the case in the same scope as its page (else 404), the record of who asked, why and for
   * which fields appended in the same transaction — never the values themselves.
   */
  async unmask(principal: Principal, id: string, reason: string, actor: Actor) {
    return this.deps.db.transaction(async (tx) => {
      const row = await this.repo.byId(id, rowScope(principal), tx);
      if (!row || !this.mayUnmask(principal, row.departmentId)) throw notFound();
      const idNumber = unsealField(this.deps.config, row.applicantIdEnc);
      const phone = unsealField(this.deps.config, row.applicantPhoneEnc);
      const fields = ['name', ...(idNumber ? ['idNumber'] : []), ...(phone ? ['phone'] : [])];
      await this.deps.audit.append(tx, actor, {
        action: 'case.applicant.unmask',
        target: row.caseNo,
        detail: { caseId: row.id, reason, fields },
      });
      return {
        caseNo: row.caseNo,
        applicantType: row.applicantType,
        name: row.applicantName,
        idNumber,
        phone,
      };
    });
  }

  /** The case's last supplement notice (一次性告知), as the case page prints it; 404 when it has none. */
  async supplementNotice(principal: Principal, id: string): Promise<SupplementNotice> {
    const d = await this.detail(principal, id);
    const last = d.events.findLast((e) => e.kind === 'supplement_requested');
    if (!last) throw new AppError('NOT_FOUND', {}, [{ path: 'id', message: 'od.cases.noSupplementNotice' }]);
    const items = (last.payload as { items?: { material: string; reason: string }[] }).items ?? [];
    return {
      caseNo: d.row.caseNo,
      // Masked like every staff view; the page prints the full name once it has been unmasked.
      applicantName: applicantNameShown(d.row.applicantType, d.row.applicantName),
      matterName: d.matter.name,
      departmentName: d.department.name,
      submittedAt: d.state.submittedAt,
      at: last.at,
      items: items.map((it) => ({ material: it.material, reason: it.reason })),
    };
  }

  private async assemble(
    row: CaseRow,
    principal: Principal | null,
    known: {
      matter?: MatterRow;
      events?: CaseEventWithActor[];
      department?: CaseDepartment;
      calendar?: { calendar: WorkCalendar; index: WorkdayIndex };
    } = {},
  ) {
    const [matter, events, flags, evaluations, department, region, { calendar, index }] = await Promise.all([
      known.matter ?? this.repo.matter(row.matterId),
      known.events ?? this.repo.events(row.id),
      this.repo.flags(row.id),
      this.repo.evaluations(row.id),
      known.department ?? this.repo.department(row.departmentId),
      this.repo.region(row.regionCode),
      known.calendar ?? this.calendarIndex(),
    ]);
    const facts = matterForCase(matter!);
    const state = foldCase(eventsOf(events));
    const clocks = this.clocksOf(row, index);
    return {
      row,
      matter: matter!,
      department: department!,
      region: region ?? { code: row.regionCode, name: row.regionCode, level: 'district' },
      events,
      flags,
      evaluations,
      state,
      clocks,
      calendarVersion: calendar.version,
      // Staff see the phone masked; the applicant's own view carries none.
      applicantPhoneMasked: principal ? applicantPhoneShown(this.deps.config, row.applicantPhoneEnc) : null,
      allowedActions: principal ? this.allowedActions(principal, row.departmentId, state, facts) : [],
      canUnmask: principal ? this.mayUnmask(principal, row.departmentId) : false,
    };
  }

  /** Both clocks as of today, from the stored clock inputs. */
  clocksOf(
    row: Pick<CaseRow, 'clockInputs' | 'committedLimitDays' | 'statutoryLimitDays'>,
    index: WorkdayIndex,
  ) {
    const today = this.today();
    const share = this.deps.config.CASE_WARN_SHARE;
    return {
      committed: computeClock(index, row.clockInputs, row.committedLimitDays, today, share),
      statutory: computeClock(index, row.clockInputs, row.statutoryLimitDays, today, share),
    };
  }

  /** The kinds of action this principal could take on the case now (for the buttons a page shows). */
  private allowedActions(
    principal: Principal,
    caseDepartmentId: string,
    state: CaseState,
    facts: MatterForCase,
  ): CaseEventKind[] {
    if (!principal.permissions.includes('cases.handle')) return [];
    const probe: Record<Exclude<CaseEventKind, 'submitted'>, CaseEvent> = {
      accepted: { kind: 'accepted', at: new Date(), payload: {} },
      refused: { kind: 'refused', at: new Date(), payload: { reason: '' } },
      supplement_requested: { kind: 'supplement_requested', at: new Date(), payload: { items: [] } },
      supplement_received: { kind: 'supplement_received', at: new Date(), payload: {} },
      special_started: {
        kind: 'special_started',
        at: new Date(),
        payload: { procedure: (facts.specialProcedures[0] ?? 'hearing') as 'hearing' },
      },
      special_ended: { kind: 'special_ended', at: new Date(), payload: { result: '' } },
      extended: { kind: 'extended', at: new Date(), payload: { days: 1, reason: '' } },
      reviewed: { kind: 'reviewed', at: new Date(), payload: { opinion: '' } },
      decided: { kind: 'decided', at: new Date(), payload: { decision: 'approve', opinion: '' } },
      completed: { kind: 'completed', at: new Date(), payload: { result: 'approved' } },
      delivered: { kind: 'delivered', at: new Date(), payload: { method: 'window' } },
      withdrawn: { kind: 'withdrawn', at: new Date(), payload: { reason: '' } },
    };
    return (Object.keys(probe) as (keyof typeof probe)[]).filter((kind) => {
      if (rolesOnCase(principal, actingRoles(kind, facts), caseDepartmentId).length === 0) return false;
      return refusalOf(state, probe[kind], facts) === null;
    });
  }

  async list(
    principal: Principal,
    filter: Omit<CaseFilter, 'today'>,
    sort: CaseSort,
    page: number,
    pageSize: number,
  ) {
    const today = this.today();
    const [{ items, total, totalCapped }, { index }] = await Promise.all([
      this.repo.list(rowScope(principal), { ...filter, today }, sort, page, pageSize),
      this.calendarIndex(),
    ]);
    return {
      total,
      totalCapped,
      items: items.map((i) => ({ ...i, clocks: this.clocksOf(i.c, index) })),
    };
  }

  /** The applicant's view, by case number and query password; the same refusal for either wrong. */
  async publicStatus(caseNo: string, password: string, actor: Actor) {
    const row = await this.repo.byCaseNo(caseNo.trim());
    // The same answer, in the same time, whether the number or the password is wrong.
    const ok = await this.queryPassword.verify(caseNo.trim(), row?.queryPasswordHash, password, actor);
    if (!row || !ok) {
      // Audited like a failed sign-in (the number as typed; never the password).
      await this.deps.audit.record(actor, {
        action: 'case.status.lookup',
        target: caseNo.trim(),
        result: 'failure',
        detail: { reason: 'credentials' },
      });
      throw new AppError('NOT_FOUND', {}, [{ path: 'caseNo', message: 'od.cases.statusNotFound' }]);
    }
    return this.assemble(row, null);
  }

  // -- clocks after a calendar correction, and the daily scan -------------------------------

  /**
   * Recomputes the clocks of the open, accepted cases against the current calendar and writes the
   * ones that changed, in keyset batches (the next batch is read while this one is computed); audited
   * as one record. `changed` (the days a correction changed) narrows it to the cases whose clocks can
   * reach those days: accepted before the last of them, not yet past their statutory due date before
   * the first (or paused, or waiting for a calendar). Returns the counts.
   */
  async recomputeOpenClocks(
    actor: Actor = systemActor('cases.recompute'),
    changed: { from: IsoDate; to: IsoDate } | 'none' | null = null,
    batchSize = 20_000,
  ) {
    const { calendar, index } = await this.calendarIndex();
    const today = this.today();
    const share = this.deps.config.CASE_WARN_SHARE;
    const range = changed === 'none' ? null : changed;
    let open = 0;
    let moved = 0;
    // Writing is the cost (each moved row touches the deadline indexes): up to WRITERS batches are
    // written at once on their own connections while the next one is read and computed.
    const writing: Promise<void>[] = [];
    let next = changed === 'none' ? Promise.resolve([]) : this.repo.openClockBatch(null, batchSize, range);
    for (;;) {
      const batch = await next;
      if (!batch.length) break;
      open += batch.length;
      next =
        batch.length < batchSize
          ? Promise.resolve([])
          : this.repo.openClockBatch(batch[batch.length - 1]!.id, batchSize, range);
      const updates: Parameters<CaseRepo['saveClocks']>[1] = [];
      for (const c of batch) {
        const { committed, statutory, clockState } = caseClocks(index, c.clockInputs, c, today, share);
        const clocks = {
          id: c.id,
          version: c.version,
          clockState,
          committedDue: committed.due,
          committedWarnOn: committed.warnOn,
          statutoryDue: statutory.due,
          statutoryWarnOn: statutory.warnOn,
          usedDays: committed.usedDays,
        };
        if (
          clocks.clockState !== c.clockState ||
          clocks.committedDue !== c.committedDue ||
          clocks.committedWarnOn !== c.committedWarnOn ||
          clocks.statutoryDue !== c.statutoryDue ||
          clocks.statutoryWarnOn !== c.statutoryWarnOn ||
          clocks.usedDays !== c.usedDays
        )
          updates.push(clocks);
      }
      moved += updates.length;
      if (!updates.length) continue;
      if (writing.length >= RECOMPUTE_WRITERS) await writing.shift();
      const write = this.deps.db.transaction((tx) => this.repo.saveClocks(tx, updates, calendar.version));
      write.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled meanwhile
      writing.push(write);
    }
    for (const write of writing) await write;
    await this.deps.db.transaction(async (tx) => {
      await this.repo.setClockCalendarVersion(tx, calendar.version);
      await this.deps.audit.append(tx, actor, {
        action: 'cases.clocks.recompute',
        target: String(calendar.version),
        detail: { calendarVersion: calendar.version, open, changed: moved, days: range },
      });
    });
    return { calendarVersion: calendar.version, open, changed: moved };
  }

  /**
   * The scheduled scan: recomputes clocks when the calendar moved on since the last recompute (a
   * correction made by another process), and raises overdue flags on open cases past a deadline.
   */
  async scan(now: Date = this.deps.clock.now()) {
    const { calendar } = await this.calendarIndex();
    const recomputed =
      (await this.repo.clockCalendarVersion()) === calendar.version ? null : await this.recomputeOpenClocks();
    const today = chinaDateOf(now);
    const dueOn = await this.rectifyDue(calendar);
    let flagged = 0;
    const raisedBy = new Map<string, number>();
    let after: string | null = null;
    const { index } = await this.calendarIndex();
    try {
      for (;;) {
        const batch = await this.repo.newlyOverdue(today, after, 500);
        if (!batch.length) break;
        after = batch[batch.length - 1]!.id;
        const raised = await this.deps.db.transaction(async (tx) => {
          const byDepartment = new Map<string, number>();
          for (const c of batch) {
            const row = (await this.repo.byId(c.id, null, tx))!;
            const { committed, statutory } = this.clocksOf(row, index);
            const type = statutory.overdue ? 'overdue_statutory' : 'overdue_committed';
            const clock: ClockResult = statutory.overdue ? statutory : committed;
            if (!clock.overdue || !clock.due) continue;
            const r = await caseFlagStore.raise(tx, c, {
              type,
              params: { due: clock.due, days: clock.overdueDays },
              source: 'scan',
              at: now,
              dueOn,
              actorName: 'cases.scan',
            });
            if (r.raised) byDepartment.set(c.departmentId, (byDepartment.get(c.departmentId) ?? 0) + 1);
          }
          return byDepartment;
        });
        // Counted once committed: a batch that failed raised nothing.
        for (const [departmentId, n] of raised) {
          flagged += n;
          raisedBy.set(departmentId, (raisedBy.get(departmentId) ?? 0) + n);
        }
        if (batch.length < 500) break;
      }
    } finally {
      // One notice per department and scan (inbox and chat robots) for the flags that committed, even
      // when a later batch failed; a crash before this loses the notice, never a flag.
      if (raisedBy.size) await this.announceOverdue(raisedBy, dueOn);
    }
    return { recomputed, flagged };
  }

  private async announceOverdue(raisedBy: Map<string, number>, dueOn: IsoDate | null) {
    await this.deps.db.transaction(async (tx) => {
      for (const [departmentId, n] of raisedBy)
        await this.deps.notify.toRoles(
          tx,
          DEPARTMENT_CASE_ROLES,
          {
            kind: 'cases.overdue',
            // Without next year's calendar the rectification date is not known yet.
            title: dueOn ? `新增超期办件 ${n} 件，请于 ${dueOn} 前整改` : `新增超期办件 ${n} 件，请及时整改`,
            body: dueOn
              ? `New overdue cases: ${n}. Explain or correct each by ${dueOn}.`
              : `New overdue cases: ${n}. Explain or correct each.`,
            link: '/supervision?status=open',
          },
          departmentId,
        );
    });
  }
}

/** 申办流水号: the district's code, the China date and an 8-digit running number. */
export function caseNumber(regionCode: string, at: Date, serial: number): string {
  return `${regionCode.slice(0, 6)}${chinaDateOf(at).replaceAll('-', '')}${String(serial % 1e8).padStart(8, '0')}`;
}

/** The applicant's ID must be a valid resident ID (persons) or USCC (enterprises), when given. */
function checkApplicantId(a: IntakeInput['applicant'], today: IsoDate) {
  const id = a.idNumber?.trim();
  if (!id) {
    if (a.type !== 'department')
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'applicant.idNumber', message: 'od.cases.idRequired' },
      ]);
    return;
  }
  const check =
    a.type === 'person' ? checkResidentId(id, { today }) : a.type === 'enterprise' ? checkUscc(id) : null;
  if (check && !check.ok)
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: 'applicant.idNumber',
        message: idProblemMessage(a.type === 'person' ? 'resident' : 'uscc', check.problem),
        params: check.params,
      },
    ]);
}

/** A completion's result must agree with the decision taken (准予 after approve, 不予 after deny). */
function checkResult(s: CaseState, result: string | null) {
  if (result === null)
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'payload.result', message: 'od.cases.resultRequired' },
    ]);
  if ((s.decision === 'approve' && result === 'denied') || (s.decision === 'deny' && result === 'approved'))
    throw new AppError('VALIDATION_FAILED', {}, [
      {
        path: 'payload.result',
        message: 'od.cases.resultContradictsDecision',
        params: { decision: s.decision },
      },
    ]);
}
