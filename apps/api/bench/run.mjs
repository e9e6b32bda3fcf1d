// `pnpm bench`: boots the built API on a throw-away embedded PostgreSQL (or DATABASE_URL),
// measures cold and warm start and HTTP throughput on loopback, and prints the figures.
// Bounded: each load run lasts BENCH_SECONDS (default 10) and stops by itself.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '../dist/main.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3900);
const dataDir = mkdtempSync(join(tmpdir(), 'cloudshelf-bench-'));
chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root

const simPort = port + 2;
const simUrl = `http://127.0.0.1:${simPort}`;

/** The WeChat simulator, sharing the development keys in <dataDir>/wechat-sim with the API. */
function startSimulator() {
  const child = spawn(process.execPath, [join(here, '../../../packages/wechat-sim/dist/main.js')], {
    env: {
      ...process.env,
      WECHAT_SIM_PORT: String(simPort),
      WECHAT_SIM_DATA_DIR: join(dataDir, 'wechat-sim'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
}

function boot() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 1),
      LOG_LEVEL: 'warn',
      // The load generator is one IP far above any person: measure the API, not the limiter.
      RATE_LIMIT_ANONYMOUS: 'off',
      RATE_LIMIT_LOGIN: 'off',
      RATE_LIMIT_REFRESH: 'off',
      WECHAT_SIM_URL: simUrl,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The demo seed prints a scan link on first start: keep its code for the scan benchmark.
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /\/api\/app\/scan\/([0-9A-Za-z]+)/.exec(out);
    if (m) scanCode = m[1];
  });
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - t0;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('API did not become healthy');
  })();
  const stop = () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
  return { ready, stop };
}

function load(path, connections) {
  return autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds });
}

async function json(method, url, body, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Sequential checkouts (express, one item) by one logged-in buyer: the latency of POST /api/app/orders. */
async function checkoutLatency(n) {
  const api = `http://127.0.0.1:${port}/api`;
  const user = await json('POST', `${simUrl}/sim/users`, { nickname: '压测买家' });
  const login = await json('POST', `${api}/app/auth/wechat-login`, { code: user.code });
  const auth = { authorization: `Bearer ${login.accessToken}` };
  const scan = await json('GET', `${api}/app/scan/${scanCode}`, undefined, auth);
  const sku = scan.items.flatMap((i) => i.skus).sort((a, b) => b.platformStock - a.platformStock)[0];
  const address = {
    name: '张三',
    phone: '13800000000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    detail: '文三路1号',
  };
  const ms = [];
  for (let i = 0; i < Math.min(n, sku.platformStock); i++) {
    const t0 = performance.now();
    await json(
      'POST',
      `${api}/app/orders`,
      { mode: 'express', address, items: [{ skuId: sku.id, qty: 1 }] },
      { ...auth, 'idempotency-key': `bench-${i}-${Date.now()}` },
    );
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
  return `${ms.length} orders: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`;
}

let scanCode = null;
const rows = [];
const stopSimulator = startSimulator();
try {
  const cold = boot();
  rows.push(['cold start (initdb + migrate) to healthy', `${(await cold.ready).toFixed(0)} ms`]);
  await cold.stop();
  const warm = boot();
  rows.push(['warm start to healthy', `${(await warm.ready).toFixed(0)} ms`]);
  const targets = [
    ['/api/health', 'GET /api/health (SELECT 1 + queue check)'],
    ['/api/nowhere', 'GET unknown route (404 error shape)'],
    ['/api/app/products?keyword=%E8%8C%85%E5%8F%B0', 'GET product search "茅台" (trigram, 30 products)'],
  ];
  if (scanCode) targets.push([`/api/app/scan/${scanCode}`, 'GET scan code resolution (demo shelf, logged)']);
  for (const [path, label] of targets) {
    const r = await load(path, 32);
    rows.push([
      `${label}, 32 conns, ${seconds}s`,
      `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + (path === '/api/nowhere' ? 0 : r.non2xx)}`,
    ]);
  }
  if (scanCode)
    rows.push([
      'POST /api/app/orders, sequential, one buyer (stock reserved, snapshot)',
      await checkoutLatency(40),
    ]);
  await warm.stop();
} finally {
  await stopSimulator();
  rmSync(dataDir, { recursive: true, force: true });
}
const width = Math.max(...rows.map(([k]) => k.length));
console.log(
  `\nCloudShelf API bench (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
