// `pnpm bench`: starts its own PostgreSQL, WeChat simulator and API on a fresh database, seeds
// at scale, measures the machine's ceiling (bare Node http + one primary-key SELECT through pg)
// and then each scenario, bounded in time, as a ratio to that ceiling measured in the same run.
// Prints one table and writes bench/results/<time>.json. BENCH_SOAK_MINUTES=10 adds a soak
// (RSS over time under steady load). Ports from BENCH_PORT (default 4500).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDRESS, checkoutLoop, flashSale, wechatBuyers } from './flows.mjs';
import { TOOL, load } from './load.mjs';
import { pgbench, rsaFloor, statementsSince } from './measure.mjs';
import { cpuSeconds, postgresCpu, rssMb, sampleRss } from './probes.mjs';
import { seedBuyers, seedScale } from './seed.mjs';
import { node, startStack, waitHealthy } from './stack.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pg = createRequire(import.meta.url)('pg');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNS = 64;
const basePort = Number(process.env.BENCH_PORT ?? 4500);
const soakMinutes = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
const started = Date.now();
const say = (m) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}`);

const rows = [];
const extra = {};
const row = (scenario, r, vs, baseline) =>
  rows.push({
    scenario,
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    errors: r.errors,
    ratio: baseline ? r.rps / baseline : null,
    vs,
  });

say(`load generator: ${TOOL}${TOOL === 'autocannon' ? ' (wrk not installed)' : ''}`);
const stack = await startStack({ basePort });
const db = new pg.Client({ connectionString: stack.benchUrl });
await db.connect();
const ceilingProc = node(
  join(here, 'ceiling.mjs'),
  { CEILING_PORT: String(basePort + 3), CEILING_DATABASE_URL: stack.dbUrl },
  'ceiling',
);
try {
  say('stack up; seeding');
  const scale = await seedScale(db);
  const buyers = await seedBuyers(db, 1000, 'scan');
  extra.seed = { products: scale.products.length, stores: scale.codes.length, ms: Math.round(scale.ms) };
  say(`seeded ${scale.products.length} products, ${scale.codes.length} stores in ${scale.ms.toFixed(0)} ms`);
  await waitHealthy(
    `http://127.0.0.1:${basePort + 3}/p/${scale.products[0].product_id}`,
    'ceiling',
    ceilingProc,
  );
  const api = `http://127.0.0.1:${stack.api.port}`;
  const rss = sampleRss(stack.api.proc.pid);
  const run = async (label, spec, vs, baseline) => {
    const r = await load({ connections: CONNS, seconds: SECONDS, ...spec });
    row(label, r, vs, baseline);
    say(`${label}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`);
    return r;
  };
  const ids = scale.products.slice(0, 2000).map((p) => p.product_id);
  // Warm both servers (JIT, pools, caches) before measuring: every shelf code resolved once,
  // as a running replica would have them, then a short load.
  for (let i = 0; i < scale.codes.length; i += 16)
    await Promise.all(
      scale.codes.slice(i, i + 16).map((c) => fetch(`${api}/api/app/scan/${c}`).then((r) => r.text())),
    );
  await load({ base: api, paths: scale.codes.map((c) => `/api/app/scan/${c}`), connections: 16, seconds: 2 });
  await load({
    base: `http://127.0.0.1:${basePort + 3}`,
    paths: ids.map((id) => `/p/${id}`),
    connections: 16,
    seconds: 2,
  });
  const ceiling = await run(
    'ceiling: node http + 1 PK SELECT',
    { base: `http://127.0.0.1:${basePort + 3}`, paths: ids.map((id) => `/p/${id}`) },
    'ceiling',
    null,
  );
  await ceilingProc.stop();
  const top = ceiling.rps;
  const scans = scale.codes.map((c) => `/api/app/scan/${c}`);
  await run('scan, anonymous', { base: api, paths: scans }, 'ceiling', top);
  await run(
    'scan, logged in',
    { base: api, paths: scans, tokens: buyers.map((b) => b.token) },
    'ceiling',
    top,
  );
  const pages = Array.from({ length: 50 }, (_, i) => `/api/app/products?page=${i + 1}&pageSize=20`);
  await run('product list', { base: api, paths: pages }, 'ceiling', top);
  await run(
    'product detail',
    { base: api, paths: ids.map((id) => `/api/app/products/${id}`) },
    'ceiling',
    top,
  );

  say('pgbench TPC-B');
  const tpcb = await pgbench(stack, SECONDS);
  row('pgbench TPC-B (16 clients)', { rps: tpcb, p50: null, p99: null, errors: 0 }, 'pgbench', null);
  const skus = scale.products.slice(0, 500).map((p) => p.sku_id);
  const before = await statementsSince(db, null);
  const placed0 = Number((await db.query(`SELECT count(*) FROM orders`)).rows[0].count);
  await run(
    'order placement alone',
    {
      base: api,
      paths: ['/api/app/orders'],
      method: 'POST',
      tokens: buyers.map((b) => b.token),
      bodies: skus.map((s) => ({ mode: 'express', address: ADDRESS, items: [{ skuId: s, qty: 1 }] })),
    },
    'pgbench',
    tpcb,
  );
  const placed = Number((await db.query(`SELECT count(*) FROM orders`)).rows[0].count) - placed0;
  extra.statementsPerPlacedOrder = (await statementsSince(db, before)) / Math.max(1, placed);

  say('checkout end to end, 64 buyers');
  const wechat = await wechatBuyers(stack, CONNS);
  const cpu0 = {
    api: cpuSeconds(stack.api.proc.pid),
    pg: postgresCpu(stack.postmaster),
    sim: cpuSeconds(stack.sim.pid),
  };
  const stmts0 = await statementsSince(db, null);
  const co = await checkoutLoop(stack, db, wechat, skus, Number(process.env.BENCH_CHECKOUT_SECONDS ?? 20));
  const stmts = await statementsSince(db, stmts0);
  const per = (v) => (v * 1000) / Math.max(1, co.paid);
  extra.checkout = {
    paidOrders: co.paid,
    seconds: co.elapsed,
    statementsPerPaidOrder: stmts / Math.max(1, co.paid),
    cpuMsPerPaidOrder: {
      api: per(cpuSeconds(stack.api.proc.pid) - cpu0.api),
      postgres: per(postgresCpu(stack.postmaster) - cpu0.pg),
      simulator: per(cpuSeconds(stack.sim.pid) - cpu0.sim),
    },
    rsaFloor: rsaFloor(),
  };
  row('checkout end to end (paid orders/s)', co, 'ceiling', top);
  say(`checkout: ${co.paid} paid in ${co.elapsed.toFixed(1)} s, errors ${co.errors}`);

  say('flash sale: 10,000 buyers, 100 units');
  const flashBuyers = await seedBuyers(db, 10_000, 'flash');
  const flashSku = scale.products[9999].sku_id;
  await db.query(`UPDATE sku SET stock = 100 WHERE id = $1`, [flashSku]);
  const fs = await flashSale(stack, flashBuyers, flashSku, 256);
  const sold = await db.query(
    `SELECT count(DISTINCT o.id)::int AS orders, coalesce(sum(l.qty), 0)::int AS units, (SELECT stock FROM sku WHERE id = $1) AS left
       FROM order_line l JOIN orders o ON o.id = l.order_id WHERE l.sku_id = $1`,
    [flashSku],
  );
  extra.flashSale = { ...sold.rows[0], answers: fs.status };
  const flashErrors = Object.entries(fs.status)
    .filter(([s]) => s === '0' || Number(s) >= 500)
    .reduce((a, [, n]) => a + n, 0);
  row('flash sale 10,000 → 100 units', { ...fs, errors: flashErrors }, 'ceiling', top);
  say(`flash sale: ${JSON.stringify(extra.flashSale)}`);
  extra.apiRssMb = { maxUnderLoad: rss.stop().max, end: rssMb(stack.api.proc.pid) };

  if (soakMinutes > 0) extra.soak = await soak(api, scans, ids, soakMinutes);
} finally {
  await ceilingProc.stop();
  await db.end();
  await stack.stop();
}

async function soak(api, scans, ids, minutes) {
  say(`soak: ${minutes} minutes of scans and product details at 16 connections`);
  const paths = scans.concat(ids.slice(0, 500).map((id) => `/api/app/products/${id}`));
  const series = [];
  const end = Date.now() + minutes * 60_000;
  while (Date.now() < end) {
    const r = await load({ base: api, paths, connections: 16, seconds: 30 });
    series.push({
      atS: Math.round((Date.now() - started) / 1000),
      rps: Math.round(r.rps),
      rssMb: rssMb(stack.api.proc.pid),
    });
    say(`soak: ${series.at(-1).rps} req/s, API RSS ${series.at(-1).rssMb.toFixed(0)} MB`);
  }
  return series;
}

const f = (v, d = 0) => (v === null || v === undefined ? '—' : Number(v).toFixed(d));
const table = [
  ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'ratio'],
  ...rows.map((r) => [
    r.scenario,
    f(r.rps),
    f(r.p50, 1),
    f(r.p99, 1),
    f(r.errors),
    r.ratio === null ? '—' : `${r.ratio.toFixed(3)} of ${r.vs}`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((t) => t[i].length)));
const machine = `${cpus().length} × ${cpus()[0].model.trim()}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}`;
console.log(
  `\nCloudShelf bench — ${TOOL}, ${CONNS} connections, ${SECONDS} s per scenario; node ${process.version}; ${machine}`,
);
for (const t of table)
  console.log(t.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
const c = extra.checkout;
console.log(
  `\nSQL statements per paid order ${f(c.statementsPerPaidOrder, 1)} (placement alone ${f(extra.statementsPerPlacedOrder, 1)}); ` +
    `CPU per paid order: API ${f(c.cpuMsPerPaidOrder.api, 1)} ms, PostgreSQL ${f(c.cpuMsPerPaidOrder.postgres, 1)} ms, simulator ${f(c.cpuMsPerPaidOrder.simulator, 1)} ms; ` +
    `RSA floor ${f(c.rsaFloor.msPerOrder, 1)} ms CPU per order (${c.rsaFloor.note})`,
);
console.log(
  `flash sale: ${extra.flashSale.orders} orders, ${extra.flashSale.units} units sold, stock left ${extra.flashSale.left}; answers ${JSON.stringify(extra.flashSale.answers)}; ` +
    `API RSS max ${f(extra.apiRssMb.maxUnderLoad)} MB under load`,
);
if (extra.soak)
  console.log(
    `soak RSS (MB) over time: ${extra.soak.map((s) => `${s.atS}s ${s.rssMb.toFixed(0)}`).join(', ')}`,
  );
const dir = join(here, 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
writeFileSync(
  file,
  JSON.stringify({ commit, tool: TOOL, machine, seconds: SECONDS, rows, ...extra }, null, 2),
);
console.log(`\n${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
