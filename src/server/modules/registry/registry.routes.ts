import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { flagRoutes } from './flags.routes.ts';
import { systemImportRoutes } from './systems.import.routes.ts';
import { systemRoutes } from './systems.routes.ts';

/** The registry module's routes: the ledger of systems and its Excel import, usage reports, zombie and duplicate flags. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(systemRoutes);
  await app.register(systemImportRoutes);
  await app.register(flagRoutes);
};
