import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import { deptKind, divisionCode } from './org.contract.ts';

const departmentSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    kind: deptKind,
    uscc: z.string(),
    regionCode: z.string(),
  })
  .meta({ id: 'Department' });

const departmentInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_-]{1,31}$/, 'od.deptCode'),
  name: z.string().trim().min(2).max(60),
  shortName: z.string().trim().min(1).max(30),
  kind: deptKind,
  uscc: z.string().trim().length(18),
  regionCode: divisionCode,
});

const departmentQuery = z.strictObject({
  q: z.string().max(50).optional(),
  kind: deptKind.optional(),
  sort: z.enum(['name', '-name', 'code', '-code']).default('code'),
  ...pageQuery,
});

/** Departments: list, export, create, update. */
export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { org, audit } = app.services;
  const presentDepartment = (d: z.infer<typeof departmentSchema> & Record<string, unknown>) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    kind: d.kind,
    uscc: d.uscc,
    regionCode: d.regionCode,
  });

  app.get(
    '/api/departments',
    {
      config: { access: access.permission('departments.read') },
      schema: {
        tags: ['org'],
        summary: 'Departments',
        querystring: departmentQuery,
        response: { 200: listOf(departmentSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await org.listDepartments(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map(presentDepartment), total: out.total };
    },
  );

  app.get(
    '/api/departments/export.xlsx',
    {
      config: { access: access.permission('departments.read') },
      schema: {
        tags: ['org'],
        summary: 'Departments as Excel',
        querystring: departmentQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...f } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), {
        action: 'department.export',
        detail: { filter: request.query },
      });
      return sendXlsx(
        reply,
        en ? 'departments.xlsx' : '部门.xlsx',
        en ? 'Departments' : '部门',
        [
          { header: en ? 'Code' : '编码', key: 'code', value: (d) => d.code },
          { header: en ? 'Name' : '名称', key: 'name', width: 30, value: (d) => d.name },
          { header: en ? 'Short name' : '简称', key: 'short', value: (d) => d.shortName },
          { header: en ? 'Kind' : '类型', key: 'kind', value: (d) => label('departmentKind', d.kind, lang) },
          { header: en ? 'USCC' : '统一社会信用代码', key: 'uscc', width: 22, value: (d) => d.uscc },
          { header: en ? 'Region' : '所属区划', key: 'region', value: (d) => d.regionCode },
        ],
        allPages((page, size) => org.listDepartments(p, f, sort, page, size)),
      );
    },
  );

  app.post(
    '/api/departments',
    {
      config: { access: access.permission('departments.manage') },
      schema: {
        tags: ['org'],
        summary: 'Create a department',
        body: departmentInput,
        response: { 201: departmentSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const row = await org.createDepartment(request.body, actorOf(request));
      reply.status(201);
      return presentDepartment(row);
    },
  );

  app.patch(
    '/api/departments/:id',
    {
      config: { access: access.permission('departments.manage') },
      schema: {
        tags: ['org'],
        summary: 'Update a department',
        params: uuidParam,
        body: departmentInput.partial(),
        response: { 200: departmentSchema, ...commonErrors },
      },
    },
    async (request) =>
      presentDepartment(await org.updateDepartment(request.params.id, request.body, actorOf(request))),
  );
};
