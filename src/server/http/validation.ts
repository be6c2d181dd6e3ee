import type { FastifySchemaCompiler } from 'fastify';
import { z, type ZodType } from 'zod';

/** Keeps zod's raw issues so the error handler can word them in the caller's language. */
export interface ZodValidationError {
  message: string;
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: { issue: z.core.$ZodIssue };
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue): ZodValidationError => ({
        message: issue.message,
        instancePath: `/${issue.path.join('/')}`,
        schemaPath: '',
        keyword: issue.code,
        params: { issue },
      })) as unknown as Error,
    };
  };

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

/** Our own schema messages are keys ("od.*"); zod's built-in ones are re-worded per language. */
export function localiseIssue(issue: z.core.$ZodIssue, lang: 'zh-CN' | 'en'): string | null {
  if (issue.message.startsWith('od.')) return null;
  const render = lang === 'en' ? en : zhCN;
  const out = render(issue as never);
  const msg = typeof out === 'string' ? out : out?.message;
  return msg ?? issue.message;
}
