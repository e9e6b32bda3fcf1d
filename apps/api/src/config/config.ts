import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { WechatConfig } from '../wechat/wechat.config';

/** Walks up from this file to the workspace root (the folder holding pnpm-workspace.yaml). */
export function repoRoot(): string {
  let dir = __dirname;
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

const port = z.coerce.number().int().min(0).max(65535);
const rateLimit = (fallback: string) =>
  z
    .string()
    .regex(/^(off|\d{1,7}\/\d{1,6})$/, 'must be `max/seconds` (like 10/60) or `off`')
    .default(fallback)
    .transform((v): RateLimitRule | null => {
      if (v === 'off') return null;
      const [max, seconds] = v.split('/').map(Number);
      return { max, windowMs: seconds * 1000 };
    });
const pem = z.string().includes('-----BEGIN', { message: 'must be a PEM text (or use the _FILE variant)' });

/**
 * Every environment variable the API reads. This file is the only reader of
 * process.env; everything else receives an AppConfig.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: port.default(54329),
  /** Run as root with DATA_DIR (or the repository) in a private folder: where PostgreSQL's data and binaries go instead. */
  EMBEDDED_PG_SHARED_DIR: z.string().min(1).default('/var/lib/cloudshelf'),
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (per-IP rate limits,
   * logs): `true` (any: the API sits behind a load balancer only it can reach), `false`
   * (none: the API faces clients directly), a hop count, or a comma-separated list of
   * addresses/CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/,
      'true, false, a hop count or addresses/CIDRs',
    )
    .default('true')
    .transform((v): boolean | number | string[] =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(/,\s*/),
    ),
  /** Built web admin served at /admin/ and built H5 mini-program at /h5/ (skipped when missing). */
  WEB_ADMIN_DIR: z.string().min(1).optional(),
  WEB_H5_DIR: z.string().min(1).optional(),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  JOBS_EXPIRE_SECONDS: z.coerce.number().int().min(2).max(3600).default(900),
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** 32 bytes, base64: encrypts members' phone numbers at rest and keys their lookup hash. */
  MEMBER_DATA_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v.trim(), 'base64').length === 32,
      'must be 32 bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  /** Encrypts personal data at rest (earners' real names): 32+ characters. */
  PII_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  USER_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86400)
    .default(7200),
  ADMIN_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .default(8 * 3600),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(180 * 86400)
    .default(30 * 86400),
  ADMIN_INITIAL_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  ADMIN_MAX_FAILED_LOGINS: z.coerce.number().int().min(1).max(100).default(5),
  ADMIN_LOCKOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86400)
    .default(15 * 60),
  /** An export above this many rows is refused with EXPORT_TOO_LARGE (never cut silently). */
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  /**
   * Where rate-limit counters live: `memory` (one process) or `postgres` (shared by every
   * replica). Default: postgres when DATABASE_URL is set (a deployment that may run replicas),
   * memory with the embedded database.
   */
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).optional(),
  /** Limits as `max/seconds`, e.g. `10/60`; `off` disables a limit. */
  RATE_LIMIT_LOGIN: rateLimit('10/60'),
  RATE_LIMIT_REFRESH: rateLimit('30/60'),
  RATE_LIMIT_UPLOAD: rateLimit('30/60'),
  RATE_LIMIT_SHARE_OPEN: rateLimit('60/60'),
  RATE_LIMIT_EVENTS: rateLimit('30/60'),
  RATE_LIMIT_ANONYMOUS: rateLimit('300/60'),
  WECHAT_API_BASE: z.url().optional(),
  WECHATPAY_API_BASE: z.url().optional(),
  WECHAT_SIM_URL: z.url().default('http://127.0.0.1:3100'),
  WECHAT_APP_ID: z
    .string()
    .regex(/^wx[0-9a-f]{16}$/, 'must look like wx + 16 hex characters')
    .optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  WECHATPAY_MCH_ID: z
    .string()
    .regex(/^\d{8,12}$/, 'must be the numeric merchant id')
    .optional(),
  WECHATPAY_MERCHANT_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the hex certificate serial')
    .optional(),
  WECHATPAY_MERCHANT_PRIVATE_KEY: pem.optional(),
  WECHATPAY_MERCHANT_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  WECHATPAY_API_V3_KEY: z.string().length(32, 'must be exactly 32 characters').optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY: pem.optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY_ID: z.string().startsWith('PUB_KEY_ID_').optional(),
  WECHATPAY_PLATFORM_CERTIFICATES: z.string().optional(),
  /** Subscribe-message template ids, JSON {orderPaid, orderShipped, pickupReady, refundDone, commissionArrived}. */
  WECHAT_SUBSCRIBE_TEMPLATES: z
    .string()
    .optional()
    .transform((v, c): Partial<Record<SubscribeKind, string>> | undefined => {
      if (v === undefined) return undefined;
      try {
        const parsed = JSON.parse(v) as Record<string, unknown>;
        const bad = Object.entries(parsed).filter(
          ([k, id]) => !SUBSCRIBE_KINDS.includes(k as SubscribeKind) || typeof id !== 'string' || !id,
        );
        if (bad.length === 0) return parsed as Partial<Record<SubscribeKind, string>>;
      } catch {
        // reported below
      }
      c.addIssue({ code: 'custom', message: `must be JSON {${SUBSCRIBE_KINDS.join(', ')}} of template ids` });
      return z.NEVER;
    }),
});

/** The subscribe messages CloudShelf sends (each a template chosen in the mini-program console). */
export const SUBSCRIBE_KINDS = [
  'orderPaid',
  'orderShipped',
  'pickupReady',
  'refundDone',
  'commissionArrived',
] as const;
export type SubscribeKind = (typeof SUBSCRIBE_KINDS)[number];

export type Env = z.infer<typeof envSchema>;

/** Every variable the API understands (the compose file is checked against it). */
export const ENV_KEYS: readonly string[] = Object.keys(envSchema.shape);

export interface AppConfig {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  role: Env['ROLE'];
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  /** Undefined until the database is resolved: then either DATABASE_URL or the embedded server's URL. */
  databaseUrl?: string;
  databasePoolSize: number;
  embeddedPgPort: number;
  embeddedPgSharedDir: string;
  publicBaseUrl: string;
  trustProxy: boolean | number | string[];
  /** Folders of the built front ends the API serves (each only when it exists). */
  webApps: { admin: string; h5: string };
  jobsPollSeconds: number;
  /**
   * The longest a job may stay active before it counts as lost (its worker died) and is
   * retried; caps every job's own limit. Lost jobs are looked for every third of it (≤ 2 min).
   */
  jobsExpireSeconds: number;
  wechat: WechatSettings;
  auth: AuthSettings;
  exportMaxRows: number;
  rateLimits: RateLimitSettings;
  /**
   * MEMBER_DATA_KEY (base64 of 32 bytes), or (outside production) a development key made
   * once and kept in this file. Encrypts member phone numbers; see common/crypto.
   */
  memberDataKey: string | { file: string };
  /** Template id per subscribe message; a kind without one is not sent. The simulator accepts any id. */
  subscribeTemplates: Partial<Record<SubscribeKind, string>>;
}

export interface RateLimitRule {
  max: number;
  windowMs: number;
}

/** Per-IP and per-user request limits (null: off); see common/rate-limit.ts. */
export interface RateLimitSettings {
  store: 'memory' | 'postgres';
  /** Login routes (admin password login, WeChat login): per IP. */
  login: RateLimitRule | null;
  /** Token refresh: per IP. */
  refresh: RateLimitRule | null;
  /** Uploads (buyer photos, admin images): per user. */
  upload: RateLimitRule | null;
  /** Opening a share link: per user. */
  shareOpen: RateLimitRule | null;
  /** Analytics event batches from the mini-program: per user. */
  events: RateLimitRule | null;
  /** Every route that needs no token: per IP. */
  anonymous: RateLimitRule | null;
}

export interface AuthSettings {
  /** AUTH_TOKEN_SECRET, or (outside production) a random secret kept in this file. */
  tokenSecret: string | { file: string };
  /** PII_ENCRYPTION_KEY, or (outside production) a random key kept in this file. */
  piiKey: string | { file: string };
  userTokenTtlSeconds: number;
  adminTokenTtlSeconds: number;
  /** Lifetime of a refresh token; each refresh rotates it. */
  refreshTokenTtlSeconds: number;
  /** Password of the `admin` account made on first start; generated and printed once when unset. */
  adminInitialPassword?: string;
  adminMaxFailedLogins: number;
  adminLockoutSeconds: number;
}

/**
 * Real WeChat when WECHAT_APP_ID is set (every credential then required), else the
 * local simulator with development keys generated on first start into `credentialsDir`.
 */
export type WechatSettings =
  | { mode: 'configured'; config: WechatConfig }
  | { mode: 'simulator'; apiBase: string; payApiBase: string; credentialsDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the whole environment at once and lists every problem, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(input);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...missingSecrets(input),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR ?? path.join(repoRoot(), '.data'));
  const wechat = wechatSettings(e, dataDir);
  if (wechat instanceof ConfigError) throw wechat;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    embeddedPgSharedDir: path.resolve(e.EMBEDDED_PG_SHARED_DIR),
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    webApps: {
      admin: path.resolve(e.WEB_ADMIN_DIR ?? path.join(repoRoot(), 'apps/admin/dist')),
      h5: path.resolve(e.WEB_H5_DIR ?? path.join(repoRoot(), 'apps/miniprogram/dist/h5')),
    },
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
    jobsExpireSeconds: e.JOBS_EXPIRE_SECONDS,
    exportMaxRows: e.EXPORT_MAX_ROWS,
    rateLimits: {
      store: e.RATE_LIMIT_STORE ?? (e.DATABASE_URL ? 'postgres' : 'memory'),
      login: e.RATE_LIMIT_LOGIN,
      refresh: e.RATE_LIMIT_REFRESH,
      upload: e.RATE_LIMIT_UPLOAD,
      shareOpen: e.RATE_LIMIT_SHARE_OPEN,
      events: e.RATE_LIMIT_EVENTS,
      anonymous: e.RATE_LIMIT_ANONYMOUS,
    },
    wechat,
    memberDataKey: e.MEMBER_DATA_KEY ?? { file: path.join(dataDir, 'member-data-key') },
    subscribeTemplates:
      e.WECHAT_SUBSCRIBE_TEMPLATES ??
      (wechat.mode === 'simulator'
        ? Object.fromEntries(SUBSCRIBE_KINDS.map((k) => [k, `SIM_TPL_${k.toUpperCase()}`]))
        : {}),
    auth: {
      tokenSecret: e.AUTH_TOKEN_SECRET ?? { file: path.join(dataDir, 'auth-token-secret') },
      piiKey: e.PII_ENCRYPTION_KEY ?? { file: path.join(dataDir, 'pii-encryption-key') },
      userTokenTtlSeconds: e.USER_TOKEN_TTL_SECONDS,
      adminTokenTtlSeconds: e.ADMIN_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      adminInitialPassword: e.ADMIN_INITIAL_PASSWORD,
      adminMaxFailedLogins: e.ADMIN_MAX_FAILED_LOGINS,
      adminLockoutSeconds: e.ADMIN_LOCKOUT_SECONDS,
    },
  };
}

/** Secrets production cannot run without; with WECHAT_APP_ID set every WeChat credential. */
function missingSecrets(input: Record<string, string | undefined>): string[] {
  const production = input.NODE_ENV === 'production';
  const secret = [
    ...(production && !input.AUTH_TOKEN_SECRET ? ['AUTH_TOKEN_SECRET: required in production'] : []),
    ...(production && !input.MEMBER_DATA_KEY
      ? ['MEMBER_DATA_KEY: required in production (32 bytes in base64; it encrypts member phone numbers)']
      : []),
    ...(production && !input.PII_ENCRYPTION_KEY ? ['PII_ENCRYPTION_KEY: required in production'] : []),
  ];
  if (!input.WECHAT_APP_ID) {
    return production
      ? [...secret, 'WECHAT_APP_ID: required in production (without it CloudShelf talks to the simulator)']
      : secret;
  }
  const has = (name: string) => Boolean(input[name] || input[`${name}_FILE`]);
  const problems = [
    'WECHAT_APP_SECRET',
    'WECHATPAY_MCH_ID',
    'WECHATPAY_MERCHANT_SERIAL',
    'WECHATPAY_MERCHANT_PRIVATE_KEY',
    'WECHATPAY_API_V3_KEY',
  ]
    .filter((name) => !has(name))
    .map((name) => `${name}: required when WECHAT_APP_ID is set`);
  if (!has('WECHATPAY_PLATFORM_PUBLIC_KEY') && !input.WECHATPAY_PLATFORM_CERTIFICATES) {
    problems.push(
      'WECHATPAY_PLATFORM_PUBLIC_KEY: required (or WECHATPAY_PLATFORM_CERTIFICATES) when WECHAT_APP_ID is set',
    );
  }
  if (has('WECHATPAY_PLATFORM_PUBLIC_KEY') && !input.WECHATPAY_PLATFORM_PUBLIC_KEY_ID) {
    problems.push('WECHATPAY_PLATFORM_PUBLIC_KEY_ID: required with WECHATPAY_PLATFORM_PUBLIC_KEY');
  }
  return [...secret, ...problems];
}

function readPem(problems: string[], name: string, inline?: string, file?: string): string {
  if (inline) return inline;
  if (!file) return '';
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    problems.push(`${name}_FILE: cannot read ${file}`);
    return '';
  }
}

function wechatSettings(e: Env, dataDir: string): WechatSettings | ConfigError {
  if (!e.WECHAT_APP_ID) {
    return {
      mode: 'simulator',
      apiBase: (e.WECHAT_API_BASE ?? e.WECHAT_SIM_URL).replace(/\/$/, ''),
      payApiBase: (e.WECHATPAY_API_BASE ?? e.WECHAT_SIM_URL).replace(/\/$/, ''),
      credentialsDir: path.join(dataDir, 'wechat-sim'),
    };
  }
  const problems: string[] = [];
  const merchantPrivateKeyPem = readPem(
    problems,
    'WECHATPAY_MERCHANT_PRIVATE_KEY',
    e.WECHATPAY_MERCHANT_PRIVATE_KEY,
    e.WECHATPAY_MERCHANT_PRIVATE_KEY_FILE,
  );
  const platformPublicKeyPem = readPem(
    problems,
    'WECHATPAY_PLATFORM_PUBLIC_KEY',
    e.WECHATPAY_PLATFORM_PUBLIC_KEY,
    e.WECHATPAY_PLATFORM_PUBLIC_KEY_FILE,
  );
  let platformCertificates: Record<string, string> | undefined;
  if (e.WECHATPAY_PLATFORM_CERTIFICATES) {
    try {
      platformCertificates = JSON.parse(e.WECHATPAY_PLATFORM_CERTIFICATES) as Record<string, string>;
    } catch {
      problems.push('WECHATPAY_PLATFORM_CERTIFICATES: must be JSON {"serial": "PEM"}');
    }
  }
  if (problems.length) return new ConfigError(problems);
  return {
    mode: 'configured',
    config: {
      apiBase: (e.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
      payApiBase: (e.WECHATPAY_API_BASE ?? 'https://api.mch.weixin.qq.com').replace(/\/$/, ''),
      appId: e.WECHAT_APP_ID,
      appSecret: e.WECHAT_APP_SECRET!,
      mchId: e.WECHATPAY_MCH_ID!,
      merchantSerial: e.WECHATPAY_MERCHANT_SERIAL!.toUpperCase(),
      merchantPrivateKeyPem,
      apiV3Key: e.WECHATPAY_API_V3_KEY!,
      platformPublicKeyPem,
      platformPublicKeyId: e.WECHATPAY_PLATFORM_PUBLIC_KEY_ID ?? '',
      platformCertificates,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
