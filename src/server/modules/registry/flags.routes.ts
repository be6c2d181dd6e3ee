import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, uuidParam } from '../../http/contract.ts';
import { flagQuery, flagSchema, resolveBody } from './registry.contract.ts';
import { presentFlag } from './registry.present.ts';

const scanResult = z
  .object({
    raised: z.object({ zombie: z.number().int(), duplicate: z.number().int() }),
    refreshed: z.number().int(),
    cleared: z.number().int(),
    suppressed: z.number().int(),
    thresholdDays: z.number().int(),
  })
  .meta({ id: 'SystemFlagScan' });

/** Zombie and duplicate flags: the list, the bureau's resolution, and the scan on demand. */
export const flagRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, clock } = app.services;

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
