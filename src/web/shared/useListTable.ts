import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { TableColumnType, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/types.ts';
import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZE_OPTIONS,
  sortOrderOf,
  sortParam,
  useListParams,
  type ListParams,
} from './useListParams.ts';

/** A sort the list API accepts: `field` ascending, `-field` descending. */
export type SortOf<F extends string> = F | `-${F}`;

export interface ListState<K extends string, F extends string> {
  filters: Record<K, string | undefined>;
  /** Only a sort the API accepts; anything else in the URL is dropped. */
  sort: SortOf<F> | undefined;
  page: number;
  pageSize: number;
}

export interface ListTableOptions<T, K extends string, F extends string, Q> {
  /** The filter parameters kept in the URL. */
  filters: readonly K[];
  /** The fields the API sorts by. */
  sortFields?: readonly F[];
  /** The API query for the list's state (paging, sort and filters from the URL, plus anything else). */
  toQuery: (state: ListState<K, F>) => Q;
  queryKey: (query: Q) => QueryKey;
  fetch: (query: Q) => Promise<Page<T>>;
}

export interface ListTable<T, K extends string, F extends string, Q> {
  list: ListParams<K>;
  query: Q;
  result: UseQueryResult<Page<T>>;
  /** Column props that sort by `field` (the column key becomes the field, which the API receives). */
  sortable: (field: F) => Pick<TableColumnType<T>, 'key' | 'sorter' | 'sortOrder'>;
  /** Loading state, rows, pager and change handler for an antd Table, wired to the URL. */
  tableProps: Required<Pick<TableProps<T>, 'loading' | 'dataSource' | 'pagination' | 'onChange'>>;
}

/**
 * One server-paged list: its state in the URL (`useListParams`), the query, and the Table wiring.
 * Paging, page size and sorting all go through the Table's single `onChange`, so that each click makes
 * one URL update and one request.
 */
export function useListTable<T, K extends string, F extends string = never, Q = unknown>(
  options: ListTableOptions<T, K, F, Q>,
): ListTable<T, K, F, Q> {
  const { t } = useTranslation();
  const list = useListParams(options.filters);
  const sortFields = options.sortFields ?? [];
  const sort = sortFields.find((f) => list.sort === f || list.sort === `-${f}`)
    ? (list.sort as SortOf<F>)
    : undefined;
  const query = options.toQuery({ filters: list.filters, sort, page: list.page, pageSize: list.pageSize });
  const result = useQuery({
    queryKey: options.queryKey(query),
    queryFn: () => options.fetch(query),
    placeholderData: keepPreviousData,
  });

  return {
    list,
    query,
    result,
    sortable: (field) => ({ key: field, sorter: true, sortOrder: sortOrderOf(sort, field) }),
    tableProps: {
      loading: result.isFetching,
      dataSource: result.data?.items ?? [],
      pagination: {
        current: list.page,
        pageSize: list.pageSize,
        total: result.data?.total ?? 0,
        pageSizeOptions: PAGE_SIZE_OPTIONS,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
      },
      onChange: (pagination, _filters, sorter, extra) => {
        const s = Array.isArray(sorter) ? sorter[0] : sorter;
        const nextSort = extra.action === 'sort' ? sortParam(s?.columnKey, s?.order) : sort;
        list.setView({
          // A new order starts again at its first page.
          page: extra.action === 'sort' ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE,
          sort: nextSort,
        });
      },
    },
  };
}
