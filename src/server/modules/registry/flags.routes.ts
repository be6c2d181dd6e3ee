import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import { flagQuery, flagSchema, resolveBody } from './registry.contract.ts';
import { flagEvidenceText, presentFlag } from './registry.present.ts';

const scanResult = z
  .object({
    raised: z.object({ zombie: z.number().int(), duplicate: z.number().int() }),
    refreshed: z.number().int(),
    cleared: z.number().int(),
    suppressed: z.number().int(),
    thresholdDays: z.number().int(),
  })
  .meta({ id: 'SystemFlagScan' });

/** Zombie and duplicate flags: the list and its export, the bureau's resolution, the scan on demand. */
export const flagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, clock, audit } = app.services;

  app.get(
    '/api/system-flags',
    {
      config: { access: access.permission('registry.read') },
      schema: {
        tags: ['registry'],
        summary: 'Zombie and duplicate flags on systems in my scope',
        querystring: flagQuery,
        response: { 200: listOf(flagSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const out = await registry.listFlags(principalOf(request), f, page, pageSize);
      return { items: out.items.map(presentFlag), total: out.total };
    },
  );

  app.get(
    '/api/system-flags/export.xlsx',
    {
      config: { access: access.permission('registry.read') },
      schema: {
        tags: ['registry'],
        summary: 'Zombie and duplicate flags as Excel (same filters as the list), evidence in words',
        querystring: flagQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), {
        action: 'system.flags.export',
        detail: { filter: request.query },
      });
      type Row = ReturnType<typeof presentFlag>;
      return sendXlsx<Row>(
        reply,
        en ? 'system-flags.xlsx' : '僵尸与重复系统.xlsx',
        en ? 'Flags' : '系统疑点',
        [
          { header: en ? 'Kind' : '类型', key: 'kind', value: (f) => label('flagKind', f.kind, lang) },
          {
            header: en ? 'Status' : '处理状态',
            key: 'status',
            value: (f) => label('flagStatus', f.status, lang),
          },
          { header: en ? 'System code' : '系统编码', key: 'code', value: (f) => f.system.code },
          { header: en ? 'System' : '系统名称', key: 'name', width: 28, value: (f) => f.system.name },
          {
            header: en ? 'Department' : '所属部门',
            key: 'department',
            width: 22,
            value: (f) => f.system.department.name,
          },
          {
            header: en ? 'Similar system' : '疑似重复的系统',
            key: 'other',
            width: 36,
            value: (f) =>
              f.otherSystem
                ? `${f.otherSystem.name}（${f.otherSystem.code}，${f.otherSystem.department.name}）`
                : '',
          },
          {
            header: en ? 'Evidence' : '依据',
            key: 'evidence',
            width: 60,
            value: (f) => flagEvidenceText(f, lang),
          },
          {
            header: en ? 'Detected (Beijing time)' : '发现时间',
            key: 'detected',
            width: 20,
            value: (f) => chinaTime(new Date(f.detectedAt)),
          },
          {
            header: en ? 'Resolution' : '处理意见',
            key: 'resolution',
            width: 36,
            value: (f) =>
              f.resolvedBy === 'system' && f.resolution
                ? label('flagClearance', f.resolution, lang)
                : f.resolution,
          },
          {
            header: en ? 'Resolved by' : '处理人',
            key: 'resolvedBy',
            value: (f) => (f.resolvedBy === 'system' ? (en ? 'automatic' : '系统自动') : f.resolvedBy),
          },
          {
            header: en ? 'Resolved (Beijing time)' : '处理时间',
            key: 'resolved',
            width: 20,
            value: (f) => (f.resolvedAt ? chinaTime(new Date(f.resolvedAt)) : ''),
          },
        ],
        allPages(async (page, size) => {
          const out = await registry.listFlags(p, request.query, page, size);
          return { items: out.items.map(presentFlag), total: out.total };
        }),
      );
    },
  );

  app.post(
    '/api/system-flags/:id/resolve',
    {
      config: { access: access.permission('registry.review') },
      schema: {
        tags: ['registry'],
        summary: 'Confirm or dismiss a flag, with the reason',
        params: uuidParam,
        body: resolveBody,
        response: { 200: flagSchema, ...commonErrors, 409: commonErrors[400] },
      },
    },
    async (request) =>
      presentFlag(
        await registry.resolveFlag(
          principalOf(request),
          request.params.id,
          request.body.status,
          request.body.resolution,
          actorOf(request),
        ),
      ),
  );

  app.post(
    '/api/system-flags/scan',
    {
      config: { access: access.permission('registry.review') },
      schema: {
        tags: ['registry'],
        summary: 'Run zombie and duplicate detection now',
        response: { 200: scanResult, ...commonErrors },
      },
    },
    async (request) => registry.scanFlags(clock.now(), actorOf(request)),
  );
};
