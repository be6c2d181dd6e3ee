import type { FastifyServerOptions } from 'fastify';

/** Structured logs with secrets and personal data redacted (AUTH-6, SECURITY.md). */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.client_secret',
  '*.clientSecret',
  '*.secret',
  '*.token',
  '*.idNumber',
  '*.phone',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // The URL without its query string: filters may carry names or numbers.
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        ip: req.ip,
        id: req.id,
      }),
    },
  };
}
