import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';
import { errorFromResponse, type ApiError } from './errors.ts';
import { apiLanguage } from '../i18n/language.ts';

/**
 * The one API client. Types come from `schema.d.ts`, generated from the server's OpenAPI document
 * (`npm run gen:api`). The session travels in an HttpOnly cookie; the CSRF token is kept in memory only.
 */

export type ApiEvent =
  /** No valid session (401), or a sign-in step still outstanding (MFA_REQUIRED, PASSWORD_CHANGE_REQUIRED). */
  | { type: 'unauthorized'; code: string }
  /** The session may not do this (403). */
  | { type: 'forbidden'; error: ApiError };

const listeners = new Set<(event: ApiEvent) => void>();

/** The app shell subscribes to route 401s to the sign-in page and 403s to the 403 page. */
export function subscribeApiEvents(listener: (event: ApiEvent) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function emit(event: ApiEvent): void {
  for (const listener of listeners) listener(event);
}

let csrfToken: string | null = null;
let pendingToken: Promise<string | null> | null = null;

/** Called whenever GET /api/me answers; cleared at sign-in, sign-out and on 401. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  pendingToken ??= fetch('/api/me', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Accept-Language': apiLanguage() },
  })
    .then(async (r) => (r.ok ? ((await r.json()) as { csrfToken?: string }) : null))
    .then((body) => {
      csrfToken = body?.csrfToken ?? null;
      return csrfToken;
    })
    .catch(() => null)
    .finally(() => {
      pendingToken = null;
    });
  return pendingToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function pathOf(url: string): string {
  return new URL(url, window.location.origin).pathname;
}

/** Sign-in steps and /api/me answer 401/403 as part of their normal flow; the guards handle those. */
function isAuthFlowPath(path: string): boolean {
  return path.startsWith('/api/auth/') || path === '/api/me';
}

/** Headers every API call carries (also used for downloads). */
export function commonHeaders(): Record<string, string> {
  return { 'Accept-Language': apiLanguage() };
}

/** Copies of state-changing requests, kept until answered, so that one refused for a stale CSRF token can be retried. */
const retryable = new WeakMap<Request, Request>();

const middleware: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', apiLanguage());
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
    if (!SAFE_METHODS.has(request.method)) {
      const path = pathOf(request.url);
      // Before sign-in there is no session and hence no token to fetch.
      const token = path === '/api/auth/login' ? csrfToken : await ensureCsrfToken();
      if (token) request.headers.set('x-csrf-token', token);
      retryable.set(request, request.clone());
    }
    return request;
  },
  async onResponse({ request, response }) {
    const path = pathOf(request.url);
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && path.startsWith('/api/auth/')) {
      // Sign-in steps, sign-out and password changes rotate the session, and with it the token.
      setCsrfToken(null);
    }
    if (response.status === 401) {
      setCsrfToken(null);
      if (!isAuthFlowPath(path))
        emit({ type: 'unauthorized', code: (await errorFromResponse(response)).code });
      return response;
    }
    if (response.status !== 403) return response;

    const error = await errorFromResponse(response);
    if (error.code === 'CSRF_FAILED' && unsafe) {
      // The token belonged to an earlier session: fetch the current one and try once more.
      setCsrfToken(null);
      const copy = retryable.get(request);
      const token = await ensureCsrfToken();
      if (copy && token) {
        copy.headers.set('x-csrf-token', token);
        return fetch(copy);
      }
    }
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
      if (!isAuthFlowPath(path)) emit({ type: 'unauthorized', code: error.code });
      return response;
    }
    if (!isAuthFlowPath(path)) emit({ type: 'forbidden', error });
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(middleware);

/** Drops empty filter values so that URLs stay short and the server sees only what the user chose. */
export function compact<T extends Record<string, unknown>>(query: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(query) as [keyof T, T[keyof T]][]) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}
