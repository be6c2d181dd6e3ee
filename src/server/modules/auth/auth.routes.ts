import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { delegable, PERMISSIONS, ROLES } from '../../../domain/permissions.ts';
import { normalizeLoginId } from '../../../domain/password-policy.ts';
import { access, actorOf, principalOf } from '../../http/access.ts';
import { commonErrors, errorBody } from '../../http/contract.ts';
import { AppError } from '../../http/errors.ts';

export const SESSION_COOKIE = 'od_session';

const loginStatus = z.object({ status: z.enum(['ok', 'mfa_required', 'password_change_required']) });

export const meSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    department: z.object({ id: z.string(), name: z.string(), shortName: z.string() }).nullable(),
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    mustChangePassword: z.boolean(),
    mfaEnabled: z.boolean(),
    mfaPassed: z.boolean(),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auth, repos } = app.services;
  // Per client address and login id: colleagues behind one office address don't block each other,
  // and one name can't be hammered from many places faster than the lockout allows.
  const rateLimit =
    app.services.config.LOGIN_RATE_LIMIT > 0
      ? {
          rateLimit: {
            max: app.services.config.LOGIN_RATE_LIMIT,
            timeWindow: '1 minute',
            hook: 'preHandler' as const,
            keyGenerator: (request: { ip: string; body?: unknown }) => {
              const body = (request.body ?? {}) as { username?: unknown; client_id?: unknown };
              const name =
                typeof body.username === 'string'
                  ? body.username
                  : typeof body.client_id === 'string'
                    ? body.client_id
                    : '';
              return `${request.ip}|${normalizeLoginId(name)}`;
            },
          },
        }
      : {};

  app.post(
    '/api/auth/login',
    {
      config: { access: access.public, ...rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a password; sets the session cookie',
        body: z.strictObject({ username: z.string().min(1).max(128), password: z.string().min(1).max(256) }),
        response: { 200: loginStatus, 401: errorBody, 423: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const out = await auth.login(request.body.username, request.body.password, actorOf(request));
      reply.setCookie(SESSION_COOKIE, out.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        // Production runs behind TLS: the cookie is Secure even if a proxy hides the scheme.
        secure: app.services.config.production || request.protocol === 'https',
      });
      return { status: out.status };
    },
  );

  app.post(
    '/api/auth/totp',
    {
      config: { access: access.pending, ...rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: a TOTP code (also confirms a new enrolment)',
        body: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
        response: { 200: z.object({ status: z.literal('ok') }), ...commonErrors },
      },
    },
    async (request) => {
      await auth.verifyTotp(principalOf(request), request.body.code, actorOf(request));
      return { status: 'ok' as const };
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      config: { access: access.pending },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment; returns the secret once',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }), ...commonErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return auth.enrolTotp(principalOf(request), actorOf(request));
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: access.pending },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session server-side)' },
    },
    async (request, reply) => {
      await auth.logout(principalOf(request), actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: access.pending },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (policy and history checked; other sessions end)',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.changePassword(
        principalOf(request),
        request.body.currentPassword,
        request.body.newPassword,
        actorOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: access.pending },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, roles and scope',
        response: { 200: meSchema, 401: errorBody },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      if (p.kind !== 'session') throw new AppError('FORBIDDEN');
      const [user, region] = await Promise.all([
        repos.users.findById(p.userId!),
        repos.regions.get(p.regionCode),
      ]);
      const dept = user?.departmentId ? await repos.departments.get(user.departmentId) : undefined;
      reply.header('cache-control', 'no-store');
      return {
        id: p.userId!,
        username: p.username,
        displayName: p.displayName,
        roles: p.roles,
        permissions: p.permissions,
        department: dept ? { id: dept.id, name: dept.name, shortName: dept.shortName } : null,
        region: {
          code: p.regionCode,
          name: region?.name ?? p.regionCode,
          level: region?.level ?? 'district',
        },
        mustChangePassword: p.mustChangePassword,
        mfaEnabled: user?.totpEnabled ?? false,
        mfaPassed: p.mfaPassed,
        csrfToken: p.csrfToken!,
      };
    },
  );

  app.post(
    '/api/auth/token',
    {
      config: { access: access.public, ...rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'OAuth2 client credentials: exchange an API client id and secret for a bearer token',
        body: z.strictObject({
          grant_type: z.literal('client_credentials'),
          client_id: z.string().min(1).max(128),
          client_secret: z.string().min(1).max(256),
        }),
        response: {
          200: z.object({
            access_token: z.string(),
            token_type: z.literal('Bearer'),
            expires_in: z.number(),
          }),
          401: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return auth.issueToken(request.body.client_id, request.body.client_secret, actorOf(request));
    },
  );

  const apiClientSchema = z
    .object({
      id: z.string(),
      clientId: z.string(),
      name: z.string(),
      departmentId: z.string(),
      permissions: z.array(z.string()),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
      createdAt: z.string(),
    })
    .meta({ id: 'ApiClient' });
  const presentClient = (c: Awaited<ReturnType<typeof auth.listApiClients>>[number]) => ({
    id: c.id,
    clientId: c.clientId,
    name: c.name,
    departmentId: c.departmentId,
    permissions: c.permissions,
    expiresAt: c.expiresAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  });

  app.get(
    '/api/api-clients',
    {
      config: { access: access.permission('api_clients.manage') },
      schema: {
        tags: ['auth'],
        summary: 'API clients',
        response: { 200: z.object({ items: z.array(apiClientSchema) }), ...commonErrors },
      },
    },
    async () => ({ items: (await auth.listApiClients()).map(presentClient) }),
  );

  app.post(
    '/api/api-clients',
    {
      config: { access: access.permission('api_clients.manage') },
      schema: {
        tags: ['auth'],
        summary: 'Create an API client; the secret is shown once',
        body: z.strictObject({
          name: z.string().min(1).max(100),
          departmentId: z.uuid(),
          permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
          expiresAt: z.iso.datetime().nullable().optional(),
        }),
        response: { 201: apiClientSchema.extend({ clientSecret: z.string() }), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const creator = principalOf(request);
      const refused = rest.permissions.filter((perm) => !delegable(creator.roles, perm));
      if (refused.length) {
        throw new AppError(
          'FORBIDDEN',
          {},
          refused.map((perm) => ({ path: 'permissions', message: perm })),
        );
      }
      if (!(await repos.departments.get(rest.departmentId))) {
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'departmentId', message: 'od.unknownDepartment' },
        ]);
      }
      const created = await auth.createApiClient(
        { ...rest, expiresAt: expiresAt ? new Date(expiresAt) : null },
        actorOf(request),
      );
      reply.header('cache-control', 'no-store').status(201);
      return { ...presentClient(created), clientSecret: created.clientSecret };
    },
  );

  app.post(
    '/api/api-clients/:id/revoke',
    {
      config: { access: access.permission('api_clients.manage') },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API client and its tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.revokeApiClient(request.params.id, actorOf(request));
      return reply.status(204).send(null);
    },
  );
};
