import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/permissions.ts';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';

const level = z.enum(['district', 'street', 'community', 'park']);
const divisionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'od.divisionCode');
const deptKind = z.enum(['bureau', 'government', 'vertical', 'party', 'mass', 'institution']);

const regionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level,
    parentCode: z.string().nullable(),
    hasBoundary: z.boolean(),
    schematic: z.boolean(),
    childCount: z.number().int(),
  })
  .meta({ id: 'Region' });

const regionQuery = z.strictObject({
  sort: z.enum(['code', '-code', 'name', '-name']).default('code'),
  level: level.optional(),
  parentCode: divisionCode.optional(),
  q: z.string().max(50).optional(),
  ...pageQuery,
  // The whole district (86 regions) fits one page, for trees and maps.
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

const featureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({ code: z.string(), name: z.string(), level, schematic: z.boolean() }),
        geometry: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'RegionBoundaries' });

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

const userStatus = z.enum(['active', 'locked', 'disabled']);
const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    department: z.object({ id: z.string(), name: z.string() }).nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    status: userStatus,
    lastLoginAt: z.string().nullable(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'User' });

const userQuery = z.strictObject({
  q: z.string().max(50).optional(),
  role: z.enum(ROLES).optional(),
  departmentId: z.uuid().optional(),
  regionCode: divisionCode.optional(),
  status: userStatus.optional(),
  sort: z.enum(['name', '-name', 'username', '-username', 'lastLoginAt', '-lastLoginAt']).default('username'),
  ...pageQuery,
});

const passwordField = z.string().min(1).max(256);

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { org, audit } = app.services;

  // ----- regions -----
  app.get(
    '/api/regions',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Regions in my scope',
        querystring: regionQuery,
        response: { 200: listOf(regionSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      return org.listRegions(principalOf(request), f, page, pageSize, sort);
    },
  );

  app.get(
    '/api/regions/export.xlsx',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Regions as Excel',
        querystring: regionQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'region.export', detail: { filter: request.query } });
      return sendXlsx(
        reply,
        en ? 'regions.xlsx' : '区划.xlsx',
        en ? 'Regions' : '区划',
        [
          { header: en ? 'Code' : '区划代码', key: 'code', value: (r) => r.code },
          { header: en ? 'Name' : '名称', key: 'name', width: 24, value: (r) => r.name },
          { header: en ? 'Level' : '层级', key: 'level', value: (r) => label('regionLevel', r.level, lang) },
          { header: en ? 'Parent' : '上级代码', key: 'parent', value: (r) => r.parentCode },
          { header: en ? 'Children' : '下级数', key: 'children', value: (r) => r.childCount },
          {
            header: en ? 'Boundary' : '边界',
            key: 'boundary',
            value: (r) =>
              label('boundary', r.hasBoundary ? (r.schematic ? 'schematic' : 'uploaded') : 'none', lang),
          },
        ],
        allPages((page, size) => {
          const { sort, ...f } = request.query;
          return org.listRegions(p, f, page, size, sort);
        }),
      );
    },
  );

  app.get(
    '/api/regions/boundaries',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'Boundaries as a GeoJSON FeatureCollection (children of parentCode, or one code)',
        querystring: z.strictObject({
          parentCode: divisionCode.optional(),
          code: divisionCode.optional(),
          level: level.optional(),
        }),
        response: { 200: featureCollection, ...commonErrors },
      },
    },
    async (request) => org.boundaries(principalOf(request), request.query),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { access: access.permission('regions.read') },
      schema: {
        tags: ['org'],
        summary: 'One region in my scope',
        params: z.object({ code: divisionCode }),
        response: { 200: regionSchema, ...commonErrors },
      },
    },
    async (request) => org.region(principalOf(request), request.params.code),
  );

  app.put(
    '/api/regions/:code/boundary',
    {
      config: { access: access.permission('regions.manage') },
      schema: {
        tags: ['org'],
        summary: 'Upload a real boundary (GeoJSON Polygon, MultiPolygon or Feature; WGS84)',
        params: z.object({ code: divisionCode }),
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ code: z.string(), schematic: z.boolean() }), ...commonErrors },
      },
    },
    async (request) =>
      org.setBoundary(principalOf(request), request.params.code, request.body, actorOf(request)),
  );

  // ----- departments -----
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

  // ----- users -----
  type ListedUser = Awaited<ReturnType<typeof org.listUsers>>['items'][number];
  const now = () => app.services.clock.now();
  const presentUser = (u: ListedUser) => {
    const locked =
      (u.lockedUntil && u.lockedUntil > now()) || (u.failureLockedUntil && u.failureLockedUntil > now());
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      department: u.departmentId ? { id: u.departmentId, name: u.departmentName ?? '' } : null,
      regionCode: u.regionCode,
      regionName: u.regionName,
      status:
        u.status === 'disabled' ? ('disabled' as const) : locked ? ('locked' as const) : ('active' as const),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      mustChangePassword: u.mustChangePassword,
    };
  };

  app.get(
    '/api/users',
    {
      config: { access: access.permission('users.read') },
      schema: {
        tags: ['org'],
        summary: 'Users in my scope',
        querystring: userQuery,
        response: { 200: listOf(userSchema), ...commonErrors },
      },
    },
    async (request) => {
      const { page, pageSize, sort, ...f } = request.query;
      const out = await org.listUsers(principalOf(request), f, sort, page, pageSize);
      return { items: out.items.map(presentUser), total: out.total };
    },
  );

  app.get(
    '/api/users/export.xlsx',
    {
      config: { access: access.permission('users.read') },
      schema: {
        tags: ['org'],
        summary: 'Users as Excel',
        querystring: userQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { sort, ...f } = request.query;
      const lang = pickLang(request.headers['accept-language']);
      const en = lang === 'en';
      await audit.record(actorOf(request), { action: 'user.export', detail: { filter: request.query } });
      return sendXlsx(
        reply,
        en ? 'users.xlsx' : '用户.xlsx',
        en ? 'Users' : '用户',
        [
          { header: en ? 'Username' : '用户名', key: 'username', width: 24, value: (u) => u.username },
          { header: en ? 'Name' : '姓名', key: 'name', value: (u) => u.displayName },
          {
            header: en ? 'Roles' : '角色',
            key: 'roles',
            width: 30,
            value: (u) => u.roles.map((r) => label('role', r, lang)).join(en ? ', ' : '、'),
          },
          { header: en ? 'Department' : '部门', key: 'dept', width: 28, value: (u) => u.department?.name },
          { header: en ? 'Region' : '区划', key: 'region', width: 20, value: (u) => u.regionName },
          {
            header: en ? 'Status' : '状态',
            key: 'status',
            value: (u) => label('userStatus', u.status, lang),
          },
          {
            header: en ? 'Last sign-in (Beijing time)' : '最近登录（北京时间）',
            key: 'last',
            width: 22,
            value: (u) => chinaTime(u.lastLoginAt ? new Date(u.lastLoginAt) : null),
          },
        ],
        allPages(async (page, size) => {
          const out = await org.listUsers(p, f, sort, page, size);
          return { items: out.items.map(presentUser), total: out.total };
        }),
      );
    },
  );

  const presentOne = async (p: Parameters<typeof org.listUsers>[0], username: string) => {
    const out = await org.listUsers(p, { q: username }, 'username', 1, 50);
    const u = out.items.find((x) => x.username === username);
    return presentUser(u!);
  };

  app.post(
    '/api/users',
    {
      config: { access: access.permission('users.manage') },
      schema: {
        tags: ['org'],
        summary: 'Create a user (must change the password at first sign-in)',
        body: z.strictObject({
          username: z.string().trim().min(2).max(64),
          displayName: z.string().trim().min(1).max(50),
          roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
          departmentId: z.uuid().nullable().optional(),
          regionCode: divisionCode,
          password: passwordField,
        }),
        response: { 201: userSchema, ...commonErrors, 409: commonErrors[400] },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const row = await org.createUser(
        p,
        request.body,
        actorOf(request),
        pickLang(request.headers['accept-language']),
      );
      reply.status(201);
      return presentOne(p, row.username);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      // Role changes alone are allowed to the security administrator (roles.manage), the rest needs users.manage.
      config: { access: access.permission('users.edit') },
      schema: {
        tags: ['org'],
        summary: 'Update a user (roles: security administrator for the admin roles)',
        params: uuidParam,
        body: z.strictObject({
          displayName: z.string().trim().min(1).max(50).optional(),
          roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length).optional(),
          departmentId: z.uuid().nullable().optional(),
          regionCode: divisionCode.optional(),
          status: z.enum(['active', 'disabled']).optional(),
        }),
        response: { 200: userSchema, ...commonErrors },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const user = await org.updateUser(
        p,
        request.params.id,
        request.body,
        actorOf(request),
        pickLang(request.headers['accept-language']),
      );
      return presentOne(p, user.username);
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: access.permission('users.reset') },
      schema: {
        tags: ['org'],
        summary: 'Set a temporary password (the user must change it at next sign-in)',
        params: uuidParam,
        body: z.strictObject({ password: passwordField }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await org.resetPassword(
        principalOf(request),
        request.params.id,
        request.body.password,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  for (const action of ['lock', 'unlock'] as const) {
    app.post(
      `/api/users/:id/${action}`,
      {
        config: { access: access.permission('users.lock') },
        schema: {
          tags: ['org'],
          summary: `${action === 'lock' ? 'Lock' : 'Unlock'} an account`,
          params: uuidParam,
          response: { 204: z.null(), ...commonErrors },
        },
      },
      async (request, reply) => {
        await org.setLock(principalOf(request), request.params.id, action === 'lock', actorOf(request));
        return reply.status(204).send(null);
      },
    );
  }
};
