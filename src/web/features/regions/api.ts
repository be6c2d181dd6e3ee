import { api } from '../../api/client.ts';
import { unwrap } from '../../api/errors.ts';
import type { Region, RegionCreateInput, RegionFeatureCollection } from '../../api/types.ts';
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

export async function createRegion(body: RegionCreateInput): Promise<void> {
  await unwrap<unknown>(api.POST('/api/regions', { body }));
}

export function renameRegion(code: string, name: string): Promise<Region> {
  return unwrap<Region>(api.PATCH('/api/regions/{code}', { params: { path: { code } }, body: { name } }));
}
