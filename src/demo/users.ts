// Demo users: one account per role and per organisational unit. Display names are synthetic,
// drawn from common surnames and given-name characters by the seeded PRNG; they stand for no one.

import type { DemoDepartment } from './departments.ts';
import { DATA_BUREAU_CODE } from './departments.ts';
import { createRandom, type Random } from './random.ts';
import { DEMO_DISTRICT_CODE, type DemoRegion } from './regions.ts';

export type DemoRole =
  | 'sys_admin'
  | 'sec_admin'
  | 'audit_admin'
  | 'bureau_admin'
  | 'dept_data_officer'
  | 'dept_case_officer'
  | 'dept_case_approver'
  | 'window_officer'
  | 'street_officer'
  | 'community_worker'
  | 'leader';

/** 三员分立: no account may hold two of these. */
export const SEPARATED_ADMIN_ROLES = [
  'sys_admin',
  'sec_admin',
  'audit_admin',
] as const satisfies readonly DemoRole[];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: DemoRole[];
  departmentCode: string | null;
  regionCode: string;
}

export const DEFAULT_DEMO_SEED = 20260101;

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾沈蒋蔡余潘杜叶程方钱汪俞金姚陆楼',
];

const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂华建文辉玲婷斌宇浩凯欣怡晨阳琳雪嘉佳俊晓倩思逸昊子涵悦航博睿一诗雨梦瑶海波峰鹏颖蕾琪',
];

function syntheticName(rng: Random, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const given =
      rng.chance(0.35) && attempt < 50
        ? rng.pick(GIVEN_CHARS)
        : rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS);
    const name = rng.pick(SURNAMES) + given;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/**
 * Every demo account, in a stable order: the five role accounts (admin, secadmin, auditor,
 * bureau, leader), then data-<dept>, case-<dept> and approver-<dept> per department, the district
 * hall's `window` and window-<street> per street, street-<code> per street and
 * community-<code> per community. Same inputs and seed → same users.
 */
export function demoUsers(
  regions: readonly DemoRegion[],
  departments: readonly DemoDepartment[],
  seed: number = DEFAULT_DEMO_SEED,
): DemoUser[] {
  const rng = createRandom(seed).fork('users');
  const used = new Set<string>();
  const user = (
    username: string,
    role: DemoRole,
    regionCode: string,
    departmentCode: string | null = null,
  ): DemoUser => ({
    username,
    displayName: syntheticName(rng, used),
    roles: [role],
    departmentCode,
    regionCode,
  });

  const district = regions.find((r) => r.level === 'district')?.code ?? DEMO_DISTRICT_CODE;
  const dataBureau = departments.find((d) => d.code === DATA_BUREAU_CODE);
  if (!dataBureau) throw new Error(`departments lack the data bureau (${DATA_BUREAU_CODE})`);

  const users: DemoUser[] = [
    user('admin', 'sys_admin', district),
    user('secadmin', 'sec_admin', district),
    user('auditor', 'audit_admin', district),
    user('bureau', 'bureau_admin', dataBureau.regionCode, dataBureau.code),
    user('leader', 'leader', district),
  ];
  for (const d of departments) {
    users.push(user(`data-${d.code}`, 'dept_data_officer', d.regionCode, d.code));
    users.push(user(`case-${d.code}`, 'dept_case_officer', d.regionCode, d.code));
    users.push(user(`approver-${d.code}`, 'dept_case_approver', d.regionCode, d.code));
  }
  // Service-hall windows: the district's hall, and each street's service centre.
  users.push(user('window', 'window_officer', district));
  for (const r of regions)
    if (r.level === 'street') users.push(user(`window-${r.code}`, 'window_officer', r.code));
  for (const r of regions)
    if (r.level === 'street') users.push(user(`street-${r.code}`, 'street_officer', r.code));
  for (const r of regions) {
    if (r.level === 'community') users.push(user(`community-${r.code}`, 'community_worker', r.code));
  }
  return users;
}
