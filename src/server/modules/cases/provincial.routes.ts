import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf } from '../../http/access.ts';
import { commonErrors, errorBody, listOf, pageQuery } from '../../http/contract.ts';
import type { RunRow } from './provincial.repo.ts';
import type { ProvinceStatus } from './provincial.service.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const runSchema = z
  .object({
    id: z.uuid(),
    trigger: z.enum(['schedule', 'manual']),
    status: z.enum(['running', 'ok', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    compared: z.number().int(),
    mismatches: z.number().int(),
    missingUpstream: z.number().int(),
    unknownUpstream: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ReconciliationRun' });

const presentRun = (r: RunRow): z.infer<typeof runSchema> => ({
  id: r.id,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  finishedAt: iso(r.finishedAt),
  compared: r.compared,
  mismatches: r.mismatches,
  missingUpstream: r.missingUpstream,
  unknownUpstream: r.unknownUpstream,
  error: r.error,
});

const statusSchema = z
  .object({
    configured: z.boolean(),
    url: z.string().nullable(),
    pending: z.number().int(),
    oldestPendingAt: z.string().nullable(),
    oldestPendingSeconds: z.number().int().nullable(),
    failingCases: z.number().int(),
    lastDeliveryAt: z.string().nullable(),
    lastError: z
      .object({
        caseNo: z.string(),
        seq: z.number().int(),
        attempts: z.number().int(),
        error: z.string(),
        failedAt: z.string(),
        nextAttemptAt: z.string(),
      })
      .nullable(),
    lastReconciliation: runSchema.nullable(),
  })
  .meta({ id: 'ProvinceStatus' });

const presentStatus = (s: ProvinceStatus): z.infer<typeof statusSchema> => ({
  ...s,
  oldestPendingAt: iso(s.oldestPendingAt),
  lastDeliveryAt: iso(s.lastDeliveryAt),
  lastError: s.lastError
    ? {
        ...s.lastError,
        failedAt: s.lastError.failedAt.toISOString(),
        nextAttemptAt: s.lastError.nextAttemptAt.toISOString(),
      }
    : null,
  lastReconciliation: s.lastReconciliation ? presentRun(s.lastReconciliation) : null,
});

const deliverySchema = z
  .object({
    configured: z.boolean(),
    delivered: z.number().int(),
    failed: z.number().int(),
    replayed: z.number().int(),
  })
  .meta({ id: 'ProvinceDelivery' });

/** The provincial case library (省办件库): delivery status, deliver now, reconciliations. Bureau only. */
export const provincialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { province } = app.services;
  const supervise = { access: access.permission('cases.supervise') };

  app.get(
    '/api/province/status',
    {
      config: supervise,
      schema: {
        tags: ['cases'],
        summary:
          'Delivery to the provincial case library: configured, pending, failing, last delivery and error',
        response: { 200: statusSchema, ...commonErrors },
      },
    },
    async () => presentStatus(await province.status()),
  );

  app.post(
    '/api/province/outbox/deliver',
    {
      config: supervise,
      schema: {
        tags: ['cases'],
        summary: 'Retry failed deliveries at once and send every due case event to the library now',
        response: { 200: deliverySchema, ...commonErrors },
      },
    },
    async (request) => province.deliverNowFor(actorOf(request)),
  );

  app.get(
    '/api/province/reconciliations',
    {
      config: supervise,
      schema: {
        tags: ['cases'],
        summary: 'Reconciliations with the provincial case library, latest first',
        querystring: z.object(pageQuery),
        response: { 200: listOf(runSchema), ...commonErrors },
      },
    },
    async (request) => {
      const out = await province.runs(request.query.page, request.query.pageSize);
      return { items: out.items.map(presentRun), total: out.total };
    },
  );

  app.post(
    '/api/province/reconciliations',
    {
      config: supervise,
      schema: {
        tags: ['cases'],
        summary:
          "Reconcile now: compare the library's copies with the local cases and flag every difference " +
          '(a run that cannot read the library is recorded as failed and changes nothing)',
        response: { 200: runSchema, ...commonErrors, 409: errorBody },
      },
    },
    async (request) => presentRun(await province.reconcile('manual', actorOf(request))),
  );
};
