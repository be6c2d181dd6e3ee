import { describe, expect, it } from 'vitest';
import type { ParsedRow } from '../../http/xlsx-import.ts';
import { flagEvidenceText } from './registry.present.ts';
import { changedFields } from './registry.rules.ts';
import type { SystemRow } from './systems.repo.ts';
import { parseInterfaces, planSystemImport, type ImportDepartment } from './systems.import.ts';

const scj: ImportDepartment = {
  id: 'd-scj',
  code: 'scj',
  name: '区市场监督管理局',
  shortName: '市场监管局',
  regionCode: '330105',
};
const mzj: ImportDepartment = { ...scj, id: 'd-mzj', code: 'mzj', name: '区民政局', shortName: '民政局' };

const stored: SystemRow = {
  id: 's1',
  code: 'SYS-SCJ-001',
  name: '市场主体登记系统',
  purpose: '',
  departmentId: scj.id,
  regionCode: '330105',
  operator: '',
  origin: 'local',
  verticalLine: null,
  level: 'district',
  deployment: 'gov_cloud',
  securityLevel: 2,
  status: 'live',
  launchDate: '2021-06-30',
  budget: '12.35',
  userCount: null,
  // jsonb hands keys back in its own order.
  interfaces: [{ protocol: 'REST', name: '查询', direction: 'provides' } as never],
  url: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

const row = (n: number, values: Record<string, string | null>): ParsedRow => ({
  row: n,
  values: {
    code: null,
    name: '市场主体登记系统',
    purpose: null,
    department: null,
    operator: null,
    origin: 'local',
    verticalLine: null,
    level: 'district',
    deployment: 'gov_cloud',
    securityLevel: '2',
    status: 'live',
    launchDate: '2021-06-30',
    budget: null,
    userCount: null,
    url: null,
    interfaces: null,
    ...values,
  },
});

describe('the registry import', () => {
  it('reads interfaces as name|direction|protocol[|description], directions by code or label', () => {
    expect(parseInterfaces('查询|提供|REST； 认证 ｜ Calls ｜ OAuth2 ｜ 省平台\n推送|consumes|MQ')).toEqual({
      interfaces: [
        { name: '查询', direction: 'provides', protocol: 'REST' },
        { name: '认证', direction: 'consumes', protocol: 'OAuth2', description: '省平台' },
        { name: '推送', direction: 'consumes', protocol: 'MQ' },
      ],
    });
    expect(parseInterfaces(null)).toEqual({ interfaces: [] });
    expect(parseInterfaces('a|提供|REST;b|提供')).toMatchObject({ params: { entry: 2 } });
    expect(parseInterfaces('a|双向|REST')).toMatchObject({
      message: 'od.registry.import.interfaceDirection',
      params: { entry: 1, allowed: '提供、调用' },
    });
  });

  it('compares interfaces by content and budgets to the cent', () => {
    const same = {
      budget: 12.349,
      interfaces: [{ name: '查询', direction: 'provides' as const, protocol: 'REST' }],
    };
    expect(changedFields(stored, same)).toEqual([]);
    expect(changedFields(stored, { budget: 12.4, interfaces: [] })).toEqual(['budget', 'interfaces']);
  });

  it('plans creates and updates within the scope, and reports the rest per cell', () => {
    const plan = planSystemImport(
      [
        row(2, { code: 'SYS-SCJ-001', interfaces: '查询|提供|REST', budget: '12.35' }),
        row(3, { code: 'SYS-SCJ-002', department: '市场监管局' }),
        row(4, { code: 'SYS-SCJ-002' }),
        row(5, { code: 'SYS-MZJ-001', department: 'mzj' }),
        row(6, { code: 'SYS-SCJ-003', status: 'live', launchDate: '2031-01-01', userCount: '很多' }),
      ],
      {
        departments: [scj, mzj],
        scope: { regionPrefix: '330105', departmentId: scj.id },
        existing: new Map([[stored.code, stored]]),
        today: '2026-01-01',
      },
    );
    expect(plan.updates).toMatchObject([{ row: 2, changed: [] }]);
    expect(plan.creates).toMatchObject([{ row: 3, department: { id: scj.id } }]);
    expect(plan.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [4, '系统编码', 'od.import.duplicateInFile'],
      [5, '所属部门', 'od.registry.import.departmentScope'],
      [6, '用户数', 'od.registry.import.number'],
    ]);
  });
});

describe('a flag’s evidence in words', () => {
  it('says how long a zombie has been silent', () => {
    const evidence = { thresholdDays: 90, daysSilent: 212, lastUsedOn: '2025-05-01' };
    expect(flagEvidenceText({ kind: 'zombie', evidence }, 'zh-CN')).toBe(
      '连续 212 天无使用（阈值 90 天），最近一次使用：2025-05-01',
    );
    expect(flagEvidenceText({ kind: 'zombie', evidence: { ...evidence, lastUsedOn: null } }, 'en')).toBe(
      'Never used in the 212 days since launch (threshold 90 days)',
    );
    expect(
      flagEvidenceText({ kind: 'zombie', evidence: { thresholdDays: 90, daysSilent: null } }, 'zh-CN'),
    ).toBe('无使用记录，也无上线日期（阈值 90 天）');
  });

  it('says how alike a duplicate pair is and what both produce', () => {
    const evidence = { nameSimilarity: 0.62, purposeSimilarity: 0.549, sharedDatasets: ['网格事件信息'] };
    expect(flagEvidenceText({ kind: 'duplicate', evidence }, 'zh-CN')).toBe(
      '名称相似度 62%，用途相似度 55%，共同产出：网格事件信息',
    );
    expect(flagEvidenceText({ kind: 'duplicate', evidence: { ...evidence, sharedDatasets: [] } }, 'en')).toBe(
      'Name similarity 62%, purpose similarity 55%',
    );
  });
});
