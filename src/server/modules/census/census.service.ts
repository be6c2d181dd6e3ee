import { sql } from 'drizzle-orm';
import { chinaDateOf, workdaysBetween, type IsoDate } from '../../../domain/calendar.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { systemActor, type Actor } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import type { ModuleDeps } from '../deps.ts';
import { rowScope } from '../org/org.service.ts';
import { CensusRepo, type EntityType, type ProgressRow, type RoundRow } from './census.repo.ts';

/** Reminders go out when at most this many working days are left (or the deadline has passed). */
export const REMIND_WITHIN_WORKDAYS = 2;

type Viewer = { manager: true; departmentId: null } | { manager: false; departmentId: string };

const conflict = (message: string, params: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', params, [{ path: 'round', message, params }]);

/** A department's row of the progress table, with whether it is overdue. */
export function progressOf(row: ProgressRow, deadline: IsoDate, today: IsoDate) {
  const pending = row.systemsTotal - row.systemsDone + (row.datasetsTotal - row.datasetsDone);
  return { ...row, pending, overdue: row.status === 'pending' && today > deadline };
}

/**
 * Census rounds (普查): the bureau opens a round with a deadline in working days; every department
 * confirms, corrects or adds its systems and datasets and submits; reminders go to the inbox.
 */
export class CensusService {
  private readonly repo: CensusRepo;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new CensusRepo(deps.db);
  }

  private today(): IsoDate {
    return chinaDateOf(this.deps.clock.now());
  }

  /** The bureau (census.manage) sees every department; a data officer (census.respond) their own. */
  private viewer(p: Principal): Viewer {
    if (p.permissions.includes('census.manage')) return { manager: true, departmentId: null };
    const departmentId = p.kind === 'token' ? p.departmentId : rowScope(p).departmentId;
    if (!p.permissions.includes('census.respond') || !departmentId) throw forbidden();
    return { manager: false, departmentId };
  }

  /** The respondent's department (census.respond holders only). */
  private respondent(p: Principal): string {
    const v = this.viewer(p);
    if (v.manager || !v.departmentId) throw forbidden();
    return v.departmentId;
  }

  /** A round the viewer may see: the bureau any; a department one that asked it. */
  private async visibleRound(p: Principal, id: string) {
    const v = this.viewer(p);
    const round = await this.repo.round(id);
    if (!round) throw notFound();
    if (v.departmentId && !(await this.repo.returnOf(id, v.departmentId))) throw notFound();
    return { round, viewer: v };
  }

  /** Working days left until the deadline (0 on the day), or null when the calendar cannot say. */
  private async workdaysLeft(deadline: IsoDate): Promise<number | null> {
    try {
      return workdaysBetween(await this.deps.calendar.calendar(), this.today(), deadline);
    } catch {
      return null;
    }
  }

  async open(input: { title: string; note?: string | undefined; workingDays: number }, actor: Actor) {
    const now = this.deps.clock.now();
    // Fails closed (CALENDAR_YEAR_MISSING) when the deadline's year has no published schedule.
    const deadline = await this.deps.calendar.addWorkdays(chinaDateOf(now), input.workingDays);
    return this.deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727102)`);
      const existing = await this.repo.openRound(tx);
      if (existing) throw conflict('od.census.roundOpen', { title: existing.title });
      const round = await this.repo.insertRound(tx, {
        title: input.title,
        note: input.note ?? '',
        workingDays: input.workingDays,
        deadline,
        openedAt: now,
        openedBy: actor.actor,
      });
      const departmentIds = await this.repo.departmentsToAsk(tx);
      await this.repo.insertReturns(tx, round.id, departmentIds);
      let notified = 0;
      for (const departmentId of departmentIds) {
        notified += await this.deps.notify.toRole(
          tx,
          'dept_data_officer',
          {
            kind: 'census.round',
            title: `数据资源普查：${round.title}`,
            body: `请于 ${deadline} 前确认、更正或补充本部门的信息系统和数据资源，并提交普查答复。${round.note}`,
            robotBody: `请于 ${deadline} 前确认、更正或补充本部门的信息系统和数据资源，并提交普查答复。`,
            link: `/registry/census/${round.id}`,
          },
          departmentId,
        );
      }
      await this.deps.audit.append(tx, actor, {
        action: 'census.round.open',
        target: round.id,
        detail: {
          title: round.title,
          workingDays: round.workingDays,
          deadline,
          departments: departmentIds.length,
          notified,
        },
      });
      return { round, departments: departmentIds.length, notified };
    });
  }

  async list(p: Principal, page: number, pageSize: number) {
    const v = this.viewer(p);
    const out = await this.repo.listRounds(v.departmentId, page, pageSize);
    const mine = v.departmentId
      ? await Promise.all(out.items.map((r) => this.repo.returnOf(r.round.id, v.departmentId!)))
      : [];
    return {
      total: out.total,
      items: out.items.map((r, i) => ({
        ...r,
        myReturn: mine[i] ? { status: mine[i].ret.status, submittedAt: mine[i].ret.submittedAt } : null,
      })),
    };
  }

  /** A round with the progress of every department (a department officer: their own row only). */
  async get(p: Principal, id: string) {
    const { round, viewer } = await this.visibleRound(p, id);
    const today = this.today();
    const rows = (await this.repo.progress(id, viewer.departmentId)).map((r) =>
      progressOf(r, round.deadline, today),
    );
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0);
    return {
      round,
      workdaysLeft: round.status === 'open' ? await this.workdaysLeft(round.deadline) : null,
      progress: rows,
      totals: {
        departments: rows.length,
        submitted: rows.filter((r) => r.status === 'submitted').length,
        pending: rows.filter((r) => r.status === 'pending').length,
        overdue: rows.filter((r) => r.overdue).length,
        systems: { total: sum((r) => r.systemsTotal), done: sum((r) => r.systemsDone) },
        datasets: { total: sum((r) => r.datasetsTotal), done: sum((r) => r.datasetsDone) },
      },
    };
  }

  /** One department's systems and datasets with their census state. */
  async items(p: Principal, id: string, departmentId: string | undefined) {
    const { viewer } = await this.visibleRound(p, id);
    const dept = viewer.departmentId ?? departmentId;
    if (!dept) throw invalid([{ path: 'departmentId', message: 'od.census.departmentRequired' }]);
    if (viewer.departmentId && departmentId && departmentId !== viewer.departmentId) throw notFound();
    const ret = await this.repo.returnOf(id, dept);
    if (!ret) throw notFound();
    const items = await this.repo.items(id, dept);
    return {
      department: { id: dept, name: ret.departmentName },
      status: ret.ret.status,
      systems: items.filter((i) => i.entityType === 'system'),
      datasets: items.filter((i) => i.entityType === 'dataset'),
    };
  }

  private async openRoundFor(id: string): Promise<RoundRow> {
    const round = await this.repo.round(id);
    if (!round) throw notFound();
    if (round.status !== 'open') throw conflict('od.census.roundClosed');
    return round;
  }

  /** Confirms the department's own systems or datasets as they are: all of them or none. */
  async confirm(p: Principal, id: string, entityType: EntityType, ids: string[], actor: Actor) {
    const departmentId = this.respondent(p);
    await this.openRoundFor(id);
    if (!(await this.repo.returnOf(id, departmentId))) throw notFound();
    const owned = await this.repo.ownedIds(entityType, ids, departmentId);
    const problems = ids.flatMap((e, i) =>
      owned.has(e) ? [] : [{ path: `ids.${i}`, message: 'od.census.notYours' }],
    );
    if (problems.length) throw invalid(problems);
    const unique = [...new Set(ids)];
    const at = this.deps.clock.now();
    const confirmed = await this.deps.db.transaction(async (tx) => {
      const n = await this.repo.confirm(
        tx,
        unique.map((entityId) => ({ roundId: id, departmentId, entityType, entityId, at, by: actor.actor })),
      );
      await this.deps.audit.append(tx, actor, {
        action: 'census.confirm',
        target: id,
        detail: { departmentId, entityType, count: unique.length, newlyConfirmed: n },
      });
      return n;
    });
    return { confirmed: unique.length, newlyConfirmed: confirmed };
  }

  /** Submits the department's return; refused while any system or dataset is still pending. */
  async submit(p: Principal, id: string, note: string | undefined, actor: Actor) {
    const departmentId = this.respondent(p);
    const round = await this.openRoundFor(id);
    const ret = await this.repo.returnOf(id, departmentId);
    if (!ret) throw notFound();
    if (ret.ret.status === 'submitted') throw conflict('od.census.alreadySubmitted');
    const [row] = await this.repo.progress(id, departmentId);
    const systems = row ? row.systemsTotal - row.systemsDone : 0;
    const datasets = row ? row.datasetsTotal - row.datasetsDone : 0;
    if (systems + datasets > 0)
      throw new AppError('CENSUS_ITEMS_PENDING', { count: systems + datasets, systems, datasets });
    const at = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      if (!(await this.repo.submitReturn(tx, id, departmentId, at, actor.actor, note ?? null)))
        throw conflict('od.census.alreadySubmitted');
      await this.deps.audit.append(tx, actor, {
        action: 'census.submit',
        target: id,
        detail: { departmentId, systems: row?.systemsTotal ?? 0, datasets: row?.datasetsTotal ?? 0 },
      });
      await this.deps.notify.toRole(tx, 'bureau_admin', {
        kind: 'census.submitted',
        title: `${ret.departmentName}已提交普查答复：${round.title}`,
        body: note ?? '',
        robotBody: '',
        link: `/registry/census/${id}`,
      });
    });
    return { status: 'submitted' as const, submittedAt: at };
  }

  private async remindPending(tx: DbOrTx, round: RoundRow, actor: Actor, automatic: boolean) {
    const pending = await this.repo.returnsOf(round.id, 'pending', tx);
    const overdue = this.today() > round.deadline;
    let departments = 0;
    let users = 0;
    for (const r of pending) {
      const n = await this.deps.notify.toRole(
        tx,
        'dept_data_officer',
        {
          kind: 'census.reminder',
          title: `${overdue ? '普查答复已逾期' : '普查答复即将截止'}：${round.title}`,
          body: `截止日期 ${round.deadline}。请确认、更正或补充本部门的信息系统和数据资源，并提交普查答复。`,
          link: `/registry/census/${round.id}`,
        },
        r.departmentId,
      );
      if (n > 0) departments++;
      users += n;
    }
    await this.repo.updateRound(tx, round.id, { lastReminderAt: this.deps.clock.now() });
    await this.deps.audit.append(tx, actor, {
      action: 'census.remind',
      target: round.id,
      detail: { departments, users, automatic },
    });
    return { departments, users };
  }

  /** Reminds the data officers of every department whose return is pending. */
  async remind(id: string, actor: Actor) {
    const round = await this.openRoundFor(id);
    return this.deps.db.transaction((tx) => this.remindPending(tx, round, actor, false));
  }

  /**
   * The daily job: for each open round with at most two working days left or past its deadline,
   * reminds pending departments, at most once per calendar day (China time).
   */
  async sendDueReminders(now: Date) {
    const today = chinaDateOf(now);
    const out: { round: string; departments: number; users: number }[] = [];
    for (const round of await this.repo.openRounds()) {
      if (round.lastReminderAt && chinaDateOf(round.lastReminderAt) === today) continue;
      const overdue = today > round.deadline;
      const left = overdue ? 0 : workdaysBetween(await this.deps.calendar.calendar(), today, round.deadline);
      if (!overdue && left > REMIND_WITHIN_WORKDAYS) continue;
      const sent = await this.deps.db.transaction((tx) =>
        this.remindPending(tx, round, systemActor('census.reminders'), true),
      );
      out.push({ round: round.id, ...sent });
    }
    return { reminded: out };
  }

  async close(id: string, actor: Actor) {
    const round = await this.openRoundFor(id);
    const now = this.deps.clock.now();
    await this.deps.db.transaction(async (tx) => {
      await this.repo.updateRound(tx, id, { status: 'closed', closedAt: now });
      const submitted = (await this.repo.returnsOf(id, 'submitted', tx)).length;
      await this.deps.audit.append(tx, actor, {
        action: 'census.round.close',
        target: id,
        detail: { title: round.title, submitted },
      });
    });
    return (await this.repo.round(id))!;
  }
}
