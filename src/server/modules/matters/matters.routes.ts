import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import {
  guideInput,
  guideSchema,
  matterDetail,
  matterInput,
  matterListItem,
  matterQuery,
  matterSummary,
  matterSummaryQuery,
  matterUpdate,
  statusBody,
} from './matters.contract.ts';
import { presentDetail, presentGuide, presentListItem } from './matters.present.ts';
import { publicMatterRoutes } from './matters.public.routes.ts';

const conflictErrors = { ...commonErrors, 409: commonErrors[400] };

/** Matters (事项) and their guides for signed-in staff. */
const matterRoutes: FastifyPluginAsyncZod = async (app) => {
  const { matters, audit } = app.services;

  app.get(
    '/api/matters/summary',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['matters'],
        summary: 'Matters per type under the list’s filters (the chart above the list)',
        querystring: matterSummaryQuery,
        response: { 200: matterSummary, ...commonErrors },
      },
    },
    async (request) => matters.countByType(principalOf(request), request.query),
  );

  app.get(
    '/api/matters',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['matters'],
        summary: 'Matters (a department role: its own department’s)',
        querystring: matterQuery,
        response: { 200: listOf(matterListItem), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await matters.list(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map(presentListItem), total: out.total };
    },
  );

  app.get(
    '/api/matters/export.xlsx',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['matters'],
        summary: 'Matters as Excel (same filters as the list)',
        querystring: matterQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...f } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'matters.export', detail: { filter: request.query } });
      type Row = Awaited<ReturnType<typeof matters.list>>['items'][number];
      const yes = en ? 'Yes' : '是';
      const sep = en ? ', ' : '、';
      return sendXlsx<Row>(
        reply,
        en ? 'matters.xlsx' : '事项清单.xlsx',
        en ? 'Matters' : '事项清单',
        [
          { header: en ? 'Implementation code' : '实施编码', key: 'code', width: 36, value: (m) => m.code },
          { header: en ? 'Name' : '事项名称', key: 'name', width: 36, value: (m) => m.name },
          { header: en ? 'Type' : '事项类型', key: 'type', value: (m) => label('matterType', m.type, lang) },
          {
            header: en ? 'Level' : '行使层级',
            key: 'level',
            value: (m) => label('matterLevel', m.level, lang),
          },
          { header: en ? 'Department' : '实施部门', key: 'dept', width: 24, value: (m) => m.department.name },
          { header: en ? 'On the spot' : '即办件', key: 'spot', value: (m) => (m.onTheSpot ? yes : '') },
          {
            header: en ? 'Statutory limit (working days)' : '法定时限（工作日）',
            key: 'statutory',
            value: (m) => m.statutoryLimitDays,
          },
          {
            header: en ? 'Committed limit (working days)' : '承诺时限（工作日）',
            key: 'committed',
            value: (m) => m.committedLimitDays,
          },
          { header: en ? 'Visits' : '跑动次数', key: 'visits', value: (m) => m.visits },
          {
            header: en ? 'Online depth' : '网办深度',
            key: 'depth',
            width: 24,
            value: (m) => label('onlineDepth', String(m.onlineDepth), lang),
          },
          {
            header: en ? 'Special procedures' : '特别程序',
            key: 'special',
            value: (m) => m.specialProcedures.map((s) => label('specialProcedure', s, lang)).join(sep),
          },
          {
            header: en ? 'Fees' : '收费',
            key: 'fees',
            width: 24,
            value: (m) => m.fees.map((x) => `${x.name} ${x.amount}${en ? ' yuan' : '元'}`).join(sep),
          },
          {
            header: en ? 'Status' : '状态',
            key: 'status',
            value: (m) => label('matterStatus', m.status, lang),
          },
          {
            header: en ? 'Updated (Beijing time)' : '更新时间',
            key: 'updated',
            width: 20,
            value: (m) => chinaTime(m.updatedAt),
          },
        ],
        allPages((page, size) => matters.list(p, f, sort, page, size)),
      );
    },
  );

  app.get(
    '/api/matters/:id',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['matters'],
        summary: 'A matter and its guide',
        params: uuidParam,
        response: { 200: matterDetail, ...commonErrors },
      },
    },
    async (request) => presentDetail(await matters.detail(principalOf(request), request.params.id)),
  );

  app.post(
    '/api/matters',
    {
      config: { access: access.permission('matters.edit') },
      schema: {
        tags: ['matters'],
        summary: 'Add a matter (the bureau for any department, an approver for their own)',
        body: matterInput,
        response: { 201: matterDetail, ...conflictErrors },
      },
    },
    async (request, reply) => {
      const out = await matters.create(principalOf(request), request.body, actorOf(request));
      reply.status(201);
      return presentDetail(out);
    },
  );

  app.put(
    '/api/matters/:id',
    {
      config: { access: access.permission('matters.edit') },
      schema: {
        tags: ['matters'],
        summary: 'Replace a matter; 409 when someone changed it since `version`',
        params: uuidParam,
        body: matterUpdate,
        response: { 200: matterDetail, ...conflictErrors },
      },
    },
    async (request) =>
      presentDetail(
        await matters.update(principalOf(request), request.params.id, request.body, actorOf(request)),
      ),
  );

  for (const [verb, summary] of [
    ['suspend', 'Suspend a matter (no new applications)'],
    ['activate', 'Put a suspended matter back in use'],
  ] as const)
    app.post(
      `/api/matters/:id/${verb}`,
      {
        config: { access: access.permission('matters.edit') },
        schema: {
          tags: ['matters'],
          summary: `${summary}; 409 when it already is, or when it changed since \`version\``,
          params: uuidParam,
          body: statusBody.nullish(),
          response: { 200: matterDetail, ...conflictErrors },
        },
      },
      async (request) =>
        presentDetail(
          await matters[verb](
            principalOf(request),
            request.params.id,
            request.body?.version,
            actorOf(request),
          ),
        ),
    );

  app.get(
    '/api/matters/:id/guide',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['matters'],
        summary: 'A matter’s guide (null until written)',
        params: uuidParam,
        response: { 200: guideSchema.nullable(), ...commonErrors },
      },
    },
    async (request) => {
      const g = await matters.guide(principalOf(request), request.params.id);
      return g ? presentGuide(g) : null;
    },
  );

  app.put(
    '/api/matters/:id/guide',
    {
      config: { access: access.permission('matters.edit') },
      schema: {
        tags: ['matters'],
        summary: 'Write a matter’s guide; 409 when it changed since `updatedAt`',
        params: uuidParam,
        body: guideInput,
        response: { 200: guideSchema, ...conflictErrors },
      },
    },
    async (request) =>
      presentGuide(
        await matters.saveGuide(principalOf(request), request.params.id, request.body, actorOf(request)),
      ),
  );
};

/** Matters, guides and guide inspection. */
export const mattersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(matterRoutes);
  await app.register(publicMatterRoutes);
  await app.register(inspectionRoutes);
};
