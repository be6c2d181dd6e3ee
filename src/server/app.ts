import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { access, checkAccess, requireDeclaredAccess, routeAccess } from './http/access.ts';
import { AppError } from './http/errors.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { validatorCompiler } from './http/validation.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes, SESSION_COOKIE } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { catalogRoutes } from './modules/catalog/catalog.routes.ts';
import { ckanRoutes } from './modules/catalog/ckan.routes.ts';
import { dcatRoutes } from './modules/catalog/dcat.routes.ts';
import { searchRoutes } from './modules/catalog/search.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { caseImportRoutes } from './modules/cases/cases.import.routes.ts';
import { evaluationRoutes } from './modules/cases/evaluations.routes.ts';
import { supervisionRoutes } from './modules/cases/supervision.routes.ts';
import { provincialRoutes } from './modules/cases/provincial.routes.ts';
import { censusRoutes } from './modules/census/census.routes.ts';
import { mattersRoutes } from './modules/matters/matters.routes.ts';
import { postgresRateLimitStore } from './http/rate-limit-store.ts';
import { notifyRoutes } from './modules/notify/notify.routes.ts';
import { webhooksRoutes } from './modules/notify/webhooks.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { registryRoutes } from './modules/registry/registry.routes.ts';
import { systemRoutes, VERSION } from './modules/system/system.routes.ts';
import type { Services } from './services.ts';
import { constantTimeEqual } from './crypto/index.ts';
import { loggerOptions } from './logger.ts';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** ckanext-dcat's paths: /catalog.jsonld, /catalog.ttl, /dataset/{id}.jsonld. */
export function isCatalogExport(url: string): boolean {
  return /^\/(catalog\.(jsonld|ttl)|dataset\/[^/?]+\.(jsonld|ttl))(\?|$)/.test(url);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'";

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'] | false;
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(services: Services, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config.LOG_LEVEL),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY as FastifyServerOptions['trustProxy'],
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    return503OnClosing: true,
    // Each request is logged at debug (see the onResponse hook); errors and slow requests at warn.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('services', services);
  app.decorateRequest('principal', null);
  registerErrorHandler(app, config.BODY_LIMIT_BYTES);
  requireDeclaredAccess(app, ['/api/docs']);

  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    // Counted in PostgreSQL, so that every process behind a load balancer shares one budget.
    store: postgresRateLimitStore(services.database.db),
    errorResponseBuilder: (_req, context) =>
      new AppError('RATE_LIMITED', { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    // The API reference page starts itself with an inline script; only that page may run one.
    if (request.url.startsWith('/api/docs')) reply.header('content-security-policy', DOCS_CSP);
    // Shutting down: a request that was in flight when close began ends its keep-alive connection,
    // or the idle connection would hold the close open until the client's keep-alive timeout.
    if (!app.server.listening) reply.header('connection', 'close');
  });

  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    const entry = { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms };
    if (reply.statusCode >= 500 || ms > 2000) request.log.warn(entry, 'request');
    else request.log.debug(entry, 'request');
  });

  // Who is calling: session cookie or bearer token; then the route's rule, before any body is read.
  app.addHook('onRequest', async (request) => {
    // The DCAT-AP export lives outside /api (where harvesters look for it) but signed-in callers see more.
    if (!request.url.startsWith('/api') && !isCatalogExport(request.url)) return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+([A-Za-z0-9_-]{20,})$/)?.[1];
    const cookieToken = request.cookies[SESSION_COOKIE];
    if (bearer) {
      request.principal = await services.auth.resolveToken(bearer);
      if (!request.principal) throw new AppError('UNAUTHENTICATED');
    } else if (cookieToken) {
      request.principal = await services.auth.resolveSession(cookieToken);
    }
    const rule = routeAccess(request);
    if (!rule) {
      // Unknown /api paths fall through to the 404 handler.
      if (request.is404) return;
    }
    if (
      rule &&
      rule.kind !== 'public' &&
      request.principal?.kind === 'session' &&
      !SAFE_METHODS.has(request.method)
    ) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sent, request.principal.csrfToken ?? ''))
        throw new AppError('CSRF_FAILED');
    }
    try {
      checkAccess(rule, request.principal);
    } catch (err) {
      if (
        err instanceof AppError &&
        (err.code === 'FORBIDDEN' || err.code === 'MFA_REQUIRED') &&
        request.principal
      ) {
        await services.audit.record(
          {
            actorId: request.principal.userId ?? request.principal.apiClientId ?? null,
            actor: request.principal.username,
            role: request.principal.roles.join(',') || request.principal.kind,
            ip: request.ip,
            requestId: request.id,
          },
          {
            action: 'access.denied',
            target: `${request.method} ${request.routeOptions.url ?? request.url}`,
            result: 'denied',
          },
        );
      }
      throw err;
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenDistrict API',
        version: VERSION,
        description:
          'Digital-government platform for a district, its streets and communities. Errors: {code, message, fields, requestId}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(notifyRoutes);
  await app.register(webhooksRoutes);
  await app.register(registryRoutes);
  await app.register(catalogRoutes);
  await app.register(searchRoutes);
  await app.register(censusRoutes);
  await app.register(ckanRoutes);
  await app.register(dcatRoutes);
  await app.register(mattersRoutes);
  await app.register(casesRoutes);
  await app.register(caseImportRoutes);
  await app.register(supervisionRoutes);
  await app.register(evaluationRoutes);
  await app.register(provincialRoutes);

  app.get('/api/openapi.json', { config: { access: access.public }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(apiReference, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json', title: 'OpenDistrict API' },
  });

  const indexHtml = path.join(webRoot, 'index.html');
  if (opts.serveWeb !== false && existsSync(indexHtml)) {
    const html = readFileSync(indexHtml);
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Vite puts content-hashed files under /assets: they never change, so cache them for good.
      setHeaders: (reply, file) => {
        reply.header(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=3600',
        );
      },
    });
    // The single-page app answers every non-API GET with its shell; the client router takes over.
    app.get('/', { config: { access: access.public }, schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html').header('cache-control', 'no-cache').send(html),
    );
    app.get('/*', { config: { access: access.public }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) throw new AppError('ROUTE_NOT_FOUND');
      const file = path.join(webRoot, decodeURIComponent(request.url.split('?')[0]!));
      if (file.startsWith(webRoot + path.sep) && existsSync(file) && !file.endsWith(path.sep)) {
        return reply.sendFile(path.relative(webRoot, file));
      }
      // A missing file (favicon.ico, a stale asset) is a 404, not the app shell.
      if (/\.[a-z0-9]{2,5}$/i.test(request.url.split('?')[0]!))
        return reply.status(404).type('text/plain').send('Not found');
      return reply.type('text/html').header('cache-control', 'no-cache').send(html);
    });
  }
  return app;
}
