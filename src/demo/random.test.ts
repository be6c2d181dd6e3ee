import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from './random.ts';

const draw = (seed: number, n = 50): number[] => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('is deterministic: same seed, same sequence', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draw(seed)).toEqual(draw(seed));
      }),
    );
  });

  it('different seeds give different sequences', () => {
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(20260101)).not.toEqual(draw(20260102));
  });

  it('next() stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const x of draw(seed, 200)) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it('int(min, max) is inclusive and in range, and reaches both ends', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(20), (seed, min, span) => {
        const rng = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const v = rng.int(min, min + span);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThanOrEqual(min + span);
        }
      }),
    );
    const rng = createRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('is roughly uniform', () => {
    const rng = createRandom(42);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const b = Math.floor(rng.next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('pick() returns an element and throws on empty arrays', () => {
    const rng = createRandom(3);
    const items = ['a', 'b', 'c'] as const;
    for (let i = 0; i < 100; i++) expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('shuffle() permutes a copy and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer()), (seed, items) => {
        const before = items.slice();
        const out = createRandom(seed).shuffle(items);
        expect(items).toEqual(before);
        expect(out.slice().sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
        expect(createRandom(seed).shuffle(items)).toEqual(out);
      }),
    );
  });

  it('chance() honours its bounds and rate', () => {
    const rng = createRandom(11);
    for (let i = 0; i < 100; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
    }
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (rng.chance(0.3)) hits++;
    expect(Math.abs(hits / 20_000 - 0.3)).toBeLessThan(0.02);
  });

  it('weighted() never picks zero weights and follows proportions', () => {
    const rng = createRandom(5);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) {
      const k = rng.weighted([
        ['a', 1],
        ['b', 0],
        ['c', 3],
      ] as const);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts.b).toBe(0);
    expect(Math.abs((counts.c ?? 0) / 30_000 - 0.75)).toBeLessThan(0.02);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('fork() is deterministic, label-dependent and does not advance the parent', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    const fa = a.fork('cases');
    expect(a.next()).toBe(b.next());
    expect(fa.next()).toBe(createRandom(9).fork('cases').next());
    expect(createRandom(9).fork('cases').next()).not.toBe(createRandom(9).fork('users').next());
  });

  it('hashString is FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});
