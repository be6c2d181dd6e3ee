import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationVersion } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { errorBody } from '../../http/contract.ts';
import { isDemoInstallation } from '../../seed/demo.ts';
import { AppError } from '../../http/errors.ts';

export const VERSION = '0.1.0';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database } = app.services;
  // Fixed for the life of the process (migrations run before the app is built): liveness needs no query.
  const migration = await migrationVersion(database);
  const demo = await isDemoInstallation(app.services);

  app.get(
    '/api/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers, and which database it runs on',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            migration: z.string(),
            version: z.string(),
            demo: z.boolean().describe('the demo district with its documented accounts is loaded'),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, migration, version: VERSION, demo }),
  );

  app.get(
    '/api/ready',
    {
      config: { access: access.public },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready') }), 503: errorBody },
      },
    },
    async () => {
      try {
        await database.query('select 1');
      } catch {
        throw new AppError('DATABASE_UNAVAILABLE');
      }
      return { status: 'ready' as const };
    },
  );
};
