import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CalendarYearMissingError } from '../../domain/calendar.ts';
import { DatabaseUnavailableError } from '../db/client.ts';
import { AppError, type FieldProblem, type ImportProblem } from './errors.ts';
import { isMessageKey, pickLang, translate, type Lang } from './messages.ts';
import { localiseIssue, type ZodValidationError } from './validation.ts';
import { MAX_LISTED_PROBLEMS } from './xlsx-import.ts';

export interface ErrorBody {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
  problems?: { sheet: string; row: number; column: string | null; message: string }[];
  problemCount?: number;
  requestId: string;
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

/** A lost database answers 503 and the pool reconnects when it is back. */
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  return (
    err instanceof DatabaseUnavailableError ||
    CONNECTION_CODES.has(e?.code ?? '') ||
    CONNECTION_CODES.has(e?.cause?.code ?? '') ||
    [e?.message, e?.cause?.message].some((m) =>
      /Connection terminated|connection timeout|Client has encountered a connection error|not currently accepting connections|terminating connection/i.test(
        m ?? '',
      ),
    )
  );
}

/**
 * What of an error may be logged: a failed query's parameters can hold personal data or session
 * digests, so only the driver's own message, code and stack are kept.
 */
export function loggable(err: unknown): Record<string, unknown> {
  const e = err as {
    name?: string;
    message?: string;
    code?: string;
    stack?: string;
    cause?: { message?: string; code?: string };
  };
  if (e?.name === 'DrizzleQueryError' && e.cause) {
    return {
      type: e.name,
      message: e.cause.message,
      code: e.cause.code,
      stack: e.stack?.split('\n').slice(2).join('\n'),
    };
  }
  return { type: e?.name, message: e?.message, code: e?.code, stack: e?.stack };
}

function fieldMessage(f: FieldProblem, lang: Lang): string {
  return isMessageKey(f.message) ? translate(f.message, lang, f.params) : f.message;
}

/** An import problem in the caller's language. */
function importProblemBody(p: ImportProblem, lang: Lang) {
  const en = lang === 'en';
  const message =
    p.issue && !isMessageKey(p.issue.message)
      ? (localiseIssue(p.issue, lang) ?? p.issue.message)
      : isMessageKey(p.message)
        ? translate(p.message, lang, p.params)
        : p.message;
  return {
    sheet: (en ? p.sheetEn : undefined) ?? p.sheet,
    row: p.row,
    column: (en ? p.columnEn : undefined) ?? p.column,
    message,
  };
}

export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof CalendarYearMissingError)
    return new AppError('CALENDAR_YEAR_MISSING', { year: err.year });
  if (isDatabaseDown(err)) return new AppError('DATABASE_UNAVAILABLE');
  // Text PostgreSQL cannot store (a NUL character, broken UTF-8) is the caller's error, not ours.
  const pgCode =
    (err as { code?: string; cause?: { code?: string } })?.code ??
    (err as { cause?: { code?: string } })?.cause?.code;
  if (pgCode === '22021' || pgCode === '22P05' || pgCode === '54000') return new AppError('BAD_REQUEST');
  const fe = err as FastifyError;
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) return new AppError('MALFORMED_JSON');
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', { seconds: 60 });
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !fe.validation)
    return new AppError('BAD_REQUEST');
  return null;
}

export function registerErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (err.validation) {
      const where = err.validationContext ?? 'body';
      const fields = (err.validation as unknown as ZodValidationError[]).map((v) => {
        const issue = v.params?.issue;
        const path = [where === 'body' ? '' : where, ...(issue?.path ?? [])]
          .filter((s) => s !== '')
          .join('.');
        const own = issue && issue.message.startsWith('od.') && isMessageKey(issue.message);
        const message = own
          ? translate(issue.message as never, lang)
          : issue
            ? (localiseIssue(issue, lang) ?? issue.message)
            : v.message;
        // Unknown keys are reported one by one, so the client sees which field is not accepted.
        if (issue?.code === 'unrecognized_keys') {
          return issue.keys.map((k) => ({ path: [path, k].filter(Boolean).join('.'), message }));
        }
        return [{ path: path || where, message }];
      });
      const body: ErrorBody = {
        code: 'VALIDATION_FAILED',
        message: translate('VALIDATION_FAILED', lang),
        fields: fields.flat(),
        requestId: request.id,
      };
      return reply.status(400).send(body);
    }
    const appErr = toAppError(err);
    if (!appErr) {
      // Internals go to the log, never to the client (INP-1).
      request.log.error({ err: loggable(err) }, 'unhandled error');
      return reply.status(500).send({
        code: 'INTERNAL',
        message: translate('INTERNAL', lang, { requestId: request.id }),
        requestId: request.id,
      });
    }
    if (appErr.code === 'DATABASE_UNAVAILABLE')
      request.log.warn({ err: loggable(err) }, 'database unavailable');
    const params = appErr.code === 'BODY_TOO_LARGE' ? { limit: bodyLimit } : appErr.params;
    const body: ErrorBody = {
      code: appErr.code,
      message: translate(appErr.code, lang, params),
      ...(appErr.fields.length
        ? { fields: appErr.fields.map((f) => ({ path: f.path, message: fieldMessage(f, lang) })) }
        : {}),
      ...(appErr.problems.length
        ? {
            problems: appErr.problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => importProblemBody(p, lang)),
            problemCount: appErr.problems.length,
          }
        : {}),
      requestId: request.id,
    };
    if (appErr.code === 'RATE_LIMITED') reply.header('retry-after', String(appErr.params.seconds ?? 60));
    return reply.status(appErr.status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    reply
      .status(404)
      .send({ code: 'ROUTE_NOT_FOUND', message: translate('ROUTE_NOT_FOUND', lang), requestId: request.id });
  });
}
