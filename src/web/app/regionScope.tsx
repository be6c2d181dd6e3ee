import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { RegionRef } from '../api/types.ts';
import { asRegionLevel, useRegionTree, type RegionTree } from '../shared/regions.ts';
import { useAuth } from './auth.ts';

export interface RegionScope {
  /** The user's own region: the top of everything they may see. */
  root: RegionRef;
  /** The region chosen in the header; pages filter by it. Always inside the user's scope. */
  selected: RegionRef;
  select: (region: RegionRef) => void;
  /** The lazily loaded region subtree under `root` (empty without `regions.read`). */
  tree: RegionTree;
  canBrowse: boolean;
}

const RegionScopeContext = createContext<RegionScope | null>(null);

export function useRegionScope(): RegionScope {
  const scope = useContext(RegionScopeContext);
  if (!scope) throw new Error('useRegionScope outside <RegionScopeProvider>');
  return scope;
}

/** Holds the header's region selection in memory (not in web storage). */
export function RegionScopeProvider({ children }: { children: ReactNode }) {
  const { me, can } = useAuth();
  const canBrowse = can('regions.read');
  const root = useMemo<RegionRef>(
    () => ({ code: me.region.code, name: me.region.name, level: asRegionLevel(me.region.level) }),
    [me.region.code, me.region.name, me.region.level],
  );
  const tree = useRegionTree(root, canBrowse);
  const [chosen, setChosen] = useState<RegionRef | null>(null);
  const value = useMemo<RegionScope>(
    () => ({
      root,
      selected: chosen ?? root,
      select: (region) => setChosen(region.code === root.code ? null : region),
      tree,
      canBrowse,
    }),
    [root, chosen, tree, canBrowse],
  );
  return <RegionScopeContext.Provider value={value}>{children}</RegionScopeContext.Provider>;
}
