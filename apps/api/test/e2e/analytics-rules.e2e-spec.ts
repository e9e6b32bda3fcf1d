import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { DashboardService } from '../../src/modules/analytics/dashboard.service';
import { RollupService } from '../../src/modules/analytics/rollup.service';
import { bootTestApp, type TestApp } from '../app';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { newStore } from '../factories/stores.factory';

/**
 * The rollup rules as a table: facts with chosen China-time instants go in, and the days
 * they land on come out. The same facts counted by the jobs and by a rebuild give the same rows.
 */
describe('analytics rollup rules', () => {
  let t: TestApp;
  let m: EntityManager;
  let rollups: RollupService;
  let dash: DashboardService;
  const ctx = RequestContext.system('test');
  let storeId: string;
  let productId: string;
  let skuId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    m = t.app.get(TransactionService).manager(ctx);
    rollups = t.app.get(RollupService);
    dash = t.app.get(DashboardService);
    storeId = (await newStore(t, { name: '规则店' })).id;
    const p = await newProduct(t, { title: '规则商品', skus: [skuInput({ priceFen: 1_000, stock: 0 })] });
    productId = p.id;
    skuId = p.skus[0].id;
  });
  afterAll(() => t.close());

  const cst = (s: string) => new Date(`${s}+08:00`);

  async function buyer(): Promise<string> {
    const id = randomUUID();
    await m.query(`INSERT INTO users (id, openid, created_at) VALUES ($1, $2, '2026-01-01T00:00:00Z')`, [
      id,
      `o-${id}`,
    ]);
    return id;
  }

  /** An order of one line of `qty` × 10.00, placed at `placed`, paid at `paid` (or unpaid). */
  async function order(o: {
    buyerId: string;
    placed: string;
    paid?: string;
    channel?: 'online' | 'offline';
    qty?: number;
  }): Promise<{ orderId: string; lineId: string; fen: number }> {
    const orderId = randomUUID();
    const lineId = randomUUID();
    const fen = 1_000 * (o.qty ?? 1);
    await m.query(
      `INSERT INTO orders (id, order_no, buyer_id, channel, mode, status, store_id, goods_fen, discount_fen, shipping_fen,
                           payable_fen, paid_at, created_at)
       VALUES ($1, $2, $3, $4, 'take_away', $5, $6, $7, 0, 0, $7, $8, $9)`,
      [
        orderId,
        orderId.slice(0, 20),
        o.buyerId,
        o.channel ?? 'online',
        o.paid ? 'COMPLETED' : 'PENDING_PAYMENT',
        storeId,
        fen,
        o.paid ? cst(o.paid) : null,
        cst(o.placed),
      ],
    );
    await m.query(
      `INSERT INTO order_line (id, order_id, product_id, sku_id, title, specs, price_fen, qty, amount_fen, paid_fen, attribution)
       VALUES ($1, $2, $3, $4, '规则商品', '{}', 1000, $5, $6, $6, '{}')`,
      [lineId, orderId, productId, skuId, o.qty ?? 1, fen],
    );
    return { orderId, lineId, fen };
  }

  /** A successful refund of `fen` of the order's line, succeeded at `at`. */
  async function refund(o: { orderId: string; lineId: string; buyerId: string }, fen: number, at: string) {
    const refundId = randomUUID();
    const afterSaleId = randomUUID();
    await m.query(
      `INSERT INTO refund (id, out_refund_no, payment_id, order_id, amount_fen, reason, requested_by, status, succeeded_at)
       VALUES ($1, $2, $3, $4, $5, 'test', 'test', 'SUCCESS', $6)`,
      [refundId, refundId.slice(0, 30), randomUUID(), o.orderId, fen, cst(at)],
    );
    await m.query(
      `INSERT INTO after_sale (id, order_id, line_id, buyer_id, type, qty, amount_fen, reason, status, refund_id)
       VALUES ($1, $2, $3, $4, 'refund_only', 1, $5, 'test', 'REFUNDED', $6)`,
      [afterSaleId, o.orderId, o.lineId, o.buyerId, fen, refundId],
    );
    return afterSaleId;
  }

  const day = async (d: string) => dash.totals(ctx, d, d, [storeId]);
  const range = async (from: string, to: string) => dash.totals(ctx, from, to, null);

  it.each([
    {
      rule: 'late payment: placed before midnight, paid after → placed on day 1, paid on day 2',
      placed: '2026-03-01T23:50:00',
      paid: '2026-03-02T00:10:00',
      expect: {
        '2026-03-01': { orders: 1, paidOrders: 0, gmvFen: 0 },
        '2026-03-02': { orders: 0, paidOrders: 1, gmvFen: 1_000 },
      },
    },
    {
      rule: 'payment on the day it is placed (China time, not UTC: 07:30 CST is the previous day in UTC)',
      placed: '2026-03-05T07:00:00',
      paid: '2026-03-05T07:30:00',
      expect: {
        '2026-03-05': { orders: 1, paidOrders: 1, gmvFen: 1_000 },
        '2026-03-04': { orders: 0, paidOrders: 0, gmvFen: 0 },
      },
    },
  ])('$rule', async ({ placed, paid, expect: want }) => {
    const b = await buyer();
    const o = await order({ buyerId: b, placed, paid });
    await rollups.paid(ctx, o.orderId);
    await rollups.paid(ctx, o.orderId); // a retried job counts nothing twice
    const days = Object.keys(want).sort();
    await rollups.rebuild(ctx, days[0], days[days.length - 1]); // orders placed are kept by the sweep/rebuild
    for (const [d, w] of Object.entries(want)) expect(await day(d)).toMatchObject(w);
  });

  it('a refund after the pay day closed counts on the refund day; the pay day keeps its GMV', async () => {
    const b = await buyer();
    const o = await order({ buyerId: b, placed: '2026-04-01T10:00:00', paid: '2026-04-01T10:01:00', qty: 3 });
    await rollups.paid(ctx, o.orderId);
    const payDay = await day('2026-04-01');
    const afterSaleId = await refund({ ...o, buyerId: b }, 1_000, '2026-04-03T09:00:00');
    await rollups.refunded(ctx, afterSaleId);
    await rollups.refunded(ctx, afterSaleId);
    expect(await day('2026-04-01')).toEqual(payDay);
    expect(await day('2026-04-01')).toMatchObject({ gmvFen: 3_000, refundFen: 0, netFen: 3_000 });
    expect(await day('2026-04-03')).toMatchObject({
      gmvFen: 0,
      refunds: 1,
      refundFen: 1_000,
      netFen: -1_000,
    });
    expect(await dash.totals(ctx, '2026-04-01', '2026-04-03', [storeId])).toMatchObject({
      gmvFen: 3_000,
      refundFen: 1_000,
      netFen: 2_000,
      paidCustomers: 1,
    });
  });

  it('a till sale counts offline on its day, outside the online funnel, and its buyer is a paying customer', async () => {
    const b = await buyer();
    const o = await order({
      buyerId: b,
      placed: '2026-05-01T15:00:00',
      paid: '2026-05-01T15:00:00',
      channel: 'offline',
      qty: 2,
    });
    await rollups.paid(ctx, o.orderId);
    expect(await day('2026-05-01')).toMatchObject({
      gmvFen: 2_000,
      offlineGmvFen: 2_000,
      onlineGmvFen: 0,
      paidOrders: 1,
      offlineOrders: 1,
      onlinePaidOrders: 0,
      orders: 0,
      paidCustomers: 1,
    });
  });

  it('distinct paying customers over any range, from each buyer’s previous paying day', async () => {
    const [a, b] = [await buyer(), await buyer()];
    // a pays on 06-01, 06-03 and 06-05; b on 06-03 only. Facts arrive out of order.
    for (const [who, at] of [
      [a, '2026-06-05T12:00:00'],
      [b, '2026-06-03T12:00:00'],
      [a, '2026-06-01T12:00:00'],
      [a, '2026-06-03T13:00:00'],
    ] as const) {
      const o = await order({ buyerId: who, placed: at, paid: at });
      await rollups.paid(ctx, o.orderId);
    }
    const customers = async (from: string, to: string) => (await range(from, to)).paidCustomers;
    expect(await customers('2026-06-01', '2026-06-05')).toBe(2);
    expect(await customers('2026-06-02', '2026-06-04')).toBe(2);
    expect(await customers('2026-06-04', '2026-06-05')).toBe(1);
    expect(await customers('2026-06-01', '2026-06-01')).toBe(1);
    // A rebuild of the middle day relinks the days after it: the same answers.
    await rollups.rebuild(ctx, '2026-06-03', '2026-06-03');
    expect(await customers('2026-06-01', '2026-06-05')).toBe(2);
    expect(await customers('2026-06-04', '2026-06-05')).toBe(1);
    expect(await customers('2026-06-02', '2026-06-05')).toBe(2);
  });

  it('a rebuild of a range gives exactly the rows the jobs wrote', async () => {
    const snapshot = async () =>
      m.query(
        `SELECT 'c' AS t, day::text, store_id::text AS k, offline_orders, refunds, paid_orders, gmv_fen::text, offline_gmv_fen::text, refund_fen::text
           FROM analytics_code_day WHERE day BETWEEN '2026-03-01' AND '2026-06-30'
         UNION ALL
         SELECT 'p', day::text, product_id::text, 0, 0, paid_qty, paid_fen::text, '0', refund_fen::text
           FROM analytics_product_day WHERE day BETWEEN '2026-03-01' AND '2026-06-30'
         ORDER BY 1, 2, 3`,
      );
    // Paid, till and refund figures of the cases above, as the jobs left them.
    const byJobs = await snapshot();
    expect(byJobs.length).toBeGreaterThan(5);
    await rollups.rebuild(ctx, '2026-03-01', '2026-06-30');
    expect(await snapshot()).toEqual(byJobs);
    await rollups.rebuild(ctx, '2026-03-01', '2026-06-30');
    expect(await snapshot()).toEqual(byJobs);
  });
});
