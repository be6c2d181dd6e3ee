import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../http/messages.ts';
import { importRejected, importTemplate } from '../../http/xlsx-import.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { ModuleDeps } from '../deps.ts';
import { isUniqueViolation } from '../org/org.service.ts';
import {
  fileProblem,
  IMPORT_SHEETS,
  planCaseImport,
  readCaseWorkbook,
  readJsonLines,
  referencedCodes,
  sortProblems,
  type ImportContext,
} from './cases.import.ts';
import { CaseImportRepo } from './cases.import.repo.ts';
import { CaseHistoryWriter, type HistoryWriteResult } from './history.writer.ts';

export type CaseImportFormat = 'ndjson' | 'xlsx';
export type CaseImportResult = HistoryWriteResult & { dryRun: boolean };

/**
 * The historical import: reads a file, checks every case against the matters, regions and cases the
 * database has, and writes all of it through the history writer in one transaction, or nothing.
 */
export class CaseImportService {
  private readonly repo: CaseImportRepo;
  readonly writer: CaseHistoryWriter;

  constructor(private readonly deps: ModuleDeps) {
    this.repo = new CaseImportRepo(deps.db);
    this.writer = new CaseHistoryWriter(deps);
  }

  template(lang: Lang): Promise<Buffer> {
    return importTemplate(IMPORT_SHEETS, lang);
  }

  /**
   * Imports cases with their histories, all or nothing: any problem rejects the file with every
   * problem (422); `dryRun` checks and counts (flags included) without writing. One audit record.
   */
  async importFile(
    format: CaseImportFormat,
    data: Buffer,
    dryRun: boolean,
    actor: Actor,
  ): Promise<CaseImportResult> {
    const read = format === 'xlsx' ? await readCaseWorkbook(data) : readJsonLines(data);
    if (read.fatal) throw importRejected(read.problems);
    const refs = referencedCodes(read.cases);
    const [matters, existing, regions, departments] = await Promise.all([
      this.repo.mattersByCodes(refs.matterCodes),
      this.repo.existingCaseNos(refs.caseNos),
      this.repo.regions(),
      this.repo.departments(),
    ]);
    const byKey = new Map<string, string>();
    for (const d of departments) for (const k of [d.uscc, d.code, d.name, d.shortName]) byKey.set(k, d.id);
    const now = this.deps.clock.now();
    const ctx: ImportContext = {
      matters: new Map(matters.map((m) => [m.code, m])),
      existingCaseNos: new Set(existing),
      regions: new Map(regions.map((r) => [r.code, r.level])),
      departments: byKey,
      now,
    };
    const plan = planCaseImport(read.cases, ctx, format === 'xlsx');
    const problems = sortProblems([...read.problems, ...plan.problems]);
    if (problems.length) throw importRejected(problems);
    if (!plan.items.length) throw importRejected([fileProblem('od.cases.import.empty')]);

    const opts = { source: 'import', asOf: now, actorName: actor.actor } as const;
    if (dryRun) return { ...(await this.writer.plan(plan.items, opts)).result, dryRun: true };
    const rows = await this.writer.plan(plan.items, opts);
    try {
      await this.deps.db.transaction(async (tx) => {
        await this.writer.insert(tx, rows);
        await this.deps.audit.append(tx, actor, {
          action: 'cases.import',
          detail: {
            format,
            cases: rows.result.cases,
            events: rows.result.events,
            flags: rows.result.flags,
            flagsByType: rows.result.flagsByType,
          },
        });
      });
    } catch (err) {
      // Someone wrote one of the case numbers after the check: the file is refused, nothing written.
      if (isUniqueViolation(err))
        throw new AppError('DUPLICATE', { field: 'caseNo' }, [{ path: 'caseNo', message: 'od.duplicate' }]);
      throw err;
    }
    return { ...rows.result, dryRun: false };
  }
}
