import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { datasets } from '../catalog/catalog.tables.ts';
import { departments, userRoles, users } from '../org/org.tables.ts';
import { systems } from '../registry/registry.tables.ts';
import { censusItems, censusReturns, censusRounds } from './census.tables.ts';

export type RoundRow = typeof censusRounds.$inferSelect;
export type ReturnRow = typeof censusReturns.$inferSelect;
export type EntityType = 'system' | 'dataset';
export type CensusState = 'pending' | 'confirmed' | 'corrected' | 'added';

type Rows<T> = { rows: T[] };

export interface ProgressRow {
  departmentId: string;
  code: string;
  name: string;
  status: 'pending' | 'submitted';
  submittedAt: Date | null;
  submittedBy: string | null;
  note: string | null;
  systemsTotal: number;
  systemsDone: number;
  datasetsTotal: number;
  datasetsDone: number;
}

export interface ItemRow {
  entityType: EntityType;
  id: string;
  code: string;
  name: string;
  status: string;
  state: CensusState;
  at: Date | null;
}

/**
 * Every system and dataset with its state in a round, as SQL (one rule for the progress table and
 * the item lists): added = created while the round was open; corrected = changed while it was open
 * (or recorded as corrected); confirmed = confirmed in the round; otherwise pending. Deprecated
 * catalogue entries are left out.
 */
const entityStates = (roundId: string) => sql`
  with r as (
    select id, opened_at, coalesce(closed_at, 'infinity'::timestamptz) as ended_at
      from ${censusRounds} where id = ${roundId}
  ), e as (
    select 'system'::text as entity_type, s.id, s.department_id, s.code, s.name, s.status::text as status,
           s.created_at, s.updated_at
      from ${systems} s
    union all
    select 'dataset'::text, d.id, d.department_id, d.code, d.name, d.status::text, d.created_at, d.updated_at
      from ${datasets} d
     -- A deprecated entry is history, not part of the catalogue a department confirms.
     where d.status <> 'deprecated'
  ), st as (
    select e.*, i.at,
           case
             when e.created_at >= r.opened_at and e.created_at < r.ended_at then 'added'
             when i.action in ('corrected', 'added')
               or (e.updated_at >= r.opened_at and e.updated_at < r.ended_at) then 'corrected'
             when i.action = 'confirmed' then 'confirmed'
             else 'pending'
           end as state
      from e cross join r
      left join ${censusItems} i on i.round_id = r.id and i.entity_type = e.entity_type and i.entity_id = e.id
  )`;

/** Census rounds, the departments' returns and what each confirmed. */
export class CensusRepo {
  constructor(private readonly db: Db) {}

  async openRound(tx: DbOrTx = this.db): Promise<RoundRow | undefined> {
    const [row] = await tx.select().from(censusRounds).where(eq(censusRounds.status, 'open'));
    return row;
  }

  async openRounds(): Promise<RoundRow[]> {
    return this.db.select().from(censusRounds).where(eq(censusRounds.status, 'open'));
  }

  async round(id: string, tx: DbOrTx = this.db): Promise<RoundRow | undefined> {
    const [row] = await tx.select().from(censusRounds).where(eq(censusRounds.id, id));
    return row;
  }

  async insertRound(tx: DbOrTx, values: typeof censusRounds.$inferInsert): Promise<RoundRow> {
    const [row] = await tx.insert(censusRounds).values(values).returning();
    return row!;
  }

  async updateRound(tx: DbOrTx, id: string, values: Partial<typeof censusRounds.$inferInsert>) {
    await tx.update(censusRounds).set(values).where(eq(censusRounds.id, id));
  }

  /** Departments asked to answer: those with a data officer, a system or a dataset. */
  async departmentsToAsk(tx: DbOrTx): Promise<string[]> {
    const rows = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(
        sql`exists (select 1 from ${users} u join ${userRoles} ur on ur.user_id = u.id
                     where u.department_id = "departments"."id" and ur.role = 'dept_data_officer'
                       and u.status = 'active')
            or exists (select 1 from ${systems} s where s.department_id = "departments"."id")
            or exists (select 1 from ${datasets} d where d.department_id = "departments"."id")`,
      )
      .orderBy(departments.code);
    return rows.map((r) => r.id);
  }

  async insertReturns(tx: DbOrTx, roundId: string, departmentIds: string[]) {
    if (departmentIds.length === 0) return;
    await tx.insert(censusReturns).values(departmentIds.map((departmentId) => ({ roundId, departmentId })));
  }

  /** Rounds, newest first; with `departmentId`, only the rounds that asked that department. */
  async listRounds(departmentId: string | null, page: number, pageSize: number) {
    const asked = departmentId
      ? sql`exists (select 1 from ${censusReturns} x where x.round_id = ${censusRounds.id} and x.department_id = ${departmentId})`
      : undefined;
    const items = await this.db
      .select({
        round: censusRounds,
        departments: sql<number>`(select count(*)::int from ${censusReturns} x where x.round_id = ${censusRounds.id})`,
        submitted: sql<number>`(select count(*)::int from ${censusReturns} x where x.round_id = ${censusRounds.id} and x.status = 'submitted')`,
      })
      .from(censusRounds)
      .where(asked)
      .orderBy(desc(censusRounds.openedAt), desc(censusRounds.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(censusRounds).where(asked);
    return { items, total: total?.n ?? 0 };
  }

  async returnOf(roundId: string, departmentId: string, tx: DbOrTx = this.db) {
    const [row] = await tx
      .select({ ret: censusReturns, departmentName: departments.name })
      .from(censusReturns)
      .innerJoin(departments, eq(departments.id, censusReturns.departmentId))
      .where(and(eq(censusReturns.roundId, roundId), eq(censusReturns.departmentId, departmentId)));
    return row;
  }

  async returnsOf(roundId: string, status?: 'pending' | 'submitted', tx: DbOrTx = this.db) {
    return tx
      .select()
      .from(censusReturns)
      .where(and(eq(censusReturns.roundId, roundId), status ? eq(censusReturns.status, status) : undefined));
  }

  /** Marks a pending return submitted; false if it was not pending any more. */
  async submitReturn(
    tx: DbOrTx,
    roundId: string,
    departmentId: string,
    at: Date,
    by: string,
    note: string | null,
  ) {
    const rows = await tx
      .update(censusReturns)
      .set({ status: 'submitted', submittedAt: at, submittedBy: by, note })
      .where(
        and(
          eq(censusReturns.roundId, roundId),
          eq(censusReturns.departmentId, departmentId),
          eq(censusReturns.status, 'pending'),
        ),
      )
      .returning({ roundId: censusReturns.roundId });
    return rows.length > 0;
  }

  /** Per department of the round (or one department): totals and done counts of systems and datasets. */
  async progress(roundId: string, departmentId: string | null, tx: DbOrTx = this.db): Promise<ProgressRow[]> {
    const result = (await tx.execute(sql`${entityStates(roundId)}, agg as (
        select department_id,
               count(*) filter (where entity_type = 'system')::int as systems_total,
               count(*) filter (where entity_type = 'system' and state <> 'pending')::int as systems_done,
               count(*) filter (where entity_type = 'dataset')::int as datasets_total,
               count(*) filter (where entity_type = 'dataset' and state <> 'pending')::int as datasets_done
          from st group by department_id
      )
      select ret.department_id, dep.code, dep.name, ret.status, ret.submitted_at, ret.submitted_by, ret.note,
             coalesce(agg.systems_total, 0) as systems_total, coalesce(agg.systems_done, 0) as systems_done,
             coalesce(agg.datasets_total, 0) as datasets_total, coalesce(agg.datasets_done, 0) as datasets_done
        from ${censusReturns} ret
        join ${departments} dep on dep.id = ret.department_id
        left join agg on agg.department_id = ret.department_id
       where ret.round_id = ${roundId}${departmentId ? sql` and ret.department_id = ${departmentId}` : sql``}
       order by dep.code`)) as unknown as Rows<{
      department_id: string;
      code: string;
      name: string;
      status: 'pending' | 'submitted';
      submitted_at: Date | string | null;
      submitted_by: string | null;
      note: string | null;
      systems_total: number;
      systems_done: number;
      datasets_total: number;
      datasets_done: number;
    }>;
    return result.rows.map((r) => ({
      departmentId: r.department_id,
      code: r.code,
      name: r.name,
      status: r.status,
      submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
      submittedBy: r.submitted_by,
      note: r.note,
      systemsTotal: Number(r.systems_total),
      systemsDone: Number(r.systems_done),
      datasetsTotal: Number(r.datasets_total),
      datasetsDone: Number(r.datasets_done),
    }));
  }

  /** One department's systems and datasets with their state in the round. */
  async items(roundId: string, departmentId: string): Promise<ItemRow[]> {
    const result = (await this.db.execute(sql`${entityStates(roundId)}
      select entity_type, id, code, name, status, state, at from st
       where department_id = ${departmentId}
       order by entity_type desc, code`)) as unknown as Rows<{
      entity_type: EntityType;
      id: string;
      code: string;
      name: string;
      status: string;
      state: CensusState;
      at: Date | string | null;
    }>;
    return result.rows.map((r) => ({
      entityType: r.entity_type,
      id: r.id,
      code: r.code,
      name: r.name,
      status: r.status,
      state: r.state,
      at: r.at === null ? null : new Date(r.at),
    }));
  }

  /** Which of these entities belong to the department. */
  async ownedIds(entityType: EntityType, ids: string[], departmentId: string): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const table = entityType === 'system' ? systems : datasets;
    const rows = await this.db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids), eq(table.departmentId, departmentId)));
    return new Set(rows.map((r) => r.id));
  }

  async confirm(
    tx: DbOrTx,
    rows: {
      roundId: string;
      departmentId: string;
      entityType: EntityType;
      entityId: string;
      at: Date;
      by: string;
    }[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const out = await tx
      .insert(censusItems)
      .values(rows.map((r) => ({ ...r, action: 'confirmed' as const })))
      .onConflictDoNothing()
      .returning({ id: censusItems.entityId });
    return out.length;
  }
}
