/**
 * The H5 build in Debian's Chromium against the real API, the WeChat simulator and embedded
 * PostgreSQL (one stack for the file, phone viewport 390×844): scan → take-away paid in at most
 * four taps after the landing, express with a new address and its region fee, a reseller's share
 * link binding a new user, an after-sale with a photo. Screenshots land in
 * artifacts/screenshots/miniprogram/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshotDir, startStack, type Stack } from '@cloudshelf/test-stack';

let stack: Stack;
let browser: Browser;
let shots: string;
let admin: string;

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

/** A WeChat user made on the simulator and logged in to the API (for set-up, not the UI). */
async function apiUser(nickname: string): Promise<{ token: string; userId: string }> {
  const sim = await fetch(`${stack.simUrl}/sim/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nickname }),
  }).then((r) => r.json() as Promise<{ code: string; openid: string }>);
  const login = await api<{ accessToken: string; userId: string }>('/api/app/auth/wechat-login', {
    body: { code: sim.code },
  });
  return { token: login.accessToken, userId: login.userId };
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

/** Opens an H5 URL as a brand-new WeChat user: the simulator's authorise page, then back. */
async function openAsNewUser(page: Page, hashPath: string): Promise<void> {
  await page.goto(`${stack.apiUrl}/h5/#${hashPath}`);
  await page.waitForURL(/\/sim\/oauth\/authorize/, { timeout: 30_000 });
  await page.click('#new-user');
  await page.waitForURL((u) => u.toString().startsWith(stack.apiUrl) && !u.search.includes('code='), {
    timeout: 30_000,
  });
}

/** Pages that need the user (checkout, orders) send a new visitor to the authorise page first. */
async function authorizeAsNewUser(page: Page): Promise<void> {
  await page.waitForURL(/\/sim\/oauth\/authorize/, { timeout: 30_000 });
  await page.click('#new-user');
  await page.waitForURL((u) => u.toString().startsWith(stack.apiUrl) && !u.search.includes('code='), {
    timeout: 30_000,
  });
}

/** After Taro's page transition has settled. */
async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  shots = screenshotDir('miniprogram');
  admin = await stack.adminToken();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('H5 mini-program', () => {
  let buyer: { ctx: BrowserContext; page: Page };
  let takeAwayOrderId: string;

  it('demo scan link as a new user → take-away paid in at most four taps → completed', async () => {
    buyer = await newPhone();
    const { page } = buyer;
    const t0 = Date.now();
    await openAsNewUser(page, `/pages/scan/index?scene=${stack.demoScanCode}`);
    await page.waitForSelector('[data-testid=scan-item]', { timeout: 30_000 });
    const landingMs = Date.now() - t0;
    await expect(page.locator('[data-testid=scan-store]')).toBeTruthy();
    await page.waitForTimeout(500); // let the product images paint for the screenshot
    await shot(page, 'scan-landing');

    let taps = 0;
    const tap = async (selector: string) => {
      taps++;
      await page.locator(selector).first().click();
    };
    // ① 拎走 on the first card that has store stock
    await tap('[data-mode=take_away]:not(.is-disabled)');
    await page.waitForSelector('[data-testid=sku-sheet]');
    await shot(page, 'sku-sheet');
    // ② 立即购买 (the SKU and quantity are preselected)
    await tap('[data-testid=sku-sheet] .btn--primary');
    await page.waitForSelector('[data-testid=submit-order]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=payable] .price');
    await shot(page, 'checkout-take-away');
    // ③ 提交订单 → the simulator's cashier
    await tap('[data-testid=submit-order]');
    await page.waitForURL(/\/sim\/pay\/cashier/, { timeout: 20_000 });
    const amount = await page.locator('#amount').innerText();
    await shot(page, 'cashier');
    // ④ WeChat's own confirm
    await tap('#confirm');
    await page.waitForSelector('[data-testid=pay-result-title]', { timeout: 30_000 });
    await expect(page.locator('[data-testid=pay-result-title]').innerText()).resolves.toBe('支付成功');
    await page.waitForTimeout(300);
    await shot(page, 'order-paid');
    expect(taps).toBeLessThanOrEqual(4);
    expect(amount).toMatch(/^¥\d+\.\d{2}$/);

    await page.locator('[data-testid=view-order]').click();
    await page.waitForSelector('[data-testid=order-status]');
    await expect(page.locator('[data-testid=order-status]').innerText()).resolves.toBe('已完成');
    takeAwayOrderId = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    expect(takeAwayOrderId).toMatch(/^[0-9a-f-]{36}$/);
    await shot(page, 'order-detail');
    writeFileSync(join(shots, 'timings.json'), JSON.stringify({ landingMs, taps }, null, 2));
  }, 180_000);

  it('requests an after-sale with a photo on that order', async () => {
    const { page } = buyer;
    await page.locator('[data-testid=after-sale-btn]').first().click();
    await page.waitForSelector('[data-testid=add-photo]');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('[data-testid=add-photo]').click();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    await (await chooser).setFiles({ name: 'damage.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('[data-testid=as-photo]', { timeout: 20_000 });
    await shot(page, 'after-sale-form');
    await page.locator('[data-testid=submit-after-sale]').click();
    await page.waitForSelector('[data-testid=order-after-sales]', { timeout: 20_000 });
    await expect(page.locator('[data-testid=order-after-sales]').innerText()).resolves.toContain('1 张凭证');
    await shot(page, 'after-sale-submitted');
  }, 120_000);

  it('renders the tab pages and the order list for the signed-in buyer', async () => {
    const { page } = buyer;
    const visit = async (path: string, ready: string, name: string) => {
      await page.goto(`${stack.apiUrl}/h5/#${path}`);
      // Taro's H5 router keeps earlier pages in the DOM, hidden: look at the visible one only.
      await page.locator(`${ready} >> visible=true`).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(400);
      await shot(page, name);
    };
    await visit('/pages/index/index', '[data-testid=product-card]', 'home');
    await visit('/pages/category/index', '[data-testid=product-card]', 'category');
    await visit('/pages/mine/index', '.mine-orders', 'mine');
    await visit('/packages/order/list/index', '[data-testid=order-card]', 'order-list');
    expect(await page.locator('[data-testid=order-card] >> visible=true').count()).toBe(1);
    await visit('/packages/goods/search/index', '[data-testid=search-input]', 'search');
    await page.locator('[data-testid=search-input] input').fill('茅台');
    await page.locator('[data-testid=search-input] input').press('Enter');
    const results = page.locator('.search__results [data-testid=product-card] >> visible=true');
    await results.first().waitFor({ timeout: 20_000 });
    await expect(results.first().innerText()).resolves.toContain('茅台');
    await shot(page, 'search');
    await buyer.ctx.close();
  }, 120_000);

  it('express with a new address: the region fee of the chosen province shows in checkout', async () => {
    // The operator's default template: ¥8 anywhere, ¥25 to 北京 (rule by name, address by code).
    await api('/api/admin/shipping-templates', {
      token: admin,
      body: {
        name: '默认运费',
        isDefault: true,
        firstWeightGrams: 1000,
        firstFeeFen: 800,
        extraWeightGrams: 1000,
        extraFeeFen: 400,
        freeOverFen: null,
        regions: [{ provinces: ['北京'], firstFeeFen: 2500, extraFeeFen: 1000 }],
      },
    });
    // A parcel within the first kilogram, so the fee is the rule's first-weight fee exactly.
    const products = await api<{ items: { id: string; fulfilmentModes: string[] }[] }>(
      '/api/app/products?pageSize=50',
    );
    let product: { id: string } | undefined;
    for (const p of products.items.filter((x) => x.fulfilmentModes.includes('express'))) {
      // Weights are the operator's data (the shopper's product page does not carry them).
      const detail = await api<{ skus: { weightGrams: number }[] }>(`/api/admin/products/${p.id}`, {
        token: admin,
      });
      if (detail.skus.length === 1 && detail.skus[0].weightGrams <= 1000) {
        product = p;
        break;
      }
    }
    if (!product) throw new Error('the demo catalog has no light express product');

    const { ctx, page } = await newPhone();
    // Browsing needs no login; the checkout's quote does (the simulator's authorise page).
    // First load of the H5 build in a fresh browser: bytes of /h5/ assets and time to a usable page.
    const assets: { url: string; bytes: number; encoding?: string }[] = [];
    page.on('response', (r) => {
      if (!r.url().includes('/h5/')) return;
      void r
        .body()
        .then((b) =>
          assets.push({ url: r.url(), bytes: b.length, encoding: r.headers()['content-encoding'] }),
        )
        .catch(() => undefined);
    });
    const t0 = Date.now();
    await page.goto(`${stack.apiUrl}/h5/#/packages/goods/detail/index?id=${product.id}`);
    await page.locator('.goods__btn.btn--primary >> visible=true').waitFor({ timeout: 20_000 });
    const firstLoadMs = Date.now() - t0;
    writeFileSync(
      join(shots, 'h5-first-load.json'),
      JSON.stringify({ firstLoadMs, bytes: assets.reduce((n, a) => n + a.bytes, 0), assets }, null, 2),
    );
    await page.locator('.goods__btn.btn--primary').click();
    await page.locator('[data-testid=sku-sheet] .btn--primary').click();
    await authorizeAsNewUser(page);
    await page.waitForSelector('[data-testid=checkout-address]', { timeout: 20_000 });
    await page.locator('[data-testid=checkout-address]').click();
    await page.locator('[data-testid=address-add]').click();
    await page.locator('[data-testid=addr-name] input').fill('李雷');
    await page.locator('[data-testid=addr-phone] input').fill('13912345678');
    await page.locator('[data-testid=addr-detail] input').fill('长安街1号');
    // The picker opens on 北京市 / 市辖区 / 东城区 (the dataset's first district): confirm it.
    await page.locator('[data-testid=addr-region]').click();
    await page.waitForTimeout(500); // the columns load from /api/app/regions
    await expect(page.locator('.weui-picker__item', { hasText: '东城区' }).first().isVisible()).resolves.toBe(
      true,
    );
    await shot(page, 'address-picker');
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
    await expect(page.locator('[data-testid=addr-region]').innerText()).resolves.toContain('东城区');
    await shot(page, 'address-form');
    await page.locator('[data-testid=addr-save]').click();
    await page.waitForSelector('[data-testid=shipping-fee]', { timeout: 20_000 });
    await expect(page.locator('[data-testid=checkout-address]').innerText()).resolves.toContain('北京市');
    await expect(page.locator('[data-testid=shipping-fee]').innerText()).resolves.toContain('¥25.00');
    await shot(page, 'checkout-express');
    await ctx.close();
  }, 180_000);

  it('opening a reseller’s share link as a new user binds them to the reseller', async () => {
    const reseller = await apiUser('推广员小王');
    await api('/api/app/reseller/apply', { token: reseller.token, body: {} });
    await api(`/api/admin/resellers/${reseller.userId}/approve`, { token: admin, body: {} });
    await api('/api/app/me', { method: 'PATCH', token: reseller.token, body: { nickname: '推广员小王' } });
    const products = await api<{ items: { id: string }[] }>('/api/app/products?pageSize=1');
    const link = await api<{ shareCode: string }>('/api/app/share-links', {
      token: reseller.token,
      body: { productId: products.items[0].id },
    });

    const { ctx, page } = await newPhone();
    await openAsNewUser(page, `/pages/share/index?scene=${link.shareCode}`);
    await page.waitForSelector('[data-testid=share-outcome]', { timeout: 30_000 });
    await expect(page.locator('[data-testid=share-outcome]').innerText()).resolves.toBe(
      '你已成为 推广员小王 的好友客户',
    );
    await shot(page, 'share-bound');
    const customers = await api<{ items: unknown[] }>('/api/app/reseller/customers', {
      token: reseller.token,
    });
    expect(customers.items).toHaveLength(1);
    await ctx.close();
  }, 120_000);
});
