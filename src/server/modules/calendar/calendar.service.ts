import {
  addWorkdays,
  buildCalendar,
  CalendarYearMissingError,
  validateYearSchedule,
  type IsoDate,
  type WorkCalendar,
  type YearSchedule,
} from '../../../domain/calendar.ts';
import { schedulesFromChineseDays } from '../../../domain/calendar-seed.ts';
import type { Db } from '../../db/client.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { CalendarRepo } from './calendar.repo.ts';

/** The first and last day whose status a correction changed; the whole year for a new one; null: none. */
export type ChangedDays = { from: IsoDate; to: IsoDate } | null;

function changedDays(
  before: { holidays: string[]; makeUpWorkdays: string[] } | null,
  after: { year: number; holidays: string[]; makeUpWorkdays: string[] },
): ChangedDays {
  if (!before) return { from: `${after.year}-01-01`, to: `${after.year}-12-31` };
  const diff = (a: string[], b: string[]) => a.filter((d) => !b.includes(d));
  const days = [
    ...diff(before.holidays, after.holidays),
    ...diff(after.holidays, before.holidays),
    ...diff(before.makeUpWorkdays, after.makeUpWorkdays),
    ...diff(after.makeUpWorkdays, before.makeUpWorkdays),
  ].sort();
  return days.length ? { from: days[0]!, to: days[days.length - 1]! } : null;
}

/** The official working-day calendar as our own versioned table; corrections are audited events. */
export class CalendarService {
  private cached: WorkCalendar | undefined;
  private readonly listeners: ((version: number, changed: ChangedDays, actor: Actor) => Promise<unknown>)[] =
    [];

  /**
   * Runs after every committed correction (cases recompute their deadlines). A listener that fails
   * does not undo the correction: the scheduled scan notices the new version and catches up.
   */
  onChange(listener: (version: number, changed: ChangedDays, actor: Actor) => Promise<unknown>): void {
    this.listeners.push(listener);
  }

  constructor(
    private readonly db: Db,
    private readonly repo: CalendarRepo,
    private readonly audit: AuditService,
  ) {}

  /** The calendar at its current version; reloaded when another process has corrected it. */
  async calendar(): Promise<WorkCalendar> {
    const version = await this.repo.currentVersion();
    if (this.cached?.version === version) return this.cached;
    const rows = await this.repo.all();
    this.cached = buildCalendar(
      rows.map((r) => ({ year: r.year, holidays: r.holidays, makeUpWorkdays: r.makeUpWorkdays })),
      version,
    );
    return this.cached;
  }

  async year(year: number) {
    const [row, version] = await Promise.all([this.repo.year(year), this.repo.currentVersion()]);
    return {
      year,
      version,
      published: !!row,
      holidays: row?.holidays ?? [],
      makeUpWorkdays: row?.makeUpWorkdays ?? [],
      source: row?.source ?? null,
    };
  }

  /** The date N working days after `date` (counting from the next day); fails closed on unknown years. */
  async addWorkdays(date: IsoDate, n: number): Promise<IsoDate> {
    const cal = await this.calendar();
    try {
      return addWorkdays(cal, date, n);
    } catch (err) {
      if (err instanceof CalendarYearMissingError)
        throw new AppError('CALENDAR_YEAR_MISSING', { year: err.year });
      throw err;
    }
  }

  /** Enters or corrects a year's schedule; each change gets a new calendar version for recomputation. */
  async setYear(schedule: YearSchedule, reason: string | null, actor: Actor, source = 'manual') {
    const problems = validateYearSchedule(schedule);
    if (problems.length) throw invalid(problems.map((p) => ({ path: `year ${schedule.year}`, message: p })));
    const normalized = {
      year: schedule.year,
      holidays: [...new Set(schedule.holidays)].sort(),
      makeUpWorkdays: [...new Set(schedule.makeUpWorkdays)].sort(),
    };
    let before: { holidays: string[]; makeUpWorkdays: string[] } | null = null;
    const saved = await this.db.transaction(async (tx) => {
      // Serialise corrections: the version is max+1 under the audit head lock taken first.
      await this.audit.append(tx, actor, {
        action: 'calendar.year.set',
        target: String(schedule.year),
        detail: {
          reason,
          holidays: normalized.holidays.length,
          makeUpWorkdays: normalized.makeUpWorkdays.length,
        },
      });
      before = (await this.repo.year(schedule.year, tx)) ?? null;
      const version = (await this.repo.currentVersion(tx)) + 1;
      await this.repo.upsertYear(tx, {
        ...normalized,
        source,
        version,
        updatedAt: new Date(),
        updatedBy: actor.actor,
      });
      await this.repo.insertChange(tx, {
        version,
        year: schedule.year,
        before: before ? { holidays: before.holidays, makeUpWorkdays: before.makeUpWorkdays } : null,
        after: { holidays: normalized.holidays, makeUpWorkdays: normalized.makeUpWorkdays },
        reason,
        changedBy: actor.actor,
      });
      return { ...normalized, version };
    });
    const changed = changedDays(before, normalized);
    for (const listener of this.listeners)
      await listener(saved.version, changed, actor).catch(() => undefined);
    return saved;
  }

  /** Seeds every year chinese-days publishes that the table lacks (first start, and upgrades). */
  async seedMissingYears(actor: Actor): Promise<number> {
    const existing = new Set((await this.repo.all()).map((r) => r.year));
    let added = 0;
    for (const schedule of schedulesFromChineseDays()) {
      if (existing.has(schedule.year)) continue;
      await this.setYear(schedule, 'seeded from chinese-days', actor, 'chinese-days');
      added++;
    }
    return added;
  }

  changes(year?: number) {
    return this.repo.changes(year);
  }
}
