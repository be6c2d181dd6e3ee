import type { z } from 'zod';
import type { MessageKey } from './messages.ts';

export interface FieldProblem {
  path: string;
  /** A message key ("od.*") or a ready message; the error handler localises keys. */
  message: MessageKey | string;
  params?: Record<string, unknown>;
}

/** One problem of an import: where (sheet, Excel row number, column header) and why. */
export interface ImportProblem {
  sheet: string;
  sheetEn?: string;
  row: number;
  column: string | null;
  columnEn?: string | null;
  /** An 'od.*' message key or ready text; the error handler words it in the caller's language. */
  message: string;
  params?: Record<string, unknown>;
  /** A zod issue, worded like the API's own validation errors. */
  issue?: z.core.$ZodIssue;
}

const statusByCode: Partial<Record<MessageKey, number>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 401,
  MFA_REQUIRED: 401,
  MFA_INVALID: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_POLICY: 400,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  RATE_LIMITED: 429,
  CASE_QUERY_LOCKED: 429,
  DATABASE_UNAVAILABLE: 503,
  CALENDAR_YEAR_MISSING: 422,
  IMPORT_REJECTED: 422,
  CENSUS_ITEMS_PENDING: 409,
  SEPARATION_OF_DUTIES: 400,
  INTERNAL: 500,
};

/** The one error type of the application: a stable code, parameters for the message, and field problems. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    public readonly code: MessageKey,
    public readonly params: Record<string, unknown> = {},
    public readonly fields: FieldProblem[] = [],
    /** Where an import went wrong (sheet, row, column, reason): every problem, not just the first. */
    public readonly problems: ImportProblem[] = [],
  ) {
    super(code);
  }
  get status(): number {
    return statusByCode[this.code] ?? 400;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const invalid = (fields: FieldProblem[]) => new AppError('VALIDATION_FAILED', {}, fields);
