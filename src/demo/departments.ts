// The demo district's 42 departments: a coherent, real-looking line-up for an urban district of
// Hangzhou. All unified social credit codes are SYNTHETIC (valid check characters, invented
// organisation codes) and must not be taken for any real body's code.

import { DEMO_DISTRICT_CODE } from './regions.ts';
import { makeUscc, orgCodeCheck } from './uscc.ts';

export type DemoDepartmentKind = 'bureau' | 'government' | 'vertical' | 'party' | 'mass' | 'institution';

export interface DemoDepartment {
  /** Short stable ASCII code, e.g. 'fgj', 'sjj'. */
  code: string;
  name: string;
  shortName: string;
  kind: DemoDepartmentKind;
  regionCode: '330105';
  /** GB 32100-2015 unified social credit code, registration authority 1 (机构编制). */
  uscc: string;
}

/** The data bureau (数据资源局). */
export const DATA_BUREAU_CODE = 'sjj';

type Row = readonly [code: string, name: string, shortName: string, kind: DemoDepartmentKind];

const ROWS: readonly Row[] = [
  // 区政府办公室
  ['zfb', '区人民政府办公室', '区府办', 'government'],
  // 区政府工作部门
  ['fgj', '区发展和改革局', '区发改局', 'bureau'],
  ['jxj', '区经济和信息化局', '区经信局', 'bureau'],
  ['jyj', '区教育局', '区教育局', 'bureau'],
  ['kjj', '区科学技术局', '区科技局', 'bureau'],
  ['mzj', '区民政局', '区民政局', 'bureau'],
  ['sfj', '区司法局', '区司法局', 'bureau'],
  ['czj', '区财政局', '区财政局', 'bureau'],
  ['rsj', '区人力资源和社会保障局', '区人力社保局', 'bureau'],
  ['jsj', '区住房和城乡建设局', '区住建局', 'bureau'],
  ['nyj', '区农业农村局', '区农业农村局', 'bureau'],
  ['swj', '区商务局', '区商务局', 'bureau'],
  ['wgj', '区文化和广电旅游体育局', '区文广旅体局', 'bureau'],
  ['wjj', '区卫生健康局', '区卫健局', 'bureau'],
  ['tyj', '区退役军人事务局', '区退役军人局', 'bureau'],
  ['yjj', '区应急管理局', '区应急管理局', 'bureau'],
  ['shj', '区审计局', '区审计局', 'bureau'],
  ['scj', '区市场监督管理局', '区市场监管局', 'bureau'],
  ['tjj', '区统计局', '区统计局', 'bureau'],
  ['ybj', '区医疗保障局', '区医保局', 'bureau'],
  ['cgj', '区城市管理局', '区城管局', 'bureau'],
  [DATA_BUREAU_CODE, '区数据资源管理局', '区数据资源局', 'bureau'],
  ['xfj', '区信访局', '区信访局', 'bureau'],
  ['jgj', '区机关事务管理局', '区机关事务局', 'bureau'],
  ['tcj', '区投资促进局', '区投促局', 'bureau'],
  ['gzb', '区国有资产监督管理办公室', '区国资办', 'bureau'],
  // 垂直管理 / 派驻 (条线)
  ['gaj', '区公安分局', '区公安分局', 'vertical'],
  ['swuj', '区税务局', '区税务局', 'vertical'],
  ['gtj', '区规划和自然资源分局', '区规资分局', 'vertical'],
  ['hbj', '区生态环境分局', '区生态环境分局', 'vertical'],
  ['xfjy', '区消防救援大队', '区消防大队', 'vertical'],
  // 党委部门
  ['qwb', '区委办公室', '区委办', 'party'],
  ['zzb', '区委组织部', '区委组织部', 'party'],
  ['xcb', '区委宣传部', '区委宣传部', 'party'],
  ['bb', '区委机构编制委员会办公室', '区委编办', 'party'],
  // 群团组织
  ['zgh', '区总工会', '区总工会', 'mass'],
  ['tqw', '共青团区委员会', '团区委', 'mass'],
  ['fl', '区妇女联合会', '区妇联', 'mass'],
  ['cl', '区残疾人联合会', '区残联', 'mass'],
  // 事业单位
  ['zwzx', '区政务服务中心', '区政务服务中心', 'institution'],
  ['dag', '区档案馆', '区档案馆', 'institution'],
  ['rmt', '区融媒体中心', '区融媒体中心', 'institution'],
];

/**
 * Organisation category under registration authority 1 (机构编制), GB 32100-2015 table 2:
 * 1 机关, 2 事业单位, 3 群众团体. Party, government and vertical organs are all 机关.
 */
const CATEGORY: Record<DemoDepartmentKind, string> = {
  government: '1',
  bureau: '1',
  vertical: '1',
  party: '1',
  mass: '3',
  institution: '2',
};

/**
 * Synthetic 8-digit organisation-code bodies, one per department in row order, skipping bodies
 * whose GB 11714 check character would be 'X' (legal, but kept out for simpler downstream use).
 */
function orgBodies(count: number): string[] {
  const out: string[] = [];
  for (let n = 4_710_000; out.length < count; n += 37) {
    const body = `0${n}`;
    if (orgCodeCheck(body) !== 'X') out.push(body);
  }
  return out;
}

/** Exactly 42 departments of the demo district, in a stable order. */
export function demoDepartments(): DemoDepartment[] {
  const bodies = orgBodies(ROWS.length);
  return ROWS.map(([code, name, shortName, kind], i) => ({
    code,
    name,
    shortName,
    kind,
    regionCode: DEMO_DISTRICT_CODE,
    uscc: makeUscc('1', CATEGORY[kind], DEMO_DISTRICT_CODE, bodies[i] ?? ''),
  }));
}
