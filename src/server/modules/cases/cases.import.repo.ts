import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { matters } from '../matters/matters.tables.ts';
import { departments, regions } from '../org/org.tables.ts';
import { cases } from './cases.tables.ts';

/** Look-ups in the database for far fewer values than bind parameters allow per query. */
const LOOKUP_CHUNK = 5_000;

async function inChunks<T>(
  values: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK)
    out.push(...(await query(values.slice(i, i + LOOKUP_CHUNK))));
  return out;
}

/** What the historical import checks a file against; no decisions. */
export class CaseImportRepo {
  constructor(private readonly db: Db) {}

  mattersByCodes(codes: readonly string[]) {
    return inChunks(codes, (chunk) =>
      this.db
        .select({
          id: matters.id,
          code: matters.code,
          departmentId: matters.departmentId,
          regionCode: matters.regionCode,
          type: matters.type,
          committedLimitDays: matters.committedLimitDays,
          statutoryLimitDays: matters.statutoryLimitDays,
          stages: matters.stages,
          onTheSpot: matters.onTheSpot,
          minHandlingMinutes: matters.minHandlingMinutes,
        })
        .from(matters)
        .where(inArray(matters.code, chunk)),
    );
  }

  /** The case numbers among these that already exist. */
  async existingCaseNos(caseNos: readonly string[]): Promise<string[]> {
    const rows = await inChunks(caseNos, (chunk) =>
      this.db.select({ caseNo: cases.caseNo }).from(cases).where(inArray(cases.caseNo, chunk)),
    );
    return rows.map((r) => r.caseNo);
  }

  regions() {
    return this.db.select({ code: regions.code, level: regions.level }).from(regions);
  }

  departments() {
    return this.db
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        shortName: departments.shortName,
        uscc: departments.uscc,
      })
      .from(departments);
  }
}
