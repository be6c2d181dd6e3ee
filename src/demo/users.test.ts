import { describe, expect, it } from 'vitest';
import { buildDemoDistrict, DEMO_STREET_CODES, SEPARATED_ADMIN_ROLES } from './index.ts';

const district = buildDemoDistrict();
const { users, departments, regions } = district;
const byName = new Map(users.map((u) => [u.username, u]));

describe('demoUsers', () => {
  it('creates 5 role accounts, 2 per department, 1 per street and 1 per community', () => {
    expect(users).toHaveLength(5 + 3 * 42 + 1 + 8 + 8 + 75);
    expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  });

  it('gives the fixed accounts their roles', () => {
    expect(byName.get('admin')).toMatchObject({
      roles: ['sys_admin'],
      regionCode: '330105',
      departmentCode: null,
    });
    expect(byName.get('secadmin')?.roles).toEqual(['sec_admin']);
    expect(byName.get('auditor')?.roles).toEqual(['audit_admin']);
    expect(byName.get('bureau')).toMatchObject({ roles: ['bureau_admin'], departmentCode: 'sjj' });
    expect(byName.get('leader')).toMatchObject({ roles: ['leader'], regionCode: '330105' });
  });

  it('has data and case officers for every department', () => {
    for (const d of departments) {
      expect(byName.get(`data-${d.code}`)).toMatchObject({
        roles: ['dept_data_officer'],
        departmentCode: d.code,
      });
      expect(byName.get(`case-${d.code}`)).toMatchObject({
        roles: ['dept_case_officer'],
        departmentCode: d.code,
      });
    }
  });

  it('has an officer per street and a worker per community, scoped to their region', () => {
    for (const code of DEMO_STREET_CODES) {
      expect(byName.get(`street-${code}`)).toMatchObject({ roles: ['street_officer'], regionCode: code });
    }
    for (const r of regions.filter((x) => x.level === 'community')) {
      expect(byName.get(`community-${r.code}`)).toMatchObject({
        roles: ['community_worker'],
        regionCode: r.code,
        departmentCode: null,
      });
    }
  });

  it('keeps the three administrators separate (三员分立)', () => {
    for (const u of users) {
      const held = u.roles.filter((r) => (SEPARATED_ADMIN_ROLES as readonly string[]).includes(r));
      expect(held.length, u.username).toBeLessThanOrEqual(1);
    }
    for (const role of SEPARATED_ADMIN_ROLES)
      expect(users.filter((u) => u.roles.includes(role))).toHaveLength(1);
  });

  it('references only known regions and departments', () => {
    const regionCodes = new Set(regions.map((r) => r.code));
    const deptCodes = new Set(departments.map((d) => d.code));
    for (const u of users) {
      expect(regionCodes.has(u.regionCode), u.username).toBe(true);
      if (u.departmentCode !== null) expect(deptCodes.has(u.departmentCode), u.username).toBe(true);
      expect(u.roles.length).toBeGreaterThan(0);
    }
  });

  it('gives everyone a distinct synthetic Chinese name', () => {
    for (const u of users) expect(u.displayName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(new Set(users.map((u) => u.displayName)).size).toBe(users.length);
  });
});

describe('buildDemoDistrict', () => {
  it('is deterministic for a seed', () => {
    expect(buildDemoDistrict()).toEqual(district);
    expect(buildDemoDistrict(7)).toEqual(buildDemoDistrict(7));
  });

  it('varies names with the seed but keeps structure', () => {
    const other = buildDemoDistrict(7);
    expect(other.regions).toEqual(regions);
    expect(other.departments).toEqual(departments);
    expect(other.users.map((u) => u.username)).toEqual(users.map((u) => u.username));
    expect(other.users.map((u) => u.displayName)).not.toEqual(users.map((u) => u.displayName));
  });
});
