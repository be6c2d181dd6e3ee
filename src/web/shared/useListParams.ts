import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

export interface ListParams<K extends string> {
  page: number;
  pageSize: number;
  sort: string | undefined;
  filters: Record<K, string | undefined>;
  /** Changes filters (or sort) and goes back to page 1. */
  setFilters: (patch: Partial<Record<K | 'sort', string | undefined>>) => void;
  /**
   * Changes page, page size and sort together. A table event must make exactly one URL update: React
   * Router computes each functional update from the same render's params, so a second one in the same
   * event would undo the first (which is how paging once did nothing).
   */
  setView: (view: { page: number; pageSize: number; sort: string | undefined }) => void;
  reset: () => void;
}

/**
 * Paging, sorting and filters of a list, kept in the URL so that Back, reload and shared links keep them.
 * Only filter values the user typed go there; no personal data is stored anywhere else.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]): ListParams<K> {
  const [params, setParams] = useSearchParams();

  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZE_OPTIONS.includes(Number(params.get('pageSize')))
    ? Number(params.get('pageSize'))
    : DEFAULT_PAGE_SIZE;
  const sort = params.get('sort') ?? undefined;
  const filters = {} as Record<K, string | undefined>;
  for (const k of filterKeys) filters[k] = params.get(k) ?? undefined;

  const setFilters = useCallback(
    (patch: Partial<Record<K | 'sort', string | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, string | undefined][]) {
            if (v === undefined || v === '') next.delete(k);
            else next.set(k, v);
          }
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setView = useCallback(
    (view: { page: number; pageSize: number; sort: string | undefined }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (view.page > 1) next.set('page', String(view.page));
          else next.delete('page');
          if (view.pageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(view.pageSize));
          else next.delete('pageSize');
          if (view.sort) next.set('sort', view.sort);
          else next.delete('sort');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { page, pageSize, sort, filters, setFilters, setView, reset };
}

/** Maps an antd table sorter to the API's `field` / `-field` form. */
export function sortParam(
  field: unknown,
  order: 'ascend' | 'descend' | null | undefined,
): string | undefined {
  if (!order || typeof field !== 'string') return undefined;
  return order === 'descend' ? `-${field}` : field;
}

/** The antd sortOrder for a column given the current `sort` param. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}
