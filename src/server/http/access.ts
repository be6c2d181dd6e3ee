import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/permissions.ts';
import { AppError } from './errors.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import type { Principal } from '../modules/auth/principal.ts';

/**
 * Every route declares who may call it (ACL-1). `public`: anyone; `signedIn`: any authenticated
 * caller; `permission`: callers whose roles grant it; `anyPermission`: callers
 * granted at least one of several. `pending` routes stay reachable while a
 * password change or second factor is outstanding (sign-out, /me, the change itself).
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn'; pending?: boolean }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'anyPermission'; permissions: Permission[] };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  pending: { kind: 'signedIn', pending: true } as Access,
  permission: (permission: Permission): Access => ({ kind: 'permission', permission }),
  /** Callers holding at least one of these (a page the bureau and the departments both use). */
  anyPermission: (...permissions: Permission[]): Access => ({ kind: 'anyPermission', permissions }),
};

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route with its rule, as the router registered it (for the permission sweep). */
    routeRules: RouteRule[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Refuses to start when a route under /api has no declared rule: nothing slips through unguarded. */
export function requireDeclaredAccess(app: FastifyInstance, publicPrefixes: string[] = []): void {
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.method === 'HEAD') return;
    // Third-party plugin routes (the API reference page) can't declare a rule themselves.
    if (publicPrefixes.some((p) => route.url.startsWith(p))) {
      route.config = { ...(route.config ?? {}), access: access.public } as never;
    }
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (!declared) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    for (const method of [route.method].flat())
      rules.push({ method: String(method), url: route.url, access: declared });
  });
}

export function routeAccess(request: FastifyRequest): Access | undefined {
  return (request.routeOptions.config as { access?: Access } | undefined)?.access;
}

/** The decision, given the resolved principal: throws the error the caller should see. */
export function checkAccess(rule: Access | undefined, principal: Principal | null): void {
  if (!rule) throw new AppError('FORBIDDEN'); // deny by default
  if (rule.kind === 'public') return;
  if (!principal) throw new AppError('UNAUTHENTICATED');
  const pending = rule.kind === 'signedIn' && rule.pending;
  if (!pending) {
    if (!principal.mfaPassed) throw new AppError('MFA_REQUIRED');
    if (principal.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  }
  // Sessions carry their roles' permissions; API clients carry the permissions granted to them.
  if (rule.kind === 'permission' && !principal.permissions.includes(rule.permission)) {
    throw new AppError('FORBIDDEN');
  }
  if (rule.kind === 'anyPermission' && !rule.permissions.some((p) => principal.permissions.includes(p))) {
    throw new AppError('FORBIDDEN');
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return {
    actorId: p?.userId ?? p?.apiClientId ?? null,
    actor: p?.username ?? 'anonymous',
    role: p ? (p.kind === 'token' ? 'api_client' : p.roles.join(',') || 'none') : 'anonymous',
    ip: request.ip,
    requestId: request.id,
    scope: p ? p.regionCode + (p.departmentId ? `/${p.departmentId}` : '') : null,
  };
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED');
  return request.principal;
}

/**
 * Who a public route serves: a session still owing its second factor or a password change is
 * treated as anonymous there, exactly as the protected routes refuse it (AUTH-2, AUTH-5).
 */
export function viewerOf(request: FastifyRequest): Principal | null {
  const p = request.principal;
  return p && p.mfaPassed && !p.mustChangePassword ? p : null;
}
