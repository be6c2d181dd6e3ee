// Small planar geometry helpers for the schematic demo boundaries (lon/lat treated as a plane,
// which is fine at district scale for tiling and containment checks).

/** A GeoJSON Polygon (RFC 7946 §3.1.6): rings of [lon, lat] positions, exterior first. */
export interface DemoPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

/** Signed shoelace area of a ring; positive when counter-clockwise in a lon/lat plane. */
export function signedRingArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    if (!p || !q) continue;
    sum += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  }
  return sum / 2;
}

/** A closed linear ring: ≥ 4 positions, first equals last, each position [lon, lat] finite. */
export function isClosedRing(ring: readonly (readonly number[])[]): boolean {
  if (ring.length < 4) return false;
  for (const p of ring) {
    if (p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  return !!first && !!last && first[0] === last[0] && first[1] === last[1];
}

/** Area of a polygon (exterior minus holes), always ≥ 0. */
export function polygonArea(polygon: DemoPolygon): number {
  let area = 0;
  polygon.coordinates.forEach((ring, i) => {
    const a = Math.abs(signedRingArea(ring));
    area += i === 0 ? a : -a;
  });
  return area;
}

/**
 * Where a point lies relative to a ring: 1 strictly inside, 0 on the boundary, -1 outside.
 * Ray casting with an explicit on-segment test so shared edges are reported as boundary.
 */
export function pointInRing(point: readonly number[], ring: readonly (readonly number[])[]): -1 | 0 | 1 {
  const x = point[0] ?? NaN;
  const y = point[1] ?? NaN;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i];
    const pj = ring[j];
    if (!pi || !pj) continue;
    const xi = pi[0] ?? 0;
    const yi = pi[1] ?? 0;
    const xj = pj[0] ?? 0;
    const yj = pj[1] ?? 0;
    const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi);
    const scale = Math.max(Math.abs(xj - xi), Math.abs(yj - yi), 1e-12);
    if (
      Math.abs(cross) <= 1e-12 * scale &&
      x >= Math.min(xi, xj) - 1e-12 &&
      x <= Math.max(xi, xj) + 1e-12 &&
      y >= Math.min(yi, yj) - 1e-12 &&
      y <= Math.max(yi, yj) + 1e-12
    ) {
      return 0;
    }
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Same convention as pointInRing, honouring holes. */
export function pointInPolygon(point: readonly number[], polygon: DemoPolygon): -1 | 0 | 1 {
  const [exterior, ...holes] = polygon.coordinates;
  if (!exterior) return -1;
  const outer = pointInRing(point, exterior);
  if (outer !== 1) return outer;
  for (const hole of holes) {
    const h = pointInRing(point, hole);
    if (h === 0) return 0;
    if (h === 1) return -1;
  }
  return 1;
}

/** [minLon, minLat, maxLon, maxLat] of the exterior ring. */
export function polygonBbox(polygon: DemoPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygon.coordinates[0] ?? []) {
    const x = p[0] ?? NaN;
    const y = p[1] ?? NaN;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
