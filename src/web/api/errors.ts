import type { ApiErrorBody } from './types.ts';

/** An error answered by the API (or a network failure, status 0), with the server's localised message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: { path: string; message: string }[];
  readonly requestId: string | undefined;

  constructor(status: number, body: Partial<ApiErrorBody> | undefined, fallbackMessage: string) {
    super(body?.message || fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK_ERROR' : `HTTP_${status}`);
    this.fields = Array.isArray(body?.fields) ? body.fields : [];
    this.requestId = body?.requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function asErrorBody(value: unknown): Partial<ApiErrorBody> | undefined {
  if (value && typeof value === 'object') return value as Partial<ApiErrorBody>;
  return undefined;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Turns an openapi-fetch result into its data, or throws an ApiError.
 * `T` is inferred from the generated schema; pass it explicitly only where the schema is silent.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  const { data, error, response } = result;
  if (!response.ok) {
    throw new ApiError(response.status, asErrorBody(error), response.statusText || `HTTP ${response.status}`);
  }
  return data as T;
}

/** Parses an error body from a raw Response (used for downloads and middleware). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | undefined;
  try {
    body = asErrorBody(await response.clone().json());
  } catch {
    body = undefined;
  }
  return new ApiError(response.status, body, response.statusText || `HTTP ${response.status}`);
}
