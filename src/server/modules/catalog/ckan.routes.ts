import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A CKAN-compatible read API (/api/3/action/*) over the published catalogue. */
export const ckanRoutes: FastifyPluginAsyncZod = async () => {};
