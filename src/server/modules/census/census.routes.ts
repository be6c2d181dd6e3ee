import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import { sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import type { RoundRow } from './census.repo.ts';

const roundStatus = z.enum(['open', 'closed']);
const returnStatus = z.enum(['pending', 'submitted']);
const state = z.enum(['pending', 'confirmed', 'corrected', 'added']);
const tally = z.object({ total: z.number().int(), done: z.number().int() });
const conflictErrors = { ...commonErrors, 409: commonErrors[400], 422: commonErrors[400] };

const roundFields = {
  id: z.string(),
  title: z.string(),
  note: z.string(),
  workingDays: z.number().int(),
  deadline: z.string(),
  status: roundStatus,
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  lastReminderAt: z.string().nullable(),
};
const roundSchema = z.object(roundFields).meta({ id: 'CensusRound' });

const roundListItem = z
  .object({
    ...roundFields,
    departments: z.number().int(),
    submitted: z.number().int(),
    myReturn: z.object({ status: returnStatus, submittedAt: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'CensusRoundListItem' });

const progressRow = z.object({
  department: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  systems: tally,
  datasets: tally,
  pending: z.number().int(),
  status: returnStatus,
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});

const roundDetail = z
  .object({
    ...roundFields,
    workdaysLeft: z.number().int().nullable(),
    progress: z.array(progressRow),
    totals: z.object({
      departments: z.number().int(),
      submitted: z.number().int(),
      pending: z.number().int(),
      overdue: z.number().int(),
      systems: tally,
      datasets: tally,
    }),
  })
  .meta({ id: 'CensusRoundDetail' });

const item = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  state,
  at: z.string().nullable(),
});

const presentRound = (r: RoundRow) => ({
  id: r.id,
  title: r.title,
  note: r.note,
  workingDays: r.workingDays,
  deadline: r.deadline,
  status: r.status,
  openedAt: r.openedAt.toISOString(),
  openedBy: r.openedBy,
  closedAt: r.closedAt?.toISOString() ?? null,
  lastReminderAt: r.lastReminderAt?.toISOString() ?? null,
});

/**
 * Census rounds. Reading is for the bureau (census.manage) and the departments' data officers
 * (census.respond): those routes are `signedIn` and the service refuses everyone else.
 */
export const censusRoutes: FastifyPluginAsyncZod = async (app) => {
  const { census, audit } = app.services;

  const detail = async (p: Parameters<typeof census.get>[0], id: string) => {
    const d = await census.get(p, id);
    return {
      ...presentRound(d.round),
      workdaysLeft: d.workdaysLeft,
      progress: d.progress.map((r) => ({
        department: { id: r.departmentId, code: r.code, name: r.name },
        systems: { total: r.systemsTotal, done: r.systemsDone },
        datasets: { total: r.datasetsTotal, done: r.datasetsDone },
        pending: r.pending,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        submittedBy: r.submittedBy,
        note: r.note,
        overdue: r.overdue,
      })),
      totals: d.totals,
    };
  };

  app.post(
    '/api/census-rounds',
    {
      config: { access: access.permission('census.manage') },
      schema: {
        tags: ['census'],
        summary: 'Open a census round; the deadline is counted in working days on the official calendar',
        body: z.strictObject({
          title: z.string().trim().min(2).max(100),
          note: z.string().trim().max(2000).optional(),
          workingDays: z.number().int().min(1).max(60),
        }),
        response: {
          201: roundSchema.extend({ departments: z.number().int(), notified: z.number().int() }),
          ...conflictErrors,
        },
      },
    },
    async (request, reply) => {
      const out = await census.open(request.body, actorOf(request));
      reply.status(201);
      return { ...presentRound(out.round), departments: out.departments, notified: out.notified };
    },
  );

  app.get(
    '/api/census-rounds',
    {
      config: { access: access.anyPermission('census.manage', 'census.respond') },
      schema: {
        tags: ['census'],
        summary: 'Census rounds (a department officer: those that asked their department)',
        querystring: z.strictObject({ ...pageQuery }),
        response: { 200: listOf(roundListItem), ...commonErrors },
      },
    },
    async (request) => {
      const out = await census.list(principalOf(request), request.query.page, request.query.pageSize);
      return {
        total: out.total,
        items: out.items.map((r) => ({
          ...presentRound(r.round),
          departments: r.departments,
          submitted: r.submitted,
          myReturn: r.myReturn
            ? { status: r.myReturn.status, submittedAt: r.myReturn.submittedAt?.toISOString() ?? null }
            : null,
        })),
      };
    },
  );

  app.get(
    '/api/census-rounds/:id',
    {
      config: { access: access.anyPermission('census.manage', 'census.respond') },
      schema: {
        tags: ['census'],
        summary: 'A round with the progress per department (a department officer: their own row)',
        params: uuidParam,
        response: { 200: roundDetail, ...commonErrors },
      },
    },
    async (request) => detail(principalOf(request), request.params.id),
  );

  app.get(
    '/api/census-rounds/:id/items',
    {
      config: { access: access.anyPermission('census.manage', 'census.respond') },
      schema: {
        tags: ['census'],
        summary: "A department's systems and datasets with their census state",
        params: uuidParam,
        querystring: z.strictObject({ departmentId: z.uuid().optional() }),
        response: {
          200: z.object({
            department: z.object({ id: z.string(), name: z.string() }),
            status: returnStatus,
            systems: z.array(item),
            datasets: z.array(item),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const out = await census.items(principalOf(request), request.params.id, request.query.departmentId);
      const present = (i: (typeof out.systems)[number]) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        status: i.status,
        state: i.state,
        at: i.at?.toISOString() ?? null,
      });
      return { ...out, systems: out.systems.map(present), datasets: out.datasets.map(present) };
    },
  );

  app.post(
    '/api/census-rounds/:id/confirm',
    {
      config: { access: access.permission('census.respond') },
      schema: {
        tags: ['census'],
        summary: "Confirm the department's own systems or datasets as they are (all or nothing)",
        params: uuidParam,
        body: z.strictObject({
          entityType: z.enum(['system', 'dataset']),
          ids: z.array(z.uuid()).min(1).max(1000),
        }),
        response: {
          200: z.object({ confirmed: z.number().int(), newlyConfirmed: z.number().int() }),
          ...conflictErrors,
        },
      },
    },
    async (request) =>
      census.confirm(
        principalOf(request),
        request.params.id,
        request.body.entityType,
        request.body.ids,
        actorOf(request),
      ),
  );

  app.post(
    '/api/census-rounds/:id/submit',
    {
      config: { access: access.permission('census.respond') },
      schema: {
        tags: ['census'],
        summary: "Submit the department's return (refused while items are pending)",
        params: uuidParam,
        body: z.strictObject({ note: z.string().trim().max(2000).optional() }),
        response: {
          200: z.object({ status: z.literal('submitted'), submittedAt: z.string() }),
          ...conflictErrors,
        },
      },
    },
    async (request) => {
      const out = await census.submit(
        principalOf(request),
        request.params.id,
        request.body.note,
        actorOf(request),
      );
      return { status: out.status, submittedAt: out.submittedAt.toISOString() };
    },
  );

  app.post(
    '/api/census-rounds/:id/remind',
    {
      config: { access: access.permission('census.manage') },
      schema: {
        tags: ['census'],
        summary: 'Remind the data officers of every department whose return is pending',
        params: uuidParam,
        response: {
          200: z.object({ departments: z.number().int(), users: z.number().int() }),
          ...conflictErrors,
        },
      },
    },
    async (request) => census.remind(request.params.id, actorOf(request)),
  );

  app.post(
    '/api/census-rounds/:id/close',
    {
      config: { access: access.permission('census.manage') },
      schema: {
        tags: ['census'],
        summary: 'Close a round',
        params: uuidParam,
        response: { 200: roundSchema, ...conflictErrors },
      },
    },
    async (request) => presentRound(await census.close(request.params.id, actorOf(request))),
  );

  app.get(
    '/api/census-rounds/:id/export.xlsx',
    {
      config: { access: access.permission('census.manage') },
      schema: { tags: ['census'], summary: 'The progress table as Excel', params: uuidParam },
    },
    async (request, reply) => {
      const d = await detail(principalOf(request), request.params.id);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'census.export', target: d.id });
      type Row = (typeof d.progress)[number];
      const yes = en ? 'Yes' : '是';
      return sendXlsx<Row>(
        reply,
        en ? 'census-progress.xlsx' : '普查进度.xlsx',
        en ? 'Progress' : '普查进度',
        [
          { header: en ? 'Department code' : '部门编码', key: 'code', value: (r) => r.department.code },
          { header: en ? 'Department' : '部门', key: 'name', width: 28, value: (r) => r.department.name },
          {
            header: en ? 'Return' : '答复状态',
            key: 'status',
            value: (r) => label('censusReturnStatus', r.status, lang),
          },
          { header: en ? 'Systems' : '信息系统数', key: 'st', value: (r) => r.systems.total },
          { header: en ? 'Systems done' : '已确认系统', key: 'sd', value: (r) => r.systems.done },
          { header: en ? 'Datasets' : '数据资源数', key: 'dt', value: (r) => r.datasets.total },
          { header: en ? 'Datasets done' : '已确认数据资源', key: 'dd', value: (r) => r.datasets.done },
          { header: en ? 'Pending items' : '待确认项', key: 'pending', value: (r) => r.pending },
          {
            header: en ? 'Submitted (Beijing time)' : '提交时间',
            key: 'submittedAt',
            width: 20,
            value: (r) => (r.submittedAt ? chinaTime(new Date(r.submittedAt)) : ''),
          },
          { header: en ? 'Overdue' : '逾期', key: 'overdue', value: (r) => (r.overdue ? yes : '') },
        ],
        (async function* () {
          yield d.progress;
        })(),
      );
    },
  );
};
