import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx, type Column } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import {
  caseFlagDetail,
  caseFlagSchema,
  flagExportQuery,
  flagQuery,
  flagSummary,
  flagSummaryQuery,
  internalStats,
  periodQuery,
  ranking,
  rankingQuery,
  rectifyBody,
  reviewBody,
} from './supervision.contract.ts';
import { presentFlag, presentFlagDetail } from './supervision.present.ts';
import type { RankingRow } from './supervision.service.ts';

const conflictErrors = { ...commonErrors, 409: commonErrors[400], 422: commonErrors[400] };

/** A figure column of a per-department sheet. */
const figure = <R>(header: string, key: string, value: (r: R) => number | string) => ({
  header,
  key,
  width: 14,
  value,
});

/** The first column of a per-department sheet. */
const departmentColumn = (en: boolean) => ({
  header: en ? 'Department' : '部门',
  key: 'department',
  width: 26,
  value: (r: { department: { name: string } }) => r.department.name,
});

/** A rate as people read it in a spreadsheet: "95.53%", or empty when there is nothing to divide. */
export const percent = (v: number | null) =>
  v === null ? '' : `${(Math.round(v * 10000) / 100).toFixed(2)}%`;

/**
 * Supervision of overdue and abnormal cases: the flags and their export, rectification by the
 * department and review by the bureau, the department ranking, and the internal-matter figures.
 */
export const supervisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { supervision, internalStats: internal, audit } = app.services;
  const flagAccess = access.anyPermission('cases.supervise', 'cases.rectify');

  app.get(
    '/api/supervision/flags',
    {
      config: { access: flagAccess },
      schema: {
        tags: ['cases'],
        summary: 'Overdue, abnormal and poor-evaluation flags: the bureau all, a department its own',
        querystring: flagQuery,
        response: { 200: listOf(caseFlagSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const out = await supervision.listFlags(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map((r) => presentFlag(r, lang)), total: out.total };
    },
  );

  app.get(
    '/api/supervision/flags/summary',
    {
      config: { access: flagAccess },
      schema: {
        tags: ['cases'],
        summary: 'Open flags by type and level, and the counts above the list, in one answer',
        querystring: flagSummaryQuery,
        response: { 200: flagSummary, ...commonErrors },
      },
    },
    async (request) => supervision.flagSummary(principalOf(request), request.query.departmentId),
  );

  app.get(
    '/api/supervision/flags/export.xlsx',
    {
      config: { access: flagAccess },
      schema: {
        tags: ['cases'],
        summary: 'The flags as Excel (same filters as the list), in the caller’s language',
        querystring: flagExportQuery,
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      const { sort, ...f } = request.query;
      await audit.record(actorOf(request), {
        action: 'case.flags.export',
        detail: { filter: request.query },
      });
      type Row = ReturnType<typeof presentFlag>;
      const columns: Column<Row>[] = [
        { header: en ? 'Case number' : '申办流水号', key: 'caseNo', width: 24, value: (r) => r.case.caseNo },
        { header: en ? 'Matter' : '事项名称', key: 'matter', width: 30, value: (r) => r.case.matterName },
        { header: en ? 'Department' : '部门', key: 'department', width: 22, value: (r) => r.department.name },
        {
          header: en ? 'Type' : '问题类型',
          key: 'type',
          width: 20,
          value: (r) => label('caseFlagType', r.type, lang),
        },
        {
          header: en ? 'Level' : '等级',
          key: 'level',
          width: 8,
          value: (r) => label('caseFlagLevel', r.level, lang),
        },
        { header: en ? 'Reason' : '原因', key: 'reason', width: 50, value: (r) => r.reason },
        {
          header: en ? 'Detected (Beijing time)' : '发现时间',
          key: 'detected',
          width: 20,
          value: (r) => chinaTime(new Date(r.detectedAt)),
        },
        {
          header: en ? 'Status' : '整改状态',
          key: 'status',
          value: (r) => label('caseFlagStatus', r.status, lang),
        },
        { header: en ? 'Rectify by' : '整改期限', key: 'dueOn', width: 12, value: (r) => r.dueOn },
        {
          header: en ? 'Rectification overdue' : '整改逾期',
          key: 'overdue',
          width: 10,
          value: (r) => (r.rectificationOverdue ? (en ? 'yes' : '是') : ''),
        },
        {
          header: en ? 'Closed (Beijing time)' : '销号时间',
          key: 'closed',
          width: 20,
          value: (r) => (r.closedAt ? chinaTime(new Date(r.closedAt)) : ''),
        },
      ];
      return sendXlsx<Row>(
        reply,
        en ? 'case-flags.xlsx' : '超期异常办件.xlsx',
        en ? 'Flags' : '超期异常办件',
        columns,
        allPages(async (page, size) => {
          const out = await supervision.listFlags(p, f, sort, page, size);
          return { items: out.items.map((r) => presentFlag(r, lang)), total: out.total };
        }),
      );
    },
  );

  app.get(
    '/api/supervision/flags/:id',
    {
      config: { access: flagAccess },
      schema: {
        tags: ['cases'],
        summary: 'A flag with its case, its rectification history and the evaluation behind a poor grade',
        params: uuidParam,
        response: { 200: caseFlagDetail, ...commonErrors },
      },
    },
    async (request) =>
      presentFlagDetail(
        await supervision.flag(principalOf(request), request.params.id),
        pickLang(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/supervision/flags/:id/rectify',
    {
      config: { access: access.permission('cases.rectify') },
      schema: {
        tags: ['cases'],
        summary: 'The department explains (the case was right) or says what it corrected; the bureau reviews',
        params: uuidParam,
        body: rectifyBody,
        response: { 200: caseFlagDetail, ...conflictErrors },
      },
    },
    async (request) =>
      presentFlagDetail(
        await supervision.rectify(principalOf(request), request.params.id, request.body, actorOf(request)),
        pickLang(request.headers['accept-language']),
      ),
  );

  app.post(
    '/api/supervision/flags/:id/review',
    {
      config: { access: access.permission('cases.supervise') },
      schema: {
        tags: ['cases'],
        summary: 'Accept a rectification (the flag closes) or send it back with a note and a new deadline',
        params: uuidParam,
        body: reviewBody,
        response: { 200: caseFlagDetail, ...conflictErrors },
      },
    },
    async (request) =>
      presentFlagDetail(
        await supervision.review(principalOf(request), request.params.id, request.body, actorOf(request)),
        pickLang(request.headers['accept-language']),
      ),
  );

  const rankingAccess = access.anyPermission('cases.supervise', 'cases.read');

  app.get(
    '/api/supervision/ranking',
    {
      config: { access: rankingAccess },
      schema: {
        tags: ['cases'],
        summary: 'Departments over a period: on-time rate, overdue, abnormal, rectification, evaluations',
        querystring: rankingQuery,
        response: { 200: ranking, ...commonErrors },
      },
    },
    async (request) => {
      const { sort, ...period } = request.query;
      return supervision.ranking(principalOf(request), period, sort);
    },
  );

  app.get(
    '/api/supervision/ranking/export.xlsx',
    {
      config: { access: rankingAccess },
      schema: {
        tags: ['cases'],
        summary: 'The department ranking as Excel, in the caller’s language',
        querystring: rankingQuery,
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      const { sort, ...period } = request.query;
      const out = await supervision.ranking(principalOf(request), period, sort);
      await audit.record(actorOf(request), {
        action: 'case.ranking.export',
        detail: { from: out.from, to: out.to, sort },
      });
      const n = figure<RankingRow>;
      return sendXlsx<RankingRow>(
        reply,
        en ? `department-ranking-${out.from}-${out.to}.xlsx` : `部门办件排名-${out.from}至${out.to}.xlsx`,
        en ? 'Ranking' : '部门排名',
        [
          departmentColumn(en),
          n(en ? 'Cases' : '办件量', 'cases', (r) => r.cases),
          n(en ? 'Completed' : '办结量', 'completed', (r) => r.completed),
          n(en ? 'On-time rate' : '按时办结率', 'onTimeRate', (r) => percent(r.onTimeRate)),
          n(en ? 'Overdue' : '超期件', 'overdue', (r) => r.overdue),
          n(en ? 'Abnormal: notice' : '异常（提醒）', 'notice', (r) => r.abnormalByLevel.notice),
          n(en ? 'Abnormal: warning' : '异常（预警）', 'warning', (r) => r.abnormalByLevel.warning),
          n(en ? 'Abnormal: alarm' : '异常（报警）', 'alarm', (r) => r.abnormalByLevel.alarm),
          n(en ? 'Rectified on time' : '按期整改率', 'rectify', (r) => percent(r.rectificationOnTimeRate)),
          n(en ? 'Evaluations' : '评价数', 'evaluations', (r) => r.evaluations),
          n(en ? 'Average grade' : '平均评分', 'grade', (r) =>
            r.averageGrade === null ? '' : Math.round(r.averageGrade * 100) / 100,
          ),
          n(en ? 'Poor evaluations' : '差评数', 'poor', (r) => r.poorEvaluations),
          n(en ? 'Return-visit rate' : '差评回访率', 'visits', (r) => percent(r.returnVisitRate)),
        ],
        (async function* () {
          yield out.items;
        })(),
      );
    },
  );

  app.get(
    '/api/cases/internal-stats',
    {
      config: { access: access.anyPermission('cases.read', 'matters.read') },
      schema: {
        tags: ['cases'],
        summary:
          '机关内部最多跑一次: internal matters, implementation and online-handling rates, per department',
        querystring: periodQuery,
        response: { 200: internalStats, ...commonErrors },
      },
    },
    async (request) => internal.stats(principalOf(request), request.query),
  );

  app.get(
    '/api/cases/internal-stats/export.xlsx',
    {
      config: { access: access.anyPermission('cases.read', 'matters.read') },
      schema: {
        tags: ['cases'],
        summary: '机关内部最多跑一次 per department as Excel (the total last), in the caller’s language',
        querystring: periodQuery,
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      const out = await internal.stats(principalOf(request), request.query);
      await audit.record(actorOf(request), {
        action: 'cases.internalStats.export',
        detail: { from: out.from, to: out.to },
      });
      type Row = Omit<(typeof out.items)[number], 'department'> & { department: { name: string } };
      const n = figure<Row>;
      const round = (v: number | null) => (v === null ? '' : Math.round(v * 100) / 100);
      return sendXlsx<Row>(
        reply,
        en ? `internal-matters-${out.from}-${out.to}.xlsx` : `机关内部最多跑一次-${out.from}至${out.to}.xlsx`,
        en ? 'Internal matters' : '机关内部事项',
        [
          departmentColumn(en),
          n(en ? 'Internal matters' : '内部事项数', 'matters', (r) => r.internalMatters),
          n(en ? 'Online' : '网上可办', 'implemented', (r) => r.implemented),
          n(en ? 'Implementation rate' : '实施率', 'implementationRate', (r) =>
            percent(r.implementationRate),
          ),
          n(en ? 'Cases' : '办件量', 'cases', (r) => r.cases),
          n(en ? 'Fully online' : '全程网办', 'onlineCases', (r) => r.onlineCases),
          n(en ? 'Online-handling rate' : '网办率', 'onlineRate', (r) => percent(r.onlineHandlingRate)),
          n(en ? 'Average visits' : '平均跑动次数', 'visits', (r) => round(r.averageVisits)),
          n(en ? 'Completed' : '办结量', 'completed', (r) => r.completed),
          n(en ? 'Average working days' : '平均办理时长（工作日）', 'days', (r) =>
            round(r.averageDurationDays),
          ),
        ],
        (async function* () {
          yield out.items;
          yield [{ ...out, department: { name: en ? 'Total' : '合计' } }];
        })(),
      );
    },
  );
};
