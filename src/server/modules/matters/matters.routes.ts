import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Matters, guides and guide inspection. */
export const mattersRoutes: FastifyPluginAsyncZod = async () => {};
