/**
 * Light client-side checks of an uploaded boundary before it is sent; the server validates fully
 * (topology, containment in the parent…) and its field problems are shown as they come back.
 */

export const MAX_BOUNDARY_MB = 5;

export type GeoProblem =
  | { key: 'fileTooLarge'; max: number }
  | { key: 'invalidJson' }
  | { key: 'unsupportedType'; type: string }
  | { key: 'featureCollection' }
  | { key: 'noGeometry' }
  | { key: 'badPosition'; index: number }
  | { key: 'ringTooShort' }
  | { key: 'ringNotClosed' }
  | { key: 'empty' };

export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

/** What is sent: the geometry itself or a Feature carrying it (as the contract allows). */
export type BoundaryBody =
  BoundaryGeometry | { type: 'Feature'; geometry: BoundaryGeometry; properties: unknown };

export type CheckResult = { ok: true; body: BoundaryBody } | { ok: false; problems: GeoProblem[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkRing(ring: unknown, counter: { index: number }, problems: GeoProblem[]): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    problems.push({ key: 'ringTooShort' });
    return;
  }
  for (const position of ring) {
    counter.index += 1;
    const [lon, lat] = Array.isArray(position) ? (position as unknown[]) : [];
    const valid =
      typeof lon === 'number' &&
      typeof lat === 'number' &&
      Number.isFinite(lon) &&
      Number.isFinite(lat) &&
      Math.abs(lon) <= 180 &&
      Math.abs(lat) <= 90;
    if (!valid) {
      problems.push({ key: 'badPosition', index: counter.index });
      return;
    }
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) problems.push({ key: 'ringNotClosed' });
}

function checkGeometry(geometry: Record<string, unknown>): GeoProblem[] {
  const problems: GeoProblem[] = [];
  const counter = { index: 0 };
  const polygons: unknown[] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : Array.isArray(geometry.coordinates)
        ? geometry.coordinates
        : [];
  if (polygons.length === 0) return [{ key: 'empty' }];
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push({ key: 'empty' });
      continue;
    }
    for (const ring of polygon) checkRing(ring, counter, problems);
  }
  return problems.slice(0, 5);
}

function isPolygonal(value: unknown): value is Record<string, unknown> & BoundaryGeometry {
  return isRecord(value) && (value.type === 'Polygon' || value.type === 'MultiPolygon');
}

/** Parses and checks a boundary file's text. */
export function checkBoundary(text: string): CheckResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ key: 'invalidJson' }] };
  }
  if (!isRecord(parsed)) return { ok: false, problems: [{ key: 'invalidJson' }] };

  let candidate: unknown = parsed;
  if (parsed.type === 'FeatureCollection') {
    const features = parsed.features;
    if (!Array.isArray(features) || features.length !== 1)
      return { ok: false, problems: [{ key: 'featureCollection' }] };
    candidate = features[0];
  }
  if (isRecord(candidate) && candidate.type === 'Feature') {
    const geometry = candidate.geometry;
    if (!isPolygonal(geometry)) return { ok: false, problems: [{ key: 'noGeometry' }] };
    const problems = checkGeometry(geometry);
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, body: { type: 'Feature', geometry, properties: candidate.properties ?? null } };
  }
  if (isPolygonal(candidate)) {
    const problems = checkGeometry(candidate);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, body: candidate };
  }
  const type = isRecord(candidate) && typeof candidate.type === 'string' ? candidate.type : '?';
  return { ok: false, problems: [{ key: 'unsupportedType', type }] };
}
