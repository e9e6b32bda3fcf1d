'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startStack, launchBrowser, screenshotDir } = require('./index');

// The harness itself: real processes, a demo-seeded database, a code that resolves, a browser.
// Starting Chromium and stopping three processes take a few seconds each on 2 shared cores:
// more than jest's default 5 s (the API alone needs 2-4 s to close its pool, queue and server).
describe('test stack', () => {
  let stack;
  beforeAll(async () => {
    stack = await startStack();
  }, 240_000);
  afterAll(async () => {
    if (stack) await stack.stop();
  });

  it('serves a migrated, seeded API wired to its own simulator', async () => {
    const scan = await (await fetch(`${stack.apiUrl}/api/app/scan/${stack.demoScanCode}`)).json();
    expect(scan.store.name).toBeTruthy();
    expect(scan.items.length).toBeGreaterThan(0);
    const users = await (await fetch(`${stack.simUrl}/sim/users`)).json();
    expect(users.length).toBeGreaterThan(0);
    await expect(stack.adminToken()).resolves.toMatch(/\S{20,}/);
  });

  it('drives Chromium against it and keeps a screenshot', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
      await page.goto(`${stack.simUrl}/sim/`);
      await page.waitForLoadState('networkidle');
      const file = path.join(screenshotDir('test-stack'), 'simulator-console.png');
      await page.screenshot({ path: file });
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  }, 30_000);

  it('leaves nothing behind when stopped', async () => {
    const { dataDir, apiUrl } = stack;
    await stack.stop();
    stack = undefined;
    expect(fs.existsSync(dataDir)).toBe(false);
    await expect(fetch(`${apiUrl}/api/health`)).rejects.toThrow();
  }, 30_000);
});
