import { createHash } from 'node:crypto';
import {
  BASE_RESOURCES,
  CLASSIFICATION_LEVELS,
  DATASET_CATEGORIES,
  DATASET_FORMATS,
  OPEN_TYPES,
  SHARING_TYPES,
  UPDATE_FREQUENCIES,
} from './catalog.tables.ts';
import type { DatasetFilter, DatasetListRow, DatasetSort, FacetCount } from './search.repo.ts';

/**
 * CKAN compatibility (the action API of CKAN 2.10/2.11): names, package and organization
 * dictionaries, and the Solr-style q/fq/sort parameters that CKAN clients and harvesters send.
 * Pure functions; ckan.routes.ts does the HTTP.
 */

export const CKAN_VERSION = '2.10.0';

/** A package's CKAN name: its code made URL-safe (101001001/000001 → 101001001-000001). */
export function slugOf(code: string): string {
  return code.toLowerCase().replace(/\//g, '-');
}

/** The code a slug most likely came from (the inverse of slugOf for codes of digits and one "/"). */
export function codeFromSlug(slug: string): string {
  return slug.toUpperCase().replace(/-/g, '/');
}

/** A stable UUID-shaped id for things CKAN wants an id for and we don't store (resources, tags). */
export function stableId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** CKAN prints timestamps as naive UTC with microseconds: 2026-01-05T08:30:00.123000. */
export function ckanTime(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000`;
}

const LICENSES: Record<(typeof OPEN_TYPES)[number], { id: string; title: string; isopen: boolean }> = {
  open: { id: 'other-open', title: 'Other (Open)', isopen: true },
  conditional: { id: 'other-closed', title: 'Other (Not Open)', isopen: false },
  closed: { id: 'other-closed', title: 'Other (Not Open)', isopen: false },
};

/** What CKAN shows as a resource's format: the provider's detail (CSV, Oracle) or our format code. */
export function resourceFormat(r: Pick<DatasetListRow, 'format' | 'formatDetail'>): string {
  return r.formatDetail?.trim() || r.format.toUpperCase();
}

export interface CkanDepartment {
  id: string;
  code: string;
  name: string;
  createdAt: Date;
}

export function presentOrganization(d: CkanDepartment, packageCount?: number) {
  return {
    id: d.id,
    name: d.code,
    title: d.name,
    display_name: d.name,
    description: '',
    type: 'organization',
    state: 'active',
    approval_status: 'approved',
    is_organization: true,
    image_url: '',
    image_display_url: '',
    created: ckanTime(d.createdAt),
    num_followers: 0,
    ...(packageCount !== undefined ? { package_count: packageCount } : {}),
  };
}

export function presentTag(name: string) {
  return { id: stableId('tag', name), name, display_name: name, state: 'active', vocabulary_id: null };
}

/** A catalogue entry as a CKAN package dictionary. `base` is the site's public address. */
export function presentPackage(r: DatasetListRow, base: string) {
  const license = LICENSES[r.openType];
  const created = ckanTime(r.createdAt);
  const modified = ckanTime(r.updatedAt);
  const format = resourceFormat(r);
  const extras: [string, string | number | null][] = [
    ['code', r.code],
    ['category', r.category],
    ['base_resource', r.baseResource],
    ['theme', r.theme],
    ['sharing_type', r.sharingType],
    ['sharing_conditions', r.sharingConditions],
    ['sharing_method', r.sharingMethod],
    ['open_type', r.openType],
    ['open_conditions', r.openConditions],
    ['update_frequency', r.updateFrequency],
    ['max_level', r.maxLevel],
    ['format', r.format],
    ['release_date', r.releaseDate],
  ];
  return {
    id: r.id,
    name: slugOf(r.code),
    title: r.name,
    notes: r.summary,
    url: `${base}/dataset/${r.id}.jsonld`,
    version: String(r.version),
    state: r.status === 'deprecated' ? 'deleted' : 'active',
    private: false,
    type: 'dataset',
    license_id: license.id,
    license_title: license.title,
    isopen: license.isopen,
    author: r.departmentName,
    author_email: null,
    maintainer: r.departmentName,
    maintainer_email: null,
    creator_user_id: null,
    metadata_created: created,
    metadata_modified: modified,
    owner_org: r.departmentId,
    organization: presentOrganization({
      id: r.departmentId,
      code: r.departmentCode,
      name: r.departmentName,
      createdAt: r.departmentCreatedAt,
    }),
    tags: r.keywords.map(presentTag),
    num_tags: r.keywords.length,
    groups: [],
    relationships_as_object: [],
    relationships_as_subject: [],
    resources: [
      {
        id: stableId('resource', r.id),
        package_id: r.id,
        name: r.name,
        description: r.summary,
        format,
        mimetype: null,
        url: `${base}/api/datasets/${r.id}`,
        url_type: null,
        resource_type: r.sharingMethod,
        state: 'active',
        position: 0,
        created,
        last_modified: modified,
        metadata_modified: modified,
      },
    ],
    num_resources: 1,
    extras: extras
      .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== '')
      .map(([key, value]) => ({ key, value: String(value) })),
  };
}

// ----- q, fq and sort -----

/** A problem with a Solr-style query: CKAN answers it as a "Search Query Error" (400). */
export class CkanQueryError extends Error {}

/** What q and fq ask for, before organisation names are resolved to ids. */
export interface CkanQuery {
  /** Free text for our Chinese search (empty: everything). */
  text: string;
  /** Each clause is a set of organisation names (codes) or ids; every clause must hold. */
  organizations: string[][];
  filter: DatasetFilter;
}

const ENUM_FIELDS = {
  category: ['category', DATASET_CATEGORIES],
  base_resource: ['baseResource', BASE_RESOURCES],
  sharing_type: ['sharingType', SHARING_TYPES],
  open_type: ['openType', OPEN_TYPES],
  update_frequency: ['updateFrequency', UPDATE_FREQUENCIES],
  max_level: ['level', CLASSIFICATION_LEVELS],
} as const;

/** Splits a Solr query into clauses, keeping quoted strings, (…) groups and […] ranges whole. */
export function splitClauses(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let quoted = false;
  for (const ch of input) {
    if (ch === '"' && depth === 0) quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[' || ch === '{')) depth++;
    else if (!quoted && (ch === ')' || ch === ']' || ch === '}')) depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /\s/.test(ch)) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (quoted || depth !== 0) throw new CkanQueryError('unbalanced quotes or brackets');
  if (cur) out.push(cur);
  return out.filter((c) => !/^(AND|&&)$/.test(c));
}

const unquote = (v: string) => (v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v);

/** A clause value: one term, or "(a OR b …)" as several. */
function values(raw: string): string[] {
  if (raw.startsWith('(') && raw.endsWith(')')) {
    return raw
      .slice(1, -1)
      .split(/\s+OR\s+|\s*\|\|\s*/)
      .map((v) => unquote(v.trim()))
      .filter(Boolean);
  }
  return [unquote(raw)];
}

/** `[2024-01-01T00:00:00Z TO *]` → the lower bound (CKAN harvesters ask for "modified since"). */
function lowerBound(raw: string, field: string): Date | undefined {
  const m = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/.exec(raw);
  if (!m) throw new CkanQueryError(`${field} takes a range [from TO *]`);
  if (m[2] !== '*' && m[2] !== 'NOW')
    throw new CkanQueryError(`${field}: only open-ended ranges are supported`);
  if (m[1] === '*') return undefined;
  const d = new Date(m[1]!.replace(/^(\d{4}-\d{2}-\d{2})$/, '$1T00:00:00Z'));
  if (Number.isNaN(d.getTime())) throw new CkanQueryError(`${field}: not a date: ${m[1]}`);
  return d;
}

function intersect<T>(a: readonly T[] | undefined, b: readonly T[]): T[] {
  return a === undefined ? [...b] : a.filter((x) => b.includes(x));
}

/**
 * q and fq of package_search as our filter. Supported fields: organization / owner_org, tags,
 * res_format, groups (ignored: we have none), id, name, metadata_modified ranges, license_id, and
 * our extras category, base_resource, sharing_type, open_type, update_frequency, max_level.
 * Bare words and text:/title:/notes: clauses are free text; `*:*` is everything.
 */
export function parseCkanQuery(q: string | undefined, fq: string | undefined): CkanQuery {
  const text: string[] = [];
  const organizations: string[][] = [];
  const filter: DatasetFilter = {};
  const f = filter as Record<string, unknown>;
  const clauses = [...splitClauses(q ?? ''), ...splitClauses(fq ?? '')];
  for (let clause of clauses) {
    if (clause === '*:*' || clause === '*') continue;
    if (clause.startsWith('+')) clause = clause.slice(1);
    if (clause.startsWith('-') || clause.startsWith('!') || clause === 'NOT' || clause === 'OR')
      throw new CkanQueryError(`unsupported operator in "${clause}"`);
    const m = /^([A-Za-z_][\w.]*):(.+)$/s.exec(clause);
    if (!m) {
      text.push(unquote(clause));
      continue;
    }
    const field = m[1]!;
    const raw = m[2]!;
    if (field === 'text' || field === 'title' || field === 'notes' || field === 'q') {
      text.push(...values(raw));
    } else if (field === 'organization' || field === 'owner_org') {
      organizations.push(values(raw));
    } else if (field === 'groups' || field === 'dataset_type' || field === 'type' || field === 'capacity') {
      // No groups; every package is a public dataset.
    } else if (field === 'tags') {
      const v = values(raw);
      if (v.length === 1) filter.keyword = [...((filter.keyword as string[] | undefined) ?? []), v[0]!];
      else filter.keywordAny = v;
    } else if (field === 'res_format') {
      const v = values(raw)[0]!;
      const code = v.toLowerCase();
      if ((DATASET_FORMATS as readonly string[]).includes(code))
        filter.format = code as (typeof DATASET_FORMATS)[number];
      else filter.formatDetail = v;
    } else if (field === 'id') {
      filter.ids = intersect(filter.ids, values(raw));
    } else if (field === 'name') {
      filter.codes = intersect(filter.codes, values(raw).map(codeFromSlug));
    } else if (field === 'metadata_modified') {
      const since = lowerBound(raw, field);
      if (since) filter.modifiedSince = since;
    } else if (field === 'license_id') {
      const v = values(raw);
      const types = OPEN_TYPES.filter((t) => v.includes(LICENSES[t].id));
      filter.openType = intersect(filter.openType as string[] | undefined, types) as typeof types;
    } else if (field in ENUM_FIELDS) {
      const [key, allowed] = ENUM_FIELDS[field as keyof typeof ENUM_FIELDS];
      const v = values(raw);
      const bad = v.find((x) => !(allowed as readonly string[]).includes(x));
      if (bad !== undefined) throw new CkanQueryError(`${field}: unknown value "${bad}"`);
      f[key] = intersect(f[key] as string[] | undefined, v);
    } else {
      throw new CkanQueryError(`undefined field ${field}`);
    }
  }
  return { text: text.join(' ').trim(), organizations, filter };
}

/** CKAN sort strings: the first clause we understand decides. */
export function parseCkanSort(sort: string | undefined): DatasetSort {
  const map: Record<string, DatasetSort> = {
    'score desc': 'relevance',
    'rank desc': 'relevance',
    'metadata_modified desc': '-updatedAt',
    'metadata_modified asc': 'updatedAt',
    'metadata_created desc': '-updatedAt',
    'title_string asc': 'name',
    'title_string desc': '-name',
    'title asc': 'name',
    'title desc': '-name',
    'name asc': 'code',
    'name desc': '-code',
  };
  for (const part of (sort ?? 'score desc, metadata_modified desc').split(',')) {
    const key = part.trim().replace(/\s+/g, ' ').toLowerCase();
    if (map[key]) return map[key];
  }
  throw new CkanQueryError(`cannot sort by "${sort}"`);
}

/** Facet fields a client may ask for, and what each counts. */
export const CKAN_FACETS = [
  'organization',
  'tags',
  'res_format',
  'license_id',
  'groups',
  'category',
  'sharing_type',
  'open_type',
  'update_frequency',
  'max_level',
] as const;
export type CkanFacet = (typeof CKAN_FACETS)[number];

export interface CkanFacetItem {
  name: string;
  display_name: string;
  count: number;
}

/** Our facet counts in CKAN's names (organization by code, res_format upper-case, licences). */
export function ckanFacetItems(field: CkanFacet, counts: FacetCount[]): CkanFacetItem[] {
  switch (field) {
    case 'organization':
      return counts.map((c) => ({
        name: c.code ?? c.value,
        display_name: c.name ?? c.value,
        count: c.count,
      }));
    case 'res_format':
      return counts.map((c) => ({
        name: c.value.toUpperCase(),
        display_name: c.value.toUpperCase(),
        count: c.count,
      }));
    case 'license_id': {
      const byLicense = new Map<string, CkanFacetItem>();
      for (const c of counts) {
        const l = LICENSES[c.value as (typeof OPEN_TYPES)[number]];
        if (!l) continue;
        const item = byLicense.get(l.id) ?? { name: l.id, display_name: l.title, count: 0 };
        item.count += c.count;
        byLicense.set(l.id, item);
      }
      return [...byLicense.values()];
    }
    default:
      return counts.map((c) => ({ name: c.value, display_name: c.value, count: c.count }));
  }
}

/** search_facets and facets of a package_search result, items by count (then name), capped. */
export function ckanFacets(
  items: Partial<Record<CkanFacet, CkanFacetItem[]>>,
  limit: number,
  mincount: number,
) {
  const search_facets: Record<string, { title: string; items: CkanFacetItem[] }> = {};
  const facets: Record<string, Record<string, number>> = {};
  for (const [field, list] of Object.entries(items)) {
    const sorted = list
      .filter((i) => i.count >= mincount)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, limit < 0 ? undefined : limit);
    search_facets[field] = { title: field, items: sorted };
    facets[field] = Object.fromEntries(sorted.map((i) => [i.name, i.count]));
  }
  return { facets, search_facets };
}
