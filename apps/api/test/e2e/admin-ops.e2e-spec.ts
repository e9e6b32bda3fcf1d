import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { AuditLog } from '../../src/modules/audit/entities/audit-log.entity';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { OrderLine } from '../../src/modules/orders/entities/order-line.entity';
import { AfterSaleEvent } from '../../src/modules/orders/after-sales/after-sale-event.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { adminToken } from '../factories/auth.factory';
import { newProduct, skuInput } from '../factories/catalog.factory';
import { loginNewUser, type LoggedInUser } from '../factories/identity.factory';
import { eventually } from '../factories/payments.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

const ADDRESS = {
  name: '李四',
  phone: '13900000000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路2号',
};

/** Operator actions of the web admin: order remarks and filters, confirming returned goods, revoking resellers. */
describe('admin operations', () => {
  let t: TestAppWithSim;
  let tx: TransactionService;
  let admin: ApiClient;
  let buyer: LoggedInUser;
  const ctx = RequestContext.system('test');
  const client = (token: string) =>
    createApiClient({ baseUrl: t.config.publicBaseUrl, getToken: () => token });

  beforeAll(async () => {
    t = await bootTestAppWithSim({}, [], { listen: true });
    tx = t.app.get(TransactionService);
    admin = client(await adminToken(t, ['admin']));
    buyer = await loginNewUser(t, '备注买家');
  });
  afterAll(() => t.close());

  async function paidExpressOrder(
    user: LoggedInUser,
    qty = 1,
    priceFen = 1000,
  ): Promise<Schemas['OrderDto']> {
    const api = client(user.token);
    const p = await newProduct(t, { skus: [skuInput({ priceFen, stock: 50 })] });
    const { data: order } = await api.POST('/api/app/orders', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { mode: 'express', address: ADDRESS, items: [{ skuId: p.skus[0].id, qty }] },
    });
    await api.POST('/api/app/orders/{id}/pay', { params: { path: { id: order!.id } } });
    const pay = await tx.repo(ctx, Payment).findOneByOrFail({ orderId: order!.id, status: 'PENDING' });
    await t.sim.pay(pay.prepayId, user.openid);
    await eventually(
      async () => (await tx.repo(ctx, Order).findOneByOrFail({ id: order!.id })).status === 'PAID',
    );
    return order!;
  }

  it('remarks: operators add and read them (audited, validated); unknown orders 404, finance cannot write', async () => {
    const order = await paidExpressOrder(buyer);
    const path = { params: { path: { id: order.id } } };
    await expect(
      admin.POST('/api/admin/orders/{id}/remarks', { ...path, body: { text: '   ' } }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const first = (
      await admin.POST('/api/admin/orders/{id}/remarks', { ...path, body: { text: ' 顾客来电：周末送达 ' } })
    ).data!;
    expect(first).toMatchObject({ orderId: order.id, text: '顾客来电：周末送达' });
    await admin.POST('/api/admin/orders/{id}/remarks', { ...path, body: { text: '已联系快递' } });
    const list = (await admin.GET('/api/admin/orders/{id}/remarks', path)).data!;
    expect(list.items.map((r) => r.text)).toEqual(['顾客来电：周末送达', '已联系快递']);
    const audit = await tx.repo(ctx, AuditLog).findBy({ action: 'order.remark', entityId: order.id });
    expect(audit).toHaveLength(2);
    // Unknown order: 404; a store manager of no store of this order: 404; finance cannot write.
    await expect(
      admin.GET('/api/admin/orders/{id}/remarks', { params: { path: { id: randomUUID() } } }),
    ).rejects.toMatchObject({ status: 404, code: 'ORDER_NOT_FOUND' });
    const finance = client(await adminToken(t, ['finance']));
    await expect(
      finance.POST('/api/admin/orders/{id}/remarks', { ...path, body: { text: 'x' } }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('filters orders by the buyer’s nickname, phone or the order number', async () => {
    const other = await loginNewUser(t, '筛选%买家');
    const mine = await paidExpressOrder(other);
    await paidExpressOrder(buyer);
    const find = async (keyword: string) =>
      (
        await admin.GET('/api/admin/orders', { params: { query: { keyword, pageSize: 100 } } })
      ).data!.items.map((o) => o.id);
    expect(await find('筛选%')).toEqual([mine.id]);
    expect(await find(mine.orderNo)).toEqual([mine.id]);
    expect(await find('没有这个人')).toEqual([]);
    // LIKE's wildcards are literal: '%' alone matches only nicknames containing it.
    expect(await find('%')).toEqual([mine.id]);
    await expect(
      admin.GET('/api/admin/orders', { params: { query: { keyword: 'x'.repeat(41) } } }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('returns: approval waits for the goods; confirming receipt starts the refund once; reject or withdraw meanwhile', async () => {
    const order = await paidExpressOrder(buyer, 3);
    const lineId = order.lines[0].id;
    await admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: order.id } },
      body: { carrier: '圆通速递', trackingNo: 'YT0001' },
    });
    const buyerApi = client(buyer.token);
    const ask = async (qty: number, type: 'refund_only' | 'return_refund' = 'return_refund') =>
      (
        await buyerApi.POST('/api/app/after-sales', {
          params: { header: { 'Idempotency-Key': randomUUID() } },
          body: { orderId: order.id, lineId, qty, type, reason: '尺码不合适' },
        })
      ).data!;
    const id = (a: { id: string }) => ({ params: { path: { id: a.id } } });
    const sale = await ask(1);
    // Confirming goods that were never asked back for is refused.
    await expect(admin.POST('/api/admin/after-sales/{id}/confirm-return', id(sale))).rejects.toMatchObject({
      status: 409,
      code: 'AFTER_SALE_STATE_INVALID',
    });
    expect((await admin.POST('/api/admin/after-sales/{id}/approve', id(sale))).data!.status).toBe(
      'AWAITING_RETURN',
    );
    await expect(admin.POST('/api/admin/after-sales/{id}/approve', id(sale))).rejects.toMatchObject({
      code: 'AFTER_SALE_STATE_INVALID',
    });
    expect(await tx.repo(ctx, Refund).findOneBy({ requestedBy: sale.id })).toBeNull();
    const awaiting = (
      await admin.GET('/api/admin/after-sales', { params: { query: { status: 'AWAITING_RETURN' } } })
    ).data!.items.map((a) => a.id);
    expect(awaiting).toContain(sale.id);
    // A store manager has no refunds:write.
    const mgr = client(await adminToken(t, ['store_manager']));
    await expect(mgr.POST('/api/admin/after-sales/{id}/confirm-return', id(sale))).rejects.toMatchObject({
      status: 403,
    });
    // Two confirmations at once: one refund.
    const both = await Promise.allSettled([
      admin.POST('/api/admin/after-sales/{id}/confirm-return', id(sale)),
      admin.POST('/api/admin/after-sales/{id}/confirm-return', id(sale)),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refund = await tx.repo(ctx, Refund).findBy({ requestedBy: sale.id });
    expect(refund).toHaveLength(1);
    expect(refund[0].amountFen).toBe(1000);
    const history = await tx
      .repo(ctx, AfterSaleEvent)
      .find({ where: { afterSaleId: sale.id }, order: { createdAt: 'ASC' } });
    expect(history.map((h) => `${h.toStatus}:${h.actorKind}`)).toEqual([
      'PENDING_APPROVAL:user',
      'AWAITING_RETURN:admin',
      'REFUNDING:admin',
    ]);
    expect(
      await tx.repo(ctx, AuditLog).countBy({ action: 'after-sale.confirm-return', entityId: sale.id }),
    ).toBe(1);

    // The goods never came: the operator rejects while awaiting them; the unit is claimable again.
    const second = await ask(1);
    await admin.POST('/api/admin/after-sales/{id}/approve', id(second));
    expect(
      (
        await admin.POST('/api/admin/after-sales/{id}/reject', {
          ...id(second),
          body: { reason: '未收到退货' },
        })
      ).data!.status,
    ).toBe('REJECTED');
    // The buyer changes their mind while the goods are on their way back: withdrawn.
    const third = await ask(2);
    await admin.POST('/api/admin/after-sales/{id}/approve', id(third));
    expect((await buyerApi.POST('/api/app/after-sales/{id}/cancel', id(third))).data!.status).toBe(
      'CANCELLED',
    );
    expect((await tx.repo(ctx, OrderLine).findOneByOrFail({ id: lineId })).afterSaleQty).toBe(1);
    // A refund only of shipped goods is still refunded on approval.
    const refundOnly = await ask(1, 'refund_only');
    expect((await admin.POST('/api/admin/after-sales/{id}/approve', id(refundOnly))).data!.status).toBe(
      'REFUNDING',
    );
  });
});
