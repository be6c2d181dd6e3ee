import { describe, expect, it } from 'vitest';
import { findDuplicateSystems } from '../domain/registry.ts';
import { demoCatalogue, producedDatasetNames } from './datasets.ts';
import { demoDepartments } from './departments.ts';
import { demoSystems, plantedDuplicatePairs, plantedZombies } from './systems.ts';

const departments = demoDepartments();
const systems = demoSystems(departments);
const byCode = new Map(systems.map((s) => [s.code, s]));

describe('demoSystems', () => {
  it('is deterministic: the same seed gives the same systems, another seed other figures only', () => {
    expect(demoSystems(departments)).toEqual(systems);
    const other = demoSystems(departments, 7);
    expect(other).not.toEqual(systems);
    expect(other.map((s) => [s.code, s.name, s.status, s.purpose])).toEqual(
      systems.map((s) => [s.code, s.name, s.status, s.purpose]),
    );
  });

  it('registers about 120 systems with unique codes and names across many departments', () => {
    expect(systems.length).toBeGreaterThanOrEqual(110);
    expect(systems.length).toBeLessThanOrEqual(130);
    for (const s of systems) expect(s.code).toMatch(/^[A-Z][A-Z0-9-]{2,31}$/);
    expect(new Set(systems.map((s) => s.code)).size).toBe(systems.length);
    expect(new Set(systems.map((s) => s.name)).size).toBe(systems.length);
    const deptCodes = new Set(departments.map((d) => d.code));
    for (const s of systems) {
      expect(deptCodes.has(s.departmentCode)).toBe(true);
      expect(s.code.startsWith(`SYS-${s.departmentCode.toUpperCase()}-`)).toBe(true);
    }
    expect(new Set(systems.map((s) => s.departmentCode)).size).toBe(departments.length);
  });

  it('describes vertical and local systems consistently', () => {
    const vertical = systems.filter((s) => s.origin === 'vertical');
    const local = systems.filter((s) => s.origin === 'local');
    expect(vertical.length).toBeGreaterThan(25);
    expect(local.length).toBeGreaterThan(60);
    for (const s of vertical) {
      expect(s.verticalLine).toBeTruthy();
      expect(['province', 'city']).toContain(s.level);
      expect(s.operator).toContain(s.verticalLine!);
    }
    for (const s of local) {
      expect(s.verticalLine).toBeNull();
      expect(s.level).toBe('district');
    }
    expect(systems.some((s) => s.level === 'city')).toBe(true);
    expect(new Set(systems.map((s) => s.deployment))).toEqual(new Set(['gov_cloud', 'local_room']));
  });

  it('has plausible figures: 等保 1-4 (mostly 2-3), statuses, launch dates, budgets, users, interfaces', () => {
    const levels = systems.map((s) => s.securityLevel);
    for (const l of levels) expect([1, 2, 3, 4]).toContain(l);
    expect(levels.filter((l) => l === 2 || l === 3).length / levels.length).toBeGreaterThan(0.85);
    const count = (status: string) => systems.filter((s) => s.status === status).length;
    expect(count('live') / systems.length).toBeGreaterThan(0.8);
    for (const status of ['building', 'planned', 'retired']) expect(count(status)).toBeGreaterThanOrEqual(3);
    for (const s of systems) {
      if (s.status === 'live' || s.status === 'retired') {
        expect(s.launchDate).toMatch(/^20(1[2-9]|2[0-5])-\d{2}-\d{2}$/);
        expect(s.userCount).toBeGreaterThan(0);
      } else {
        expect(s.launchDate).toBeNull();
        expect(s.userCount).toBeNull();
      }
      if (s.budget !== null) expect(s.budget).toMatch(/^\d+\.\d{2}$/);
      expect(s.operator).toMatch(/某[甲乙丙丁戊己庚辛壬癸子丑寅]/); // synthetic vendors only
      expect(s.purpose.length).toBeGreaterThan(10);
      expect(s.interfaces.length).toBeGreaterThanOrEqual(1);
      for (const i of s.interfaces) {
        expect(['provides', 'consumes']).toContain(i.direction);
        expect(i.name && i.protocol).toBeTruthy();
      }
    }
  });

  it('plants six zombies: live systems launched years ago', () => {
    expect(plantedZombies).toHaveLength(6);
    for (const code of plantedZombies) {
      const s = byCode.get(code)!;
      expect(s.status).toBe('live');
      expect(s.launchDate! < '2021-01-01').toBe(true);
      expect(s.idleDays).toBeGreaterThanOrEqual(150);
      expect(s.idleDays).toBeLessThanOrEqual(400);
    }
    for (const s of systems)
      if (!plantedZombies.includes(s.code) && s.status !== 'retired') expect(s.idleDays).toBeNull();
  });

  it('plants four duplicate pairs, and the duplicate rule finds exactly those', () => {
    expect(plantedDuplicatePairs).toHaveLength(4);
    for (const [a, b] of plantedDuplicatePairs)
      expect(byCode.get(a)!.departmentCode).not.toBe(byCode.get(b)!.departmentCode);

    const { datasets } = demoCatalogue(departments, systems, { today: '2026-03-02' });
    const produced = producedDatasetNames(datasets);
    const found = findDuplicateSystems(
      systems.map((s) => ({
        id: s.code,
        name: s.name,
        purpose: s.purpose,
        status: s.status,
        producedDatasetNames: produced.get(s.code) ?? [],
      })),
    );
    const key = (a: string, b: string) => [a, b].sort().join('|');
    expect(new Set(found.map((p) => key(p.systemId, p.otherSystemId)))).toEqual(
      new Set(plantedDuplicatePairs.map(([a, b]) => key(a, b))),
    );
    // Each pair also produces a dataset of the same name, which is the evidence the bureau sees.
    for (const p of found) expect(p.evidence.sharedDatasets).toHaveLength(1);
  });
});
