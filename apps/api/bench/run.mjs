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

function boot() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(port + 1),
      LOG_LEVEL: 'warn',
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

let scanCode = null;
const rows = [];
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
  await warm.stop();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const width = Math.max(...rows.map(([k]) => k.length));
console.log(
  `\nCloudShelf API bench (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
