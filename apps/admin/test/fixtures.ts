import { createApiClient, type ApiClient, type Schemas } from '@cloudshelf/api-client';
import { randomUUID } from 'node:crypto';
import type { Stack } from '@cloudshelf/test-stack';

/** A 96×96 PNG (a red dot) for the image upload. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAIAAABt+uBvAAABKElEQVR42u3cuw3DMBBEwW3LgPuvxFDs2JE7kPUhKes4wFUwocR9+bwXt3JBAAgQIECAAAECNPZej+feqw90AOVyrNzLZbxU7kszhil3p+nNlBo0/ZhSTKe5UerptDVKPZq2TCms08QotXXOG6W8zkmjzKBzxiiT6Bw2yjw6x4wAtQa6tc4Bo8yms9coE+rsMgLUCKiYznYjQC2ASupsNAJ0GqiwzhYjQIC6ApXX+WkECBCgy4Am0Vk3AgQIECBAgAABAgQIECBAgAABAgTIF0VAgAD9CZA/q4AA9QbyPgiQN4oecV4P5J00IFuN3lsNax97MUBjgGxWrZ7t5pUXmuhod6i/6Af1o1Gg0jBTwetKo6OoxKnlqgZ8DYqeNCBAgAABAgTIvZcv7faU9vZ2Q3gAAAAASUVORK5CYII=',
  'base64',
);

export const PASSWORD = 'Password-123';

export interface Buyer {
  openid: string;
  userId: string;
  api: ApiClient;
}

/**
 * Sets up, through the real API and the WeChat simulator, what the browser tests act on:
 * one admin account per role, paid orders and an after-sale request, and a reseller's
 * withdrawal request from a settled commission.
 */
export class Fixtures {
  admin!: ApiClient;
  stores: Schemas['AdminStoreDto'][] = [];
  constructor(readonly stack: Stack) {}

  client(token?: string): ApiClient {
    return createApiClient({ baseUrl: this.stack.apiUrl, getToken: () => token });
  }

  async sim<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.stack.simUrl + path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sim ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async init(): Promise<void> {
    this.admin = this.client(await this.stack.adminToken());
    this.stores = (
      await this.admin.GET('/api/admin/stores', { params: { query: { pageSize: 20 } } })
    ).data!.items;
  }

  async createAdmin(
    username: string,
    roles: ('admin' | 'operator' | 'finance' | 'store_manager')[],
    storeIds: string[] = [],
  ) {
    await this.admin.POST('/api/admin/admin-users', {
      body: { username, password: PASSWORD, roles, storeIds, displayName: username },
    });
  }

  async wechatUser(nickname: string): Promise<Buyer> {
    const { openid, code } = await this.sim<{ openid: string; code: string }>('POST', '/sim/users', {
      nickname,
    });
    const login = (await this.client().POST('/api/app/auth/wechat-login', { body: { code } })).data!;
    const api = this.client(login.accessToken);
    await api.PATCH('/api/app/me', { body: { nickname } });
    return { openid, userId: login.userId, api };
  }

  /** Places and pays an order in the simulator; resolves once the API has the payment. */
  async paidOrder(buyer: Buyer, body: Schemas['CheckoutDto']): Promise<Schemas['OrderDto']> {
    const order = (
      await buyer.api.POST('/api/app/orders', {
        body,
        params: { header: { 'Idempotency-Key': randomUUID() } },
      })
    ).data!;
    const pay = (await buyer.api.POST('/api/app/orders/{id}/pay', { params: { path: { id: order.id } } }))
      .data!;
    // wx.requestPayment as the mini-program calls it: the API's signed parameters plus the app id.
    const { appId } = await this.sim<{ appId: string }>('GET', '/sim/app');
    await this.sim('POST', '/sim/pay/confirm', { appId, ...pay.requestPayment, openid: buyer.openid });
    for (let i = 0; i < 80; i++) {
      const o = (await buyer.api.GET('/api/app/orders/{id}', { params: { path: { id: order.id } } })).data!;
      if (o.status !== 'PENDING_PAYMENT') return o;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`order ${order.orderNo} was not paid`);
  }

  /**
   * Admins for each role (ops, fin, mgr for a store the buyer does not buy in), and a buyer
   * bound to a reseller who: pays an express order to ship, pays another that is shipped and asks
   * for a refund, and takes one away, whose commission settles and is withdrawn.
   */
  async scenario() {
    const buyer = await this.wechatUser('顾客王小明');
    // The buyer scans the demo shelf (locking them to its store).
    const scan = (
      await buyer.api.GET('/api/app/scan/{code}', {
        params: { path: { code: this.stack.demoScanCode }, header: undefined as never },
      })
    ).data!;
    const storeA = scan.store.id;
    const storeB = this.stores.find((s) => s.id !== storeA)!.id;
    await Promise.all([
      this.createAdmin('ops', ['operator']),
      this.createAdmin('fin', ['finance']),
      this.createAdmin('mgr', ['store_manager'], [storeB]),
      this.admin.PUT('/api/admin/settings', { body: { settleDaysAfterComplete: 0 } }),
    ]);
    const reseller = await this.wechatUser('推广员小林');
    await reseller.api.POST('/api/app/reseller/apply');
    await this.admin.POST('/api/admin/resellers/{userId}/approve', {
      params: { path: { userId: reseller.userId } },
    });
    const link = (await reseller.api.POST('/api/app/share-links', { body: {} })).data!;
    await buyer.api.GET('/api/app/r/{shareCode}', {
      params: { path: { shareCode: link.shareCode } } as never,
    });
    const skus = scan.items.flatMap((i) => i.skus);
    const express = skus.find((s) => s.availableModes.includes('express'))!;
    const takeAway = skus.find((s) => s.availableModes.includes('take_away'))!;
    const code = this.stack.demoScanCode;

    const toShip = await this.paidOrder(buyer, {
      mode: 'express',
      scanCode: code,
      items: [{ skuId: express.id, qty: 1 }],
      address: ADDRESS,
    });
    const toRefund = await this.paidOrder(buyer, {
      mode: 'express',
      scanCode: code,
      items: [{ skuId: express.id, qty: 1 }],
      address: ADDRESS,
    });
    // Shipped goods need the operator's approval to refund (unshipped ones refund at once).
    await this.admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: toRefund.id } },
      body: { carrier: '中通快递', trackingNo: 'ZT7788990011' },
    });
    await buyer.api.POST('/api/app/after-sales', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        orderId: toRefund.id,
        lineId: toRefund.lines[0].id,
        qty: 1,
        type: 'refund_only',
        reason: '包装破损，申请退款',
      },
    });
    // A return and refund (退货退款) of shipped goods: approved, then the goods come back.
    const toReturn = await this.paidOrder(buyer, {
      mode: 'express',
      scanCode: code,
      items: [{ skuId: express.id, qty: 1 }],
      address: ADDRESS,
    });
    await this.admin.POST('/api/admin/orders/{id}/ship', {
      params: { path: { id: toReturn.id } },
      body: { carrier: '圆通速递', trackingNo: 'YT5566778899' },
    });
    await buyer.api.POST('/api/app/after-sales', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: {
        orderId: toReturn.id,
        lineId: toReturn.lines[0].id,
        qty: 1,
        type: 'return_refund',
        reason: '尺码不合适，退货退款',
      },
    });
    // A second reseller, to be revoked (清退) in the browser.
    const second = await this.wechatUser('推广员小赵');
    await second.api.POST('/api/app/reseller/apply');
    await this.admin.POST('/api/admin/resellers/{userId}/approve', {
      params: { path: { userId: second.userId } },
    });
    await this.paidOrder(buyer, {
      mode: 'take_away',
      scanCode: code,
      items: [{ skuId: takeAway.id, qty: 1 }],
    });
    const available = await this.until('the commission to settle', async () => {
      await this.admin.POST('/api/admin/rewards/settle-due');
      const w = (
        await reseller.api.GET('/api/app/wallet', {
          params: { query: { earnerType: 'reseller', earnerId: reseller.userId } } as never,
        })
      ).data as { availableFen: number } | undefined;
      return w && w.availableFen > 0 ? w.availableFen : 0;
    });
    await reseller.api.POST('/api/app/withdrawals', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { earnerType: 'reseller', earnerId: reseller.userId, amountFen: available },
    });
    return {
      ship: toShip.id,
      shipNo: toShip.orderNo,
      refundNo: toRefund.orderNo,
      returnNo: toReturn.orderNo,
      storeA,
      storeAName: scan.store.name,
      storeB,
    };
  }

  async until<T>(what: string, f: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = await f();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export const ADDRESS = {
  name: '王小明',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路 90 号 东部软件园 1 号楼',
};
