// Multi-step flows the load generator cannot express: checkout end to end with the WeChat
// simulator, and the flash sale. Driven from Node with fetch (keep-alive), bounded in time.
export const ADDRESS = {
  name: '张三',
  phone: '13800000000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '文三路1号',
};

async function call(method, url, body, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;

/** Real WeChat buyers: a simulator user each, logged in through the API. */
export async function wechatBuyers(stack, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const u = await call('POST', `${stack.simUrl}/sim/users`, { nickname: `压测买家${i}` });
    const login = await call('POST', `${stack.api.url}/app/auth/wechat-login`, { code: u.body.code });
    if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.body)}`);
    out.push({ openid: u.body.openid, token: login.body.accessToken });
  }
  return out;
}

/**
 * Each buyer loops quote → order → pay → simulator confirm → signed notification → PAID for
 * `seconds`. PAID is read by one poller through the bench's own database role.
 */
export async function checkoutLoop(stack, db, buyers, skus, seconds) {
  const appId = (await call('GET', `${stack.simUrl}/sim/app`)).body.appId;
  const waiting = new Map(); // orderId → resolve
  let polling = true;
  const poller = (async () => {
    while (polling) {
      if (waiting.size) {
        const { rows } = await db.query(`SELECT id FROM orders WHERE id = ANY($1) AND status = 'PAID'`, [
          [...waiting.keys()],
        ]);
        for (const r of rows) {
          waiting.get(r.id)();
          waiting.delete(r.id);
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const until = Date.now() + seconds * 1000;
  const ms = [];
  let errors = 0;
  let n = 0;
  const t0 = performance.now();
  await Promise.all(
    buyers.map(async (b, bi) => {
      const auth = { authorization: `Bearer ${b.token}` };
      while (Date.now() < until) {
        const start = performance.now();
        const sku = skus[(bi * 7919 + n++) % skus.length];
        const checkout = { mode: 'express', address: ADDRESS, items: [{ skuId: sku, qty: 1 }] };
        try {
          const q = await call('POST', `${stack.api.url}/app/checkout/quote`, checkout, auth);
          if (q.status !== 200) throw new Error(`quote ${q.status} ${JSON.stringify(q.body)}`);
          const key = { ...auth, 'idempotency-key': `co-${bi}-${n}-${Date.now()}` };
          const o = await call('POST', `${stack.api.url}/app/orders`, checkout, key);
          if (o.status !== 201) throw new Error(`order ${o.status} ${JSON.stringify(o.body)}`);
          const pay = await call('POST', `${stack.api.url}/app/orders/${o.body.id}/pay`, undefined, auth);
          if (pay.status !== 200) throw new Error(`pay ${pay.status} ${JSON.stringify(pay.body)}`);
          const paid = new Promise((r) => waiting.set(o.body.id, r));
          const c = await call('POST', `${stack.simUrl}/sim/pay/confirm`, {
            appId,
            ...pay.body.requestPayment,
            openid: b.openid,
          });
          if (c.status !== 200) throw new Error(`confirm ${c.status} ${JSON.stringify(c.body)}`);
          await Promise.race([
            paid,
            new Promise((_, rej) => setTimeout(() => rej(new Error('not PAID within 30 s')), 30_000)),
          ]);
          ms.push(performance.now() - start);
        } catch (e) {
          errors++;
          if (errors <= 3) console.error(`  checkout error: ${e.message.slice(0, 300)}`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  polling = false;
  await poller;
  ms.sort((a, b) => a - b);
  return {
    paid: ms.length,
    rps: ms.length / elapsed,
    p50: pct(ms, 0.5),
    p99: pct(ms, 0.99),
    errors,
    elapsed,
  };
}

/** `buyers` each try to order one unit of `skuId` at once (`concurrency` in flight). */
export async function flashSale(stack, buyers, skuId, concurrency) {
  const ms = [];
  const status = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < buyers.length) {
        const b = buyers[next++];
        const start = performance.now();
        const r = await call(
          'POST',
          `${stack.api.url}/app/orders`,
          { mode: 'express', address: ADDRESS, items: [{ skuId, qty: 1 }] },
          { authorization: `Bearer ${b.token}`, 'idempotency-key': `flash-${b.userId}` },
        ).catch(() => ({ status: 0 }));
        ms.push(performance.now() - start);
        status[r.status] = (status[r.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  ms.sort((a, b) => a - b);
  return { status, rps: buyers.length / elapsed, p50: pct(ms, 0.5), p99: pct(ms, 0.99), elapsed };
}
