import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { DatasetFacetName, DatasetFacets, DatasetQuery, DatasetSort } from '../../api/types.ts';
import {
  CLASSIFICATION_LEVELS,
  DATASET_CATEGORIES,
  DATASET_FORMATS,
  DATASET_STATUSES,
  OPEN_TYPES,
  oneOf,
  SHARING_TYPES,
  UPDATE_FREQUENCIES,
  BASE_RESOURCES,
} from '../../i18n/labels.ts';
import { useListParams } from '../../shared/useListParams.ts';
import { datasetKeys, fetchDatasets } from './api.ts';

/** The catalogue's filters in the URL; several departments are kept as one comma-separated value. */
export const CATALOG_FILTERS = [
  'q',
  'departmentId',
  'category',
  'baseResource',
  'sharingType',
  'openType',
  'level',
  'updateFrequency',
  'format',
  'status',
  'keyword',
] as const;
export type CatalogFilter = (typeof CATALOG_FILTERS)[number];

/** The facets in display order and the filter each one sets. */
export const FACET_FILTER: Record<DatasetFacetName, CatalogFilter> = {
  department: 'departmentId',
  category: 'category',
  sharingType: 'sharingType',
  openType: 'openType',
  maxLevel: 'level',
  updateFrequency: 'updateFrequency',
  format: 'format',
  status: 'status',
};

/** Facets whose filter takes several values at once (the API repeats the parameter). */
export const MULTI_VALUE_FACETS: readonly DatasetFacetName[] = ['department'];

export const SORTS_WITH_QUERY: readonly DatasetSort[] = ['relevance', '-updatedAt', 'name', '-releaseDate'];
export const SORTS_WITHOUT_QUERY: readonly DatasetSort[] = ['-updatedAt', 'name', '-releaseDate'];

function split(value: string | undefined): string[] {
  return value ? value.split(',').filter((v) => v.length > 0) : [];
}

/** The API query of the catalogue list from the URL's filters (unknown codes are dropped). */
function toQuery(filters: Record<CatalogFilter, string | undefined>): DatasetQuery {
  const departmentId = split(filters.departmentId);
  return {
    q: filters.q,
    departmentId: departmentId.length ? departmentId : undefined,
    category: oneOf(DATASET_CATEGORIES, filters.category),
    baseResource: oneOf(BASE_RESOURCES, filters.baseResource),
    sharingType: oneOf(SHARING_TYPES, filters.sharingType),
    openType: oneOf(OPEN_TYPES, filters.openType),
    level: oneOf(CLASSIFICATION_LEVELS, filters.level),
    updateFrequency: oneOf(UPDATE_FREQUENCIES, filters.updateFrequency),
    format: oneOf(DATASET_FORMATS, filters.format),
    status: oneOf(DATASET_STATUSES, filters.status),
    keyword: filters.keyword,
  };
}

const QUERY_KEY_OF: Record<CatalogFilter, keyof DatasetQuery> = {
  q: 'q',
  departmentId: 'departmentId',
  category: 'category',
  baseResource: 'baseResource',
  sharingType: 'sharingType',
  openType: 'openType',
  level: 'level',
  updateFrequency: 'updateFrequency',
  format: 'format',
  status: 'status',
  keyword: 'keyword',
};

/**
 * Catalogue search: filters, sort and page in the URL; the page of results with its facets. A facet
 * with a selection is counted without its own filter (one small extra request), so that its other
 * values stay visible to add (departments) or switch to.
 */
export function useCatalogSearch({ anonymous = false }: { anonymous?: boolean } = {}) {
  const list = useListParams(CATALOG_FILTERS);
  const filters = toQuery(list.filters);
  const sortOptions = filters.q ? SORTS_WITH_QUERY : SORTS_WITHOUT_QUERY;
  const sort: DatasetSort = sortOptions.find((s) => s === list.sort) ?? sortOptions[0]!;
  const query: DatasetQuery = { ...filters, sort, page: list.page, pageSize: list.pageSize };

  const result = useQuery({
    queryKey: datasetKeys.list(query, anonymous),
    queryFn: () => fetchDatasets(query, anonymous),
    placeholderData: keepPreviousData,
  });

  const selectedFacets = (Object.keys(FACET_FILTER) as DatasetFacetName[]).filter(
    (f) => filters[QUERY_KEY_OF[FACET_FILTER[f]]] !== undefined,
  );
  const others = useQueries({
    queries: selectedFacets.map((facet) => {
      const q: DatasetQuery = {
        ...filters,
        [QUERY_KEY_OF[FACET_FILTER[facet]]]: undefined,
        page: 1,
        pageSize: 1,
      };
      return {
        queryKey: datasetKeys.list(q, anonymous),
        queryFn: () => fetchDatasets(q, anonymous),
        placeholderData: keepPreviousData,
      };
    }),
  });

  let facets: DatasetFacets | undefined = result.data?.facets;
  if (facets) {
    facets = { ...facets };
    selectedFacets.forEach((facet, i) => {
      const own = others[i]?.data?.facets[facet];
      if (own && facets) facets[facet] = own;
    });
  }

  /** The selected values of each facet. */
  const selected: Partial<Record<DatasetFacetName, string[]>> = {};
  for (const facet of Object.keys(FACET_FILTER) as DatasetFacetName[]) {
    const values = split(list.filters[FACET_FILTER[facet]]);
    if (values.length) selected[facet] = values;
  }

  return {
    list,
    /** The list's query (also the export's filters). */
    query,
    sort,
    sortOptions,
    result,
    facets,
    selected,
    setFacet: (facet: DatasetFacetName, values: string[]) =>
      list.setFilters({ [FACET_FILTER[facet]]: values.length ? values.join(',') : undefined }),
    setQ: (q: string | undefined) => list.setFilters({ q }),
    /** Clears every facet's selection, keeping the search text and the sort. */
    clearFacets: () =>
      list.setFilters(
        Object.fromEntries(Object.values(FACET_FILTER).map((f) => [f, undefined])) as Partial<
          Record<CatalogFilter, undefined>
        >,
      ),
    setSort: (next: DatasetSort) =>
      list.setView({ page: 1, pageSize: list.pageSize, sort: next === sortOptions[0] ? undefined : next }),
    setPage: (page: number, pageSize: number) => list.setView({ page, pageSize, sort: list.sort }),
  };
}

export type CatalogSearch = ReturnType<typeof useCatalogSearch>;
