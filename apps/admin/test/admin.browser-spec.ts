import { launchBrowser, screenshotDir, startStack, type Stack } from '@cloudshelf/test-stack';
import type { Browser, Page } from 'playwright-core';
import { Fixtures, PASSWORD, PNG } from './fixtures';

/**
 * The web admin in Debian's Chromium against the real API, WeChat simulator and
 * PostgreSQL with demo data: one stack for the whole file (CI time), one browser context
 * per role. Saves a 1366×850 screenshot of every main screen.
 */
jest.setTimeout(120_000);

describe('web admin in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let f: Fixtures;
  const shots = screenshotDir('admin');
  const paid = {
    ship: '',
    shipNo: '',
    refundNo: '',
    returnNo: '',
    storeA: '',
    storeAName: '',
    storeB: '',
  };

  async function loginAs(username: string, password = PASSWORD): Promise<Page> {
    const ctx = await browser.newContext({
      viewport: { width: 1366, height: 850 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    await page.goto(`${stack.apiUrl}/admin/`);
    await page.getByPlaceholder('用户名').fill(username);
    await page.getByPlaceholder('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('account-name').waitFor();
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: `${shots}/${name}.png` });
  const menuText = (page: Page) => page.locator('.ant-pro-sider').innerText();
  /** Waits for a ProTable to finish loading. */
  const tableReady = (page: Page) => page.locator('.ant-table-tbody').first().waitFor();
  const row = (page: Page, text: string) => page.locator('.ant-table-tbody tr', { hasText: text });

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    f = new Fixtures(stack);
    await f.init();
    Object.assign(paid, await f.scenario());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows each role only its menu, a 403 page for the rest, and the dashboard', async () => {
    // The scenario's payments reach the rollups through a job: wait until the API counts them.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await f.until('the paid orders in the analytics', async () => {
      const { data } = await f.admin.GET('/api/admin/analytics/dashboard', {
        params: { query: { from: today, to: today } },
      });
      return data && data.topStores.some((s) => s.name === paid.storeAName);
    });
    const admin = await loginAs('admin', stack.adminPassword);
    // 概览 is the analytics dashboard: figures against the previous period, the funnel, online vs
    // till, the trend and four leaderboards (the scenario's paid orders are on them), each with CSV.
    await admin.getByText('成交金额').first().waitFor();
    await admin.getByText('转化漏斗（线上）').waitFor();
    await admin.getByText('推广员业绩排行').waitFor();
    await admin.getByText(/上一周期 \d{4}-\d{2}-\d{2} ~/).waitFor();
    await admin.locator('canvas').nth(2).waitFor(); // funnel, online vs till, trend
    await row(admin, paid.storeAName).first().waitFor();
    await admin.waitForTimeout(500); // chart animations settle for the screenshot
    await shot(admin, 'dashboard');
    const overviewCsv = admin.waitForEvent('download');
    await admin
      .getByRole('button', { name: /导出 CSV/ })
      .first()
      .click();
    expect((await overviewCsv).suggestedFilename()).toMatch(/^analytics-overview-/);

    // Funnels per store, then per code of the store clicked.
    await admin.goto(`${stack.apiUrl}/admin/analytics/funnels`);
    await row(admin, paid.storeAName).first().click();
    await admin.getByText(`${paid.storeAName} · 各二维码转化`).waitFor();
    await shot(admin, 'funnels');
    const all = await menuText(admin);
    for (const entry of [
      '概览',
      '转化漏斗',
      '商品管理',
      '门店管理',
      '订单管理',
      '售后处理',
      '客户管理',
      '推广员管理',
      '提现审核',
      '业务设置',
      '账号与角色',
      '审计日志',
    ])
      expect(all).toContain(entry);

    const fin = await loginAs('fin');
    const finMenu = await menuText(fin);
    expect(finMenu).toContain('提现审核');
    expect(finMenu).not.toContain('账号与角色');
    await fin.goto(`${stack.apiUrl}/admin/system/admins`);
    await fin.getByText('无权访问').waitFor();
    await shot(fin, 'forbidden');

    const ops = await loginAs('ops');
    const opsMenu = await menuText(ops);
    expect(opsMenu).toContain('商品管理');
    expect(opsMenu).not.toContain('账号与角色');

    const mgr = await loginAs('mgr');
    const mgrMenu = await menuText(mgr);
    for (const entry of ['概览', '商品管理', '门店管理', '订单管理', '售后处理', '客户管理'])
      expect(mgrMenu).toContain(entry);
    for (const entry of ['推广员', '财务', '提现审核', '业务设置', '账号与角色', '审计日志'])
      expect(mgrMenu).not.toContain(entry);
    await Promise.all([admin, fin, ops, mgr].map((p) => p.context().close()));
  });

  it('a store manager cannot open another store’s order', async () => {
    const mgr = await loginAs('mgr');
    await mgr.goto(`${stack.apiUrl}/admin/orders/list`);
    await tableReady(mgr);
    expect(await row(mgr, paid.shipNo).count()).toBe(0);
    await mgr.goto(`${stack.apiUrl}/admin/orders/list/${paid.ship}`);
    await mgr.getByText('页面不存在').waitFor();
    await mgr.context().close();
  });

  it('creates a product with two SKUs and an image', async () => {
    const page = await loginAs('ops');
    await page.goto(`${stack.apiUrl}/admin/catalog/products`);
    await tableReady(page);
    await shot(page, 'products');
    await page.getByRole('button', { name: /新建商品/ }).click();
    await page.getByLabel('商品名称').fill('西湖龙井 明前特级 礼盒');
    await page.getByLabel('分类').click();
    await page.locator('.ant-select-item-option').first().click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'longjing.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.ant-upload-list-item-done, .ant-upload-list-item-container img').first().waitFor();
    await page.getByRole('button', { name: /添加规格/ }).click();
    await page.getByLabel('规格名 1').fill('规格');
    const values = page.getByRole('combobox', { name: '规格值（回车添加） 1' });
    await values.click();
    await page.keyboard.type('125克');
    await page.keyboard.press('Enter');
    await page.keyboard.type('250克');
    await page.keyboard.press('Enter');
    await page.getByLabel('价格 规格:125克').fill('688');
    await page.getByLabel('价格 规格:250克').fill('1288.5');
    await page.getByLabel('库存 规格:125克').fill('20');
    await shot(page, 'product-new');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/admin\/catalog\/products\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const product = (await f.admin.GET('/api/admin/products/{id}', { params: { path: { id } } })).data!;
    expect(product.title).toBe('西湖龙井 明前特级 礼盒');
    expect(product.images).toHaveLength(1);
    expect(product.skus.map((s) => [s.specs, s.priceFen, s.stock])).toEqual([
      [{ 规格: '125克' }, 68800, 20],
      [{ 规格: '250克' }, 128850, 0],
    ]);
    await page.getByText('编辑商品：西湖龙井').waitFor();
    await shot(page, 'product-edit');
    await page.context().close();
  });

  it('creates a store and a shelf, issues its code and downloads the code sheet', async () => {
    const page = await loginAs('ops');
    await page.goto(`${stack.apiUrl}/admin/stores/list`);
    await tableReady(page);
    await shot(page, 'stores');
    await page.getByRole('button', { name: /新建门店/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('门店名称').fill('云货架·西溪湿地店');
    await modal.getByLabel('地址').fill('浙江省杭州市西湖区天目山路518号');
    await modal.getByLabel('纬度').fill('30.2702');
    await modal.getByLabel('经度').fill('120.0632');
    await modal.getByRole('button', { name: /确\s*[定认]/ }).click();
    await page.waitForURL(/\/admin\/stores\/list\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: /新建货架/ }).click();
    await page.locator('.ant-modal').getByLabel('货架名称').fill('A1 龙井专柜');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*[定认]/ })
      .click();
    // A new shelf gets its scan code at once.
    await row(page, 'A1 龙井专柜').waitFor();
    expect(await row(page, 'A1 龙井专柜').innerText()).toMatch(/[0-9A-Za-z]{8,32}/);
    await page.locator('.ant-modal-wrap:visible').waitFor({ state: 'detached' });
    await shot(page, 'store-detail');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载货架码 PDF/ }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toBe('云货架·西溪湿地店-货架码.pdf');
    await page.getByRole('tab', { name: '货架码' }).click();
    await page.locator('.ant-tabs-tabpane-active .ant-table-row').first().waitFor();
    await shot(page, 'store-codes');
    await page.context().close();
  });

  it('finds the order paid through the simulator and ships it', async () => {
    const page = await loginAs('ops');
    await page.goto(`${stack.apiUrl}/admin/orders/list`);
    // Names, not ids: the buyer and the store of the order.
    await row(page, paid.shipNo).getByText('顾客王小明').waitFor();
    await row(page, paid.shipNo).getByText(paid.storeAName).waitFor();
    await shot(page, 'orders');
    await row(page, paid.shipNo).getByText('发货', { exact: true }).click();
    const modal = page.locator('.ant-modal', { hasText: '订单发货' });
    await modal.getByLabel('快递公司').fill('顺丰速运');
    await modal.getByLabel('快递单号').fill('SF1234567890');
    await modal.getByRole('button', { name: /确\s*[定认]/ }).click();
    await row(page, paid.shipNo).getByText('已发货').waitFor();
    await row(page, paid.shipNo).getByRole('link', { name: paid.shipNo }).click();
    await page.getByText('顺丰速运 SF1234567890', { exact: true }).waitFor();
    await page.getByText('业绩归属').waitFor();
    await shot(page, 'order-detail');
    await page.context().close();
  });

  it('approves an after-sale refund and sees it refunded', async () => {
    const page = await loginAs('fin');
    await page.goto(`${stack.apiUrl}/admin/after-sales/list`);
    await row(page, paid.refundNo).getByText('待审核').waitFor();
    await shot(page, 'after-sales');
    await row(page, paid.refundNo)
      .getByRole('button', { name: /同意退款/ })
      .click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await f.until('the refund to complete', async () => {
      await page.locator('[aria-label="reload"]').first().click();
      await page.waitForTimeout(300);
      return (await row(page, paid.refundNo).innerText()).includes('已退款');
    });
    await page.context().close();
  });

  it('adds an operator remark to an order and finds the order by the buyer', async () => {
    const page = await loginAs('ops');
    await page.goto(`${stack.apiUrl}/admin/orders/list/${paid.ship}`);
    const remarks = page.getByTestId('order-remarks');
    await remarks.getByText('暂无备注').waitFor();
    await remarks.getByRole('button', { name: /添加备注/ }).click();
    await remarks.getByText('请填写备注内容').waitFor(); // validated before sending
    await remarks.getByLabel('添加备注').fill('顾客来电：请周末送达');
    await remarks.getByRole('button', { name: /添加备注/ }).click();
    await remarks.getByText('顾客来电：请周末送达').waitFor();
    await remarks.getByText('ops').first().waitFor(); // who wrote it, by name
    await remarks.scrollIntoViewIfNeeded();
    await shot(page, 'order-remarks');
    await page.goto(`${stack.apiUrl}/admin/orders/list`);
    await tableReady(page);
    await page.getByPlaceholder('买家昵称、手机号或订单号').fill('王小明');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await row(page, paid.shipNo).waitFor();
    await page.getByPlaceholder('买家昵称、手机号或订单号').fill('没有这个买家');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('.ant-empty').first().waitFor();
    await page.context().close();
  });

  it('approves a return, confirms the goods came back and sees it refunded', async () => {
    const page = await loginAs('fin');
    await page.goto(`${stack.apiUrl}/admin/after-sales/list`);
    const r = row(page, paid.returnNo);
    await r.getByText('退货退款', { exact: true }).waitFor();
    await r.getByRole('button', { name: /同意退货/ }).click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await r.getByText('待退货').waitFor();
    await shot(page, 'after-sale-awaiting-return');
    await r.getByRole('button', { name: /确认收到退货/ }).click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await f.until('the return to be refunded', async () => {
      await page.locator('[aria-label="reload"]').first().click();
      await page.waitForTimeout(300);
      return (await r.innerText()).includes('已退款');
    });
    await page.context().close();
  });

  it('approves a withdrawal and sees it paid', async () => {
    const page = await loginAs('fin');
    await page.goto(`${stack.apiUrl}/admin/finance/withdrawals`);
    const w = row(page, '推广员小林');
    await w.getByText('待审核').waitFor();
    await shot(page, 'withdrawals');
    await w.getByText('通过').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByText('线下打款').click();
    await confirm.getByRole('button', { name: /确\s*定/ }).click();
    await w.getByText('已通过').waitFor();
    await w.getByRole('button', { name: /标记已打款/ }).click();
    await page
      .locator('.ant-popover')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await w.getByText('已打款').waitFor();
    await page.context().close();
  });

  it('renders the other screens with names, not ids', async () => {
    const page = await loginAs('admin', stack.adminPassword);
    const screens: [string, string, string][] = [
      ['customers', '/members/customers', '顾客王小明'],
      ['resellers', '/resellers/list', '推广员小林'],
      ['rewards', '/finance/rewards', '推广员小林'],
      ['ledger', '/finance/ledger', '账务自检'],
      ['settings', '/settings/business', '门店锁客天数'],
      ['shipping-templates', '/orders/shipping-templates', '运费模板'],
      ['categories', '/catalog/categories', '商品分类'],
      ['scan-logs', '/stores/scan-logs', '顾客王小明'],
      ['restocks', '/stores/restocks', '补货申请'],
      ['admin-users', '/system/admins', 'mgr'],
      ['audit-log', '/system/audit', 'admin_user'],
      ['payments', '/finance/payments', '微信支付单号'],
    ];
    for (const [name, path, text] of screens) {
      await page.goto(`${stack.apiUrl}/admin${path}`);
      await page.getByText(text).first().waitFor();
      // Names arrive in a second request: shoot once it has answered.
      await page.waitForLoadState('networkidle');
      await shot(page, name);
    }
    await page.context().close();
  });

  it('revokes a reseller with a reason and shows a reseller’s commissions', async () => {
    const page = await loginAs('ops');
    await page.goto(`${stack.apiUrl}/admin/resellers/list`);
    const r = row(page, '推广员小赵');
    await r.getByText('已通过').waitFor();
    await row(page, '推广员小林').getByText('佣金明细').click();
    const drawer = page.locator('.ant-drawer', { hasText: '佣金明细' });
    await drawer.getByText('一级佣金').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'reseller-commissions');
    await drawer.locator('.ant-drawer-close').click();
    await row(page, '推广员小林').getByText('团队').click();
    const team = page.locator('.ant-drawer', { hasText: '团队（两级）' });
    await team.getByText('绑定客户').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'reseller-team');
    await team.locator('.ant-drawer-close').click();
    await r.getByRole('button', { name: /清\s*退/ }).click();
    const modal = page.locator('.ant-modal', { hasText: '清退推广员' });
    await modal.getByText('已产生的佣金照常结算').waitFor();
    await modal.getByLabel('清退原因（记入审计日志）').fill('违规刷单，清退');
    await shot(page, 'reseller-revoke');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await r.getByText('已清退').waitFor();
    await r.getByText('违规刷单，清退').waitFor();
    await page.context().close();
  });
});
