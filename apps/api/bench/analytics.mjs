// `pnpm --filter @cloudshelf/api bench:analytics` (or `BENCH_ANALYTICS=1 pnpm bench`): the analytics
// dashboard at a million orders. Boots the built API on a throw-away embedded PostgreSQL, seeds
// 1,000,000 orders with 5,000,000 lines over two years (plus stores, shelves, codes, scans, buyers and
// refunds) with batched INSERT … SELECT generate_series, builds the rollups through the admin rebuild,
// then times the dashboard for 30 and 365 days (p50/p99) next to the machine's ceiling: a bare node
// http server doing one primary-key SELECT through pg, timed the same way in the same run.
// Bounded: fixed request counts (BENCH_ANALYTICS_REQUESTS, default 60), everything stops by itself.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '../dist/main.js');
const port = Number(process.env.BENCH_PORT ?? 3950);
const pgPort = port + 1;
const ceilingPort = port + 2;
const ORDERS = Number(process.env.BENCH_ANALYTICS_ORDERS ?? 1_000_000);
const LINES_PER_ORDER = 5;
const DAYS = 730;
const STORES = 200;
const BUYERS = 100_000;
const REQUESTS = Number(process.env.BENCH_ANALYTICS_REQUESTS ?? 60);
const PASSWORD = 'bench-analytics-password';
const dataDir = mkdtempSync(join(tmpdir(), 'cloudshelf-bench-analytics-'));
chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root

function boot() {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      ADMIN_INITIAL_PASSWORD: PASSWORD,
      RATE_LIMIT_LOGIN: 'off',
      RATE_LIMIT_ANONYMOUS: 'off',
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ready = (async () => {
    for (let i = 0; i < 1200; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('API did not become healthy');
  })();
  const stop = () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
  return { ready, stop };
}

const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);

async function seed(db) {
  const t0 = performance.now();
  const [{ today }] = (await db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`))
    .rows;
  const skus = (await db.query(`SELECT id FROM sku`)).rows;
  if (!skus.length) throw new Error('no SKUs: the demo seed did not run');
  await db.query(`CREATE TEMP TABLE bench_sku AS
                  SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, product_id, price_fen FROM sku`);
  const nSku = skus.length;
  // Stores, one shelf and code each of three; buyers.
  await db.query(`INSERT INTO store (id, name, address, lat, lng)
                  SELECT md5('store' || g)::uuid, '压测门店' || g, '杭州', 30.25, 120.16 FROM generate_series(1, ${STORES}) g`);
  await db.query(`INSERT INTO shelf (id, store_id, name)
                  SELECT md5('shelf' || g)::uuid, md5('store' || ((g - 1) % ${STORES} + 1))::uuid, '货架' || g
                    FROM generate_series(1, ${STORES * 3}) g`);
  await db.query(`INSERT INTO scan_code (id, code, store_id, shelf_id)
                  SELECT md5('code' || g)::uuid, substr(md5('c' || g), 1, 16), md5('store' || ((g - 1) % ${STORES} + 1))::uuid,
                         md5('shelf' || g)::uuid FROM generate_series(1, ${STORES * 3}) g`);
  await db.query(`INSERT INTO users (id, openid, created_at)
                  SELECT md5('buyer' || g)::uuid, 'bench-' || g, now() - (1 + g % ${DAYS}) * interval '1 day'
                    FROM generate_series(1, ${BUYERS}) g`);
  console.log(`  stores, shelves, codes, ${BUYERS} buyers: ${seconds(t0)} s`);
  const batch = 100_000;
  for (let lo = 1; lo <= ORDERS; lo += batch) {
    const hi = Math.min(ORDERS, lo + batch - 1);
    // Order g: buyer g % BUYERS, store (g / DAYS) % STORES (every store every day), placed 1 + (g % DAYS) days ago, paid 10 minutes later
    // (one in ten left unpaid), five lines of SKUs g..g+4.
    await db.query(`INSERT INTO orders (id, order_no, buyer_id, channel, mode, status, store_id, goods_fen, discount_fen,
                                        shipping_fen, payable_fen, paid_at, created_at)
                    SELECT md5('order' || g)::uuid, 'B' || g, md5('buyer' || (g % ${BUYERS} + 1))::uuid,
                           CASE WHEN g % 7 = 0 THEN 'offline' ELSE 'online' END, 'take_away',
                           CASE WHEN g % 10 = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END,
                           md5('store' || ((g / ${DAYS}) % ${STORES} + 1))::uuid, 5000, 0, 0, 5000,
                           CASE WHEN g % 10 = 0 THEN NULL ELSE t + interval '10 minutes' END, t
                      FROM generate_series(${lo}, ${hi}) g,
                           LATERAL (SELECT ('${today}'::date - 1 - (g % ${DAYS}))::timestamp AT TIME ZONE 'Asia/Shanghai'
                                           + (g % 86000) * interval '1 second' AS t) x`);
    await db.query(`INSERT INTO order_line (order_id, product_id, sku_id, title, specs, price_fen, qty, amount_fen, paid_fen, attribution)
                    SELECT md5('order' || g)::uuid, s.product_id, s.id, '压测商品', '{}', 1000, 1, 1000, 1000, '{}'
                      FROM generate_series(${lo}, ${hi}) g CROSS JOIN generate_series(0, ${LINES_PER_ORDER - 1}) k
                      JOIN bench_sku s ON s.i = (g + k) % ${nSku}`);
    // Two scans per order by its buyer at its store, before the order.
    await db.query(`INSERT INTO scan_log (code, scan_code_id, store_id, shelf_id, user_id, result, created_at)
                    SELECT 'bench', md5('code' || c)::uuid, md5('store' || ((c - 1) % ${STORES} + 1))::uuid, md5('shelf' || c)::uuid,
                           md5('buyer' || (g % ${BUYERS} + 1))::uuid, 'resolved',
                           ('${today}'::date - 1 - (g % ${DAYS}))::timestamp AT TIME ZONE 'Asia/Shanghai' + (g % 86000) * interval '1 second' - k * interval '1 minute'
                      FROM generate_series(${lo}, ${hi}) g, generate_series(1, 2) k,
                           LATERAL (SELECT ((g / ${DAYS}) % ${STORES} + 1) + ${STORES} * ((g / ${DAYS} / ${STORES}) % 3) AS c) x`);
    process.stdout.write(`  orders ${hi.toLocaleString('en')} (${seconds(t0)} s)\r`);
  }
  // A refund of one line for one paid order in fifty, on the day after payment.
  const rt = performance.now();
  await db.query(`INSERT INTO refund (id, out_refund_no, payment_id, order_id, amount_fen, reason, requested_by, status, succeeded_at)
                  SELECT md5('refund' || g)::uuid, 'R' || g, md5('pay' || g)::uuid, md5('order' || g)::uuid, 1000, 'bench', 'bench',
                         'SUCCESS', o.paid_at + interval '1 day'
                    FROM generate_series(50, ${ORDERS}, 50) g JOIN orders o ON o.id = md5('order' || g)::uuid
                   WHERE o.paid_at IS NOT NULL AND o.paid_at + interval '1 day' < now()`);
  await db.query(`INSERT INTO after_sale (order_id, line_id, buyer_id, type, qty, amount_fen, reason, status, refund_id)
                  SELECT r.order_id, (SELECT id FROM order_line l WHERE l.order_id = r.order_id LIMIT 1), o.buyer_id,
                         'refund_only', 1, 1000, 'bench', 'REFUNDED', r.id
                    FROM refund r JOIN orders o ON o.id = r.order_id WHERE r.reason = 'bench'`);
  await db.query(`ANALYZE`);
  const [{ orders, lines }] = (
    await db.query(
      `SELECT (SELECT count(*) FROM orders)::int AS orders, (SELECT count(*) FROM order_line)::int AS lines`,
    )
  ).rows;
  console.log(
    `\n  refunds ${seconds(rt)} s; total ${orders.toLocaleString('en')} orders, ${lines.toLocaleString('en')} lines: ${seconds(t0)} s`,
  );
  return today;
}

const iso = (d) => d.toISOString().slice(0, 10);
function dayBefore(day, n) {
  return iso(new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000));
}

async function timed(url, headers = {}) {
  const ms = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  return { p50: at(0.5), p99: at(0.99) };
}

/** The ceiling: node's http server answering one primary-key SELECT through pg, nothing else. */
async function ceiling(dbUrl) {
  const pool = new Pool({ connectionString: dbUrl, max: 4 });
  const [{ id }] = (await pool.query(`SELECT id FROM orders LIMIT 1`)).rows;
  const server = createServer(async (_req, res) => {
    const { rows } = await pool.query(`SELECT id, payable_fen FROM orders WHERE id = $1`, [id]);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(rows[0]));
  });
  await new Promise((r) => server.listen(ceilingPort, '127.0.0.1', r));
  const figures = await timed(`http://127.0.0.1:${ceilingPort}/`);
  await new Promise((r) => server.close(r));
  await pool.end();
  return figures;
}

const api = boot();
const dbUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/cloudshelf`;
let db;
try {
  await api.ready;
  db = new Pool({ connectionString: dbUrl, max: 1 });
  console.log(
    `analytics bench: seeding ${ORDERS.toLocaleString('en')} orders × ${LINES_PER_ORDER} lines over ${DAYS} days`,
  );
  const client = await db.connect();
  const today = await seed(client);
  client.release();

  const login = await (
    await fetch(`http://127.0.0.1:${port}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
  ).json();
  const auth = { authorization: `Bearer ${login.accessToken}` };

  const rt = performance.now();
  for (let back = DAYS - 1; back >= 0; back -= 92) {
    const from = dayBefore(today, back);
    const to = dayBefore(today, Math.max(0, back - 91));
    const res = await fetch(`http://127.0.0.1:${port}/api/admin/analytics/rebuild`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ from, to }),
    });
    if (!res.ok) throw new Error(`rebuild ${from}..${to}: ${res.status} ${await res.text()}`);
    process.stdout.write(`  rollups rebuilt to ${to} (${seconds(rt)} s)\r`);
  }
  // A rebuild rewrites a year of rollup rows at once; autovacuum would mark them all-visible
  // shortly after (index-only scans). The bench does it now rather than wait for it.
  await db.query(`VACUUM ANALYZE`);
  const rows = (
    await db.query(`SELECT (SELECT count(*) FROM analytics_code_day)::int AS code_days,
                           (SELECT count(*) FROM analytics_buyer_day)::int AS buyer_days`)
  ).rows[0];
  console.log(
    `\n  rollups: ${seconds(rt)} s (${rows.code_days.toLocaleString('en')} code-day rows, ${rows.buyer_days.toLocaleString('en')} buyer-day rows)`,
  );

  const dash = (days) =>
    timed(
      `http://127.0.0.1:${port}/api/admin/analytics/dashboard?from=${dayBefore(today, days - 1)}&to=${today}`,
      auth,
    );
  await dash(30); // warm-up
  const d30 = await dash(30);
  const d365 = await dash(365);
  const top = await ceiling(dbUrl);
  console.log(
    `\nanalytics dashboard at ${ORDERS.toLocaleString('en')} orders (${REQUESTS} sequential requests each):`,
  );
  console.log(`  30 days:   p50 ${d30.p50} ms   p99 ${d30.p99} ms`);
  console.log(`  365 days:  p50 ${d365.p50} ms   p99 ${d365.p99} ms`);
  console.log(`  ceiling (bare node http + one PK SELECT through pg): p50 ${top.p50} ms   p99 ${top.p99} ms`);
} finally {
  await db?.end().catch(() => undefined);
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
