import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { AuditLog } from '../../src/modules/audit/entities/audit-log.entity';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
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
});
