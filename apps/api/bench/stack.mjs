// The bench's own stack: a throw-away PostgreSQL (fsync off, pg_stat_statements loaded), the
// WeChat simulator and the built API, all on loopback ports from BENCH_PORT (default 4500).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { startEmbeddedPostgres } = require('../dist/database/embedded.js');
const pg = require('pg');

export const ADMIN_PASSWORD = 'bench-admin-password';
export const TOKEN_SECRET = 'bench-token-secret-0123456789abcdef0123456789';

/** Spawns a node script; `stop()` sends SIGTERM and waits for the exit. */
export function node(script, env, name, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk) => (tail = (tail + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    pid: child.pid,
    child,
    tail: () => tail,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
    name,
  };
}

export async function waitHealthy(url, what, proc) {
  for (let i = 0; i < 1200; i++) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what} exited: ${proc.tail()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become healthy: ${proc?.tail() ?? ''}`);
}

/** Starts PostgreSQL, the simulator and `replicas` API processes. */
export async function startStack({ basePort = 4500, replicas = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cloudshelf-bench-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const db = await startEmbeddedPostgres({
    dir: join(dir, 'pg'),
    port: basePort + 1,
    database: 'cloudshelf',
    persistent: false,
    extraFlags: [
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'pg_stat_statements.track=all',
      '-c',
      'shared_buffers=256MB',
    ],
  });
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await admin.query('SELECT pg_backend_pid() AS pid');
  const postmaster = Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  // The bench's own reads (order status, counts) go through another role, left out of the SQL counts.
  await admin.query(
    `DO $$ BEGIN CREATE ROLE bench LOGIN PASSWORD 'bench' SUPERUSER; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  );
  await admin.end();
  const benchUrl = db.url.replace(/\/\/[^@]+@/, '//bench:bench@');

  const simPort = basePort + 2;
  const simUrl = `http://127.0.0.1:${simPort}`;
  const sim = node(
    join(here, '../../../packages/wechat-sim/dist/main.js'),
    { WECHAT_SIM_PORT: String(simPort), WECHAT_SIM_DATA_DIR: join(dir, 'data', 'wechat-sim') },
    'wechat-sim',
  );
  await waitHealthy(`${simUrl}/sim/config`, 'the simulator', sim);
  const apis = [];
  for (let i = 0; i < replicas; i++) {
    const port = basePort + 10 + i;
    const proc = node(
      join(here, '../dist/main.js'),
      {
        NODE_ENV: 'development',
        PORT: String(port),
        ROLE: i === 0 ? 'all' : 'api',
        DATA_DIR: join(dir, 'data'),
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '20',
        AUTH_TOKEN_SECRET: TOKEN_SECRET,
        ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
        LOG_LEVEL: 'warn',
        // The load generator is one IP far above any person: measure the API, not the limiter.
        RATE_LIMIT_STORE: 'memory',
        RATE_LIMIT_ANONYMOUS: 'off',
        RATE_LIMIT_LOGIN: 'off',
        RATE_LIMIT_REFRESH: 'off',
        RATE_LIMIT_SHARE_OPEN: 'off',
        JOBS_POLL_SECONDS: '0.5',
        WECHAT_SIM_URL: simUrl,
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      },
      `api-${i}`,
      // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under load
      process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
    );
    apis.push({ proc, port, url: `http://127.0.0.1:${port}/api` });
    // One at a time: the first one migrates and seeds.
    await waitHealthy(`http://127.0.0.1:${port}/api/health`, `API ${i}`, proc);
  }
  const stop = async () => {
    for (const a of apis) await a.proc.stop();
    await sim.stop();
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, dbUrl: db.url, benchUrl, postmaster, sim, simUrl, apis, api: apis[0], stop };
}
