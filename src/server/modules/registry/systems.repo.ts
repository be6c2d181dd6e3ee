import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { contains, startsWith } from '../../db/patterns.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { datasets, systemConsumedDatasets } from '../catalog/catalog.tables.ts';
import { departments } from '../org/org.tables.ts';
import type { RowScope } from '../org/users.repo.ts';
import { systemFlags, systems, SYSTEM_FLAG_KINDS } from './registry.tables.ts';

export type SystemRow = typeof systems.$inferSelect;
export type SystemInsert = typeof systems.$inferInsert;
export type FlagKind = (typeof SYSTEM_FLAG_KINDS)[number];

export const SYSTEM_SORTS = [
  'name',
  '-name',
  'code',
  'launchDate',
  '-launchDate',
  'updatedAt',
  '-updatedAt',
] as const;
export type SystemSort = (typeof SYSTEM_SORTS)[number];

export interface SystemFilter {
  q?: string | undefined;
  departmentId?: string | undefined;
  origin?: SystemRow['origin'] | undefined;
  level?: SystemRow['level'] | undefined;
  deployment?: SystemRow['deployment'] | undefined;
  status?: SystemRow['status'] | undefined;
  securityLevel?: number | undefined;
  flag?: FlagKind | undefined;
}

/** A flag that still stands (not dismissed or cleared) on a system, on either side of a pair. */
const liveFlagOf = (kind?: FlagKind) => sql`exists (select 1 from ${systemFlags} f
  where (f.system_id = ${systems.id} or f.other_system_id = ${systems.id})
    and f.status in ('open', 'confirmed')${kind ? sql` and f.kind = ${kind}` : sql``})`;

/** Systems (信息系统) and the datasets they consume; scope applied in SQL. */
export class SystemsRepo {
  constructor(private readonly db: Db) {}

  scopeWhere(scope: RowScope): SQL | undefined {
    return and(
      scope.regionPrefix ? startsWith(systems.regionCode, scope.regionPrefix) : undefined,
      scope.departmentId ? eq(systems.departmentId, scope.departmentId) : undefined,
    );
  }

  private where(scope: RowScope, f: SystemFilter): SQL | undefined {
    return and(
      this.scopeWhere(scope),
      f.q
        ? or(contains(systems.name, f.q), contains(systems.code, f.q), contains(systems.purpose, f.q))
        : undefined,
      f.departmentId ? eq(systems.departmentId, f.departmentId) : undefined,
      f.origin ? eq(systems.origin, f.origin) : undefined,
      f.level ? eq(systems.level, f.level) : undefined,
      f.deployment ? eq(systems.deployment, f.deployment) : undefined,
      f.status ? eq(systems.status, f.status) : undefined,
      f.securityLevel ? eq(systems.securityLevel, f.securityLevel) : undefined,
      f.flag ? liveFlagOf(f.flag) : undefined,
    );
  }

  async list(scope: RowScope, f: SystemFilter, sort: SystemSort, page: number, pageSize: number) {
    const w = this.where(scope, f);
    const order = {
      name: asc(systems.name),
      '-name': desc(systems.name),
      code: asc(systems.code),
      launchDate: sql`${systems.launchDate} asc nulls last`,
      '-launchDate': sql`${systems.launchDate} desc nulls last`,
      updatedAt: asc(systems.updatedAt),
      '-updatedAt': desc(systems.updatedAt),
    }[sort];
    const rows = await this.db
      .select({
        system: systems,
        departmentName: departments.name,
        flags: sql<
          FlagKind[]
        >`coalesce((select array_agg(distinct f.kind order by f.kind) from ${systemFlags} f
          where (f.system_id = ${systems.id} or f.other_system_id = ${systems.id})
            and f.status in ('open', 'confirmed')), '{}')`,
      })
      .from(systems)
      .innerJoin(departments, eq(departments.id, systems.departmentId))
      .where(w)
      .orderBy(order, asc(systems.code))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await this.db.select({ n: count() }).from(systems).where(w);
    return {
      items: rows.map((r) => ({ ...r.system, departmentName: r.departmentName, flags: r.flags })),
      total: total?.n ?? 0,
    };
  }

  /** One system in the scope, with its department's name. */
  async get(scope: RowScope, id: string, tx: DbOrTx = this.db) {
    const [row] = await tx
      .select({ system: systems, departmentName: departments.name })
      .from(systems)
      .innerJoin(departments, eq(departments.id, systems.departmentId))
      .where(and(eq(systems.id, id), this.scopeWhere(scope)));
    return row ? { ...row.system, departmentName: row.departmentName } : undefined;
  }

  async byCode(code: string, tx: DbOrTx = this.db) {
    const [row] = await tx.select({ id: systems.id }).from(systems).where(eq(systems.code, code));
    return row;
  }

  /** The systems of these codes that the scope reaches. */
  async byCodes(scope: RowScope, codes: string[], tx: DbOrTx = this.db) {
    if (codes.length === 0) return [];
    return tx
      .select({ id: systems.id, code: systems.code })
      .from(systems)
      .where(and(inArray(systems.code, codes), this.scopeWhere(scope)));
  }

  /** The systems of these codes, whoever keeps them (an import decides what the caller may change). */
  async withCodes(codes: string[], tx: DbOrTx = this.db): Promise<SystemRow[]> {
    const out: SystemRow[] = [];
    for (let i = 0; i < codes.length; i += 1000)
      out.push(
        ...(await tx
          .select()
          .from(systems)
          .where(inArray(systems.code, codes.slice(i, i + 1000)))),
      );
    return out;
  }

  /** Every department, as an import names them (by code, name or short name). */
  departments() {
    return this.db
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        shortName: departments.shortName,
        regionCode: departments.regionCode,
      })
      .from(departments);
  }

  async insertMany(tx: DbOrTx, rows: SystemInsert[]) {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(systems).values(rows.slice(i, i + 500));
  }

  async insert(tx: DbOrTx, values: SystemInsert) {
    const [row] = await tx.insert(systems).values(values).returning();
    return row!;
  }

  async update(tx: DbOrTx, id: string, values: Partial<SystemInsert>, at: Date) {
    await tx
      .update(systems)
      .set({ ...values, updatedAt: at })
      .where(eq(systems.id, id));
  }

  /** Datasets whose source system this is, among those the caller may see. */
  produced(id: string, visible: SQL) {
    return this.db
      .select({ id: datasets.id, code: datasets.code, name: datasets.name, status: datasets.status })
      .from(datasets)
      .where(and(eq(datasets.sourceSystemId, id), visible))
      .orderBy(asc(datasets.code));
  }

  /** Datasets this system declares it consumes, among those the caller may see. */
  consumed(id: string, visible: SQL) {
    return this.db
      .select({ id: datasets.id, code: datasets.code, name: datasets.name, status: datasets.status })
      .from(systemConsumedDatasets)
      .innerJoin(datasets, eq(datasets.id, systemConsumedDatasets.datasetId))
      .where(and(eq(systemConsumedDatasets.systemId, id), visible))
      .orderBy(asc(datasets.code));
  }

  async consumedIds(tx: DbOrTx, id: string): Promise<string[]> {
    const rows = await tx
      .select({ id: systemConsumedDatasets.datasetId })
      .from(systemConsumedDatasets)
      .where(eq(systemConsumedDatasets.systemId, id));
    return rows.map((r) => r.id);
  }

  /** Which of these datasets exist among those the caller may see. */
  async visibleDatasetIds(ids: string[], visible: SQL): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: datasets.id })
      .from(datasets)
      .where(and(inArray(datasets.id, ids), visible));
    return new Set(rows.map((r) => r.id));
  }

  async setConsumed(tx: DbOrTx, id: string, datasetIds: string[]) {
    await tx.delete(systemConsumedDatasets).where(eq(systemConsumedDatasets.systemId, id));
    if (datasetIds.length)
      await tx
        .insert(systemConsumedDatasets)
        .values(datasetIds.map((datasetId) => ({ systemId: id, datasetId })));
  }

  /** Every system, as the flag scan needs it. */
  all(tx: DbOrTx = this.db) {
    return tx
      .select({
        id: systems.id,
        code: systems.code,
        name: systems.name,
        purpose: systems.purpose,
        status: systems.status,
        launchDate: systems.launchDate,
        userCount: systems.userCount,
      })
      .from(systems);
  }

  /** Names of the datasets each system produces. */
  producedNames(tx: DbOrTx = this.db) {
    return tx
      .select({ systemId: datasets.sourceSystemId, name: datasets.name })
      .from(datasets)
      .where(isNotNull(datasets.sourceSystemId));
  }
}
