import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Catalogue search with facets, and the Excel export of any filtered list. */
export const searchRoutes: FastifyPluginAsyncZod = async () => {};
