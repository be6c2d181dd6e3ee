import { and, asc, count, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CaseEvent } from '../../../domain/cases.ts';
import type { CaseProjection } from '../../../domain/case-projection.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { contains, startsWith } from '../../db/patterns.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments, installationMeta, regions, users } from '../org/org.tables.ts';
import type { RowScope } from '../org/users.repo.ts';
import { caseEvaluations, caseEvents, caseFlags, caseOutbox, cases } from './cases.tables.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseEventWithActor = CaseEventRow & { actorDisplayName: string | null };
export type MatterRow = typeof matters.$inferSelect;
export interface CaseDepartment {
  id: string;
  code: string;
  name: string;
}

export const CASE_SORTS = ['remaining', 'submittedAt', 'caseNo'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseFilter {
  open?: boolean | undefined;
  status?: string | undefined;
  clock?: 'warning' | 'overdue' | 'paused' | 'calendar_missing' | undefined;
  departmentId?: string | undefined;
  matterId?: string | undefined;
  channel?: string | undefined;
  regionCode?: string | undefined;
  internal?: boolean | undefined;
  /** Case number prefix or applicant name part. */
  q?: string | undefined;
  /** The China date of today, for the clock filters. */
  today: string;
}

/**
 * A department role reaches its department's cases wherever they were taken in; everyone else their
 * region subtree. (The department alone, not with the region prefix too: the planner then walks the
 * department's deadline index instead of sorting the whole district.)
 */
export const inCaseScope = (scope: RowScope): SQL =>
  scope.departmentId
    ? eq(cases.departmentId, scope.departmentId)
    : scope.regionPrefix
      ? startsWith(cases.regionCode, scope.regionPrefix)
      : sql`true`;

const CLOCK_KEY = 'cases.clock_calendar_version';
/** Lists count at most this many rows; beyond it they say "more than" (totalCapped). */
export const COUNT_CAP = 10_000;

/** Queries over cases and their events; no decisions. */
export class CaseRepo {
  constructor(private readonly db: Db) {}

  async matter(id: string, tx: DbOrTx = this.db): Promise<MatterRow | undefined> {
    const [m] = await tx.select().from(matters).where(eq(matters.id, id));
    return m;
  }

  async department(id: string, tx: DbOrTx = this.db): Promise<CaseDepartment | undefined> {
    const [d] = await tx
      .select({ id: departments.id, code: departments.code, name: departments.name })
      .from(departments)
      .where(eq(departments.id, id));
    return d;
  }

  async region(code: string, tx: DbOrTx = this.db) {
    const [r] = await tx
      .select({ code: regions.code, name: regions.name, level: regions.level })
      .from(regions)
      .where(eq(regions.code, code));
    return r;
  }

  async byId(id: string, scope: RowScope | null, tx: DbOrTx = this.db): Promise<CaseRow | undefined> {
    const [c] = await tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, id), scope ? inCaseScope(scope) : undefined));
    return c;
  }

  /** A case in scope with its matter, in one query (an action needs both first). */
  async byIdWithMatter(id: string, scope: RowScope) {
    const [row] = await this.db
      .select({ c: cases, m: matters })
      .from(cases)
      .innerJoin(matters, eq(matters.id, cases.matterId))
      .where(and(eq(cases.id, id), inCaseScope(scope)));
    return row;
  }

  async byCaseNo(caseNo: string, tx: DbOrTx = this.db): Promise<CaseRow | undefined> {
    const [c] = await tx.select().from(cases).where(eq(cases.caseNo, caseNo));
    return c;
  }

  /** A case's events in order, each with the display name of the staff member who acted (if any). */
  async events(caseId: string, tx: DbOrTx = this.db): Promise<CaseEventWithActor[]> {
    const rows = await tx
      .select({ e: caseEvents, actorDisplayName: users.displayName })
      .from(caseEvents)
      // Live events carry the actor's id; imported and demo history only the login name it recorded.
      .leftJoin(
        users,
        or(
          eq(users.id, caseEvents.actorId),
          and(isNull(caseEvents.actorId), eq(users.username, caseEvents.actorName)),
        ),
      )
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.seq));
    return rows.map((r) => ({ ...r.e, actorDisplayName: r.actorDisplayName }));
  }

  async eventByKey(caseId: string, key: string, tx: DbOrTx = this.db) {
    const [e] = await tx
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.idempotencyKey, key)));
    return e;
  }

  /** An intake retried with the same key: the case this caller (null: anonymous) took in with it. */
  async caseByIntakeKey(
    key: string,
    actorId: string | null,
    tx: DbOrTx = this.db,
  ): Promise<CaseRow | undefined> {
    const [row] = await tx
      .select({ c: cases })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(
        and(
          eq(caseEvents.seq, 1),
          // As case_events_intake_key_uq writes it, so that the lookup walks that index.
          sql`coalesce(${caseEvents.actorId}::text, '') = ${actorId ?? ''}`,
          eq(caseEvents.idempotencyKey, key),
        ),
      );
    return row?.c;
  }

  async flags(caseId: string, tx: DbOrTx = this.db) {
    return tx
      .select()
      .from(caseFlags)
      .where(eq(caseFlags.caseId, caseId))
      .orderBy(desc(caseFlags.detectedAt));
  }

  async evaluations(caseId: string, tx: DbOrTx = this.db) {
    return tx
      .select()
      .from(caseEvaluations)
      .where(eq(caseEvaluations.caseId, caseId))
      .orderBy(asc(caseEvaluations.at));
  }

  async nextCaseSerial(tx: DbOrTx): Promise<number> {
    const r = (await tx.execute(sql`select nextval('case_no_seq')::text as n`)) as unknown as {
      rows: { n: string }[];
    };
    return Number(r.rows[0]!.n);
  }

  /** Inserts a new case; undefined when its case number is taken already. */
  async insertCaseIfFree(tx: DbOrTx, values: typeof cases.$inferInsert): Promise<CaseRow | undefined> {
    const [row] = await tx
      .insert(cases)
      .values(values)
      .onConflictDoNothing({ target: cases.caseNo })
      .returning();
    return row;
  }

  async insertEvent(
    tx: DbOrTx,
    e: {
      caseId: string;
      seq: number;
      event: CaseEvent;
      actorId: string | null;
      actorName: string;
      actorRole: string | null;
      idempotencyKey: string | null;
      regionCode: string;
    },
  ): Promise<CaseEventRow> {
    const [row] = await tx
      .insert(caseEvents)
      .values({
        caseId: e.caseId,
        seq: e.seq,
        kind: e.event.kind,
        at: e.event.at,
        actorId: e.actorId,
        actorName: e.actorName,
        actorRole: e.actorRole,
        payload: e.event.payload as Record<string, unknown>,
        idempotencyKey: e.idempotencyKey,
        regionCode: e.regionCode,
      })
      .returning();
    return row!;
  }

  /** Writes the projection after an event; the row, or undefined when another action changed the case first. */
  async saveProjection(
    tx: DbOrTx,
    id: string,
    expectedVersion: number,
    p: CaseProjection & { version: number },
  ): Promise<CaseRow | undefined> {
    const [row] = await tx
      .update(cases)
      .set({ ...p, updatedAt: new Date() })
      .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
      .returning();
    return row;
  }

  async enqueueOutbox(tx: DbOrTx, caseId: string, seq: number, payload: Record<string, unknown>, now: Date) {
    await tx.insert(caseOutbox).values({ caseId, seq, payload, createdAt: now, nextAttemptAt: now });
  }

  private where(scope: RowScope, f: CaseFilter): SQL | undefined {
    const today = f.today;
    const clock: Record<NonNullable<CaseFilter['clock']>, SQL> = {
      overdue: sql`${cases.clockState} in ('running','paused') and ${cases.committedDue} < ${today}`,
      warning: sql`${cases.clockState} = 'running' and ${cases.committedWarnOn} <= ${today} and ${cases.committedDue} >= ${today}`,
      paused: sql`${cases.clockState} = 'paused'`,
      calendar_missing: sql`${cases.clockState} = 'calendar_missing'`,
    };
    const q = f.q?.trim();
    return and(
      inCaseScope(scope),
      f.open === undefined ? undefined : eq(cases.open, f.open),
      f.status ? eq(cases.status, f.status as CaseRow['status']) : undefined,
      f.clock ? clock[f.clock] : undefined,
      f.departmentId ? eq(cases.departmentId, f.departmentId) : undefined,
      f.matterId ? eq(cases.matterId, f.matterId) : undefined,
      f.channel ? eq(cases.channel, f.channel as CaseRow['channel']) : undefined,
      f.regionCode ? startsWith(cases.regionCode, f.regionCode) : undefined,
      f.internal === undefined ? undefined : eq(cases.internal, f.internal),
      // A person's name matches whole: lists show it masked, and a part-match extended a character at
      // a time would spell it out to a reader who may not unmask it. Organisations match in part.
      q
        ? sql`(${startsWith(cases.caseNo, q)} or ${eq(cases.applicantName, q)}
               or (${cases.applicantType} <> 'person' and ${contains(cases.applicantName, q)}))`
        : undefined,
    );
  }

  /** The queue or any filtered list; `remaining` puts the nearest committed deadline first. */
  async list(scope: RowScope, f: CaseFilter, sort: CaseSort, page: number, pageSize: number) {
    const where = this.where(scope, f);
    const order =
      sort === 'remaining'
        ? [sql`(${cases.clockState} = 'stopped')`, sql`${cases.committedDue} asc nulls last`, asc(cases.id)]
        : sort === 'submittedAt'
          ? [desc(cases.submittedAt), asc(cases.id)]
          : [asc(cases.caseNo)];
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          c: cases,
          matterName: matters.name,
          departmentName: departments.name,
        })
        .from(cases)
        .innerJoin(matters, eq(matters.id, cases.matterId))
        .innerJoin(departments, eq(departments.id, cases.departmentId))
        .where(where)
        .orderBy(...order)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      // Counting a million open cases costs more than the page: past COUNT_CAP the total is "more than".
      this.db.select({ n: count() }).from(
        this.db
          .select({ one: sql`1` })
          .from(cases)
          .where(where)
          .limit(COUNT_CAP + 1)
          .as('capped'),
      ),
    ]);
    const n = total?.n ?? 0;
    return { items, total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
  }

  // -- clock recompute ---------------------------------------------------------------------

  async clockCalendarVersion(tx: DbOrTx = this.db): Promise<number | null> {
    const [row] = await tx.select().from(installationMeta).where(eq(installationMeta.key, CLOCK_KEY));
    return row ? Number(row.value) : null;
  }

  async setClockCalendarVersion(tx: DbOrTx, version: number) {
    await tx
      .insert(installationMeta)
      .values({ key: CLOCK_KEY, value: version })
      .onConflictDoUpdate({ target: installationMeta.key, set: { value: version, updatedAt: new Date() } });
  }

  /** One keyset batch of open, accepted cases with what their clocks depend on. */
  async openClockBatch(
    afterId: string | null,
    limit: number,
    days: { from: string; to: string } | null = null,
    tx: DbOrTx = this.db,
  ) {
    return tx
      .select({
        id: cases.id,
        version: cases.version,
        clockInputs: cases.clockInputs,
        committedLimitDays: cases.committedLimitDays,
        statutoryLimitDays: cases.statutoryLimitDays,
        clockState: cases.clockState,
        committedDue: cases.committedDue,
        committedWarnOn: cases.committedWarnOn,
        statutoryDue: cases.statutoryDue,
        statutoryWarnOn: cases.statutoryWarnOn,
        usedDays: cases.usedDays,
      })
      .from(cases)
      .where(
        and(
          eq(cases.open, true),
          sql`${cases.acceptedAt} is not null`,
          afterId ? gt(cases.id, afterId) : undefined,
          days
            ? sql`${cases.clockInputs}->>'acceptedOn' < ${days.to} and (${cases.statutoryDue} >= ${days.from}
                or ${cases.statutoryDue} is null or ${cases.clockState} in ('paused', 'calendar_missing'))`
            : undefined,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(limit);
  }

  /** Writes recomputed clocks for many cases in one statement (arrays unnested server-side). */
  async saveClocks(
    tx: DbOrTx,
    rows: {
      id: string;
      /** The case's version when its inputs were read: an action since then has written newer clocks. */
      version: number;
      clockState: string;
      committedDue: string | null;
      committedWarnOn: string | null;
      statutoryDue: string | null;
      statutoryWarnOn: string | null;
      usedDays: number;
    }[],
    calendarVersion: number,
  ) {
    if (!rows.length) return;
    // One bind parameter per column (a plain array would expand into a list of parameters).
    const col = <K extends keyof (typeof rows)[number]>(k: K) => sql.param(rows.map((r) => r[k]));
    await tx.execute(sql`
      update ${cases} as c set
        clock_state = v.clock_state,
        committed_due = v.committed_due,
        committed_warn_on = v.committed_warn_on,
        statutory_due = v.statutory_due,
        statutory_warn_on = v.statutory_warn_on,
        used_days = v.used_days,
        calendar_version = ${calendarVersion},
        updated_at = now()
      from (
        select * from unnest(
          ${col('id')}::uuid[], ${col('version')}::int[], ${col('clockState')}::text[], ${col('committedDue')}::date[],
          ${col('committedWarnOn')}::date[], ${col('statutoryDue')}::date[],
          ${col('statutoryWarnOn')}::date[], ${col('usedDays')}::int[]
        ) as t(id, version, clock_state, committed_due, committed_warn_on, statutory_due, statutory_warn_on, used_days)
      ) as v
      where c.id = v.id and c.version = v.version`);
  }

  /** Open cases whose committed or statutory deadline has passed without an overdue flag. */
  async newlyOverdue(today: string, afterId: string | null, limit: number, tx: DbOrTx = this.db) {
    return tx
      .select({ id: cases.id, departmentId: cases.departmentId, regionCode: cases.regionCode })
      .from(cases)
      .where(
        and(
          eq(cases.open, true),
          afterId ? gt(cases.id, afterId) : undefined,
          sql`${cases.clockState} in ('running','paused')`,
          sql`(${cases.committedDue} < ${today} or ${cases.statutoryDue} < ${today})`,
          // Qualified by hand: Drizzle writes a lone table's columns unqualified, which inside this
          // subquery would mean the flag's own id.
          sql`not exists (select 1 from ${caseFlags} f where f.case_id = "cases"."id"
                and f.type = case when "cases"."statutory_due" < ${today} then 'overdue_statutory' else 'overdue_committed' end)`,
        ),
      )
      .orderBy(asc(cases.id))
      .limit(limit);
  }
}
