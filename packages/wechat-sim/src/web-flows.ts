import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SimContext } from './context';
import { randomAlnum, randomDigits } from './crypto';
import { SimError } from './errors';
import { issueCode } from './mini-routes';
import { cstTime, type SimUser } from './state';

/**
 * The browser-side flows of WeChat, played by redirect so the mini-program's H5 build can log in
 * and pay without a WeChat client, the way WeChat's web authorisation (`/connect/oauth2/authorize`)
 * and its H5 cashier work:
 *
 * - `GET /sim/oauth/authorize?redirect_uri=…&state=…` lists the simulator's test users (and makes a
 *   new one); choosing one remembers it in a cookie (WeChat knows who holds the phone) and redirects
 *   to `redirect_uri?code=…&state=…` with a fresh login code that the API's `wechat-login` accepts
 *   exactly as a `wx.login` code.
 * - `GET /sim/pay/cashier?appId&timeStamp&nonceStr&package&signType&paySign&redirect_uri` shows the
 *   order's amount; 确认支付 posts every `wx.requestPayment` parameter plus the payer's openid to
 *   `POST /sim/pay/confirm` (the same call the mini-program's payment sheet makes) and redirects back
 *   with `pay=success|fail|cancel`.
 * - `GET /sim/transfer/receive?mchId&appId&package&redirect_uri` is `wx.requestMerchantTransfer`:
 *   it shows the merchant transfer waiting for the user (found by its `package_info`); 确认收款
 *   finishes it as the user's confirmation in WeChat does (the bill's notification follows) and
 *   redirects back with `transfer=success|fail|cancel`.
 *
 * Development and tests only, like everything under /sim/.
 */
const COOKIE = 'sim_openid';

function esc(v: unknown): string {
  return String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,user-scalable=no">
<title>${esc(title)}</title><style>
body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;background:#ededed;color:#111}
header{background:#fff;padding:14px 16px;font-size:17px;font-weight:600;text-align:center;border-bottom:1px solid #e5e5e5}
main{padding:16px}.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:12px}
.muted{color:#888;font-size:13px}.amount{font-size:36px;font-weight:600;text-align:center;margin:8px 0 16px}
button{display:block;width:100%;min-height:46px;border:0;border-radius:6px;font-size:17px;margin-top:12px;cursor:pointer}
.primary{background:#07c160;color:#fff}.plain{background:#f2f2f2;color:#111}.danger{background:#fff;color:#fa5151;border:1px solid #fa5151}
.user{display:flex;align-items:center;justify-content:space-between;text-align:left;background:#fff;padding:12px 16px}
.tip{font-size:12px;color:#b2b2b2;text-align:center;margin-top:24px}
</style></head><body>${body}</body></html>`;
}

function readCookie(req: FastifyRequest, name: string): string | undefined {
  const raw = String(req.headers.cookie ?? '');
  for (const part of raw.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Only http(s) URLs: the simulator never redirects to a script or a data URL. */
function checkRedirect(v: unknown): string {
  if (typeof v !== 'string' || !/^https?:\/\//.test(v)) {
    throw new SimError(400, 'BAD_REDIRECT_URI', 'redirect_uri must be an http(s) URL');
  }
  return v;
}

/** Puts `params` into the query before the hash, as WeChat's authorisation redirect does. */
export function withQuery(url: string, params: Record<string, string>): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const qs = new URLSearchParams(params).toString();
  return `${base}${base.includes('?') ? '&' : '?'}${qs}${hash}`;
}

function fen(total: number): string {
  return `¥${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
}

export function registerWebFlows(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;

  app.get('/sim/oauth/authorize', async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Record<string, string | undefined>;
    const redirect = checkRedirect(q.redirect_uri);
    const current = readCookie(req, COOKIE);
    const users = Object.values(state.users).slice(-8).reverse();
    const hidden = `<input type="hidden" name="redirect_uri" value="${esc(redirect)}"><input type="hidden" name="state" value="${esc(q.state ?? '')}">`;
    const list = users
      .map(
        (u) => `<form method="post" action="/sim/oauth/authorize">${hidden}
<input type="hidden" name="openid" value="${esc(u.openid)}">
<button class="user" data-openid="${esc(u.openid)}"><span>${esc(u.nickname)}${u.openid === current ? ' ✓' : ''}</span><span class="muted">${esc(u.phoneNumber)}</span></button></form>`,
      )
      .join('');
    return reply.type('text/html; charset=utf-8').send(
      page(
        '微信授权',
        `<header>微信授权（模拟器）</header><main>
<div class="card"><div>云货架 申请获得你的公开信息（昵称、头像）</div><div class="muted">选择一个测试微信用户继续，或新建一个</div>
<form method="post" action="/sim/oauth/authorize">${hidden}<input type="hidden" name="new" value="1">
<button class="primary" id="new-user">以新微信用户继续</button></form></div>
<div class="card" style="padding:0">${list || '<div class="user muted">还没有测试用户</div>'}</div>
<div class="tip">这是 CloudShelf 的本地微信模拟器，仅用于开发与测试</div></main>`,
      ),
    );
  });

  app.post('/sim/oauth/authorize', async (req: FastifyRequest, reply: FastifyReply) => {
    const b = (req.body ?? {}) as Record<string, string | undefined>;
    const redirect = checkRedirect(b.redirect_uri);
    let user: SimUser | undefined = b.openid ? state.users[b.openid] : undefined;
    if (!user) {
      if (b.openid) throw new SimError(404, 'USER_NOT_FOUND', 'no such simulated user');
      const openid = `o${randomAlnum(27)}`;
      user = {
        openid,
        unionid: `u${randomAlnum(27)}`,
        nickname: `微信用户${randomDigits(4)}`,
        phoneNumber: `139${randomDigits(8)}`,
        risky: false,
        refuseSubscribe: false,
        createdAt: cstTime(ctx.store.now()),
      };
      state.users[openid] = user;
      ctx.store.save();
    }
    const code = issueCode(ctx, 'loginCodes', user.openid);
    reply.header(
      'set-cookie',
      `${COOKIE}=${encodeURIComponent(user.openid)}; Path=/sim; HttpOnly; SameSite=Lax`,
    );
    return reply.redirect(withQuery(redirect, { code, state: b.state ?? '' }), 302);
  });

  app.get('/sim/pay/cashier', async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Record<string, string | undefined>;
    const redirect = checkRedirect(q.redirect_uri);
    const prepayId = String(q.package ?? '').replace(/^prepay_id=/, '');
    const order = Object.values(state.orders).find((o) => o.prepay_id === prepayId);
    if (!order) throw new SimError(404, 'PREPAY_NOT_FOUND', 'no order with this prepay_id');
    // The payer is whoever holds the phone: the user chosen on the authorise page.
    const openid = readCookie(req, COOKIE) ?? '';
    const params = {
      appId: q.appId ?? '',
      timeStamp: q.timeStamp ?? '',
      nonceStr: q.nonceStr ?? '',
      package: q.package ?? '',
      signType: q.signType ?? '',
      paySign: q.paySign ?? '',
    };
    const script = `
const params = ${JSON.stringify(params).replace(/</g, '\\u003c')};
const back = ${JSON.stringify(redirect).replace(/</g, '\\u003c')};
const openid = ${JSON.stringify(openid).replace(/</g, '\\u003c')};
const prepayId = ${JSON.stringify(prepayId).replace(/</g, '\\u003c')};
function go(result) {
  const tail = back.includes('#') ? back.slice(back.indexOf('#')) : back;
  location.replace(back + (tail.includes('?') ? '&' : '?') + 'pay=' + result);
}
async function pay(fail) {
  for (const b of document.querySelectorAll('button')) b.disabled = true;
  const res = await fetch('/sim/pay/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, openid, prepayId, fail }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    document.getElementById('error').textContent = body.message || '支付失败';
    setTimeout(() => go('fail'), 1200);
    return;
  }
  go(fail ? 'fail' : 'success');
}
document.getElementById('confirm').onclick = () => pay(false);
document.getElementById('fail').onclick = () => pay(true);
document.getElementById('cancel').onclick = () => go('cancel');`;
    return reply.type('text/html; charset=utf-8').send(
      page(
        '微信支付',
        `<header>微信支付（模拟器）</header><main>
<div class="card"><div class="muted" style="text-align:center">${esc(order.description)}</div>
<div class="amount" id="amount">${esc(fen(order.total))}</div>
<div class="muted">收款方：商户号 ${esc(order.mchid)}</div>
<div class="muted">付款人：${esc(state.users[openid]?.nickname ?? '未授权的微信用户')}</div>
<div id="error" style="color:#fa5151;text-align:center"></div>
<button class="primary" id="confirm">确认支付</button>
<button class="danger" id="fail">模拟支付失败</button>
<button class="plain" id="cancel">取消</button></div>
<div class="tip">这是 CloudShelf 的本地微信模拟器，仅用于开发与测试</div></main>
<script>${script}</script>`,
      ),
    );
  });

  app.get('/sim/transfer/receive', async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Record<string, string | undefined>;
    const redirect = checkRedirect(q.redirect_uri);
    const t = Object.values(state.transfers).find((x) => x.package_info === q.package);
    if (!t) throw new SimError(404, 'TRANSFER_NOT_FOUND', 'no transfer bill with this package');
    if (q.mchId !== ctx.creds.mchId || q.appId !== t.appid)
      throw new SimError(400, 'MCH_APP_MISMATCH', 'mchId or appId does not match the transfer bill');
    const openid = readCookie(req, COOKIE) ?? '';
    const script = `
const back = ${JSON.stringify(redirect).replace(/</g, '\\u003c')};
const no = ${JSON.stringify(t.out_bill_no).replace(/</g, '\\u003c')};
function go(result) {
  const tail = back.includes('#') ? back.slice(back.indexOf('#')) : back;
  location.replace(back + (tail.includes('?') ? '&' : '?') + 'transfer=' + result);
}
async function receive(fail) {
  for (const b of document.querySelectorAll('button')) b.disabled = true;
  const res = await fetch('/sim/transfers/' + encodeURIComponent(no) + '/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fail }),
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    document.getElementById('error').textContent = body.message || '收款失败';
    setTimeout(() => go('fail'), 1200);
    return;
  }
  go(fail ? 'fail' : 'success');
}
document.getElementById('confirm').onclick = () => receive(false);
document.getElementById('fail').onclick = () => receive(true);
document.getElementById('cancel').onclick = () => go('cancel');`;
    const waiting = t.state === 'WAIT_USER_CONFIRM';
    return reply.type('text/html; charset=utf-8').send(
      page(
        '确认收款',
        `<header>确认收款（模拟器）</header><main>
<div class="card"><div class="muted" style="text-align:center">${esc(t.transfer_remark)}</div>
<div class="amount" id="amount">${esc(fen(t.transfer_amount))}</div>
<div class="muted">付款方：商户号 ${esc(ctx.creds.mchId)}</div>
<div class="muted">收款人：${esc(state.users[openid]?.nickname ?? state.users[t.openid]?.nickname ?? '')}</div>
<div class="muted">状态：${esc(t.state)}</div>
<div id="error" style="color:#fa5151;text-align:center"></div>
<button class="primary" id="confirm"${waiting ? '' : ' disabled'}>确认收款</button>
<button class="danger" id="fail"${waiting ? '' : ' disabled'}>模拟收款失败</button>
<button class="plain" id="cancel">返回</button></div>
<div class="tip">这是 CloudShelf 的本地微信模拟器，仅用于开发与测试</div></main>
<script>${script}</script>`,
      ),
    );
  });
}
