#!/usr/bin/env node
// `pnpm start`: builds what is missing, then runs the WeChat simulator and the API
// (which starts embedded PostgreSQL unless DATABASE_URL is set, migrates and seeds),
// prints the URLs, and stops everything cleanly on Ctrl-C / SIGTERM. Installs nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A newcomer sees the summary below, not every request: LOG_LEVEL=info brings the request log back.
const env = { LOG_LEVEL: 'warn', ...process.env };
const apiPort = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';
const simPort = Number(env.WECHAT_SIM_PORT ?? 3100);
const startedAt = Date.now();

if (!existsSync(join(root, 'node_modules'))) {
  console.error('Dependencies are not installed: run `pnpm install` first.');
  process.exit(1);
}

/** Newest modification time of the files below `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

// In dependency order; each is rebuilt when its sources are newer than its build. The web
// admin and the H5 mini-program are served by the API at /admin/ and /h5/.
const builds = [
  ['packages/money', 'dist', 'build'],
  ['packages/api-client', 'dist', 'build'],
  ['packages/wechat-sim', 'dist', 'build'],
  ['apps/api', 'dist', 'build'],
  ['apps/admin', 'dist', 'build'],
  ['apps/miniprogram', 'dist/h5', 'build:h5'],
].filter(([dir]) => existsSync(join(root, dir, 'package.json')));

for (const [dir, out, script] of builds) {
  const built = newest(join(root, dir, out));
  if (built > 0 && built >= newest(join(root, dir, 'src'))) continue;
  console.log(`building ${dir} …`);
  const r = spawnSync('pnpm', ['--filter', `./${dir}`, 'run', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const served = (dir) => existsSync(join(root, dir, 'index.html'));

const children = [];
let stopping = false;

function run(label, script, extraEnv) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${label} exited (${signal ?? code}); stopping the rest`);
      shutdown(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(code);
  let left = alive.length;
  for (const c of alive) {
    c.once('exit', () => --left === 0 && process.exit(code));
    c.kill('SIGTERM');
  }
  setTimeout(() => process.exit(code), 15_000).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const simScript = join(root, 'packages/wechat-sim/dist/main.js');
if (existsSync(simScript)) run('WeChat simulator', simScript, { WECHAT_SIM_PORT: String(simPort) });
run('API', join(root, 'apps/api/dist/main.js'), {});

async function waitForHealth() {
  const url = `http://${host}:${apiPort}/api/health`;
  for (let i = 0; i < 240 && !stopping; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const base = `http://${host}:${apiPort}`;
  console.log(`
CloudShelf is up in ${((Date.now() - startedAt) / 1000).toFixed(1)} s
  API              ${base}/api
  API docs         ${base}/api/docs
  Health           ${base}/api/health${served('apps/admin/dist') ? `\n  Web admin        ${base}/admin/` : ''}${
    served('apps/miniprogram/dist/h5') ? `\n  Mini-program H5  ${base}/h5/` : ''
  }${existsSync(simScript) ? `\n  WeChat simulator http://127.0.0.1:${simPort}/sim/` : ''}
  Database         ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL in .data/pg (port ${env.EMBEDDED_PG_PORT ?? 54329})`}
Press Ctrl-C to stop.`);
}
