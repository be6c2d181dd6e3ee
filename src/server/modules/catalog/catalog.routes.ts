import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptXlsxBodies, IMPORT_BODY_LIMIT, sendXlsxFile, XLSX_TYPE } from '../../http/excel.ts';
import { access, actorOf, principalOf, viewerOf } from '../../http/access.ts';
import { commonErrors, errorBody, importRejected, uuidParam } from '../../http/contract.ts';
import { AppError } from '../../http/errors.ts';
import { pickLang } from '../../http/messages.ts';
import {
  actionBody,
  createBody,
  datasetDetailSchema,
  datasetSchema,
  diffSchema,
  importResult,
  patchBody,
  reviewSchema,
  versionSchema,
} from './catalog.contract.ts';

const readErrors = { 404: errorBody } as const;
const writeErrors = { ...commonErrors, 409: errorBody } as const;

/** Catalogue entries: create, read, edit, lifecycle actions, versions and diffs, Excel import. */
export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  const { catalog } = app.services;

  // The import takes the spreadsheet itself as the body (only in this plugin).
  acceptXlsxBodies(app);

  app.post(
    '/api/datasets',
    {
      config: { access: access.permission('catalog.edit') },
      schema: {
        tags: ['catalog'],
        summary: 'Create a draft catalogue entry',
        description:
          "A department's data officer catalogues for their own department; the bureau names the department.",
        body: createBody,
        response: { 201: datasetDetailSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const out = await catalog.create(principalOf(request), request.body, actorOf(request));
      reply.status(201);
      return out;
    },
  );

  app.get(
    '/api/datasets/import/template.xlsx',
    {
      config: { access: access.public },
      schema: { tags: ['catalog'], summary: 'The Excel template for importing datasets with their fields' },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const file = await catalog.importTemplate(lang);
      const name = lang === 'en' ? 'dataset-import-template.xlsx' : '数据资源目录导入模板.xlsx';
      return sendXlsxFile(reply, name, file);
    },
  );

  app.post(
    '/api/datasets/import',
    {
      config: { access: access.permission('catalog.edit') },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['catalog'],
        summary: 'Import datasets from Excel, all or nothing',
        description:
          `The body is the XLSX file (content-type ${XLSX_TYPE}), at most 20,000 rows per sheet. Every problem is ` +
          'reported (422 IMPORT_REJECTED with sheet, row, column and reason) and nothing is written; ' +
          '`dryRun=true` only checks.',
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
      return catalog.importWorkbook(
        principalOf(request),
        request.body,
        request.query.dryRun,
        actorOf(request),
      );
    },
  );

  app.get(
    '/api/datasets/:id',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'One catalogue entry with its fields, provider, systems and what the caller may do',
        params: uuidParam,
        response: { 200: datasetDetailSchema, ...readErrors },
      },
    },
    async (request) => catalog.detail(viewerOf(request), request.params.id),
  );

  app.patch(
    '/api/datasets/:id',
    {
      config: { access: access.permission('catalog.edit') },
      schema: {
        tags: ['catalog'],
        summary: 'Edit a catalogue entry',
        description:
          'Drafts change in place; an approved entry goes back to draft; a published entry becomes its next ' +
          'version at once. Submitted (withdraw first) and deprecated entries answer 409. `expectedVersion` ' +
          'and `updatedAt` guard against overwriting someone else’s change (409).',
        params: uuidParam,
        body: patchBody,
        response: { 200: datasetDetailSchema, ...writeErrors },
      },
    },
    async (request) =>
      catalog.update(principalOf(request), request.params.id, request.body, actorOf(request)),
  );

  app.post(
    '/api/datasets/:id/actions',
    {
      config: { access: access.permission('catalog.edit') },
      schema: {
        tags: ['catalog'],
        summary: 'Move an entry through its lifecycle',
        description:
          'submit and withdraw (the provider), approve and reject (the bureau; reject needs a comment), ' +
          'publish (either; makes the next version), deprecate (either; needs a comment).',
        params: uuidParam,
        body: actionBody,
        response: { 200: datasetDetailSchema, ...writeErrors },
      },
    },
    async (request) => catalog.act(principalOf(request), request.params.id, request.body, actorOf(request)),
  );

  app.get(
    '/api/datasets/:id/versions',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'Published versions of an entry',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(versionSchema) }), ...readErrors },
      },
    },
    async (request) => ({ items: await catalog.versions(viewerOf(request), request.params.id) }),
  );

  app.get(
    '/api/datasets/:id/versions/:version',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'One published version of an entry, as it was',
        params: z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) }),
        response: { 200: versionSchema.extend({ snapshot: datasetSchema }), ...readErrors },
      },
    },
    async (request) => catalog.version(viewerOf(request), request.params.id, request.params.version),
  );

  app.get(
    '/api/datasets/:id/diff',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'Field-level diff between two versions, or a version and the working copy (to=current)',
        params: uuidParam,
        querystring: z.strictObject({
          from: z.coerce.number().int().min(1).max(1_000_000),
          to: z
            .union([z.literal('current'), z.coerce.number().int().min(1).max(1_000_000)])
            .default('current'),
        }),
        response: { 200: diffSchema, ...readErrors },
      },
    },
    async (request) =>
      catalog.diff(viewerOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.get(
    '/api/datasets/:id/reviews',
    {
      config: { access: access.public },
      schema: {
        tags: ['catalog'],
        summary: 'The lifecycle log of an entry, with review comments',
        params: uuidParam,
        response: { 200: z.object({ items: z.array(reviewSchema) }), ...readErrors },
      },
    },
    async (request) => ({ items: await catalog.reviews(viewerOf(request), request.params.id) }),
  );
};
