import { describe, expect, it } from 'vitest';
import { DATA_BUREAU_CODE, demoDepartments } from './departments.ts';
import { isValidUscc } from './uscc.ts';

const departments = demoDepartments();

describe('demoDepartments', () => {
  it('lists exactly 42 departments with unique codes, names and short names', () => {
    expect(departments).toHaveLength(42);
    expect(new Set(departments.map((d) => d.code)).size).toBe(42);
    expect(new Set(departments.map((d) => d.name)).size).toBe(42);
    expect(new Set(departments.map((d) => d.shortName)).size).toBe(42);
    for (const d of departments) {
      expect(d.code).toMatch(/^[a-z]{2,6}$/);
      expect(d.regionCode).toBe('330105');
      expect(d.name.length).toBeGreaterThanOrEqual(d.shortName.length);
    }
  });

  it('includes the data bureau as a bureau', () => {
    const bureau = departments.find((d) => d.code === DATA_BUREAU_CODE);
    expect(bureau).toMatchObject({ name: '区数据资源管理局', kind: 'bureau' });
  });

  it('covers every kind, with the expected vertical (条线) bodies', () => {
    const kinds = new Set(departments.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['bureau', 'government', 'institution', 'mass', 'party', 'vertical']);
    const vertical = departments.filter((d) => d.kind === 'vertical').map((d) => d.name);
    expect(vertical).toEqual(
      expect.arrayContaining(['区税务局', '区规划和自然资源分局', '区生态环境分局', '区公安分局']),
    );
  });

  it('gives every department a valid, unique USCC of a 机构编制-registered body in 330105', () => {
    expect(new Set(departments.map((d) => d.uscc)).size).toBe(42);
    for (const d of departments) {
      expect(isValidUscc(d.uscc), `${d.code} ${d.uscc}`).toBe(true);
      expect(d.uscc[0]).toBe('1');
      expect(d.uscc.slice(2, 8)).toBe('330105');
      expect(d.uscc[16]).not.toBe('X');
      const category = { institution: '2', mass: '3' }[d.kind as string] ?? '1';
      expect(d.uscc[1], d.code).toBe(category);
    }
  });

  it('is deterministic', () => {
    expect(demoDepartments()).toEqual(departments);
  });
});
