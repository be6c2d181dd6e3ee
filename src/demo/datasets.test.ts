import { describe, expect, it } from 'vitest';
import {
  allowedOpenTypes,
  BASE_RESOURCES,
  codeProblems,
  datasetProblems,
  diffDatasets,
  isEmptyDiff,
  maxLevel,
} from '../domain/catalog.ts';
import { PATTERNS } from './dataset-fields.ts';
import { DATASET_CODE_PATTERN, demoCatalogue, type DemoDataset } from './datasets.ts';
import { demoDepartments } from './departments.ts';
import { demoSystems, plantedDuplicatePairs } from './systems.ts';

const TODAY = '2026-03-02';
const departments = demoDepartments();
const systems = demoSystems(departments);
const catalogue = demoCatalogue(departments, systems, { today: TODAY });
const { datasets } = catalogue;
const published = datasets.filter((d) => d.status === 'published');
const systemByCode = new Map(systems.map((s) => [s.code, s]));

describe('demoCatalogue', () => {
  it('is deterministic: the same seed and day give the same catalogue', () => {
    expect(demoCatalogue(departments, systems, { today: TODAY })).toEqual(catalogue);
    const other = demoCatalogue(departments, demoSystems(departments, 99), { today: TODAY, seed: 99 });
    expect(other.datasets.map((d) => d.code)).toEqual(datasets.map((d) => d.code));
    expect(other).not.toEqual(catalogue);
  });

  it('catalogues about 300 entries of every department with valid, unique resource codes', () => {
    expect(datasets.length).toBeGreaterThanOrEqual(280);
    expect(datasets.length).toBeLessThanOrEqual(320);
    expect(new Set(datasets.map((d) => d.departmentCode)).size).toBe(departments.length);
    expect(new Set(datasets.map((d) => d.code)).size).toBe(datasets.length);
    for (const d of datasets) {
      expect(d.code).toMatch(DATASET_CODE_PATTERN);
      expect(codeProblems(d.code, d.category, d.baseResource)).toEqual([]);
    }
  });

  it('passes the catalogue rules (every version too): fields, levels, sharing and open types', () => {
    for (const d of datasets) {
      expect(datasetProblems(d), d.name).toEqual([]);
      for (const v of d.versions) expect(datasetProblems(v.meta), `${d.name} v${v.version}`).toEqual([]);
      expect(d.fields.length).toBeGreaterThanOrEqual(4);
      expect(d.fields.length).toBeLessThanOrEqual(20);
      expect(d.keywords.length).toBeGreaterThanOrEqual(2);
      expect(d.keywords.length).toBeLessThanOrEqual(5);
      expect(d.maxLevel).toBe(maxLevel(d.fields));
      expect(allowedOpenTypes(d.maxLevel, d.sharingType)).toContain(d.openType);
      if (d.sharingType === 'none') expect(d.sharingConditions).toBeTruthy();
      for (const f of d.fields) if (f.key) expect(f.required).toBe(true);
    }
    const types = (pred: (d: DemoDataset) => boolean) => datasets.filter(pred).length;
    expect(types((d) => d.openType === 'open')).toBeGreaterThan(50);
    expect(types((d) => d.sharingType === 'none')).toBeGreaterThanOrEqual(5);
    expect(types((d) => d.maxLevel === 'L4')).toBeGreaterThan(30);
  });

  it('classifies personal identifiers high and public registration data low', () => {
    for (const d of datasets)
      for (const f of d.fields) {
        if (f.pattern === PATTERNS.ID) expect(f.level).toBe('L4');
        if (f.pattern === PATTERNS.PHONE) expect(['L3', 'L4']).toContain(f.level);
        if (/address$/.test(f.name) && /household|residence|housing/.test(f.name)) expect(f.level).toBe('L3');
        if (['uscc', 'ent_name', 'legal_rep', 'reg_capital', 'est_date'].includes(f.name))
          expect(f.level).toBe('L1');
        if (f.type === 'code') expect(f.codeList || f.pattern).toBeTruthy();
      }
    const enterprise = datasets.find((d) => d.name === '企业登记信息')!;
    expect(enterprise).toMatchObject({ maxLevel: 'L1', sharingType: 'unconditional', status: 'published' });
    const residents = datasets.find((d) => d.name === '户籍人口基本信息')!;
    expect(residents).toMatchObject({ maxLevel: 'L4', openType: 'closed' });
  });

  it('covers the five base resources, the themes and department resources', () => {
    for (const base of BASE_RESOURCES) {
      const entries = published.filter((d) => d.baseResource === base);
      expect(entries.length, base).toBeGreaterThanOrEqual(5);
      for (const d of entries)
        expect(d.code.slice(0, 3)).toBe(`1${String(BASE_RESOURCES.indexOf(base) + 1).padStart(2, '0')}`);
    }
    expect(
      new Set(datasets.filter((d) => d.category === 'theme').map((d) => d.theme)).size,
    ).toBeGreaterThanOrEqual(8);
    expect(datasets.filter((d) => d.category === 'department').length).toBeGreaterThan(60);
  });

  it('has names unique but for the planted duplicates, and at least five published names with 企业', () => {
    const counts = new Map<string, number>();
    for (const d of datasets) counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([name]) => name);
    expect(repeated).toHaveLength(plantedDuplicatePairs.length);
    expect(published.filter((d) => d.name.includes('企业')).length).toBeGreaterThanOrEqual(5);
  });

  it('takes each source system from the provider department, and only systems that run or ran', () => {
    for (const d of datasets) {
      if (!d.sourceSystemCode) continue;
      const s = systemByCode.get(d.sourceSystemCode)!;
      expect(s.departmentCode).toBe(d.departmentCode);
      expect(['live', 'retired']).toContain(s.status);
      if (s.status === 'retired') expect(d.status).toBe('deprecated');
    }
    expect(datasets.filter((d) => d.sourceSystemCode).length / datasets.length).toBeGreaterThan(0.8);
  });

  it('spreads the lifecycle: mostly published, a review queue, drafts, a few approved and deprecated', () => {
    const share = (status: string) => datasets.filter((d) => d.status === status).length / datasets.length;
    expect(share('published')).toBeGreaterThan(0.8);
    expect(share('published')).toBeLessThan(0.9);
    expect(share('submitted')).toBeCloseTo(0.05, 1);
    expect(share('draft')).toBeCloseTo(0.05, 1);
    expect(datasets.filter((d) => d.status === 'approved').length).toBeGreaterThanOrEqual(3);
    expect(share('deprecated')).toBeCloseTo(0.03, 1);
    expect(published.filter((d) => d.version >= 2).length).toBeGreaterThan(20);
  });

  it('keeps versions, reviews and dates consistent with each status', () => {
    const now = `${TODAY}T00:00:00+08:00`;
    for (const d of datasets) {
      expect(d.createdBy).toBe(`data-${d.departmentCode}`);
      const last = d.reviews[d.reviews.length - 1];
      if (last) expect(last.toStatus).toBe(d.status);
      else expect(d.status).toBe('draft');
      for (let i = 1; i < d.reviews.length; i++) {
        expect(d.reviews[i]!.at >= d.reviews[i - 1]!.at).toBe(true);
        expect(d.reviews[i]!.fromStatus).toBe(d.reviews[i - 1]!.toStatus);
      }
      for (const r of d.reviews) expect(r.actor === 'bureau' || r.actor === d.createdBy).toBe(true);
      for (const at of [d.createdAt, d.updatedAt, ...d.reviews.map((r) => r.at)])
        expect(Date.parse(at)).toBeLessThan(Date.parse(now));
      expect(d.versions.map((v) => v.version)).toEqual(Array.from({ length: d.version }, (_, i) => i + 1));
      if (d.status === 'published' || d.status === 'deprecated') {
        expect(d.version).toBeGreaterThanOrEqual(1);
        // Published at office hours in China: the UTC date is the China date.
        expect(d.releaseDate).toBe(d.versions[0]!.at.slice(0, 10));
        expect(d.publishedAt).toBe(d.versions[d.versions.length - 1]!.at);
        expect(d.reviews.some((r) => r.action === 'publish')).toBe(true);
      } else {
        expect(d.version).toBe(0);
        expect(d.publishedAt).toBeNull();
        expect(d.releaseDate).toBeNull();
      }
      // The latest version is the entry as it stands; each earlier one differs from the next.
      if (d.versions.length) {
        const latest = d.versions[d.versions.length - 1]!;
        const current = Object.fromEntries(
          Object.keys(latest.meta).map((k) => [k, d[k as keyof DemoDataset]]),
        );
        expect(isEmptyDiff(diffDatasets(latest.meta, current))).toBe(true);
        for (let i = 1; i < d.versions.length; i++)
          expect(isEmptyDiff(diffDatasets(d.versions[i - 1]!.meta, d.versions[i]!.meta))).toBe(false);
      }
    }
  });

  it('lets live systems consume published entries of other departments, and relates entries by code', () => {
    const byCode = new Map(datasets.map((d) => [d.code, d]));
    expect(catalogue.consumptions.length).toBeGreaterThan(50);
    for (const c of catalogue.consumptions) {
      const d = byCode.get(c.datasetCode)!;
      const s = systemByCode.get(c.systemCode)!;
      expect(d.status).toBe('published');
      expect(s.status).toBe('live');
      expect(s.departmentCode).not.toBe(d.departmentCode);
    }
    const related = datasets.filter((d) => d.relatedCodes.length);
    expect(related.length).toBeGreaterThanOrEqual(5);
    for (const d of related) for (const code of d.relatedCodes) expect(byCode.has(code)).toBe(true);
  });
});
