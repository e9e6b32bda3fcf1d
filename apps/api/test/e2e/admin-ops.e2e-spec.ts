import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { RequestContext } from '../../src/common/request-context';
import { TransactionService } from '../../src/common/transaction.service';
import { AuditLog } from '../../src/modules/audit/entities/audit-log.entity';
import { Payment } from '../../src/modules/payments/entities/payment.entity';
import { Order } from '../../src/modules/orders/entities/order.entity';
import { OrderLine } from '../../src/modules/orders/entities/order-line.entity';
import { AfterSaleEvent } from '../../src/modules/orders/after-sales/after-sale-event.entity';
import { Refund } from '../../src/modules/payments/entities/refund.entity';
import { LedgerService } from '../../src/modules/ledger/ledger.service';
import { BindingEvent } from '../../src/modules/referral/entities/binding-event.entity';
import { ReferralBindingService } from '../../src/modules/referral/referral-binding.service';
import { ResellerService } from '../../src/modules/referral/reseller.service';
import { ShareLinkService } from '../../src/modules/referral/share-link.service';
import { Reward } from '../../src/modules/rewards/entities/reward.entity';
import { SettingsService } from '../../src/modules/settings/settings.service';
import { User } from '../../src/modules/identity/entities/user.entity';
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
    // The CSV export takes the same filter and names the buyer, never their id.
    const csv = await (
      await fetch(
        `${t.config.publicBaseUrl}/api/admin/orders/export.csv?keyword=${encodeURIComponent('筛选%')}`,
        {
          headers: { authorization: `Bearer ${await adminToken(t, ['admin'])}` },
        },
      )
    ).text();
    expect(csv).toContain(mine.orderNo);
    expect(csv).toContain('筛选%买家');
    expect(csv).not.toContain(other.id);
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

  it('revokes a reseller: no commission on new orders (L1 or L2), customers released, accrued commissions kept', async () => {
    const [upline, reseller, downline, customer] = await Promise.all(
      ['上级小周', '被清退的小吴', '下级小郑', '小吴的顾客'].map((n) => loginNewUser(t, n)),
    );
    await t.app.get(SettingsService).update(ctx, { resellerMode: 'everyone' });
    const resellers = t.app.get(ResellerService);
    const links = t.app.get(ShareLinkService);
    await resellers.apply(ctx, upline.id);
    await links.open(ctx, reseller.id, (await links.create(ctx, upline.id, null)).code, 'share_link');
    await resellers.apply(ctx, reseller.id);
    await links.open(ctx, downline.id, (await links.create(ctx, reseller.id, null)).code, 'share_link');
    await resellers.apply(ctx, downline.id);
    const resellerCode = (await links.create(ctx, reseller.id, null)).code;
    await links.open(ctx, customer.id, resellerCode, 'share_link');

    const rewardsOf = (orderId: string) =>
      tx.repo(ctx, Reward).find({ where: { orderId }, order: { kind: 'ASC' } });
    const kinds = async (orderId: string) =>
      (await rewardsOf(orderId)).map(
        (r) =>
          `${r.kind}:${r.earnerId === reseller.id ? 'revoked' : r.earnerId === upline.id ? 'upline' : r.earnerId === downline.id ? 'downline' : 'other'}`,
      );
    const before = await paidExpressOrder(customer);
    await eventually(async () => ((await rewardsOf(before.id)).length === 2 ? true : undefined));
    expect(await kinds(before.id)).toEqual(['l1:revoked', 'l2:upline']);

    const path = { params: { path: { userId: reseller.id } } };
    await expect(
      admin.POST('/api/admin/resellers/{userId}/revoke', { ...path, body: { reason: 'x' } }),
    ).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const revoked = (
      await admin.POST('/api/admin/resellers/{userId}/revoke', { ...path, body: { reason: '刷单违规' } })
    ).data!;
    expect(revoked).toMatchObject({
      releasedCustomers: 2, // the customer, and the downline (a customer of theirs too)
      reseller: {
        userId: reseller.id,
        status: 'revoked',
        revokeReason: '刷单违规',
        nickname: '被清退的小吴',
      },
    });
    await expect(
      admin.POST('/api/admin/resellers/{userId}/revoke', { ...path, body: { reason: '刷单违规' } }),
    ).rejects.toMatchObject({ status: 409, code: 'REFERRAL_RESELLER_NOT_APPROVED' });
    expect((await tx.repo(ctx, User).findOneByOrFail({ id: reseller.id })).roles).not.toContain('reseller');
    expect(
      (await admin.GET('/api/admin/resellers', { params: { query: { status: 'revoked' } } })).data!.items.map(
        (r) => r.userId,
      ),
    ).toEqual([reseller.id]);
    // The customer is free, with the release in their binding history and the revocation audited.
    expect(await t.app.get(ReferralBindingService).activeReferrer(ctx, customer.id)).toBeNull();
    expect(
      await tx
        .repo(ctx, BindingEvent)
        .findOneBy({ userId: customer.id, beforeId: reseller.id, afterId: IsNull() }),
    ).toMatchObject({ source: 'admin', reason: expect.stringContaining('刷单违规') });
    expect(await tx.repo(ctx, AuditLog).countBy({ action: 'reseller.revoke', entityId: reseller.id })).toBe(
      1,
    );
    // Their link binds nobody now; the accrued commission is still pending, theirs to settle.
    await links.open(ctx, customer.id, resellerCode, 'share_link');
    expect(await t.app.get(ReferralBindingService).activeReferrer(ctx, customer.id)).toBeNull();
    expect((await rewardsOf(before.id)).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    expect(
      (await t.app.get(LedgerService).balances(ctx, { type: 'reseller', id: reseller.id })).pendingFen,
    ).toBe(100);

    // A sale through the downline: L1 to the downline, no L2 to the revoked upline.
    await links.open(ctx, customer.id, (await links.create(ctx, downline.id, null)).code, 'share_link');
    const after = await paidExpressOrder(customer);
    await eventually(async () => ((await rewardsOf(after.id)).length === 1 ? true : undefined));
    expect(await kinds(after.id)).toEqual(['l1:downline']);
    // Per-reseller commissions for the admin: the revoked reseller's list still shows the old one.
    const theirs = (
      await admin.GET('/api/admin/rewards', {
        params: { query: { earnerType: 'reseller', earnerId: reseller.id } },
      })
    ).data!;
    expect(theirs.items.map((r) => [r.orderId, r.kind, r.status])).toEqual([[before.id, 'l1', 'PENDING']]);
  });

  it('refuses a stale edit of a store, a category, the settings and a shipping template (409 …_STALE)', async () => {
    const store = (
      await admin.POST('/api/admin/stores', {
        body: { name: '版本测试店', address: '杭州市西湖区', lat: 30.27, lng: 120.15 },
      })
    ).data!;
    const storePath = { params: { path: { id: store.id } } };
    const first = (
      await admin.PATCH('/api/admin/stores/{id}', {
        ...storePath,
        body: { name: '版本测试店·改', expectedUpdatedAt: store.updatedAt },
      })
    ).data!;
    expect(first.updatedAt).not.toBe(store.updatedAt);
    await expect(
      admin.PATCH('/api/admin/stores/{id}', {
        ...storePath,
        body: { name: '旧页面', expectedUpdatedAt: store.updatedAt },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'STORE_STALE' });
    await admin.PATCH('/api/admin/stores/{id}', { ...storePath, body: { phone: '0571-1' } }); // no version: goes through

    const cat = (await admin.POST('/api/admin/categories', { body: { name: '版本分类', sortOrder: 0 } }))
      .data!;
    const catPath = { params: { path: { id: cat.id } } };
    const now = (
      await admin.PATCH('/api/admin/categories/{id}', {
        ...catPath,
        body: { name: '版本分类2', sortOrder: 0, expectedUpdatedAt: cat.updatedAt },
      })
    ).data!;
    await expect(
      admin.PATCH('/api/admin/categories/{id}', {
        ...catPath,
        body: { name: '旧', sortOrder: 0, expectedUpdatedAt: cat.updatedAt },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'CATEGORY_STALE' });

    const settings = (await admin.GET('/api/admin/settings')).data!;
    const changed = (
      await admin.PUT('/api/admin/settings', {
        body: { afterSaleDays: settings.afterSaleDays + 1, expectedUpdatedAt: settings.updatedAt },
      })
    ).data!;
    expect(changed.updatedAt).not.toBe(settings.updatedAt);
    await expect(
      admin.PUT('/api/admin/settings', { body: { afterSaleDays: 3, expectedUpdatedAt: settings.updatedAt } }),
    ).rejects.toMatchObject({ status: 409, code: 'SETTINGS_STALE' });
    expect((await admin.GET('/api/admin/settings')).data!.afterSaleDays).toBe(settings.afterSaleDays + 1);

    const tpl = (
      await admin.POST('/api/admin/shipping-templates', {
        body: {
          name: '版本模板',
          firstWeightGrams: 1000,
          firstFeeFen: 800,
          extraWeightGrams: 1000,
          extraFeeFen: 300,
        },
      })
    ).data!;
    const tplBody = {
      name: '版本模板',
      firstWeightGrams: 1000,
      firstFeeFen: 900,
      extraWeightGrams: 1000,
      extraFeeFen: 300,
    };
    const tplPath = { params: { path: { id: tpl.id } } };
    await admin.PATCH('/api/admin/shipping-templates/{id}', {
      ...tplPath,
      body: { ...tplBody, expectedUpdatedAt: tpl.updatedAt },
    });
    await expect(
      admin.PATCH('/api/admin/shipping-templates/{id}', {
        ...tplPath,
        body: { ...tplBody, expectedUpdatedAt: tpl.updatedAt },
      }),
    ).rejects.toMatchObject({ status: 409, code: 'SHIPPING_TEMPLATE_STALE' });
    // Two editors who loaded the same version at once: exactly one wins.
    const both = await Promise.allSettled(
      ['甲', '乙'].map((name) =>
        admin.PATCH('/api/admin/categories/{id}', {
          ...catPath,
          body: { name, sortOrder: 0, expectedUpdatedAt: now.updatedAt },
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
