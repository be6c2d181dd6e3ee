import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptXlsxBodies, IMPORT_BODY_LIMIT, sendXlsxFile, XLSX_TYPE } from '../../http/excel.ts';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, errorBody, importRejected } from '../../http/contract.ts';
import { AppError } from '../../http/errors.ts';
import { pickLang } from '../../http/messages.ts';
import { systemImportResult } from './registry.contract.ts';
import { SYSTEM_IMPORT_MAX_ROWS } from './systems.import.ts';

/** The ledger in Excel: the template to fill in, and the import (all or nothing). */
export const systemImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry } = app.services;

  // The import takes the spreadsheet itself as the body (only in this plugin).
  acceptXlsxBodies(app);

  app.get(
    '/api/systems/import/template.xlsx',
    {
      config: { access: access.permission('registry.edit') },
      schema: {
        tags: ['registry'],
        summary: 'The Excel template for importing information systems',
        description:
          'One sheet, 信息系统 (Systems), with drop-downs for coded columns, and the instructions.',
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const file = await registry.importTemplate(lang);
      const name = lang === 'en' ? 'system-import-template.xlsx' : '信息系统导入模板.xlsx';
      return sendXlsxFile(reply, name, file);
    },
  );

  app.post(
    '/api/systems/import',
    {
      config: { access: access.permission('registry.edit') },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['registry'],
        summary: 'Import information systems from Excel, all or nothing',
        description:
          `The body is the XLSX file (content-type ${XLSX_TYPE}), at most ${SYSTEM_IMPORT_MAX_ROWS.toLocaleString('en')} ` +
          'rows. Each row is checked by the rules of POST and PATCH /api/systems; new codes are registered, ' +
          "codes of the caller's scope updated. Every problem is reported (422 IMPORT_REJECTED with sheet, " +
          'row, column and reason) and nothing is written; `dryRun=true` only checks.',
        querystring: z.strictObject({ dryRun: z.stringbool().default(false) }),
        response: {
          200: systemImportResult,
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
      return registry.importWorkbook(
        principalOf(request),
        request.body,
        request.query.dryRun,
        actorOf(request),
      );
    },
  );
};
