/**
 * The earners' centres in the H5 build, in Debian's Chromium against the real API, the WeChat
 * simulator and embedded PostgreSQL: a reseller sees a friend's order and its commission and
 * withdraws (received on the simulator's requestMerchantTransfer page); a store owner verifies a
 * pickup and records a till sale; the agent centre. Screenshots of each centre land in
 * artifacts/screenshots/miniprogram/centres-*.png.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir, startStack, type Stack } from '@cloudshelf/test-stack';

let stack: Stack;
let browser: Browser;
let shots: string;
let admin: string;
let appId: string;

async function api<T>(
  path: string,
  init: { method?: string; token?: string; body?: unknown; key?: string } = {},
): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.key ? { 'Idempotency-Key': init.key } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface User {
  token: string;
  userId: string;
  openid: string;
}

/** A WeChat user on the simulator, logged in to the API with a nickname (for set-up). */
async function apiUser(nickname: string): Promise<User> {
  const sim = await fetch(`${stack.simUrl}/sim/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname }),
  }).then((r) => r.json() as Promise<{ code: string; openid: string }>);
  const login = await api<{ accessToken: string; userId: string }>('/api/app/auth/wechat-login', {
    body: { code: sim.code },
  });
  await api('/api/app/me', { method: 'PATCH', token: login.accessToken, body: { nickname } });
  return { token: login.accessToken, userId: login.userId, openid: sim.openid };
}

interface Scan {
  store: { id: string };
  items: {
    productId: string;
    title: string;
    skus: { id: string; storeStock: number; availableModes: string[] }[];
  }[];
}

/** The buyer orders one unit in the given mode at the demo shelf and pays in the simulator. */
async function buyAndPay(buyer: User, mode: 'take_away' | 'pickup'): Promise<{ id: string; title: string }> {
  const scan = await api<Scan>(`/api/app/scan/${stack.demoScanCode}`, { token: buyer.token });
  const item = scan.items.find((i) =>
    i.skus.some((s) => s.storeStock > 1 && s.availableModes.includes(mode)),
  )!;
  const sku = item.skus.find((s) => s.storeStock > 1 && s.availableModes.includes(mode))!;
  const order = await api<{ id: string }>('/api/app/orders', {
    token: buyer.token,
    key: randomUUID(),
    body: { mode, scanCode: stack.demoScanCode, items: [{ skuId: sku.id, qty: 1 }] },
  });
  const pay = await api<{ requestPayment: Record<string, string> }>(`/api/app/orders/${order.id}/pay`, {
    token: buyer.token,
    body: {},
  });
  const confirm = await fetch(`${stack.simUrl}/sim/pay/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId, ...pay.requestPayment, openid: buyer.openid }),
  });
  if (!confirm.ok) throw new Error(`sim pay → ${confirm.status} ${await confirm.text()}`);
  await until(async () => {
    const o = await api<{ status: string }>(`/api/app/orders/${order.id}`, { token: buyer.token });
    return o.status !== 'PENDING_PAYMENT';
  });
  return { id: order.id, title: item.title };
}

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function newPhone(): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.warn('[h5 pageerror]', e.message));
  return { ctx, page };
}

/** Opens an H5 page as an existing simulator user: the authorise page, that user, then back. */
async function openAs(page: Page, user: User, hashPath: string): Promise<void> {
  await page.goto(`${stack.apiUrl}/h5/#${hashPath}`);
  await page.waitForURL(/\/sim\/oauth\/authorize/, { timeout: 30_000 });
  await page.click(`[data-openid="${user.openid}"]`);
  await page.waitForURL((u) => u.toString().startsWith(stack.apiUrl) && !u.search.includes('code='), {
    timeout: 30_000,
  });
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: the visible one only. */
const visible = (page: Page, testId: string) =>
  page.locator(`[data-testid=${testId}] >> visible=true`).first();

async function goTo(page: Page, hashPath: string, ready: string): Promise<void> {
  await page.goto(`${stack.apiUrl}/h5/#${hashPath}`);
  await visible(page, ready).waitFor({ timeout: 20_000 });
}

/** Waits until the visible element with this test id reads `text` (data loads after the page shows). */
async function reads(page: Page, testId: string, text: string): Promise<void> {
  await until(async () => (await visible(page, testId).innerText()) === text);
}

/** Waits for a toast (Taro H5's .taro__toast) containing `text`. */
async function toast(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll('.taro__toast')).some((e) => (e.textContent ?? '').includes(t)),
    text,
    { timeout: 15_000 },
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `centres-${name}.png`) });
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  shots = screenshotDir('miniprogram');
  admin = await stack.adminToken();
  appId = (await api<{ appId: string }>('/api/app/h5/config')).appId;
  // Rewards settle as soon as the order completes, so the test can withdraw them.
  await api('/api/admin/settings', { method: 'PUT', token: admin, body: { settleDaysAfterComplete: 0 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('H5 earners’ centres', () => {
  it('a reseller sees a friend’s order and its commission, withdraws and receives the money', async () => {
    const reseller = await apiUser('推广员阿杰');
    await api('/api/app/reseller/apply', { token: reseller.token, body: {} });
    await api(`/api/admin/resellers/${reseller.userId}/approve`, { token: admin, body: {} }).catch(
      () => undefined,
    );
    const friend = await apiUser('好友小美');
    const link = await api<{ shareCode: string }>('/api/app/share-links', {
      token: reseller.token,
      body: {},
    });
    await api(`/api/app/r/${link.shareCode}`, { token: friend.token });
    const bought = await buyAndPay(friend, 'take_away');
    // The commission accrues from the payment (a job), then settles (0 days after completion).
    const rewards = `/api/app/rewards?earnerType=reseller&earnerId=${reseller.userId}`;
    await until(async () => {
      await api('/api/admin/rewards/settle-due', { token: admin, body: {} });
      const r = await api<{ items: { status: string }[] }>(rewards, { token: reseller.token });
      return r.items[0]?.status === 'AVAILABLE';
    });

    const { ctx, page } = await newPhone();
    await openAs(page, reseller, '/packages/reseller/index/index');
    await visible(page, 'reseller-centre').waitFor({ timeout: 30_000 });
    await shot(page, 'reseller');

    await goTo(page, '/packages/reseller/team/index?tab=customers', 'customer');
    await expect(visible(page, 'customer').innerText()).resolves.toContain('好友小美');
    await shot(page, 'reseller-customers');

    await goTo(
      page,
      `/packages/wallet/rewards/index?earnerType=reseller&earnerId=${reseller.userId}`,
      'reward',
    );
    const reward = visible(page, 'reward');
    await expect(reward.innerText()).resolves.toContain('好友小美');
    await expect(reward.innerText()).resolves.toContain(bought.title);
    await expect(reward.innerText()).resolves.toContain('已结算');
    const commission = await visible(page, 'reward-amount').innerText();
    expect(commission).toMatch(/^¥\d+\.\d{2}$/);
    await shot(page, 'reseller-commissions');

    const wallet = `/packages/wallet/index/index?earnerType=reseller&earnerId=${reseller.userId}&name=${encodeURIComponent('推广员阿杰')}`;
    await goTo(page, wallet, 'withdraw-submit');
    await reads(page, 'wallet-available', commission);
    // Too much first (below the 2000-yuan real-name threshold): the API's Chinese message, nothing moves.
    await visible(page, 'withdraw-amount').locator('input').fill('1999');
    await visible(page, 'withdraw-submit').click();
    await toast(page, '余额');
    await reads(page, 'wallet-available', commission);
    await page.waitForTimeout(2200); // the toast goes
    await visible(page, 'withdraw-amount').locator('input').fill(commission.slice(1));
    await visible(page, 'withdraw-submit').click();
    await visible(page, 'withdrawal-status').waitFor({ timeout: 20_000 });
    await reads(page, 'withdrawal-status', '待审核');
    await reads(page, 'wallet-withdrawing', commission);
    await shot(page, 'reseller-wallet');

    // Finance approves a WeChat transfer; the reseller confirms receipt (requestMerchantTransfer).
    const list = await api<{ items: { id: string }[] }>(
      `/api/app/withdrawals?earnerType=reseller&earnerId=${reseller.userId}`,
      { token: reseller.token },
    );
    await api(`/api/admin/withdrawals/${list.items[0].id}/approve`, {
      token: admin,
      body: { method: 'wechat' },
    });
    await until(async () => {
      const w = await api<{ packageInfo: string | null }>(`/api/app/withdrawals/${list.items[0].id}`, {
        token: reseller.token,
      });
      return !!w.packageInfo;
    });
    await goTo(page, wallet, 'withdrawal-receive');
    await visible(page, 'withdrawal-receive').click();
    await page.waitForURL(/\/sim\/transfer\/receive/, { timeout: 20_000 });
    await expect(page.locator('#amount').innerText()).resolves.toBe(commission);
    await shot(page, 'transfer-confirm');
    await page.click('#confirm');
    await page.waitForURL(
      (u) => u.toString().startsWith(stack.apiUrl) && u.hash.includes('transfer=success'),
      {
        timeout: 20_000,
      },
    );
    await until(async () => {
      const w = await api<{ status: string }>(`/api/app/withdrawals/${list.items[0].id}`, {
        token: reseller.token,
      });
      return w.status === 'PAID';
    });
    await goTo(page, wallet, 'withdrawal-status');
    await reads(page, 'withdrawal-status', '已到账');
    await shot(page, 'reseller-wallet-paid');
    await ctx.close();
  }, 240_000);

  it('a store owner verifies a pickup and records a till sale; the agent sees the store', async () => {
    const owner = await apiUser('店主老周');
    const agent = await apiUser('代理商老吴');
    const buyer = await apiUser('顾客阿花');
    const scan = await api<Scan>(`/api/app/scan/${stack.demoScanCode}`, { token: buyer.token });
    const storeId = scan.store.id;
    await api(`/api/admin/stores/${storeId}`, {
      method: 'PATCH',
      token: admin,
      body: { ownerUserId: owner.userId, agentUserId: agent.userId },
    });
    const pickup = await buyAndPay(buyer, 'pickup');
    const order = await api<{ pickupCode: string }>(`/api/app/orders/${pickup.id}`, { token: buyer.token });

    const { ctx, page } = await newPhone();
    await openAs(page, owner, '/packages/store/index/index');
    await visible(page, 'store-centre').waitFor({ timeout: 30_000 });
    await visible(page, 'queue-order').waitFor({ timeout: 20_000 });
    await shot(page, 'store');

    await visible(page, 'pickup-code').locator('input').fill(order.pickupCode);
    await visible(page, 'pickup-verify').click();
    await until(async () => {
      const o = await api<{ status: string }>(`/api/app/orders/${pickup.id}`, { token: buyer.token });
      return o.status === 'COMPLETED';
    });
    await page.waitForTimeout(2200);
    // The same code again: 取货码无效, nothing changes.
    await visible(page, 'pickup-code').locator('input').fill(order.pickupCode);
    await visible(page, 'pickup-verify').click();
    await toast(page, '取货码无效');
    await shot(page, 'store-verified');

    // A till sale for the buyer, found by their member code.
    const member = await api<{ code: string }>('/api/app/me/member-code', { token: buyer.token });
    await goTo(page, `/packages/store/till/index?storeId=${storeId}`, 'till-sku');
    await visible(page, 'till-member').locator('input').fill(member.code);
    await visible(page, 'till-sku').click();
    await visible(page, 'till-paid').locator('input').fill('5.00');
    await shot(page, 'store-till');
    await visible(page, 'till-submit').click();
    await toast(page, '已记账');
    await until(async () => {
      const r = await api<{ items: { channel: string; buyerId: string }[] }>(
        `/api/admin/orders?storeId=${storeId}&channel=offline`,
        { token: admin },
      );
      return r.items.some((o) => o.buyerId === buyer.userId);
    });

    await goTo(page, `/packages/store/manage/index?storeId=${storeId}&tab=stock&role=owner`, 'stock-row');
    await visible(page, 'restock-btn').click();
    await visible(page, 'restock-qty').locator('input').fill('6');
    await visible(page, 'restock-submit').click();
    await toast(page, '已提交补货申请');
    await visible(page, 'restock-row').waitFor({ timeout: 10_000 });
    const open = await api<{ items: { qty: number; storeId: string }[] }>(
      `/api/admin/restock-requests?status=open&storeId=${storeId}`,
      { token: admin },
    );
    expect(open.items.map((r) => r.qty)).toEqual([6]);
    await shot(page, 'store-stock');
    await goTo(
      page,
      `/packages/store/manage/index?storeId=${storeId}&tab=customers&role=owner`,
      'locked-customer',
    );
    await shot(page, 'store-customers');
    await ctx.close();

    const agentPhone = await newPhone();
    await openAs(agentPhone.page, agent, '/packages/agent/index/index');
    await visible(agentPhone.page, 'agent-store').waitFor({ timeout: 30_000 });
    await shot(agentPhone.page, 'agent');
    await agentPhone.ctx.close();
  }, 240_000);
});
