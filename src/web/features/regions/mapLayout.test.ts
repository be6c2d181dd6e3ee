import { describe, expect, it } from 'vitest';
import type { RegionFeature, RegionFeatureCollection } from '../../api/types.ts';
import { boundsOf, layoutForMap } from './mapLayout.ts';

function rect(
  code: string,
  level: RegionFeature['properties']['level'],
  [w, s, e, n]: number[],
): RegionFeature {
  return {
    type: 'Feature',
    id: code,
    properties: { code, name: code, level, schematic: true },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
}

const collection = (...features: RegionFeature[]): RegionFeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

describe('map layout', () => {
  it('finds the bounding box of nested positions', () => {
    expect(boundsOf(rect('a', 'street', [120, 30, 121, 31]).geometry)).toEqual({
      west: 120,
      south: 30,
      east: 121,
      north: 31,
    });
    expect(boundsOf({ type: 'Polygon', coordinates: [] })).toBeNull();
  });

  it('moves the label of a street holding a park into the larger free band and draws parks last', () => {
    const park = rect('park', 'park', [120.4, 30.1, 120.6, 30.4]);
    const street = rect('street', 'street', [120, 30, 121, 31]);
    const other = rect('other', 'street', [121, 30, 122, 31]);
    const out = layoutForMap(collection(park, street, other));
    expect(out.features.map((f) => f.properties.code)).toEqual(['street', 'other', 'park']);
    const cp = (out.features[0]?.properties as { cp?: number[] }).cp;
    // 0.6 free above the park against 0.1 below: the label goes halfway up the band above.
    expect(cp?.[0]).toBeCloseTo(120.5);
    expect(cp?.[1]).toBeCloseTo(30.7);
    expect((out.features[1]?.properties as { cp?: number[] }).cp).toBeUndefined();
    expect((out.features[2]?.properties as { cp?: number[] }).cp).toBeUndefined();
  });
});
