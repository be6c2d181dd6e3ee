import { describe, expect, it } from 'vitest';
import { inspectGuide } from '../domain/guide-inspection.ts';
import { MATTER_TYPES, matterProblems, parseMatterCode } from '../domain/matters.ts';
import { demoDepartments } from './departments.ts';
import { PUBLIC_MATTER_SPECS } from './matter-specs.ts';
import { demoMatters, PLANTED_GUIDE_RULES } from './matters.ts';

const departments = demoDepartments();
const { matters, plantedGuideFaults } = demoMatters(departments);
const publicMatters = matters.filter((m) => m.type !== 'internal');
const internal = matters.filter((m) => m.type === 'internal');
const share = (xs: readonly unknown[], n: number) => n / xs.length;

describe('demoMatters', () => {
  it('is deterministic: the same seed gives the same matters; another seed other figures, same list', () => {
    expect(demoMatters(departments)).toEqual({ matters, plantedGuideFaults });
    const other = demoMatters(departments, 7).matters;
    expect(other).not.toEqual(matters);
    expect(other.map((m) => [m.code, m.name, m.type])).toEqual(matters.map((m) => [m.code, m.name, m.type]));
  });

  it('has about 300 public matters over the eight types and exactly 358 internal ones in all 42 departments', () => {
    expect(publicMatters.length).toBe(Object.values(PUBLIC_MATTER_SPECS).flat().length);
    expect(publicMatters.length).toBeGreaterThanOrEqual(280);
    expect(publicMatters.length).toBeLessThanOrEqual(320);
    expect(new Set(publicMatters.map((m) => m.type))).toEqual(
      new Set(MATTER_TYPES.filter((t) => t !== 'internal')),
    );
    expect(internal).toHaveLength(358);
    expect(new Set(internal.map((m) => m.departmentCode)).size).toBe(42);
    expect(departments).toHaveLength(42);
    // Names are unique within a department.
    expect(new Set(matters.map((m) => `${m.departmentCode}/${m.name}`)).size).toBe(matters.length);
  });

  it('codes every matter with its department USCC, the district level and a 12-digit basic code', () => {
    expect(new Set(matters.map((m) => m.code)).size).toBe(matters.length);
    const uscc = new Map(departments.map((d) => [d.code, d.uscc]));
    for (const m of matters) {
      expect(parseMatterCode(m.code)).toEqual({
        ok: true,
        uscc: uscc.get(m.departmentCode),
        level: 'district',
        basicCode: m.basicCode,
      });
    }
  });

  it('sets limits by type: licensing 20 days, committed shorter, about 30% on the spot (both 0)', () => {
    for (const m of publicMatters.filter((x) => x.type === 'licensing' && !x.onTheSpot))
      expect(m.statutoryLimitDays).toBe(20);
    for (const m of matters.filter((x) => x.onTheSpot)) {
      expect([m.statutoryLimitDays, m.committedLimitDays]).toEqual([0, 0]);
      expect(m.stages.map((s) => s.code)).toEqual(['receive', 'accept', 'complete']);
    }
    for (const m of matters.filter((x) => !x.onTheSpot)) {
      expect(m.statutoryLimitDays).toBeGreaterThanOrEqual(10);
      expect(m.statutoryLimitDays).toBeLessThanOrEqual(60);
      expect(m.committedLimitDays).toBeGreaterThanOrEqual(1);
    }
    const onTheSpot = share(publicMatters, publicMatters.filter((m) => m.onTheSpot).length);
    expect(onTheSpot).toBeGreaterThan(0.22);
    expect(onTheSpot).toBeLessThan(0.4);
    // Only the planted contradiction breaks the matter rules.
    const problems = matters.filter((m) => matterProblems(m).length > 0);
    const planted = plantedGuideFaults.find((f) => f.rule === 'committed_above_statutory')!;
    expect(problems.map((m) => m.code)).toEqual([planted.matterCode]);
    expect(problems[0]!.popularity).toBe(0);
  });

  it('spreads visits, online depth, special procedures and fees; internal matters are all online', () => {
    expect(new Set(publicMatters.map((m) => m.onlineDepth))).toEqual(new Set([1, 2, 3, 4]));
    for (const m of matters) expect(m.visits).toBe(m.onlineDepth === 4 ? 0 : 1);
    for (const m of internal) expect(m.onlineDepth).toBeGreaterThanOrEqual(3);
    const special = publicMatters.filter((m) => m.specialProcedures.length > 0);
    expect(special.length).toBeGreaterThan(10);
    expect(special.filter((m) => m.type === 'licensing').length).toBeGreaterThan(10);
    const fees = publicMatters.filter((m) => m.fees.length > 0);
    expect(fees.length).toBeGreaterThanOrEqual(5);
    expect(fees.filter((m) => m.fees.every((f) => f.basis)).length).toBeGreaterThanOrEqual(5);
    expect(publicMatters.some((m) => m.atStreets)).toBe(true);
    expect(publicMatters.some((m) => m.stages.some((s) => s.limitDays !== null))).toBe(true);
  });

  it('plants one guide fault per rule, and the guide inspection finds exactly those', () => {
    expect(plantedGuideFaults.map((f) => f.rule)).toEqual([...PLANTED_GUIDE_RULES]);
    expect(new Set(plantedGuideFaults.map((f) => f.matterCode)).size).toBe(PLANTED_GUIDE_RULES.length);
    const found = matters.flatMap((m) =>
      inspectGuide(m, { ...m.guide, updatedOn: '2026-11-01' }, '2026-11-27').map((f) => ({
        matterCode: m.code,
        rule: f.rule,
      })),
    );
    const key = (f: { matterCode: string; rule: string }) => `${f.matterCode} ${f.rule}`;
    expect(found.map(key).sort()).toEqual(plantedGuideFaults.map(key).sort());
  });

  it('writes complete guides: conditions, materials, process, basis, place, hours, phones, link', () => {
    const faulty = new Set(plantedGuideFaults.map((f) => f.matterCode));
    for (const m of matters.filter((x) => !faulty.has(x.code))) {
      const g = m.guide;
      for (const text of [g.conditions, g.process, g.legalBasis, g.place, g.hours, g.complaintPhone])
        expect(text.trim()).not.toBe('');
      expect(g.contactPhone).toMatch(/^0571-8\d{7}$/);
      expect(g.onlineUrl).toMatch(/^https:\/\//);
      expect(g.materials.length).toBeGreaterThanOrEqual(2);
      if (m.type === 'licensing') expect(g.legalBasis).toContain('行政许可法');
    }
    expect(matters.some((m) => m.guide.place.includes('街道便民服务中心'))).toBe(true);
  });
});
