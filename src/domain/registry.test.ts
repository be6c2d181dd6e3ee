import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar.ts';
import {
  bigrams,
  DUPLICATE_NAME_SIMILARITY,
  findDuplicateSystems,
  similarity,
  USAGE_SIGNALS,
  zombieVerdict,
  type DuplicateCandidate,
  type LastUse,
} from './registry.ts';

const TODAY = '2026-03-02';
const live = { status: 'live', launchDate: '2020-01-01', userCount: 300 };

describe('zombieVerdict', () => {
  it('flags a live system silent for exactly the threshold, not one day less', () => {
    const at = (daysAgo: number) => zombieVerdict(live, { sign_in: addDays(TODAY, -daysAgo) }, TODAY, 90);
    expect(at(90).zombie).toBe(true);
    expect(at(89).zombie).toBe(false);
    expect(at(0).zombie).toBe(false);
    expect(at(90).evidence).toEqual({
      thresholdDays: 90,
      lastUsedOn: addDays(TODAY, -90),
      daysSilent: 90,
      lastUse: {
        sign_in: addDays(TODAY, -90),
        api_call: null,
        data_update: null,
        exchange_call: null,
        catalog_view: null,
      },
      launchDate: '2020-01-01',
      declaredUserCount: 300,
    });
  });

  it('takes the most recent use of any signal', () => {
    const v = zombieVerdict(
      live,
      { sign_in: '2025-01-01', catalog_view: addDays(TODAY, -3), api_call: null },
      TODAY,
      90,
    );
    expect(v.zombie).toBe(false);
    expect(v.evidence.lastUsedOn).toBe(addDays(TODAY, -3));
  });

  it('spares systems launched less than the threshold ago, and systems that are not live', () => {
    const launched = (daysAgo: number) =>
      zombieVerdict({ ...live, launchDate: addDays(TODAY, -daysAgo) }, {}, TODAY, 90).zombie;
    expect(launched(89)).toBe(false);
    expect(launched(90)).toBe(true);
    for (const status of ['planned', 'building', 'retired'])
      expect(zombieVerdict({ ...live, status }, {}, TODAY, 90).zombie).toBe(false);
  });

  it('treats a never-used live system without a launch date as a zombie with unknown silence', () => {
    const v = zombieVerdict({ status: 'live', launchDate: null }, {}, TODAY, 30);
    expect(v.zombie).toBe(true);
    expect(v.evidence).toMatchObject({ lastUsedOn: null, daysSilent: null, declaredUserCount: null });
    const launched = zombieVerdict({ status: 'live', launchDate: addDays(TODAY, -400) }, {}, TODAY, 30);
    expect(launched.evidence.daysSilent).toBe(400);
  });

  it('is monotone in silence: once a zombie, a longer silence stays a zombie', () => {
    const signal = fc.constantFrom(...USAGE_SIGNALS);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.tuple(signal, fc.integer({ min: 0, max: 800 })), { maxLength: 5 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 200 }),
        (threshold, uses, launchedAgo, extra) => {
          const lastUse: LastUse = {};
          for (const [s, ago] of uses) {
            const d = addDays(TODAY, -ago);
            if (!lastUse[s] || lastUse[s]! < d) lastUse[s] = d;
          }
          const sys = { status: 'live', launchDate: addDays(TODAY, -launchedAgo) };
          const now = zombieVerdict(sys, lastUse, TODAY, threshold);
          const later = zombieVerdict(sys, lastUse, addDays(TODAY, extra), threshold);
          if (now.zombie) expect(later.zombie).toBe(true);
          // The verdict is exactly "silent for at least the threshold, launched at least that long ago".
          const lastAgo = Math.min(...uses.map(([, a]) => a), Infinity);
          expect(now.zombie).toBe(lastAgo >= threshold && launchedAgo >= threshold);
        },
      ),
    );
  });

  it('refuses a threshold that is not a positive integer', () => {
    expect(() => zombieVerdict(live, {}, TODAY, 0)).toThrow(RangeError);
  });
});

describe('similarity', () => {
  it('is the Dice coefficient of character bigrams of the normalised text', () => {
    expect([...bigrams('网格事件')]).toEqual(['网格', '格事', '事件']);
    expect(bigrams('ＡＢ-c')).toEqual(new Set(['ab', 'c'])); // NFKC, lower case, runs apart
    expect(similarity('网格事件', '网格事件')).toBe(1);
    // {网格, 格事, 事件} vs {网格, 格管, 管理}: 2·1 / 6
    expect(similarity('网格事件', '网格管理')).toBeCloseTo(1 / 3);
    expect(similarity('', '')).toBe(0);
    expect(similarity('——', '网格')).toBe(0);
  });

  it('is symmetric, between 0 and 1, and 1 on equal non-empty text', () => {
    const text = fc.string({ unit: fc.constantFrom(...'网格事件管理系统平台ab1 -') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (bigrams(a).size > 0) expect(similarity(a, a)).toBe(1);
      }),
    );
  });
});

const sys = (id: string, name: string, purpose: string, produced: string[] = [], status = 'live') => ({
  id,
  name,
  purpose,
  status,
  producedDatasetNames: produced,
});

describe('findDuplicateSystems', () => {
  const a = sys('a', '网格化社会治理事件管理系统', '采集、分派和处置网格员上报的社会治理事件');
  // names 0.75, purposes 0.79
  const b = sys('b', '网格化社会治理事件处置系统', '网格员上报社会治理事件的分派和处置');
  const c = sys('c', '视频会议系统', '召开全区视频会议');
  const d = sys('d', '企业信用信息查询', '查询企业的信用记录', ['企业信用信息']);
  // names 0.43 (< 0.5), purposes low, but both produce 企业信用信息
  const e = sys('e', '企业信用服务平台', '为窗口提供市场主体信用核查服务', ['企业 信用信息']);

  it('finds pairs with similar names and purposes, once, smaller id first', () => {
    const pairs = findDuplicateSystems([b, c, a]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ systemId: 'a', otherSystemId: 'b' });
    expect(pairs[0]!.evidence.reason).toBe('similar_name_and_purpose');
    expect(pairs[0]!.evidence.nameSimilarity).toBeGreaterThanOrEqual(DUPLICATE_NAME_SIMILARITY);
    expect(pairs[0]!.evidence.sharedDatasets).toEqual([]);
  });

  it('finds pairs that produce a dataset of the same name when their names or purposes are close enough', () => {
    const pairs = findDuplicateSystems([d, e]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.evidence).toMatchObject({ reason: 'shared_dataset', sharedDatasets: ['企业信用信息'] });
    // A shared dataset alone is not enough.
    const unrelated = sys('f', '档案管理', '管理纸质档案', ['企业信用信息']);
    expect(findDuplicateSystems([d, unrelated])).toEqual([]);
  });

  it('never pairs a system with itself, even when it is listed twice', () => {
    expect(findDuplicateSystems([a, a, c])).toEqual([]);
    expect(findDuplicateSystems([d, { ...d }])).toEqual([]);
  });

  it('ignores retired systems and rounds the evidence to two decimals', () => {
    expect(findDuplicateSystems([a, { ...b, status: 'retired' }])).toEqual([]);
    const [pair] = findDuplicateSystems([a, b]);
    for (const x of [pair!.evidence.nameSimilarity, pair!.evidence.purposeSimilarity])
      expect(Math.round(x * 100) / 100).toBe(x);
  });

  it('never pairs a system with itself, reports each pair once, and agrees with the plain rule', () => {
    const words = ['网格', '事件', '管理', '系统', '平台', '企业', '信用', '视频', '会议', '养老', '服务'];
    const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }).map((w) => w.join(''));
    const candidate = fc.record({
      name: phrase,
      purpose: phrase,
      status: fc.constantFrom('live', 'planned', 'retired'),
      producedDatasetNames: fc.array(fc.constantFrom('企业信用信息', '网格事件信息', '养老服务对象'), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), (raw) => {
        const systems: DuplicateCandidate[] = raw.map((r, i) => ({
          ...r,
          id: `s${String(i).padStart(2, '0')}`,
        }));
        const pairs = findDuplicateSystems(systems);
        const keys = pairs.map((p) => `${p.systemId}|${p.otherSystemId}`);
        expect(new Set(keys).size).toBe(keys.length);
        // The oracle: every pair compared naively.
        const want: string[] = [];
        for (const x of systems)
          for (const y of systems) {
            if (x.id >= y.id || x.status === 'retired' || y.status === 'retired') continue;
            const ns = similarity(x.name, y.name);
            const ps = similarity(x.purpose, y.purpose);
            const shared = x.producedDatasetNames.some((n) => y.producedDatasetNames.includes(n));
            if ((ns >= 0.5 && ps >= 0.5) || (shared && (ns >= 0.3 || ps >= 0.4)))
              want.push(`${x.id}|${y.id}`);
          }
        expect(keys).toEqual(want);
        for (const p of pairs) expect(p.systemId < p.otherSystemId).toBe(true);
      }),
    );
  });

  // At the scale of a city's registry the candidate index must not change the answer: the result
  // does not depend on the order systems come in. (Its speed is a bench matter, not a test's.)
  it('gives the same pairs for 2,000 systems in any order', () => {
    const words = [
      ...'数据管理服务平台系统信息采集查询审批监管网格事件企业信用养老医疗教育交通城建环境安全应急',
    ];
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join('');
    const systems = Array.from({ length: 2000 }, (_, i) =>
      sys(`s${String(i).padStart(4, '0')}`, text(8), text(30), [`数据集${Math.floor(rnd() * 500)}`]),
    );
    // Plant near-copies: every 100th system repeats the one before it with a word added.
    for (let i = 100; i < systems.length; i += 100) {
      const prev = systems[i - 1]!;
      systems[i] = sys(`s${String(i).padStart(4, '0')}`, `${prev.name}平台`, prev.purpose, []);
    }
    const key = (pairs: ReturnType<typeof findDuplicateSystems>) =>
      pairs.map((p) => `${p.systemId}|${p.otherSystemId}`).sort();
    const forward = key(findDuplicateSystems(systems));
    expect(forward.length).toBeGreaterThan(0);
    expect(key(findDuplicateSystems([...systems].reverse()))).toEqual(forward);
  });
});
