import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** DCAT-AP 3.0.1 export of the published catalogue, as ckanext-dcat serves it. */
export const dcatRoutes: FastifyPluginAsyncZod = async () => {};
