// Synthetic catalogue entries for the benchmarks: many, varied, deterministic. Names combine a
// subject with an aspect, so a query like 企业 matches a realistic share of them (not all, not none).
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.ts';
import { datasets, type DatasetField } from '../src/server/db/schema.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import { createRandom } from '../src/demo/random.ts';

const SUBJECTS = [
  '企业',
  '个体工商户',
  '户籍人口',
  '流动人口',
  '低保对象',
  '残疾人',
  '老年人',
  '退役军人',
  '学校',
  '医疗机构',
  '药品',
  '食品经营',
  '建设项目',
  '不动产',
  '地块',
  '河道',
  '空气质量',
  '噪声',
  '网格事件',
  '信访',
  '社会组织',
  '志愿者',
  '公共租赁住房',
  '停车场',
  '公交线路',
  '道路',
  '燃气',
  '供水',
  '消防',
  '安全生产',
  '税务',
  '社保',
  '公积金',
  '就业',
  '培训',
  '文化场馆',
  '体育设施',
  '养老机构',
  '托育机构',
  '宠物',
];
const ASPECTS = [
  '登记信息',
  '基本信息',
  '变更记录',
  '许可信息',
  '检查记录',
  '处罚信息',
  '统计数据',
  '监测数据',
  '补贴发放',
  '信用评价',
  '电子证照',
  '地理位置',
  '年度报告',
  '投诉举报',
  '服务记录',
  '预警信息',
];
const CATEGORIES = ['base', 'theme', 'department'] as const;
const FREQ = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
const FORMATS = ['database', 'spreadsheet', 'api', 'geo', 'document'] as const;

export interface BenchDepartment {
  id: string;
  name: string;
  regionCode: string;
}

function fieldsFor(i: number): DatasetField[] {
  // Up to L3: every entry may be listed openly (conditional opening), so the export sees them all.
  const levels = ['L1', 'L2', 'L3'] as const;
  return [
    { name: 'record_id', label: '记录编号', type: 'string', required: true, key: true, level: 'L1' },
    { name: 'subject_name', label: '名称', type: 'string', required: true, key: false, level: 'L2' },
    { name: 'uscc', label: '统一社会信用代码', type: 'string', required: false, key: false, level: 'L1' },
    {
      name: 'contact_phone',
      label: '联系电话',
      type: 'string',
      required: false,
      key: false,
      level: levels[i % 3]!,
    },
    { name: 'updated_on', label: '更新日期', type: 'date', required: true, key: false, level: 'L1' },
  ];
}

/**
 * Inserts `count` published entries with sequence numbers starting at `from` (codes stay unique
 * across calls), in batches, through the same search-vector expression the application writes.
 */
export async function insertBenchDatasets(
  db: Db,
  departments: BenchDepartment[],
  count: number,
  from = 0,
  onProgress?: (done: number) => void,
): Promise<void> {
  const rng = createRandom(20261127 + from);
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const n = from + i;
      const dept = departments[n % departments.length]!;
      const subject = rng.pick(SUBJECTS);
      const name = `${subject}${rng.pick(ASPECTS)}（${n}）`;
      const category = CATEGORIES[n % 3]!;
      const fields = fieldsFor(n);
      const maxLevel: DatasetField['level'] = fields.some((f) => f.level === 'L4')
        ? 'L4'
        : fields.some((f) => f.level === 'L3')
          ? 'L3'
          : 'L2';
      const code = `${category === 'base' ? 1 : category === 'theme' ? 2 : 3}${String((n % 5) + 1).padStart(2, '0')}001999/${String(n).padStart(6, '0')}`; // 细目 999: never a demo code
      const keywords = [subject, rng.pick(ASPECTS).slice(0, 2)];
      const summary = `${dept.name}提供的${name}，包括${fields.map((f) => f.label).join('、')}等信息项，用于部门间共享与业务协同。`;
      rows.push({
        code,
        name,
        summary,
        category,
        baseResource:
          category === 'base'
            ? (['population', 'legal_entity', 'geospatial', 'social_credit', 'e_license'] as const)[n % 5]!
            : null,
        departmentId: dept.id,
        regionCode: dept.regionCode,
        format: FORMATS[n % FORMATS.length]!,
        fields,
        maxLevel,
        sharingType: maxLevel === 'L4' ? ('conditional' as const) : ('unconditional' as const),
        sharingConditions: maxLevel === 'L4' ? '仅限履职需要，经提供部门审批' : null,
        openType: maxLevel === 'L4' ? ('closed' as const) : ('conditional' as const),
        updateFrequency: FREQ[n % FREQ.length]!,
        releaseDate: `20${String(18 + (n % 8)).padStart(2, '0')}-0${(n % 9) + 1}-15`,
        keywords,
        status: 'published' as const,
        version: 1,
        publishedAt: new Date(Date.UTC(2025, n % 12, (n % 28) + 1)),
        createdBy: 'bench',
        searchVector: datasetSearchVector({
          name,
          code,
          keywords,
          fields,
          summary,
          departmentName: dept.name,
        }),
        updatedAt: new Date(Date.UTC(2025, n % 12, (n % 28) + 1, n % 24)),
      });
    }
    await db.insert(datasets).values(rows);
    onProgress?.(Math.min(count, start + batch));
  }
  await db.execute(sql`analyze datasets`);
}
