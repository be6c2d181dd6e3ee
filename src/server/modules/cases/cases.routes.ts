import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Cases: intake, actions, queue, case page, public status lookup. */
export const casesRoutes: FastifyPluginAsyncZod = async () => {};
