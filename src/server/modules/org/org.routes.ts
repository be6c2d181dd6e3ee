import type { FastifyPluginAsync } from 'fastify';
import { departmentRoutes } from './departments.routes.ts';
import { regionRoutes } from './regions.routes.ts';
import { userRoutes } from './users.routes.ts';

/** The org module's routes: regions, departments and users. */
export const orgRoutes: FastifyPluginAsync = async (app) => {
  await app.register(regionRoutes);
  await app.register(departmentRoutes);
  await app.register(userRoutes);
};
