import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { publicMatter, publicMatterDetail, publicMatterQuery } from './matters.contract.ts';
import { presentPublic, presentPublicDetail } from './matters.present.ts';

/** What anyone may read, without signing in: active matters for the public and their guides. */
export const publicMatterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { matters } = app.services;

  app.get(
    '/api/public/matters',
    {
      config: { access: access.public },
      schema: {
        tags: ['matters'],
        summary: 'Matters open to applicants (active, not internal)',
        querystring: publicMatterQuery,
        response: { 200: listOf(publicMatter), 400: commonErrors[400] },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const out = await matters.publicList(f, page, pageSize);
      return { items: out.items.map(presentPublic), total: out.total };
    },
  );

  app.get(
    '/api/public/matters/:id',
    {
      config: { access: access.public },
      schema: {
        tags: ['matters'],
        summary: 'A matter open to applicants and its guide (internal or suspended matters: 404)',
        params: uuidParam,
        response: { 200: publicMatterDetail, 400: commonErrors[400], 404: commonErrors[404] },
      },
    },
    async (request) => presentPublicDetail(await matters.detail('public', request.params.id)),
  );
};
