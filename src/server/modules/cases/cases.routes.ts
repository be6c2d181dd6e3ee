import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx, sendXlsxFile } from '../../http/excel.ts';
import { AppError } from '../../http/errors.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import {
  actionBody,
  applicationBody,
  applicationResult,
  caseDetail,
  caseListItem,
  caseQuery,
  intakeBody,
  intakeResult,
  publicStatus,
  statusBody,
  unmaskBody,
  unmaskedApplicant,
} from './cases.contract.ts';
import { presentCaseDetail, presentCaseListItem, presentPublicStatus } from './cases.present.ts';
import type { ActionInput } from './cases.service.ts';
import { supplementNoticeXlsx } from './supplement-notice.ts';

const conflictErrors = { ...commonErrors, 409: commonErrors[400], 422: commonErrors[400] };

/** The Idempotency-Key header of a retryable request (opaque, at most 100 characters). */
function idempotencyKey(headers: Record<string, unknown>): string | null {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 100)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'Idempotency-Key', message: 'od.cases.badKey' }]);
  return raw;
}

const filterOf = (q: z.infer<typeof caseQuery>) => ({
  open: q.open === undefined ? undefined : q.open === 'true',
  status: q.status,
  clock: q.clock,
  departmentId: q.departmentId,
  matterId: q.matterId,
  channel: q.channel,
  regionCode: q.regionCode,
  internal: q.internal === undefined ? undefined : q.internal === 'true',
  q: q.q,
});

/** Cases: intake at a window and online, actions on the event log, the queue, the applicant's lookup. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { cases, audit, config } = app.services;
  // The applicant's lookup guesses a 6-digit password: limited per address like sign-in.
  const rateLimit =
    config.LOGIN_RATE_LIMIT > 0
      ? { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute', hook: 'preHandler' as const } }
      : {};

  app.post(
    '/api/cases',
    {
      config: { access: access.permission('cases.handle') },
      schema: {
        tags: ['cases'],
        summary: 'Take in a case at a window (收件); answers the query password once',
        body: intakeBody,
        response: { 201: intakeResult, ...conflictErrors },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const out = await cases.intake(p, request.body, actorOf(request), idempotencyKey(request.headers));
      const detail = presentCaseDetail(await cases.detail(p, out.case.id));
      return reply.code(201).send({ case: detail, queryPassword: out.queryPassword });
    },
  );

  app.post(
    '/api/public/applications',
    {
      config: { access: access.public, ...rateLimit },
      schema: {
        tags: ['cases'],
        summary: 'Apply online (no sign-in): answers the case number and the query password',
        body: applicationBody,
        response: { 201: applicationResult, ...conflictErrors },
      },
    },
    async (request, reply) => {
      const out = await cases.intake(
        null,
        request.body,
        { ...actorOf(request), actor: 'applicant', role: 'applicant' },
        idempotencyKey(request.headers),
      );
      return reply.code(201).send({
        caseNo: out.case.caseNo,
        queryPassword: out.queryPassword,
        committedLimitDays: out.case.committedLimitDays,
      });
    },
  );

  app.post(
    '/api/cases/:id/actions',
    {
      config: { access: access.permission('cases.handle') },
      schema: {
        tags: ['cases'],
        summary:
          'Act on a case (accept, supplement notice, review, decide, complete …); Idempotency-Key honoured',
        params: uuidParam,
        body: actionBody,
        response: { 200: caseDetail, ...conflictErrors },
      },
    },
    async (request) => {
      const detail = await cases.act(
        principalOf(request),
        request.params.id,
        request.body as ActionInput,
        actorOf(request),
        idempotencyKey(request.headers),
      );
      return presentCaseDetail(detail);
    },
  );

  app.get(
    '/api/cases',
    {
      config: { access: access.permission('cases.read') },
      schema: {
        tags: ['cases'],
        summary: 'Cases in scope; by default the nearest committed deadline first (the queue)',
        querystring: caseQuery,
        response: {
          200: listOf(caseListItem).extend({
            totalCapped: z.boolean().meta({ description: 'true: more than `total` cases match' }),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const out = await cases.list(principalOf(request), filterOf(q), q.sort, q.page, q.pageSize);
      return { items: out.items.map(presentCaseListItem), total: out.total, totalCapped: out.totalCapped };
    },
  );

  app.get(
    '/api/cases/:id/supplement-notice.xlsx',
    {
      config: { access: access.permission('cases.read') },
      schema: {
        tags: ['cases'],
        summary: 'The case’s supplement notice (补正材料告知书) as Excel, as the case page prints it',
        params: uuidParam,
        response: { 404: commonErrors[404] },
      },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const notice = await cases.supplementNotice(principalOf(request), request.params.id);
      // It carries the applicant's name: a sensitive read.
      await audit.record(actorOf(request), {
        action: 'cases.supplementNotice.export',
        target: request.params.id,
        detail: { caseNo: notice.caseNo },
      });
      const name =
        lang === 'en' ? `supplement-notice-${notice.caseNo}.xlsx` : `补正材料告知书-${notice.caseNo}.xlsx`;
      return sendXlsxFile(reply, name, await supplementNoticeXlsx(notice, lang));
    },
  );

  app.get(
    '/api/cases/export.xlsx',
    {
      config: { access: access.permission('cases.read') },
      schema: {
        tags: ['cases'],
        summary: 'Cases as Excel (same filters as the list)',
        querystring: caseQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...q } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'cases.export', detail: { filter: request.query } });
      type Row = ReturnType<typeof presentCaseListItem>;
      const remaining = (r: Row) =>
        r.committed.state === 'stopped' || r.committed.state === 'not_started'
          ? ''
          : r.committed.remainingDays;
      return sendXlsx<Row>(
        reply,
        en ? 'cases.xlsx' : '办件.xlsx',
        en ? 'Cases' : '办件',
        [
          { header: en ? 'Case number' : '申办流水号', key: 'caseNo', width: 24, value: (r) => r.caseNo },
          { header: en ? 'Matter' : '事项', key: 'matter', width: 30, value: (r) => r.matter.name },
          { header: en ? 'Department' : '受理部门', key: 'dept', width: 20, value: (r) => r.department.name },
          {
            header: en ? 'Channel' : '渠道',
            key: 'channel',
            value: (r) => label('caseChannel', r.channel, lang),
          },
          { header: en ? 'Applicant' : '申请人', key: 'applicant', width: 20, value: (r) => r.applicantName },
          {
            header: en ? 'Status' : '状态',
            key: 'status',
            value: (r) => label('caseStatus', r.status, lang),
          },
          {
            header: en ? 'Submitted' : '申请时间',
            key: 'submitted',
            width: 20,
            value: (r) => (r.submittedAt ? chinaTime(new Date(r.submittedAt)) : ''),
          },
          {
            header: en ? 'Accepted' : '受理时间',
            key: 'accepted',
            width: 20,
            value: (r) => (r.acceptedAt ? chinaTime(new Date(r.acceptedAt)) : ''),
          },
          { header: en ? 'Committed due' : '承诺办结日', key: 'cdue', value: (r) => r.committed.due ?? '' },
          { header: en ? 'Statutory due' : '法定办结日', key: 'sdue', value: (r) => r.statutory.due ?? '' },
          { header: en ? 'Working days left' : '剩余工作日', key: 'left', value: remaining },
          {
            header: en ? 'Completed' : '办结时间',
            key: 'completed',
            width: 20,
            value: (r) => (r.completedAt ? chinaTime(new Date(r.completedAt)) : ''),
          },
          {
            header: en ? 'Result' : '办结结果',
            key: 'result',
            value: (r) => (r.result ? label('caseResult', r.result, lang) : ''),
          },
          { header: en ? 'Open flags' : '未结疑点', key: 'flags', value: (r) => r.openFlags },
        ],
        allPages(async (page, size) => {
          const out = await cases.list(p, filterOf({ ...q, sort, page, pageSize: size }), sort, page, size);
          return { items: out.items.map(presentCaseListItem), total: out.total };
        }),
      );
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: access.permission('cases.read') },
      schema: {
        tags: ['cases'],
        summary: 'One case: timeline, both clocks, flags, evaluations and the actions open to the caller',
        params: uuidParam,
        response: { 200: caseDetail, ...commonErrors },
      },
    },
    // Opening a case page is a read of personal data: audited (PI-3).
    async (request) =>
      presentCaseDetail(await cases.view(principalOf(request), request.params.id, actorOf(request))),
  );

  app.post(
    '/api/cases/:id/unmask',
    {
      config: { access: access.permission('cases.unmask') },
      schema: {
        tags: ['cases'],
        summary: "The applicant's full name, ID number and phone, with a reason; audited (PI-1)",
        params: uuidParam,
        body: unmaskBody,
        response: { 200: unmaskedApplicant, ...commonErrors },
      },
    },
    async (request, reply) => {
      const out = await cases.unmask(
        principalOf(request),
        request.params.id,
        request.body.reason,
        actorOf(request),
      );
      reply.header('cache-control', 'no-store');
      return out;
    },
  );

  app.post(
    '/api/public/case-status',
    {
      config: { access: access.public, ...rateLimit },
      schema: {
        tags: ['cases'],
        summary: "The applicant's status lookup by case number and query password (查询密码)",
        body: statusBody,
        response: { 200: publicStatus, ...commonErrors },
      },
    },
    async (request) =>
      presentPublicStatus(
        await cases.publicStatus(request.body.caseNo, request.body.password, actorOf(request)),
      ),
  );
};
