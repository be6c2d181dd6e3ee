import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, principalOf } from '../../http/access.ts';
import { commonErrors, pageQuery } from '../../http/contract.ts';

const inboxMessage = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'InboxMessage' });

/** The signed-in user's inbox. API clients have no inbox. */
export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { notify } = app.services;

  app.get(
    '/api/inbox',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notify'],
        summary: 'My inbox',
        querystring: z.strictObject({ unread: z.stringbool().default(false), ...pageQuery }),
        response: {
          200: z.object({ items: z.array(inboxMessage), total: z.number().int(), unread: z.number().int() }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (!p.userId) return { items: [], total: 0, unread: 0 };
      const { unread, page, pageSize } = request.query;
      const out = await notify.inbox(p.userId, unread, page, pageSize);
      return {
        ...out,
        items: out.items.map((m) => ({
          id: m.id,
          kind: m.kind,
          title: m.title,
          body: m.body,
          link: m.link,
          createdAt: m.createdAt.toISOString(),
          readAt: m.readAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/inbox/read',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['notify'],
        summary: 'Mark messages read',
        body: z.strictObject({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() }),
        response: { 200: z.object({ updated: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (!p.userId) return { updated: 0 };
      const { ids, all } = request.body;
      return { updated: await notify.markRead(p.userId, all ? 'all' : (ids ?? [])) };
    },
  );
};
