import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isNoticeKind } from '../../../domain/notices.ts';
import { WEBHOOK_FORMATS } from '../../../domain/webhooks.ts';
import { access, actorOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import type { WebhookRow } from './webhooks.repo.ts';

/** A notice kind (`guides.inspection`) or a family of them (`cases.`). */
const noticeKind = z.string().trim().max(60).refine(isNoticeKind, 'od.notify.unknownKind');

// No defaults here: a PATCH must leave out what it does not change (zod's .partial() would still fill
// defaults in), so the defaults belong to the create body alone.
const webhookFields = z.strictObject({
  name: z.string().trim().min(1).max(80),
  format: z.enum(WEBHOOK_FORMATS),
  departmentId: z.uuid().nullable(),
  /** The robot's address with its access token; written, never read back. */
  url: z.string().trim().min(1).max(2000),
  /** DingTalk's signing secret (加签, starts with SEC); written, never read back; null: none. */
  secret: z.string().trim().min(1).max(200).nullable(),
  kinds: z.array(noticeKind).max(50),
  enabled: z.boolean(),
});
const webhookInput = webhookFields.extend({
  secret: webhookFields.shape.secret.default(null),
  kinds: webhookFields.shape.kinds.default([]),
  enabled: webhookFields.shape.enabled.default(true),
});

const webhookSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    format: z.enum(WEBHOOK_FORMATS),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    /** Scheme, host and path; the query with the token is hidden. */
    urlDisplay: z.string(),
    signed: z.boolean(),
    kinds: z.array(z.string()),
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Notices waiting in the outbox, and notices that ran out of attempts. */
    pending: z.number().int(),
    gaveUp: z.number().int(),
    lastDeliveredAt: z.string().nullable(),
  })
  .meta({ id: 'Webhook' });

const deliverySchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    createdAt: z.string(),
    attempts: z.number().int(),
    status: z.enum(['pending', 'delivered', 'gave_up']),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

type Counts = {
  departmentName: string | null;
  pending: number;
  gaveUp: number;
  lastDeliveredAt: Date | null;
};

function presentWebhook(w: WebhookRow, c: Counts): z.infer<typeof webhookSchema> {
  return {
    id: w.id,
    name: w.name,
    format: w.format,
    departmentId: w.departmentId,
    departmentName: c.departmentName,
    urlDisplay: w.urlDisplay,
    signed: w.secretEnc !== null,
    kinds: w.kinds,
    enabled: w.enabled,
    createdBy: w.createdBy,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    pending: c.pending,
    gaveUp: c.gaveUp,
    lastDeliveredAt: c.lastDeliveredAt?.toISOString() ?? null,
  };
}

/** Chat-robot webhooks (消息推送): the system administrator's, like other system settings. */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const { webhooks } = app.services;
  const rule = { access: access.permission('notify.webhooks') };
  const tags = ['notify'];

  const one = async (id: string) => {
    const found = (await webhooks.list()).find((r) => r.webhook.id === id)!;
    return presentWebhook(found.webhook, found);
  };

  app.get(
    '/api/notify/webhooks',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Chat robots and their outbox',
        response: {
          200: z.object({
            items: z.array(webhookSchema),
            /** Whether PUBLIC_URL is set: without it, messages cannot link back to the platform. */
            linksBack: z.boolean(),
          }),
          ...commonErrors,
        },
      },
    },
    async () => ({
      items: (await webhooks.list()).map((r) => presentWebhook(r.webhook, r)),
      linksBack: !!app.services.config.PUBLIC_URL,
    }),
  );

  app.post(
    '/api/notify/webhooks',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Add a chat robot',
        body: webhookInput,
        response: { 200: webhookSchema, ...commonErrors },
      },
    },
    async (request) => one((await webhooks.create(request.body, actorOf(request))).id),
  );

  app.patch(
    '/api/notify/webhooks/:id',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Change a chat robot (fields left out stay; a new address or secret replaces the old)',
        params: uuidParam,
        body: webhookFields.partial(),
        response: { 200: webhookSchema, ...commonErrors },
      },
    },
    async (request) => one((await webhooks.update(request.params.id, request.body, actorOf(request))).id),
  );

  app.delete(
    '/api/notify/webhooks/:id',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Remove a chat robot and its outbox',
        params: uuidParam,
        response: { 200: z.object({ deleted: z.literal(true) }), ...commonErrors },
      },
    },
    async (request) => {
      await webhooks.remove(request.params.id, actorOf(request));
      return { deleted: true as const };
    },
  );

  app.post(
    '/api/notify/webhooks/:id/test',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Send a test message now',
        params: uuidParam,
        response: {
          200: z.object({ delivered: z.boolean(), error: z.string().nullable() }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const r = await webhooks.test(request.params.id, actorOf(request));
      return { delivered: r.delivered, error: r.delivered ? null : r.error };
    },
  );

  app.post(
    '/api/notify/webhooks/:id/retry',
    {
      config: rule,
      schema: {
        tags,
        summary: 'Send again the messages that ran out of attempts',
        params: uuidParam,
        response: { 200: z.object({ requeued: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => ({ requeued: await webhooks.retryGivenUp(request.params.id, actorOf(request)) }),
  );

  app.get(
    '/api/notify/webhooks/:id/deliveries',
    {
      config: rule,
      schema: {
        tags,
        summary: "A chat robot's messages, newest first",
        params: uuidParam,
        querystring: z.strictObject(pageQuery),
        response: { 200: listOf(deliverySchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const out = await webhooks.deliveries(request.params.id, page, pageSize);
      return {
        total: out.total,
        items: out.items.map((d) => ({
          id: d.id,
          kind: d.kind,
          title: d.title,
          createdAt: d.createdAt.toISOString(),
          attempts: d.attempts,
          status: d.deliveredAt
            ? ('delivered' as const)
            : d.gaveUpAt
              ? ('gave_up' as const)
              : ('pending' as const),
          nextAttemptAt: d.deliveredAt || d.gaveUpAt ? null : d.nextAttemptAt.toISOString(),
          deliveredAt: d.deliveredAt?.toISOString() ?? null,
          lastError: d.lastError,
        })),
      };
    },
  );
};
