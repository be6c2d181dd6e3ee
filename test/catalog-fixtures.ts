// Catalogue entries for the search, CKAN and DCAT tests: written straight into the cloned database
// (with the same search vector the application writes), so the tests do not depend on the demo's
// catalogue or on the editing workflow.
import { datasets, departments, type DatasetField } from '../src/server/db/schema.ts';
import { datasetSearchVector } from '../src/server/modules/catalog/search-vector.ts';
import type { TestContext } from './harness.ts';

export type DatasetInsert = typeof datasets.$inferInsert;

export interface FixtureInput extends Partial<
  Omit<DatasetInsert, 'departmentId' | 'regionCode' | 'searchVector'>
> {
  code: string;
  name: string;
  /** The provider's department code (demo departments: scj, mzj, sjj, …). */
  department: string;
}

const defaultFields: DatasetField[] = [
  { name: 'record_id', label: '记录编号', type: 'string', required: true, key: true, level: 'L1' },
  { name: 'subject_name', label: '主体名称', type: 'string', required: true, key: false, level: 'L2' },
];

/** Inserts catalogue entries (500 a statement) and returns their ids, in order. */
export async function insertDatasets(ctx: TestContext, entries: FixtureInput[]): Promise<string[]> {
  const db = ctx.database.db;
  const depts = new Map((await db.select().from(departments)).map((d) => [d.code, d]));
  const rows = entries.map((e) => {
    const { department, ...rest } = e;
    const dept = depts.get(department);
    if (!dept) throw new Error(`no department ${department}`);
    const row = {
      summary: `${e.name}的摘要。`,
      category: 'department' as const,
      format: 'spreadsheet' as const,
      fields: defaultFields,
      maxLevel: 'L2' as const,
      sharingType: 'unconditional' as const,
      openType: 'open' as const,
      updateFrequency: 'monthly' as const,
      keywords: [] as string[],
      status: 'published' as const,
      version: 1,
      publishedAt: new Date('2026-01-10T02:00:00Z'),
      createdBy: 'test',
      ...rest,
      departmentId: dept.id,
      regionCode: dept.regionCode,
    };
    return {
      ...row,
      searchVector: datasetSearchVector({
        name: row.name,
        code: row.code,
        keywords: row.keywords,
        fields: row.fields,
        summary: row.summary,
        departmentName: dept.name,
      }),
    };
  });
  const idByCode = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(datasets)
      .values(rows.slice(i, i + 500))
      .returning({ id: datasets.id, code: datasets.code });
    for (const r of inserted) idByCode.set(r.code, r.id);
  }
  return entries.map((e) => idByCode.get(e.code)!);
}
