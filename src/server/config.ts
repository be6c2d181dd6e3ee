import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Configuration from the environment, validated once at start; every problem is listed at once. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `demo` relaxes second-factor enforcement for admins; `production` enforces every control. */
  SECURITY_PROFILE: z.enum(['demo', 'production']).default('demo'),
  PASSWORD_PROFILE: z.enum(['dengbao-l3', 'asvs']).default('dengbao-l3'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_PASSWORD: z.string().min(8).default('Demo@2026'),
  /** 32+ bytes, hex or base64; generated into DATA_DIR/secrets.json when absent outside production. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** HMAC-SM3 key of the audit chain: kept outside the database (AUD-3). */
  AUDIT_KEY: z.string().min(32).optional(),
  /** SM4 key (32 hex chars) and MAC key for fields encrypted at rest (DAT-2). */
  FIELD_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hexadecimal characters (128 bits)')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(3).max(10).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(15).max(30).default(15),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(180, 'audit records must stay online at least 180 days (等保 AUD-4)')
    .default(365),
  /** Accounts with no sign-in for this many days are disabled (ACL-4); 0 turns it off. */
  DORMANT_ACCOUNT_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** A live system with no recorded use for this many days is flagged as a zombie (僵尸系统). */
  ZOMBIE_DAYS: z.coerce.number().int().min(7).max(3650).default(90),
  /** The address people and harvesters reach the platform at (IRIs in the DCAT-AP export, CKAN links). */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  API_TOKEN_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** A case clock warns when this share of its limit is used (0.8 = at 80%). */
  CASE_WARN_SHARE: z.coerce.number().gt(0).lt(1).default(0.8),
  /** Working days a department has to rectify a flagged case (overdue, abnormal). */
  RECTIFY_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Working days a department has to rectify after a poor evaluation (差评). */
  POOR_EVALUATION_RECTIFY_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** The provincial case library (省办件库) the case events are pushed to and reconciled with. */
  PROVINCE_URL: z
    .url({ protocol: /^https?$/ })
    // Credentials go in PROVINCE_TOKEN: a user and password in the address would leak into errors.
    .refine((u) => !new URL(u).username && !new URL(u).password, 'no user or password in the URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** The bearer token the provincial library expects (a secret: never logged). */
  PROVINCE_TOKEN: z.string().min(16).optional(),
  /**
   * The hosts chat robots may be posted to (comma-separated): the platform posts nowhere else, so a
   * robot address cannot point it at the internal network.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('oapi.dingtalk.com,qyapi.weixin.qq.com')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * Whose X-Forwarded-For to believe: `false`, `true` (any hop: only when nothing but the proxy can
   * reach the server), the number of proxies in front, or their addresses and CIDR ranges
   * (comma-separated) — a client cannot then choose the address its rate limit is counted on.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine(
      (v) => /^(true|false|\d{1,2})$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())),
      'true, false, a number of proxies, or comma-separated proxy addresses or CIDR ranges',
    )
    .transform((v): boolean | number | string[] =>
      v === 'true'
        ? true
        : v === 'false'
          ? false
          : /^\d+$/.test(v)
            ? Number(v)
            : v.split(',').map((a) => a.trim()),
    ),
  SEED_DEMO: z
    .enum(['auto', 'true', 'false'])
    .default('auto')
    .describe('auto: seed the demo district into an empty database at start'),
  /** Sign-in and token requests per client address per minute (0 disables, for benchmarks only). */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
});

/** An IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`). */
function isProxyAddress(a: string): boolean {
  const [ip, bits, extra] = a.split('/');
  const v = isIP(ip ?? '');
  if (!v || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128));
}

export type Env = z.infer<typeof envSchema>;

export interface Secrets {
  sessionSecret: Buffer;
  auditKey: Buffer;
  fieldEncKey: Buffer;
  fieldMacKey: Buffer;
}

export interface Config extends Env {
  secrets: Secrets;
  production: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function keyBytes(value: string): Buffer {
  return /^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0
    ? Buffer.from(value, 'hex')
    : Buffer.from(value, 'base64');
}

/**
 * Development and demo installs get their keys generated once into DATA_DIR/secrets.json, so that
 * `npm start` needs no setup; production must supply them (the database alone can't rebuild them).
 */
function loadOrCreateLocalSecrets(dataDir: string): Record<string, string> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('hex'),
    AUDIT_KEY: randomBytes(32).toString('hex'),
    FIELD_KEY: randomBytes(16).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production' || e.SECURITY_PROFILE === 'production';
  const problems: string[] = [];
  let local: Record<string, string> = {};
  if (production) {
    for (const k of ['SESSION_SECRET', 'AUDIT_KEY', 'FIELD_KEY'] as const) {
      if (!e[k]) problems.push(`${k}: required in production (keep it outside the database)`);
    }
    if (e.DORMANT_ACCOUNT_DAYS < 1 || e.DORMANT_ACCOUNT_DAYS > 90) {
      problems.push('DORMANT_ACCOUNT_DAYS: production disables accounts idle at most 90 days (1-90)');
    }
    // DAT-1: every hop encrypted in production, the database included.
    if (e.DATABASE_URL && !/[?&]sslmode=(require|verify-ca|verify-full)/.test(e.DATABASE_URL)) {
      problems.push('DATABASE_URL: production needs TLS to the database (add ?sslmode=verify-full)');
    }
    // The exchange records carry applicants' names and the token: never in clear.
    if (e.PROVINCE_URL && !e.PROVINCE_URL.startsWith('https://')) {
      problems.push('PROVINCE_URL: production reaches the provincial library over https only');
    }
  } else if (!e.SESSION_SECRET || !e.AUDIT_KEY || !e.FIELD_KEY) {
    local = loadOrCreateLocalSecrets(e.DATA_DIR);
  }
  if (problems.length) throw new ConfigError(problems);
  const fieldKey = keyBytes((e.FIELD_KEY ?? local.FIELD_KEY)!);
  const auditKey = keyBytes((e.AUDIT_KEY ?? local.AUDIT_KEY)!);
  return {
    ...e,
    production,
    secrets: {
      sessionSecret: keyBytes((e.SESSION_SECRET ?? local.SESSION_SECRET)!),
      auditKey,
      fieldEncKey: fieldKey,
      // A separate MAC key derived from the audit key's domain would couple them; derive from the field key.
      fieldMacKey: Buffer.concat([fieldKey, Buffer.from('od-field-mac')]),
    },
  };
}
