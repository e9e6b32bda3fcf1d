import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';

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
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
});

export type Env = z.infer<typeof envSchema>;

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
  publicBaseUrl: string;
  jobsPollSeconds: number;
}

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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    role: e.ROLE,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.DATA_DIR ?? path.join(repoRoot(), '.data')),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    jobsPollSeconds: e.JOBS_POLL_SECONDS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
