/**
 * Validation of region boundaries uploaded by administrators: GeoJSON (RFC 7946), WGS84, a Polygon
 * or MultiPolygon, given bare or as a Feature. Returns every problem with its path.
 */
export type Position = number[];
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type Boundary = Polygon | MultiPolygon;

export interface GeoProblem {
  path: string;
  reason: string;
}

// Mainland China with a margin: catches swapped lat/lon and projected (metre) coordinates.
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };

function checkRing(ring: unknown, path: string, problems: GeoProblem[]): void {
  if (!Array.isArray(ring)) {
    problems.push({ path, reason: 'a ring must be an array of positions' });
    return;
  }
  if (ring.length < 4) problems.push({ path, reason: 'a ring needs at least 4 positions' });
  ring.forEach((pos: unknown, i) => {
    const p = `${path}[${i}]`;
    if (
      !Array.isArray(pos) ||
      pos.length < 2 ||
      pos.length > 3 ||
      !pos.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      problems.push({ path: p, reason: 'a position is [longitude, latitude]' });
      return;
    }
    const [lon, lat] = pos as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      problems.push({ path: p, reason: 'outside WGS84 longitude/latitude ranges' });
    } else if (lon < CHINA.minLon || lon > CHINA.maxLon || lat < CHINA.minLat || lat > CHINA.maxLat) {
      problems.push({ path: p, reason: 'not in China: coordinates must be WGS84 [longitude, latitude]' });
    }
  });
  const first = ring[0] as unknown;
  const last = ring[ring.length - 1] as unknown;
  if (Array.isArray(first) && Array.isArray(last) && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({ path, reason: 'a ring must be closed (last position equals the first)' });
  }
}

function checkPolygon(coords: unknown, path: string, problems: GeoProblem[]): void {
  if (!Array.isArray(coords) || coords.length === 0) {
    problems.push({ path, reason: 'a polygon is a non-empty array of rings' });
    return;
  }
  coords.forEach((ring, i) => checkRing(ring, `${path}[${i}]`, problems));
}

export function parseBoundary(input: unknown): { boundary?: Boundary; problems: GeoProblem[] } {
  const problems: GeoProblem[] = [];
  let geometry = input as Record<string, unknown> | null;
  let base = '';
  if (geometry && typeof geometry === 'object' && geometry.type === 'Feature') {
    geometry = geometry.geometry as Record<string, unknown> | null;
    base = 'geometry.';
  }
  if (!geometry || typeof geometry !== 'object') {
    return {
      problems: [{ path: base || '(body)', reason: 'expected a GeoJSON Polygon, MultiPolygon or Feature' }],
    };
  }
  if (geometry.type === 'Polygon') {
    checkPolygon(geometry.coordinates, `${base}coordinates`, problems);
  } else if (geometry.type === 'MultiPolygon') {
    const polys = geometry.coordinates;
    if (!Array.isArray(polys) || polys.length === 0) {
      problems.push({
        path: `${base}coordinates`,
        reason: 'a MultiPolygon is a non-empty array of polygons',
      });
    } else polys.forEach((poly, i) => checkPolygon(poly, `${base}coordinates[${i}]`, problems));
  } else {
    problems.push({ path: `${base}type`, reason: 'must be Polygon or MultiPolygon' });
  }
  if (problems.length) return { problems: problems.slice(0, 50) };
  return { boundary: { type: geometry.type, coordinates: geometry.coordinates } as Boundary, problems };
}
