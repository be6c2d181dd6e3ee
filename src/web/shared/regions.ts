import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, compact } from '../api/client.ts';
import { unwrap } from '../api/errors.ts';
import type { Page, QueryOf, Region, RegionLevel, RegionRef } from '../api/types.ts';
import { oneOf, REGION_LEVELS } from '../i18n/labels.ts';

export type RegionQuery = QueryOf<'/api/regions'>;

export const regionKeys = {
  all: ['regions'] as const,
  list: (query: RegionQuery) => ['regions', 'list', query] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  boundaries: (code: string) => ['regions', 'boundaries', code] as const,
};

export function fetchRegions(query: RegionQuery): Promise<Page<Region>> {
  return unwrap<Page<Region>>(api.GET('/api/regions', { params: { query: compact({ ...query }) } }));
}

/** The level of a region reference from /api/me (typed there as a plain string). */
export function asRegionLevel(level: string): RegionLevel {
  return oneOf(REGION_LEVELS, level) ?? 'district';
}

/** The API's largest page: the whole district (under a hundred regions) fits in it. */
const ALL_REGIONS = { pageSize: 500 } as const;

/**
 * The names of all regions in the user's scope, fetched once, for tables whose rows carry only codes.
 * Without `regions.read` (enabled = false) nothing is fetched and codes stay codes.
 */
export function useRegionNames(enabled: boolean): (code: string | null | undefined) => string | undefined {
  const result = useQuery({
    queryKey: regionKeys.list(ALL_REGIONS),
    queryFn: () => fetchRegions(ALL_REGIONS),
    enabled,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const names = new Map((result.data?.items ?? []).map((r) => [r.code, r.name]));
    return (code) => (code ? names.get(code) : undefined);
  }, [result.data]);
}

/** Communities and parks have no children in the division tree. */
export function isLeafLevel(level: RegionLevel): boolean {
  return level === 'community' || level === 'park';
}

/** The largest page the tree asks for; a street has a few dozen communities at most. */
const CHILDREN_PAGE_SIZE = 100;

export interface RegionNode extends RegionRef {
  parentCode: string | null;
  isLeaf: boolean;
  children?: RegionNode[];
  /** The full record, when the node came from the region list. */
  record?: Region;
}

export interface RegionTree {
  root: RegionNode;
  /** Loads (once) the children of a region. */
  loadChildren: (code: string) => Promise<void>;
  /** Fetches a region's children again (after one was added or renamed). */
  reloadChildren: (code: string) => Promise<void>;
  /** Every region seen so far, by code. */
  find: (code: string) => RegionNode | undefined;
  /** Root → … → code, as far as known. */
  pathTo: (code: string) => RegionNode[];
}

/**
 * The user's region subtree, loaded lazily level by level through the (scoped) region API.
 * Shared by the header's region picker and the regions page.
 */
export function useRegionTree(rootRef: RegionRef, enabled: boolean): RegionTree {
  const queryClient = useQueryClient();
  const [children, setChildren] = useState<Record<string, Region[]>>({});

  const loadChildren = useCallback(
    async (code: string) => {
      const page = await queryClient.fetchQuery({
        queryKey: regionKeys.children(code),
        queryFn: () => fetchRegions({ parentCode: code, pageSize: CHILDREN_PAGE_SIZE }),
        staleTime: 5 * 60_000,
      });
      setChildren((prev) => (prev[code] ? prev : { ...prev, [code]: page.items }));
    },
    [queryClient],
  );

  const reloadChildren = useCallback(
    async (code: string) => {
      const page = await queryClient.fetchQuery({
        queryKey: regionKeys.children(code),
        queryFn: () => fetchRegions({ parentCode: code, pageSize: CHILDREN_PAGE_SIZE }),
        staleTime: 0,
      });
      setChildren((prev) => ({ ...prev, [code]: page.items }));
    },
    [queryClient],
  );

  useEffect(() => {
    if (enabled && !isLeafLevel(rootRef.level)) void loadChildren(rootRef.code).catch(() => undefined);
  }, [enabled, rootRef.code, rootRef.level, loadChildren]);

  return useMemo(() => {
    const index = new Map<string, RegionNode>();
    const build = (region: (RegionRef & { parentCode: string | null }) | Region): RegionNode => {
      const kids = children[region.code];
      const node: RegionNode = {
        code: region.code,
        name: region.name,
        level: region.level,
        parentCode: region.parentCode,
        isLeaf: isLeafLevel(region.level) || (kids !== undefined && kids.length === 0),
        ...(kids && kids.length > 0 ? { children: kids.map(build) } : {}),
        ...('hasBoundary' in region ? { record: region } : {}),
      };
      index.set(node.code, node);
      return node;
    };
    const root = build({ ...rootRef, parentCode: null });
    const find = (code: string) => index.get(code);
    const pathTo = (code: string) => {
      const path: RegionNode[] = [];
      let node = index.get(code);
      while (node) {
        path.unshift(node);
        node = node.parentCode ? index.get(node.parentCode) : undefined;
      }
      return path;
    };
    return { root, loadChildren, reloadChildren, find, pathTo };
  }, [children, rootRef, loadChildren, reloadChildren]);
}
