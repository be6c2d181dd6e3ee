import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../../../domain/calendar.ts';
import { access, actorOf } from '../../http/access.ts';
import { commonErrors, errorBody } from '../../http/contract.ts';

const isoDate = z.string().refine(isIsoDate, 'od.isoDate');
const year = z.coerce.number().int().min(1990).max(2100);

const yearSchema = z
  .object({
    year: z.number().int(),
    version: z.number().int(),
    published: z.boolean(),
    holidays: z.array(z.string()),
    makeUpWorkdays: z.array(z.string()),
    source: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { calendar } = app.services;

  app.get(
    '/api/calendar/add',
    {
      config: { access: access.permission('calendar.read') },
      schema: {
        tags: ['calendar'],
        summary: 'The date N working days after a date (counting from the next day)',
        querystring: z.strictObject({ date: isoDate, n: z.coerce.number().int().min(0).max(3650) }),
        response: {
          200: z.object({ date: z.string(), n: z.number().int(), result: z.string() }),
          422: errorBody,
          ...commonErrors,
        },
      },
    },
    async (request) => ({
      ...request.query,
      result: await calendar.addWorkdays(request.query.date, request.query.n),
    }),
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { access: access.permission('calendar.read') },
      schema: {
        tags: ['calendar'],
        summary: "A year's holidays and make-up workdays",
        params: z.object({ year }),
        response: { 200: yearSchema, ...commonErrors },
      },
    },
    async (request) => calendar.year(request.params.year),
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { access: access.permission('calendar.manage') },
      schema: {
        tags: ['calendar'],
        summary: "Enter or correct a year's schedule (a new calendar version; audited)",
        params: z.object({ year }),
        body: z.strictObject({
          holidays: z.array(isoDate).max(60),
          makeUpWorkdays: z.array(isoDate).max(30),
          reason: z.string().max(500).optional(),
        }),
        response: { 200: yearSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { reason, ...lists } = request.body;
      await calendar.setYear({ year: request.params.year, ...lists }, reason ?? null, actorOf(request));
      return calendar.year(request.params.year);
    },
  );
};
