import type { RegionFeature, RegionFeatureCollection } from '../../api/types.ts';

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The bounding box of a GeoJSON geometry (any nesting of [lng, lat] positions); null when it has none. */
export function boundsOf(geometry: Record<string, unknown>): Box | null {
  let box: Box | null = null;
  const visit = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (node.length >= 2 && typeof node[0] === 'number' && typeof node[1] === 'number') {
      const [lng, lat] = node as [number, number];
      box = box
        ? {
            west: Math.min(box.west, lng),
            south: Math.min(box.south, lat),
            east: Math.max(box.east, lng),
            north: Math.max(box.north, lat),
          }
        : { west: lng, south: lat, east: lng, north: lat };
      return;
    }
    for (const child of node) visit(child);
  };
  visit(geometry.coordinates);
  return box;
}

function contains(outer: Box, lng: number, lat: number): boolean {
  return lng >= outer.west && lng <= outer.east && lat >= outer.south && lat <= outer.north;
}

/**
 * Parks lie inside streets, usually right where the street's name would go. Moves the name of a region
 * that holds a park into the larger free band above or below the park (ECharts reads `properties.cp` as
 * a region's label point), and draws parks last, on top. The parks themselves get no label.
 */
export function layoutForMap(collection: RegionFeatureCollection): RegionFeatureCollection {
  const parks = collection.features
    .filter((f) => f.properties.level === 'park')
    .map((f) => boundsOf(f.geometry))
    .filter((b): b is Box => b !== null);
  const place = (feature: RegionFeature): RegionFeature => {
    if (feature.properties.level === 'park') return feature;
    const box = boundsOf(feature.geometry);
    if (!box) return feature;
    const park = parks.find((p) => contains(box, (p.west + p.east) / 2, (p.south + p.north) / 2));
    if (!park) return feature;
    const above = box.north - park.north;
    const below = park.south - box.south;
    const lat = above >= below ? (box.north + park.north) / 2 : (box.south + park.south) / 2;
    const cp = [(box.west + box.east) / 2, lat];
    return { ...feature, properties: { ...feature.properties, cp } as RegionFeature['properties'] };
  };
  const ordered = [
    ...collection.features.filter((f) => f.properties.level !== 'park'),
    ...collection.features.filter((f) => f.properties.level === 'park'),
  ];
  return { ...collection, features: ordered.map(place) };
}
