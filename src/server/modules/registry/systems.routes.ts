import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import {
  systemDetail,
  systemInput,
  systemListItem,
  systemPatch,
  systemQuery,
  systemSchema,
  usageBody,
} from './registry.contract.ts';
import { presentFlag, presentListItem, presentSystem } from './registry.present.ts';

const datasetRef = z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() });

/** The ledger of systems: list, export, detail, create, update, consumed datasets, usage reports. */
export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, audit } = app.services;

  app.get(
    '/api/systems',
    {
      config: { access: access.permission('registry.read') },
      schema: {
        tags: ['registry'],
        summary: 'Information systems in my scope',
        querystring: systemQuery,
        response: { 200: listOf(systemListItem), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await registry.list(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map(presentListItem), total: out.total };
    },
  );

  app.get(
    '/api/systems/export.xlsx',
    {
      config: { access: access.permission('registry.read') },
      schema: {
        tags: ['registry'],
        summary: 'Information systems as Excel (same filters as the list)',
        querystring: systemQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...f } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'system.export', detail: { filter: request.query } });
      type Row = ReturnType<typeof presentListItem>;
      return sendXlsx<Row>(
        reply,
        en ? 'systems.xlsx' : '信息系统.xlsx',
        en ? 'Systems' : '信息系统',
        [
          { header: en ? 'Code' : '系统编码', key: 'code', value: (s) => s.code },
          { header: en ? 'Name' : '系统名称', key: 'name', width: 30, value: (s) => s.name },
          {
            header: en ? 'Department' : '所属部门',
            key: 'department',
            width: 24,
            value: (s) => s.department.name,
          },
          {
            header: en ? 'Origin' : '条块',
            key: 'origin',
            value: (s) => label('systemOrigin', s.origin, lang),
          },
          { header: en ? 'Vertical line' : '所属条线', key: 'line', value: (s) => s.verticalLine },
          {
            header: en ? 'Level' : '建设层级',
            key: 'level',
            value: (s) => label('systemLevel', s.level, lang),
          },
          {
            header: en ? 'Deployment' : '部署方式',
            key: 'deployment',
            value: (s) => label('systemDeployment', s.deployment, lang),
          },
          {
            header: en ? 'Security level' : '等保级别',
            key: 'security',
            value: (s) => label('securityLevel', String(s.securityLevel), lang),
          },
          {
            header: en ? 'Status' : '状态',
            key: 'status',
            value: (s) => label('systemStatus', s.status, lang),
          },
          { header: en ? 'Launch date' : '上线日期', key: 'launch', value: (s) => s.launchDate },
          { header: en ? 'Budget (10k CNY)' : '投资（万元）', key: 'budget', value: (s) => s.budget },
          { header: en ? 'Users' : '用户数', key: 'users', value: (s) => s.userCount },
          { header: en ? 'Operator' : '运维方', key: 'operator', width: 28, value: (s) => s.operator },
          { header: en ? 'Purpose' : '建设目的', key: 'purpose', width: 40, value: (s) => s.purpose },
          {
            header: en ? 'Flags' : '疑点',
            key: 'flags',
            width: 24,
            value: (s) => s.flags.map((k) => label('flagKind', k, lang)).join(en ? ', ' : '、'),
          },
          {
            header: en ? 'Updated (Beijing time)' : '更新时间',
            key: 'updated',
            width: 20,
            value: (s) => chinaTime(new Date(s.updatedAt)),
          },
        ],
        allPages(async (page, size) => {
          const out = await registry.list(p, f, sort, page, size);
          return { items: out.items.map(presentListItem), total: out.total };
        }),
      );
    },
  );

  app.get(
    '/api/systems/:id',
    {
      config: { access: access.permission('registry.read') },
      schema: {
        tags: ['registry'],
        summary: 'One system: what it produces and consumes, its use over 90 days, its flags',
        params: uuidParam,
        response: { 200: systemDetail, ...commonErrors },
      },
    },
    async (request) => {
      const d = await registry.detail(principalOf(request), request.params.id);
      return {
        ...presentSystem(d.system),
        produces: d.produces,
        consumes: d.consumes,
        usage: d.usage,
        flags: d.flags.map(presentFlag),
      };
    },
  );

  app.post(
    '/api/systems',
    {
      config: { access: access.permission('registry.edit') },
      schema: {
        tags: ['registry'],
        summary: 'Register a system (a department officer: in their own department)',
        body: systemInput,
        response: { 201: systemSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await registry.create(principalOf(request), request.body, actorOf(request));
      reply.status(201);
      return presentSystem(row);
    },
  );

  app.patch(
    '/api/systems/:id',
    {
      config: { access: access.permission('registry.edit') },
      schema: {
        tags: ['registry'],
        summary: 'Update a system',
        params: uuidParam,
        body: systemPatch,
        response: { 200: systemSchema, ...commonErrors },
      },
    },
    async (request) =>
      presentSystem(
        await registry.update(principalOf(request), request.params.id, request.body, actorOf(request)),
      ),
  );

  app.put(
    '/api/systems/:id/consumes',
    {
      config: { access: access.permission('registry.edit') },
      schema: {
        tags: ['registry'],
        summary: 'Set the datasets a system uses',
        params: uuidParam,
        body: z.strictObject({ datasetIds: z.array(z.uuid()).max(500) }),
        response: { 200: z.object({ consumes: z.array(datasetRef) }), ...commonErrors },
      },
    },
    async (request) => ({
      consumes: await registry.setConsumes(
        principalOf(request),
        request.params.id,
        request.body.datasetIds,
        actorOf(request),
      ),
    }),
  );

  app.post(
    '/api/systems/usage',
    {
      config: { access: access.permission('registry.report_usage') },
      schema: {
        tags: ['registry'],
        summary: "Systems report their use: each report sets that day's total (all or nothing)",
        body: usageBody,
        response: {
          200: z.object({ accepted: z.number().int(), changed: z.number().int() }),
          ...commonErrors,
        },
      },
    },
    async (request) => registry.reportUsage(principalOf(request), request.body.reports, actorOf(request)),
  );
};
