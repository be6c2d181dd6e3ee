import { api } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { RegionFeatureCollection } from '../../api/types.ts';
import type { BoundaryBody } from './geojson.ts';

export function fetchChildBoundaries(parentCode: string): Promise<RegionFeatureCollection> {
  return unwrap<RegionFeatureCollection>(
    api.GET('/api/regions/boundaries', { params: { query: { parentCode } } }),
  );
}

export function fetchOwnBoundary(code: string): Promise<RegionFeatureCollection> {
  return unwrap<RegionFeatureCollection>(api.GET('/api/regions/boundaries', { params: { query: { code } } }));
}

export interface MapData {
  collection: RegionFeatureCollection;
  /** True when the region has no child boundaries and its own outline is shown instead. */
  own: boolean;
}

/** The children's boundaries of a region; for a region without children, its own outline. */
export async function fetchMapData(code: string): Promise<MapData> {
  const children = await fetchChildBoundaries(code);
  if (children.features.length > 0) return { collection: children, own: false };
  return { collection: await fetchOwnBoundary(code), own: true };
}

export async function uploadBoundary(code: string, body: BoundaryBody): Promise<void> {
  await unwrap<unknown>(
    api.PUT('/api/regions/{code}/boundary', {
      params: { path: { code } },
      body: body as never,
    }),
  );
}
