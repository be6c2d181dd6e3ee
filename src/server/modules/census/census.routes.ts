import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The census module's routes. */
export const censusRoutes: FastifyPluginAsyncZod = async () => {};
