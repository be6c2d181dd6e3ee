import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang, type Lang } from '../../http/messages.ts';
import type { AuditRow } from './audit.repo.ts';

const recordSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    role: z.string(),
    action: z.string(),
    actionLabel: z.string().describe('the action in the caller’s language'),
    target: z.string().nullable(),
    scope: z.string().nullable(),
    ip: z.string().nullable(),
    result: z.enum(['success', 'failure', 'denied']),
    requestId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditRecord' });

const filter = z.strictObject({
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const present = (r: AuditRow, lang: Lang) => ({
  seq: r.seq,
  at: r.at.toISOString(),
  actor: r.actor,
  role: r.role,
  action: r.action,
  actionLabel: label('auditAction', r.action, lang),
  target: r.target,
  scope: r.scope,
  ip: r.ip,
  result: r.result,
  requestId: r.requestId,
  detail: r.detail as Record<string, unknown>,
});

const toFilter = (q: z.infer<typeof filter>) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

/** Audit administrators search, export and verify; there is no route that edits or deletes. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { audit } = app.services;

  app.get(
    '/api/audit',
    {
      config: { access: access.permission('audit.read') },
      schema: {
        tags: ['audit'],
        summary: 'Search audit records',
        querystring: filter.extend(pageQuery),
        response: { 200: listOf(recordSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      await audit.record(actorOf(request), { action: 'audit.search', detail: { filter: q } });
      const out = await audit.search(toFilter(q), page, pageSize);
      const lang = pickLang(request.headers['accept-language']);
      return { items: out.items.map((r) => present(r, lang)), total: out.total };
    },
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      config: { access: access.permission('audit.read') },
      schema: { tags: ['audit'], summary: 'Audit records as Excel', querystring: filter },
    },
    async (request, reply) => {
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'audit.export', detail: { filter: request.query } });
      return sendXlsx(
        reply,
        en ? 'audit.xlsx' : '审计日志.xlsx',
        en ? 'Audit' : '审计日志',
        [
          { header: en ? 'Seq' : '序号', key: 'seq', width: 10, value: (r) => r.seq },
          {
            header: en ? 'Time (Beijing)' : '时间（北京时间）',
            key: 'at',
            width: 22,
            value: (r) => chinaTime(r.at),
          },
          { header: 'UTC', key: 'utc', width: 26, value: (r) => r.at.toISOString() },
          { header: en ? 'Actor' : '操作人', key: 'actor', width: 22, value: (r) => r.actor },
          { header: en ? 'Role' : '角色', key: 'role', width: 20, value: (r) => r.role },
          {
            header: en ? 'Action' : '事件',
            key: 'action',
            width: 24,
            value: (r) => label('auditAction', r.action, lang),
          },
          { header: en ? 'Action code' : '事件代码', key: 'code', width: 22, value: (r) => r.action },
          { header: en ? 'Target' : '对象', key: 'target', width: 24, value: (r) => r.target },
          { header: en ? 'Address' : '地址', key: 'ip', value: (r) => r.ip },
          {
            header: en ? 'Result' : '结果',
            key: 'result',
            value: (r) => label('auditResult', r.result, lang),
          },
          { header: en ? 'Request id' : '请求编号', key: 'rid', value: (r) => r.requestId },
          {
            header: en ? 'Detail' : '详情',
            key: 'detail',
            width: 40,
            value: (r) => JSON.stringify(r.detail),
          },
          { header: 'SM3', key: 'hash', width: 66, value: (r) => r.hash },
        ],
        allPages((page, size) => audit.search(toFilter(request.query), page, size)),
      );
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: access.permission('audit.read') },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain; names the first bad record',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            firstBad: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const result = await audit.verify();
      await audit.record(actorOf(request), {
        action: 'audit.verify',
        result: result.ok ? 'success' : 'failure',
        detail: { ...result },
      });
      return result;
    },
  );
};
