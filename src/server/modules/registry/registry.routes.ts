import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The registry module's routes. */
export const registryRoutes: FastifyPluginAsyncZod = async () => {};
