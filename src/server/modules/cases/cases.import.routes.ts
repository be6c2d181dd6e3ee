import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf } from '../../http/access.ts';
import { commonErrors, errorBody, importRejected } from '../../http/contract.ts';
import { acceptXlsxBodies, sendXlsxFile, XLSX_TYPE } from '../../http/excel.ts';
import { AppError } from '../../http/errors.ts';
import { pickLang } from '../../http/messages.ts';
import { IMPORT_MAX_CASES, IMPORT_MAX_EVENTS } from './cases.import.ts';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];
/** JSON lines of 50,000 cases with their events fit in this; a spreadsheet keeps the XLSX limit. */
export const NDJSON_BODY_LIMIT = 100 * 1024 * 1024;

const importResult = z
  .object({
    cases: z.number().int(),
    events: z.number().int(),
    flags: z.number().int(),
    flagsByType: z.record(z.string(), z.number().int()),
    dryRun: z.boolean(),
  })
  .meta({ id: 'CaseImportResult' });

const max = (n: number) => n.toLocaleString('en');

/** The historical import of cases with their event histories: the Excel template and the import. */
export const caseImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.caseImport;

  // The import takes the file itself as the body (only in this plugin).
  acceptXlsxBodies(app);
  app.addContentTypeParser(
    NDJSON_TYPES,
    { parseAs: 'buffer', bodyLimit: NDJSON_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/cases/import/template.xlsx',
    {
      config: { access: access.permission('cases.import') },
      schema: {
        tags: ['cases'],
        summary: 'The Excel template for importing historical cases with their events',
        description:
          'Two sheets, 办件 (Cases: one row per case) and 办理事件 (Events: one row per event, joined by ' +
          '申办流水号), with drop-downs for coded columns, and the instructions.',
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const file = await service.template(lang);
      const name = lang === 'en' ? 'case-import-template.xlsx' : '历史办件导入模板.xlsx';
      return sendXlsxFile(reply, name, file);
    },
  );

  app.post(
    '/api/cases/import',
    {
      config: { access: access.permission('cases.import') },
      schema: {
        tags: ['cases'],
        summary: 'Import historical cases with their full event histories, all or nothing',
        description:
          'The body is JSON lines (content-type application/x-ndjson: one case per line, ' +
          '{caseNo, matterCode, regionCode?, channel, applicant: {type, name, idNumber?, phone?}, visits?, ' +
          'events: [{kind, at, payload?, actorName?, actorRole?}], evaluations?: [{stage, grade, at, comment?, ' +
          'realName?, returnVisit?: {at, by, note?}}]}, times ISO 8601 with an offset) or an Excel workbook ' +
          `(content-type ${XLSX_TYPE}: the template's two sheets; times also 'YYYY-MM-DD HH:mm:ss' China time). ` +
          `At most ${max(IMPORT_MAX_CASES)} cases and ${max(IMPORT_MAX_EVENTS)} events. Clocks and flags are ` +
          'computed as for live cases; abnormal histories import and are flagged. Every problem is reported ' +
          '(422 IMPORT_REJECTED: for JSON lines row is the line and column the field path; for Excel sheet, ' +
          'row and column) and nothing is written; `dryRun=true` checks and counts only. Imported cases are ' +
          'not pushed to the provincial library.',
        querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
        response: {
          200: importResult,
          ...commonErrors,
          409: errorBody,
          413: errorBody,
          415: errorBody,
          422: importRejected,
        },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = NDJSON_TYPES.includes(type) ? 'ndjson' : 'xlsx';
      return service.importFile(format, request.body, request.query.dryRun, actorOf(request));
    },
  );
};
