import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The catalog module's routes. */
export const catalogRoutes: FastifyPluginAsyncZod = async () => {};
