import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, errorBody, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import {
  evaluationBody,
  evaluationExportQuery,
  evaluationQuery,
  evaluationReceipt,
  evaluationSchema,
  evaluationSummary,
  periodQuery,
  returnVisitBody,
} from './supervision.contract.ts';
import { presentEvaluation } from './supervision.present.ts';

/** 好差评: the applicant's evaluation (public), the departments' list, return visits, the summary. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { evaluations } = app.services;
  const { audit, config } = app.services;
  const readAccess = access.anyPermission('cases.supervise', 'cases.rectify');
  // Per client address (a case number in the key would give every invented number a fresh budget);
  // failures are also counted per case number, which locks like sign-in (QueryPasswordCheck).
  const rateLimit =
    config.LOGIN_RATE_LIMIT > 0
      ? { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute', hook: 'preHandler' as const } }
      : {};

  app.post(
    '/api/public/evaluations',
    {
      config: { access: access.public, ...rateLimit },
      schema: {
        tags: ['cases'],
        summary:
          'Evaluate a case (好差评) with its number and query password: once after acceptance, once after completion',
        body: evaluationBody,
        response: { 201: evaluationReceipt, 400: errorBody, 404: errorBody, 409: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const out = await evaluations.submit(request.body, actorOf(request));
      reply.status(201);
      return { id: out.id, stage: out.stage, grade: out.grade, at: out.at.toISOString() };
    },
  );

  app.get(
    '/api/evaluations',
    {
      config: { access: readAccess },
      schema: {
        tags: ['cases'],
        summary: 'Evaluations of cases: the bureau all, a department its own',
        querystring: evaluationQuery,
        response: { 200: listOf(evaluationSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await evaluations.list(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map(presentEvaluation), total: out.total };
    },
  );

  app.get(
    '/api/evaluations/export.xlsx',
    {
      config: { access: readAccess },
      schema: {
        tags: ['cases'],
        summary: 'Evaluations as Excel (same filters as the list), in the caller’s language',
        querystring: evaluationExportQuery,
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      const { sort, ...f } = request.query;
      await audit.record(actorOf(request), {
        action: 'case.evaluations.export',
        detail: { filter: request.query },
      });
      type Row = ReturnType<typeof presentEvaluation>;
      return sendXlsx<Row>(
        reply,
        en ? 'evaluations.xlsx' : '办件评价.xlsx',
        en ? 'Evaluations' : '办件评价',
        [
          {
            header: en ? 'Case number' : '申办流水号',
            key: 'caseNo',
            width: 24,
            value: (r) => r.case.caseNo,
          },
          { header: en ? 'Matter' : '事项名称', key: 'matter', width: 30, value: (r) => r.case.matterName },
          {
            header: en ? 'Department' : '部门',
            key: 'department',
            width: 22,
            value: (r) => r.department.name,
          },
          {
            header: en ? 'Stage' : '评价环节',
            key: 'stage',
            value: (r) => label('evaluationStage', String(r.stage), lang),
          },
          {
            header: en ? 'Grade' : '评价等级',
            key: 'grade',
            value: (r) => label('evaluationGrade', String(r.grade), lang),
          },
          { header: en ? 'Comment' : '评价内容', key: 'comment', width: 40, value: (r) => r.comment },
          {
            header: en ? 'Real name' : '实名评价',
            key: 'realName',
            width: 10,
            value: (r) => (r.realName ? (en ? 'yes' : '是') : en ? 'no' : '否'),
          },
          {
            header: en ? 'Evaluated (Beijing time)' : '评价时间',
            key: 'at',
            width: 20,
            value: (r) => chinaTime(new Date(r.at)),
          },
          {
            header: en ? 'Rectification' : '整改状态',
            key: 'flag',
            value: (r) => (r.flag ? label('caseFlagStatus', r.flag.status, lang) : ''),
          },
          {
            header: en ? 'Return visit (Beijing time)' : '回访时间',
            key: 'visitAt',
            width: 20,
            value: (r) =>
              r.returnVisit
                ? chinaTime(new Date(r.returnVisit.at))
                : r.returnVisitPending
                  ? en
                    ? 'pending'
                    : '待回访'
                  : '',
          },
          {
            header: en ? 'Return visit note' : '回访情况',
            key: 'visitNote',
            width: 40,
            value: (r) => r.returnVisit?.note,
          },
        ],
        allPages(async (page, size) => {
          const out = await evaluations.list(p, f, sort, page, size);
          return { items: out.items.map(presentEvaluation), total: out.total };
        }),
      );
    },
  );

  app.get(
    '/api/evaluations/summary',
    {
      config: { access: readAccess },
      schema: {
        tags: ['cases'],
        summary: 'Counts per grade, satisfaction rate, real-name poor evaluations and the return-visit rate',
        querystring: periodQuery,
        response: { 200: evaluationSummary, ...commonErrors },
      },
    },
    async (request) => evaluations.summary(principalOf(request), request.query),
  );

  app.post(
    '/api/evaluations/:id/return-visit',
    {
      config: { access: access.permission('cases.rectify') },
      schema: {
        tags: ['cases'],
        summary: 'Record the return visit to a real-name poor evaluation (the department, once)',
        params: uuidParam,
        body: returnVisitBody,
        response: { 200: evaluationSchema, ...commonErrors, 409: errorBody },
      },
    },
    async (request) =>
      presentEvaluation(
        await evaluations.returnVisit(
          principalOf(request),
          request.params.id,
          request.body.note,
          actorOf(request),
        ),
      ),
  );
};
