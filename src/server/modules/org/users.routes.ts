import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/permissions.ts';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { AppError } from '../../http/errors.ts';
import { commonErrors, listOf, pageQuery, uuidParam } from '../../http/contract.ts';
import { allPages, sendXlsx } from '../../http/excel.ts';
import { chinaTime, label } from '../../http/labels.ts';
import { pickLang } from '../../http/messages.ts';
import { divisionCode } from './org.contract.ts';

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

/** Users: list, export, create, update, password reset, lock and unlock. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { org, audit } = app.services;
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

  /** One user as the list shows it (department and region names, lock state), read through the same scoped query. */
  const presentOne = async (p: Parameters<typeof org.listUsers>[0], id: string) => {
    const [u] = (await org.listUsers(p, { id }, 'username', 1, 1)).items;
    if (!u) throw new AppError('NOT_FOUND');
    return presentUser(u);
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
      return presentOne(p, row.id);
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
      return presentOne(p, user.id);
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
