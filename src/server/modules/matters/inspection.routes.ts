import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { label } from '../../http/labels.ts';
import { pickLang, type Lang } from '../../http/messages.ts';
import { findingQuery, findingSchema, latestSchema, runSchema, runSummary } from './matters.contract.ts';
import { findingMessage, presentRun } from './matters.present.ts';

/** Guide inspection: run it now, its runs, the latest results per department, findings and their report. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { matters, audit } = app.services;

  app.post(
    '/api/guides/inspections',
    {
      config: { access: access.permission('guides.inspect') },
      schema: {
        tags: ['guides'],
        summary: 'Inspect every active matter’s guide now; departments with findings are notified',
        response: { 201: runSummary, ...commonErrors },
      },
    },
    async (request, reply) => {
      const out = await matters.inspectGuides('manual', actorOf(request));
      reply.status(201);
      return { ...presentRun(out), notified: out.notified };
    },
  );

  app.get(
    '/api/guides/inspections',
    {
      config: { access: access.permission('guides.inspect') },
      schema: {
        tags: ['guides'],
        summary: 'Inspection runs, newest first',
        querystring: z.strictObject({ ...pageQuery }),
        response: { 200: listOf(runSchema), ...commonErrors },
      },
    },
    async (request) => {
      const out = await matters.runs(request.query.page, request.query.pageSize);
      return { items: out.items.map(presentRun), total: out.total };
    },
  );

  app.get(
    '/api/guides/inspections/latest',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['guides'],
        summary: 'The latest run per department: matters, findings by severity and by rule',
        response: { 200: latestSchema, ...commonErrors },
      },
    },
    async (request) => {
      const out = await matters.latest(principalOf(request));
      return { run: out.run ? presentRun(out.run) : null, departments: out.departments };
    },
  );

  /** A finding with its reason in words, in the caller's language. */
  const inWords = (lang: Lang) => (f: Awaited<ReturnType<typeof matters.findings>>['items'][number]) => ({
    ...f,
    message: findingMessage(f.rule, f.params, lang),
  });

  app.get(
    '/api/guides/inspections/:id/findings',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['guides'],
        summary: 'A run’s findings (a department role: its own department’s)',
        params: uuidParam,
        querystring: findingQuery,
        response: { 200: listOf(findingSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      const out = await matters.findings(principalOf(request), request.params.id, f, page, pageSize);
      return {
        items: out.items.map(inWords(pickLang(request.headers['accept-language']))),
        total: out.total,
      };
    },
  );

  app.get(
    '/api/guides/inspections/:id/findings/export.xlsx',
    {
      config: { access: access.permission('matters.read') },
      schema: {
        tags: ['guides'],
        summary: 'The inspection report as Excel: one row per finding (same filters as the list)',
        params: uuidParam,
        querystring: findingQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const run = await matters.run(request.params.id);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), {
        action: 'guides.findings.export',
        target: run.run.id,
        detail: { filter: request.query },
      });
      const present = inWords(lang);
      type Row = ReturnType<typeof present>;
      return sendXlsx<Row>(
        reply,
        en ? 'guide-inspection.xlsx' : '办事指南检查结果.xlsx',
        en ? 'Findings' : '检查结果',
        [
          { header: en ? 'Department' : '实施部门', key: 'dept', width: 24, value: (f) => f.department.name },
          {
            header: en ? 'Implementation code' : '实施编码',
            key: 'code',
            width: 36,
            value: (f) => f.matter.code,
          },
          { header: en ? 'Matter' : '事项名称', key: 'matter', width: 36, value: (f) => f.matter.name },
          {
            header: en ? 'Rule' : '检查项',
            key: 'rule',
            width: 24,
            value: (f) => label('guideRule', f.rule, lang),
          },
          { header: en ? 'Reason' : '问题说明', key: 'reason', width: 60, value: (f) => f.message },
          {
            header: en ? 'Severity' : '级别',
            key: 'severity',
            value: (f) => label('findingSeverity', f.severity, lang),
          },
        ],
        allPages(async (page, size) => {
          const out = await matters.findings(p, run.run.id, request.query, page, size);
          return { items: out.items.map(present), total: out.total };
        }),
      );
    },
  );
};
