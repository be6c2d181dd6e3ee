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

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  int: ['整数', 'a whole number'],
  boolean: ['是/否', 'true or false'],
  array: ['列表', 'a list'],
  object: ['对象', 'an object'],
};

/**
 * Plain words for the issues people meet most; zod's own locale covers the rest. Messages name the
 * rule, never echo the input.
 */
function ownWords(issue: z.core.$ZodIssue, lang: 'zh-CN' | 'en'): string | null {
  const zh = lang !== 'en';
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type': {
      if (i.input === undefined) return zh ? '必填' : 'Required';
      const t = TYPE_NAMES[String(i.expected)];
      return t ? (zh ? `应为${t[0]}` : `Must be ${t[1]}`) : null;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const n = String(small ? i.minimum : i.maximum);
      switch (i.origin) {
        case 'string':
          return zh
            ? `${small ? '至少' : '最多'} ${n} 个字符`
            : `${small ? 'At least' : 'At most'} ${n} character${n === '1' ? '' : 's'}`;
        case 'array':
          return zh
            ? `${small ? '至少' : '最多'} ${n} 项`
            : `${small ? 'At least' : 'At most'} ${n} item${n === '1' ? '' : 's'}`;
        case 'number':
          return zh ? `${small ? '不能小于' : '不能大于'} ${n}` : `${small ? 'At least' : 'At most'} ${n}`;
        default:
          return null;
      }
    }
    case 'unrecognized_keys':
      return zh ? '不接受此字段' : 'This field is not accepted';
    case 'invalid_value': {
      const values = (i.values as unknown[] | undefined)?.map(String) ?? [];
      if (!values.length) return null;
      return zh ? `取值应为：${values.join('、')}` : `Must be one of: ${values.join(', ')}`;
    }
    case 'invalid_format':
      if (i.format === 'uuid') return zh ? '应为 UUID 编号' : 'Must be a UUID';
      if (i.format === 'datetime') return zh ? '应为 ISO 8601 日期时间' : 'Must be an ISO 8601 date-time';
      if (i.format === 'regex') return zh ? '格式不正确' : 'Wrong format';
      return null;
    default:
      return null;
  }
}

/** Our own schema messages are keys ("od.*"); zod's built-in ones are re-worded per language. */
export function localiseIssue(issue: z.core.$ZodIssue, lang: 'zh-CN' | 'en'): string | null {
  if (issue.message.startsWith('od.')) return null;
  const own = ownWords(issue, lang);
  if (own) return own;
  const render = lang === 'en' ? en : zhCN;
  const out = render(issue as never);
  const msg = typeof out === 'string' ? out : out?.message;
  return msg ?? issue.message;
}
