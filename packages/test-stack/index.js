'use strict';
// Browser-test harness: the real API and WeChat simulator as separate processes, on free
// ports, with a fresh database (embedded PostgreSQL in a temp folder, or a fresh database on
// DATABASE_URL's server), migrated and seeded as `pnpm start` does. Plain CommonJS so any
// test runner can load it.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const API_MAIN = path.join(repoRoot, 'apps/api/dist/main.js');
const SIM_MAIN = path.join(repoRoot, 'packages/wechat-sim/dist/main.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function adminQuery(url, sql) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function waitFor(url, deadline, alive) {
  let last;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`process exited before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = new Error(`${url} answered ${res.status}`);
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in time: ${last && last.message}`);
}

async function json(url, init) {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => undefined);
  if (!res.ok)
    throw new Error(
      `${init && init.method ? init.method : 'GET'} ${url} → ${res.status} ${JSON.stringify(body)}`,
    );
  return body;
}

async function startStack(opts = {}) {
  for (const f of [API_MAIN, SIM_MAIN]) {
    if (!fs.existsSync(f))
      throw new Error(`${path.relative(repoRoot, f)} is missing: run \`pnpm build\` first`);
  }
  const verbose = opts.verbose || process.env.STACK_VERBOSE === '1';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-stack-'));
  fs.chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as its own user when we are root
  const [apiPort, simPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const simUrl = `http://127.0.0.1:${simPort}`;
  const adminPassword = `Stack-${randomBytes(6).toString('hex')}`;
  let dbName;
  const dbEnv = {};
  if (process.env.DATABASE_URL) {
    dbName = `cloudshelf_stack_${randomBytes(4).toString('hex')}`;
    await adminQuery(withDatabase(process.env.DATABASE_URL, 'postgres'), `CREATE DATABASE ${dbName}`);
    dbEnv.DATABASE_URL = withDatabase(process.env.DATABASE_URL, dbName);
  }
  let log = '';
  const children = [];
  const run = (label, script, env) => {
    const child = spawn(process.execPath, [script], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sink = (chunk) => {
      const text = chunk.toString();
      log += text.replace(/^/gm, `[${label}] `);
      if (log.length > 200_000) log = log.slice(-100_000);
      if (verbose) process.stderr.write(text.replace(/^/gm, `[${label}] `));
    };
    child.stdout.on('data', sink);
    child.stderr.on('data', sink);
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
    if (dbName) {
      await adminQuery(
        withDatabase(process.env.DATABASE_URL, 'postgres'),
        `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`,
      ).catch(() => undefined);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const sim = run('sim', SIM_MAIN, {
      WECHAT_SIM_PORT: String(simPort),
      WECHAT_SIM_DATA_DIR: path.join(dataDir, 'wechat-sim'),
      ...opts.simEnv,
    });
    await waitFor(`${simUrl}/sim/users`, Date.now() + 30_000, () => sim.exitCode === null);
    const api = run('api', API_MAIN, {
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      ROLE: 'all',
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      WECHAT_SIM_URL: simUrl,
      PUBLIC_BASE_URL: apiUrl,
      ADMIN_INITIAL_PASSWORD: adminPassword,
      JOBS_POLL_SECONDS: '0.5',
      ...dbEnv,
      ...opts.apiEnv,
    });
    await waitFor(`${apiUrl}/api/health`, Date.now() + 180_000, () => api.exitCode === null);
    const adminToken = async () => {
      const body = await json(`${apiUrl}/api/admin/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: adminPassword }),
      });
      return body.accessToken;
    };
    const token = await adminToken();
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const stores = await json(`${apiUrl}/api/admin/stores?pageSize=100`, auth);
    let demoScanCode;
    for (const store of stores.items) {
      const codes = await json(`${apiUrl}/api/admin/stores/${store.id}/scan-codes`, auth);
      const list = Array.isArray(codes) ? codes : codes.items;
      const active = list.find((c) => c.status === 'active' || c.active === true || !c.disabledAt);
      if (active) {
        demoScanCode = active.code;
        break;
      }
    }
    if (!demoScanCode) throw new Error('the demo seed has no active scan code');
    return {
      apiUrl,
      simUrl,
      adminUsername: 'admin',
      adminPassword,
      dataDir,
      demoScanCode,
      adminToken,
      output: () => log,
      stop,
    };
  } catch (e) {
    await stop();
    e.message += `\n--- stack output ---\n${log.slice(-8000)}`;
    throw e;
  }
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: apt-get install chromium (CI installs it when missing)`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

function screenshotDir(app) {
  const dir = path.join(repoRoot, 'artifacts', 'screenshots', app);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

module.exports = { startStack, launchBrowser, screenshotDir, freePort, repoRoot };
