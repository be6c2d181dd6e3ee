import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import { searchQuery } from '../../../domain/search-tokens.ts';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../db/patterns.ts';
import type { Principal } from '../auth/principal.ts';
import { departments, regions, userRoles, users } from '../org/org.tables.ts';
import {
  BASE_RESOURCES,
  CLASSIFICATION_LEVELS,
  DATASET_CATEGORIES,
  DATASET_FORMATS,
  DATASET_STATUSES,
  datasets,
  OPEN_TYPES,
  SHARING_TYPES,
  UPDATE_FREQUENCIES,
} from './catalog.tables.ts';
import { datasetVisibility } from './visibility.ts';

export type DatasetStatus = (typeof DATASET_STATUSES)[number];
type OneOrMany<T> = T | readonly T[] | undefined;

/** What a catalogue list can be narrowed by (every condition must hold). */
export interface DatasetFilter {
  /** Free text: names, keywords, code, field labels, provider, summary (bigram full text), or an exact code. */
  q?: string | undefined;
  /** One or several provider departments. */
  departmentId?: readonly string[] | undefined;
  category?: OneOrMany<(typeof DATASET_CATEGORIES)[number]>;
  baseResource?: OneOrMany<(typeof BASE_RESOURCES)[number]>;
  sharingType?: OneOrMany<(typeof SHARING_TYPES)[number]>;
  openType?: OneOrMany<(typeof OPEN_TYPES)[number]>;
  /** The entry's highest field level (max_level). */
  level?: OneOrMany<(typeof CLASSIFICATION_LEVELS)[number]>;
  updateFrequency?: OneOrMany<(typeof UPDATE_FREQUENCIES)[number]>;
  format?: OneOrMany<(typeof DATASET_FORMATS)[number]>;
  /** A format's detail as the provider wrote it (CSV, Oracle table), case-insensitive. */
  formatDetail?: string | undefined;
  /** Narrows within what the caller may see; it never widens it. */
  status?: OneOrMany<DatasetStatus>;
  sourceSystemId?: string | undefined;
  /** Exact keywords (tags); every one must be present. */
  keyword?: OneOrMany<string>;
  /** Keywords of which at least one must be present. */
  keywordAny?: readonly string[] | undefined;
  /** Entries changed at or after this instant. */
  modifiedSince?: Date | undefined;
  /** Only these ids (CKAN `id:` clauses). */
  ids?: readonly string[] | undefined;
  /** Only these codes (CKAN `name:` clauses). */
  codes?: readonly string[] | undefined;
}

export const DATASET_SORTS = [
  'relevance',
  'name',
  '-name',
  'updatedAt',
  '-updatedAt',
  '-releaseDate',
  'code',
  '-code',
] as const;
export type DatasetSort = (typeof DATASET_SORTS)[number];

/** The facets a list is counted by. */
export const FACETS = [
  'department',
  'category',
  'sharingType',
  'openType',
  'maxLevel',
  'updateFrequency',
  'format',
  'status',
] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetCount {
  value: string;
  count: number;
  /** Departments: their name and code. */
  name?: string;
  code?: string;
}
export type Facets = Record<FacetName, FacetCount[]>;

/** The columns of a facet, for the one GROUPING SETS query. */
const FACET_COLUMNS: Record<FacetName, string> = {
  department: 'department_id',
  category: 'category',
  sharingType: 'sharing_type',
  openType: 'open_type',
  maxLevel: 'max_level',
  updateFrequency: 'update_frequency',
  format: 'format',
  status: 'status',
};

/** Relevance weights for D, C, B, A (summary, field labels + provider, keywords + code, name). */
const RANK_WEIGHTS = '{0.1,0.3,0.6,1.0}';

const listColumns = {
  id: datasets.id,
  code: datasets.code,
  name: datasets.name,
  summary: datasets.summary,
  category: datasets.category,
  baseResource: datasets.baseResource,
  theme: datasets.theme,
  departmentId: datasets.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  departmentCreatedAt: departments.createdAt,
  regionCode: datasets.regionCode,
  sourceSystemId: datasets.sourceSystemId,
  format: datasets.format,
  formatDetail: datasets.formatDetail,
  maxLevel: datasets.maxLevel,
  sharingType: datasets.sharingType,
  sharingConditions: datasets.sharingConditions,
  sharingMethod: datasets.sharingMethod,
  openType: datasets.openType,
  openConditions: datasets.openConditions,
  updateFrequency: datasets.updateFrequency,
  releaseDate: datasets.releaseDate,
  keywords: datasets.keywords,
  relatedCodes: datasets.relatedCodes,
  status: datasets.status,
  version: datasets.version,
  publishedAt: datasets.publishedAt,
  createdAt: datasets.createdAt,
  updatedAt: datasets.updatedAt,
};

/** One catalogue entry as lists, the CKAN API and the DCAT export present it (no fields, no search vector). */
export type DatasetListRow = {
  [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['notNull'] extends true
    ? (typeof listColumns)[K]['_']['data']
    : (typeof listColumns)[K]['_']['data'] | null;
};

const asArray = <T>(v: OneOrMany<T>): readonly T[] =>
  v === undefined ? [] : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/** `column = v` or `column in (…)`; an empty list matches nothing. */
function oneOf<T extends string>(column: AnyColumn, v: OneOrMany<T>): SQL | undefined {
  if (v === undefined) return undefined;
  const values = asArray(v);
  if (values.length === 0) return sql`false`;
  return values.length === 1 ? eq(column, values[0]!) : inArray(column, [...values]);
}

/** The tsquery text of a free-text query, or null when it has nothing to search for. */
function textQuery(f: DatasetFilter): string | null {
  return f.q?.trim() ? searchQuery(f.q) : null;
}

/**
 * The SQL of the core search, without our layers (visibility, filters, facets, presenters): the
 * bench times it beside the API as the baseline on the same GIN index. $1 is `searchQuery(q)`.
 */
export const BASELINE_SEARCH_SQL = `select id, code, name
  from datasets
 where search_vector @@ to_tsquery('simple', $1) and status = 'published'
 order by ts_rank_cd('${RANK_WEIGHTS}', search_vector, to_tsquery('simple', $1)) desc, name
 limit 20`;

/**
 * Catalogue search: visibility (datasetVisibility, in SQL), filters, full text with relevance
 * ranking, sort, paging and facets. A page costs two statements: the page of items, and the total
 * with every facet counted in one GROUPING SETS pass over the matching rows.
 */
export class CatalogSearch {
  constructor(private readonly db: Db) {}

  /** Rows of a hand-written statement (both drivers answer with `rows`). */
  private async rows<T>(query: SQL): Promise<T[]> {
    return ((await this.db.execute(query)) as unknown as { rows: T[] }).rows;
  }

  /** The WHERE of a list: what the caller may see, narrowed by the filter. */
  where(p: Principal | null, f: DatasetFilter): SQL {
    const conditions: (SQL | undefined)[] = [datasetVisibility(p)];
    const tsq = textQuery(f);
    if (tsq) {
      const text = sql`${datasets.searchVector} @@ to_tsquery('simple', ${tsq})`;
      conditions.push(or(text, eq(datasets.code, f.q!.trim())));
    }
    const depts = f.departmentId ?? [];
    if (depts.length) conditions.push(inArray(datasets.departmentId, [...depts]));
    conditions.push(
      oneOf(datasets.category, f.category),
      oneOf(datasets.baseResource, f.baseResource),
      oneOf(datasets.sharingType, f.sharingType),
      oneOf(datasets.openType, f.openType),
      oneOf(datasets.maxLevel, f.level),
      oneOf(datasets.updateFrequency, f.updateFrequency),
      oneOf(datasets.format, f.format),
      oneOf(datasets.status, f.status),
    );
    if (f.formatDetail) conditions.push(ilike(datasets.formatDetail, escapeLike(f.formatDetail)));
    if (f.sourceSystemId) conditions.push(eq(datasets.sourceSystemId, f.sourceSystemId));
    const keywords = asArray(f.keyword);
    if (keywords.length) conditions.push(arrayContains(datasets.keywords, [...keywords]));
    if (f.keywordAny) conditions.push(arrayOverlaps(datasets.keywords, [...f.keywordAny]));
    if (f.modifiedSince) conditions.push(gte(datasets.updatedAt, f.modifiedSince));
    if (f.ids) conditions.push(f.ids.length ? inArray(datasets.id, [...f.ids]) : sql`false`);
    if (f.codes) conditions.push(f.codes.length ? inArray(datasets.code, [...f.codes]) : sql`false`);
    return and(...conditions)!;
  }

  private orderBy(f: DatasetFilter, sort: DatasetSort): SQL[] {
    const tsq = textQuery(f);
    const tie = [asc(datasets.name), asc(datasets.id)];
    switch (sort) {
      case 'relevance':
        return tsq
          ? [
              desc(
                sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${datasets.searchVector}, to_tsquery('simple', ${tsq}))`,
              ),
              ...tie,
            ]
          : [desc(datasets.updatedAt), asc(datasets.id)];
      case 'name':
        return tie;
      case '-name':
        return [desc(datasets.name), asc(datasets.id)];
      case 'updatedAt':
        return [asc(datasets.updatedAt), asc(datasets.id)];
      case '-updatedAt':
        return [desc(datasets.updatedAt), asc(datasets.id)];
      case '-releaseDate':
        return [sql`${datasets.releaseDate} desc nulls last`, ...tie];
      case 'code':
        return [asc(datasets.code)];
      case '-code':
        return [desc(datasets.code)];
    }
  }

  /** A page of entries (offset and limit), without counting. */
  async items(
    p: Principal | null,
    f: DatasetFilter,
    sort: DatasetSort,
    offset: number,
    limit: number,
  ): Promise<DatasetListRow[]> {
    return this.db
      .select(listColumns)
      .from(datasets)
      .innerJoin(departments, eq(departments.id, datasets.departmentId))
      .where(this.where(p, f))
      .orderBy(...this.orderBy(f, sort))
      .limit(limit)
      .offset(offset);
  }

  /** How many entries match, and (when asked) every facet's counts, in one statement. */
  async counts(
    p: Principal | null,
    f: DatasetFilter,
    withFacets: boolean,
  ): Promise<{ total: number; facets: Facets | null }> {
    const where = this.where(p, f);
    if (!withFacets) {
      const [row] = await this.db
        .select({ n: sql<number>`count(*)::int` })
        .from(datasets)
        .where(where);
      return { total: row?.n ?? 0, facets: null };
    }
    const sets = FACETS.map((k) => `(${FACET_COLUMNS[k]})`).join(', ');
    const which = FACETS.map((k) => `when grouping(${FACET_COLUMNS[k]}) = 0 then '${k}'`).join(' ');
    const value = FACETS.map((k) => `${FACET_COLUMNS[k]}::text`).join(', ');
    const cols = FACETS.map((k) => FACET_COLUMNS[k]).join(', ');
    const rows = await this.rows<{
      facet: FacetName | 'total';
      value: string | null;
      n: number;
      name: string | null;
      code: string | null;
    }>(sql`
      with f as (
        select case ${sql.raw(which)} else 'total' end as facet,
               coalesce(${sql.raw(value)}) as value,
               count(*)::int as n
          from (select ${sql.raw(cols)} from datasets where ${where}) m
         group by grouping sets (${sql.raw(sets)}, ())
      )
      select f.facet, f.value, f.n, dep.name, dep.code
        from f left join departments dep on f.facet = 'department' and dep.id::text = f.value
       order by f.n desc, f.value`);
    const facets = Object.fromEntries(FACETS.map((k) => [k, [] as FacetCount[]])) as unknown as Facets;
    let total = 0;
    for (const r of rows) {
      if (r.facet === 'total') {
        total = Number(r.n);
        continue;
      }
      const entry: FacetCount = { value: r.value ?? '', count: Number(r.n) };
      if (r.facet === 'department') {
        entry.name = r.name ?? '';
        entry.code = r.code ?? '';
      }
      facets[r.facet].push(entry);
    }
    return { total, facets };
  }

  /** A page of the list with its total and facets (1-based pages). */
  async search(
    p: Principal | null,
    f: DatasetFilter,
    sort: DatasetSort,
    page: number,
    pageSize: number,
    opts: { facets?: boolean } = {},
  ): Promise<{ items: DatasetListRow[]; total: number; facets: Facets | null }> {
    const [items, counts] = await Promise.all([
      this.items(p, f, sort, (page - 1) * pageSize, pageSize),
      this.counts(p, f, opts.facets ?? true),
    ]);
    return { items, ...counts };
  }

  /** One entry the caller may see, by id or by code. */
  async one(p: Principal | null, key: { id: string } | { code: string }, f: DatasetFilter = {}) {
    const [row] = await this.items(
      p,
      { ...f, ...('id' in key ? { ids: [key.id] } : { codes: [key.code] }) },
      'code',
      0,
      1,
    );
    return row;
  }

  /**
   * Entries in id order after `afterId` (keyset paging): how the DCAT export walks the whole
   * catalogue with flat memory.
   */
  async after(p: Principal | null, f: DatasetFilter, afterId: string | null, limit: number) {
    return this.db
      .select(listColumns)
      .from(datasets)
      .innerJoin(departments, eq(departments.id, datasets.departmentId))
      .where(and(this.where(p, f), afterId ? gt(datasets.id, afterId) : undefined))
      .orderBy(asc(datasets.id))
      .limit(limit);
  }

  /** How many entries match and when the latest of them changed. */
  async summary(p: Principal | null, f: DatasetFilter): Promise<{ total: number; modified: Date | null }> {
    const [row] = await this.db
      .select({
        n: sql<number>`count(*)::int`,
        modified: sql<string | null>`max(${datasets.updatedAt})::text`,
      })
      .from(datasets)
      .where(this.where(p, f));
    return {
      total: Number(row?.n ?? 0),
      modified: row?.modified ? new Date(row.modified) : null,
    };
  }

  /** The codes of matching entries in code order (CKAN package_list). */
  async codes(p: Principal | null, f: DatasetFilter, offset: number, limit: number | null) {
    const q = this.db
      .select({ code: datasets.code })
      .from(datasets)
      .where(this.where(p, f))
      .orderBy(asc(datasets.code))
      .offset(offset);
    const rows = await (limit === null ? q : q.limit(limit));
    return rows.map((r) => r.code);
  }

  /** Keywords of matching entries with their counts (most used first), optionally by prefix. */
  async keywordCounts(
    p: Principal | null,
    f: DatasetFilter,
    opts: { prefix?: string | undefined; limit?: number | undefined; order?: 'count' | 'name' } = {},
  ): Promise<{ keyword: string; count: number }[]> {
    const prefix = opts.prefix ? sql`and k like ${`${escapeLike(opts.prefix)}%`}` : sql``;
    const order = opts.order === 'name' ? sql`k` : sql`n desc, k`;
    const limit = opts.limit ? sql`limit ${opts.limit}` : sql``;
    const rows = await this.rows<{ k: string; n: number }>(sql`
      select k, count(*)::int as n
        from datasets, unnest(${datasets.keywords}) as k
       where ${this.where(p, f)} ${prefix}
       group by k order by ${order} ${limit}`);
    return rows.map((r) => ({ keyword: r.k, count: Number(r.n) }));
  }

  /** Matching entries per department (CKAN organization package_count). */
  async countsByDepartment(p: Principal | null, f: DatasetFilter): Promise<Map<string, number>> {
    const rows = await this.db
      .select({ id: datasets.departmentId, n: sql<number>`count(*)::int` })
      .from(datasets)
      .where(this.where(p, f))
      .groupBy(datasets.departmentId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  /** Every department (the catalogue's organisations), by code. */
  async departments(key?: { id: string } | { code: string }) {
    return this.db
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        shortName: departments.shortName,
        createdAt: departments.createdAt,
      })
      .from(departments)
      .where(key ? ('id' in key ? eq(departments.id, key.id) : eq(departments.code, key.code)) : undefined)
      .orderBy(asc(departments.code));
  }

  /** Who runs the catalogue: the district's name and the department of the data bureau's administrators. */
  async site(): Promise<{
    districtName: string | null;
    bureau: { id: string; code: string; name: string } | null;
  }> {
    const [district] = await this.db
      .select({ name: regions.name })
      .from(regions)
      .where(eq(regions.level, 'district'))
      .orderBy(asc(regions.code))
      .limit(1);
    const [bureau] = await this.db
      .select({ id: departments.id, code: departments.code, name: departments.name })
      .from(departments)
      .innerJoin(users, eq(users.departmentId, departments.id))
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(userRoles.role, 'bureau_admin'), eq(users.status, 'active')))
      .orderBy(asc(departments.code))
      .limit(1);
    return { districtName: district?.name ?? null, bureau: bureau ?? null };
  }
}
