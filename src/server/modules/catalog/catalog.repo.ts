import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { departments } from '../org/org.tables.ts';
import { systems } from '../registry/registry.tables.ts';
import {
  datasetReviews,
  datasets,
  datasetVersions,
  datasetViews,
  systemConsumedDatasets,
  REVIEW_ACTIONS,
} from './catalog.tables.ts';
import { datasetSearchDocuments, datasetSearchVector, type SearchableDataset } from './search-vector.ts';

// Every column but the search vector, which only search reads.
const { searchVector: _searchVector, ...datasetColumns } = getTableColumns(datasets);

export type DatasetRow = Omit<typeof datasets.$inferSelect, 'searchVector'>;
/** The columns an entry's content is written to (the rest are lifecycle and bookkeeping). */
export type DatasetValues = Pick<
  DatasetRow,
  | 'code'
  | 'name'
  | 'summary'
  | 'category'
  | 'baseResource'
  | 'theme'
  | 'sourceSystemId'
  | 'format'
  | 'formatDetail'
  | 'fields'
  | 'maxLevel'
  | 'sharingType'
  | 'sharingConditions'
  | 'sharingMethod'
  | 'openType'
  | 'openConditions'
  | 'updateFrequency'
  | 'releaseDate'
  | 'keywords'
  | 'relatedCodes'
>;

/** An entry with what it refers to: its provider and its source system. */
export interface DatasetWithRefs extends DatasetRow {
  departmentName: string;
  system: { id: string; code: string; name: string } | null;
}

export interface NewDataset extends DatasetValues {
  departmentId: string;
  regionCode: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const withRefs = {
  ...datasetColumns,
  departmentName: departments.name,
  systemId: systems.id,
  systemCode: systems.code,
  systemName: systems.name,
};

function toRefs(
  r: {
    systemId: string | null;
    systemCode: string | null;
    systemName: string | null;
  } & Omit<DatasetWithRefs, 'system'>,
): DatasetWithRefs {
  const { systemId, systemCode, systemName, ...row } = r;
  return {
    ...row,
    system: systemId ? { id: systemId, code: systemCode ?? '', name: systemName ?? '' } : null,
  };
}

/** Catalogue entries, their versions, review log and page views. */
export class CatalogRepo {
  constructor(private readonly db: Db) {}

  private selectWithRefs(tx: DbOrTx) {
    return tx
      .select(withRefs)
      .from(datasets)
      .innerJoin(departments, eq(departments.id, datasets.departmentId))
      .leftJoin(systems, eq(systems.id, datasets.sourceSystemId));
  }

  /** One entry, if the caller's visibility rule (SQL) lets them see it. */
  async find(id: string, visibility: SQL, tx: DbOrTx = this.db): Promise<DatasetWithRefs | undefined> {
    const [row] = await this.selectWithRefs(tx).where(and(eq(datasets.id, id), visibility));
    return row && toRefs(row);
  }

  async findByCodes(codes: readonly string[], tx: DbOrTx = this.db): Promise<DatasetWithRefs[]> {
    const out: DatasetWithRefs[] = [];
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await this.selectWithRefs(tx).where(inArray(datasets.code, codes.slice(i, i + 1000)));
      out.push(...rows.map(toRefs));
    }
    return out;
  }

  async visible(id: string, visibility: SQL): Promise<boolean> {
    const [row] = await this.db
      .select({ id: datasets.id })
      .from(datasets)
      .where(and(eq(datasets.id, id), visibility));
    return !!row;
  }

  async codeTaken(code: string, tx: DbOrTx = this.db): Promise<boolean> {
    const [row] = await tx.select({ id: datasets.id }).from(datasets).where(eq(datasets.code, code));
    return !!row;
  }

  /**
   * Inserts entries, search vectors computed in the same statement. The rows travel as one JSON
   * parameter per chunk (jsonb_to_recordset): a multi-row VALUES list with a parameter per cell costs
   * seconds per thousand rows to build and bind, which an import of 5,000 entries cannot afford.
   * Returns the new ids by code.
   */
  async insertMany(
    tx: DbOrTx,
    rows: readonly NewDataset[],
    departmentNames: ReadonlyMap<string, string>,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 1000) {
      const payload = rows.slice(i, i + 1000).map((r) => ({
        code: r.code,
        name: r.name,
        summary: r.summary,
        category: r.category,
        base_resource: r.baseResource,
        theme: r.theme,
        department_id: r.departmentId,
        region_code: r.regionCode,
        source_system_id: r.sourceSystemId,
        format: r.format,
        format_detail: r.formatDetail,
        fields: r.fields,
        max_level: r.maxLevel,
        sharing_type: r.sharingType,
        sharing_conditions: r.sharingConditions,
        sharing_method: r.sharingMethod,
        open_type: r.openType,
        open_conditions: r.openConditions,
        update_frequency: r.updateFrequency,
        release_date: r.releaseDate,
        keywords: r.keywords,
        related_codes: r.relatedCodes,
        created_by: r.createdBy,
        created_at: r.createdAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
        ...datasetSearchDocuments({ ...r, departmentName: departmentNames.get(r.departmentId) }),
      }));
      const result = (await tx.execute(sql`
        insert into datasets (code, name, summary, category, base_resource, theme, department_id, region_code,
          source_system_id, format, format_detail, fields, max_level, sharing_type, sharing_conditions,
          sharing_method, open_type, open_conditions, update_frequency, release_date, keywords, related_codes,
          created_by, created_at, updated_at, search_vector)
        select code, name, summary, category, base_resource, theme, department_id, region_code,
          source_system_id, format, format_detail, fields, max_level, sharing_type, sharing_conditions,
          sharing_method, open_type, open_conditions, update_frequency, release_date::date,
          array(select jsonb_array_elements_text(keywords)), array(select jsonb_array_elements_text(related_codes)),
          created_by, created_at, updated_at,
          setweight(to_tsvector('simple', doc_a), 'A') || setweight(to_tsvector('simple', doc_b), 'B') ||
            setweight(to_tsvector('simple', doc_c), 'C') || setweight(to_tsvector('simple', doc_d), 'D')
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(code text, name text, summary text,
          category text, base_resource text, theme text, department_id uuid, region_code text, source_system_id uuid,
          format text, format_detail text, fields jsonb, max_level text, sharing_type text, sharing_conditions text,
          sharing_method text, open_type text, open_conditions text, update_frequency text, release_date text,
          keywords jsonb, related_codes jsonb, created_by text, created_at timestamptz, updated_at timestamptz,
          doc_a text, doc_b text, doc_c text, doc_d text)
        returning id, code`)) as unknown as { rows: { id: string; code: string }[] };
      for (const row of result.rows) ids.set(row.code, row.id);
    }
    return ids;
  }

  /**
   * Changes an entry only if it is still in the state the caller decided on (status and last change,
   * to the millisecond): of two concurrent changes one wins, the other gets nothing back.
   */
  async updateGuarded(
    tx: DbOrTx,
    id: string,
    seen: { status: DatasetRow['status']; updatedAt: Date },
    values: Partial<DatasetValues> &
      Partial<Pick<DatasetRow, 'status' | 'version' | 'publishedAt'>> & { updatedAt: Date },
    /** When the content changes: what it is found by now. */
    search: SearchableDataset | null,
  ): Promise<boolean> {
    const rows = await tx
      .update(datasets)
      .set({ ...values, ...(search ? { searchVector: datasetSearchVector(search) } : {}) })
      .where(
        and(
          eq(datasets.id, id),
          eq(datasets.status, seen.status),
          sql`date_trunc('milliseconds', ${datasets.updatedAt}) = date_trunc('milliseconds', ${seen.updatedAt.toISOString()}::timestamptz)`,
        ),
      )
      .returning({ id: datasets.id });
    return rows.length === 1;
  }

  /** One step of the lifecycle log (the action is apart: it is no audit action). */
  async insertReview(
    tx: DbOrTx,
    action: ReviewAction,
    r: {
      datasetId: string;
      fromStatus: DatasetRow['status'];
      toStatus: DatasetRow['status'];
      comment: string | null;
      actorId: string | null;
      actorName: string;
      at: Date;
    },
  ) {
    await tx.insert(datasetReviews).values({ ...r, action });
  }

  /** Who last submitted the entry for review (the reviewer must be someone else). */
  async lastSubmitter(tx: DbOrTx, datasetId: string): Promise<string | null> {
    const [row] = await tx
      .select({ actorId: datasetReviews.actorId })
      .from(datasetReviews)
      .where(and(eq(datasetReviews.datasetId, datasetId), eq(datasetReviews.action, 'submit')))
      .orderBy(desc(datasetReviews.at), desc(datasetReviews.id))
      .limit(1);
    return row?.actorId ?? null;
  }

  async insertVersion(
    tx: DbOrTx,
    v: {
      datasetId: string;
      version: number;
      snapshot: Record<string, unknown>;
      note: string | null;
      createdBy: string;
      createdAt: Date;
    },
  ) {
    await tx.insert(datasetVersions).values(v);
  }

  versions(datasetId: string) {
    return this.db
      .select({
        version: datasetVersions.version,
        note: datasetVersions.note,
        createdAt: datasetVersions.createdAt,
        createdBy: datasetVersions.createdBy,
      })
      .from(datasetVersions)
      .where(eq(datasetVersions.datasetId, datasetId))
      .orderBy(asc(datasetVersions.version));
  }

  async version(datasetId: string, version: number) {
    const [row] = await this.db
      .select()
      .from(datasetVersions)
      .where(and(eq(datasetVersions.datasetId, datasetId), eq(datasetVersions.version, version)));
    return row;
  }

  reviews(datasetId: string) {
    return this.db
      .select()
      .from(datasetReviews)
      .where(eq(datasetReviews.datasetId, datasetId))
      .orderBy(asc(datasetReviews.at), asc(datasetReviews.id));
  }

  /** Systems that consume an entry, with their owner's name. */
  relatedSystems(datasetId: string) {
    return this.db
      .select({ id: systems.id, code: systems.code, name: systems.name, department: departments.name })
      .from(systemConsumedDatasets)
      .innerJoin(systems, eq(systems.id, systemConsumedDatasets.systemId))
      .innerJoin(departments, eq(departments.id, systems.departmentId))
      .where(eq(systemConsumedDatasets.datasetId, datasetId))
      .orderBy(asc(systems.code));
  }

  /** Counts a page view of the entry on a day (one cheap upsert). */
  async countView(datasetId: string, day: string) {
    await this.db
      .insert(datasetViews)
      .values({ datasetId, day, count: 1 })
      .onConflictDoUpdate({
        target: [datasetViews.datasetId, datasetViews.day],
        set: { count: sql`${datasetViews.count} + 1` },
      });
  }

  // ----- references -----

  async department(id: string, tx: DbOrTx = this.db) {
    const [row] = await tx
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        regionCode: departments.regionCode,
      })
      .from(departments)
      .where(eq(departments.id, id));
    return row;
  }

  allDepartments() {
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

  async system(id: string, tx: DbOrTx = this.db) {
    const [row] = await tx
      .select({ id: systems.id, code: systems.code, name: systems.name, departmentId: systems.departmentId })
      .from(systems)
      .where(eq(systems.id, id));
    return row;
  }

  async systemsByCodes(codes: readonly string[]) {
    if (codes.length === 0) return [];
    return this.db
      .select({ id: systems.id, code: systems.code, name: systems.name, departmentId: systems.departmentId })
      .from(systems)
      .where(inArray(systems.code, [...codes]));
  }
}
