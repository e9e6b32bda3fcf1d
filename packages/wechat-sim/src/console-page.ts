import { devRequestPayment } from './request-payment';
import type { SimContext } from './context';
import { cstTime } from './state';

function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function yuan(fen: number): string {
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function form(action: string, label: string, fields: Record<string, string> = {}, extra = ''): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return `<form method="post" action="${esc(action)}">${hidden}${extra}<button>${esc(label)}</button></form>`;
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="empty">暂无数据</p>';
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The /sim/ console: plain server-rendered HTML, newest first, every action a small form. */
export function renderConsole(ctx: SimContext): string {
  const s = ctx.store.state;
  const users = Object.values(s.users)
    .reverse()
    .map((u) => [
      esc(u.nickname),
      `<code>${esc(u.openid)}</code>`,
      esc(u.phoneNumber),
      esc(u.createdAt),
      form('/sim/login-code', '生成登录code', { openid: u.openid }) +
        form('/sim/phone-code', '生成手机号code', { openid: u.openid }),
    ]);
  const orders = Object.values(s.orders)
    .reverse()
    .map((o) => [
      `<code>${esc(o.out_trade_no)}</code>`,
      esc(o.description),
      yuan(o.total),
      esc(o.trade_state),
      esc(o.transaction_id),
      `<code>${esc(o.openid)}</code>`,
      esc(o.created_at),
      o.trade_state === 'NOTPAY' || o.trade_state === 'PAYERROR'
        ? form('/sim/pay/confirm', '确认支付', { ...devRequestPayment(ctx, o.prepay_id), openid: o.openid }) +
          form('/sim/pay/confirm', '支付失败', {
            ...devRequestPayment(ctx, o.prepay_id),
            openid: o.openid,
            fail: 'true',
          })
        : '',
    ]);
  const refunds = Object.values(s.refunds)
    .reverse()
    .map((r) => [
      `<code>${esc(r.out_refund_no)}</code>`,
      `<code>${esc(r.out_trade_no)}</code>`,
      yuan(r.refund),
      esc(r.status),
      esc(r.create_time),
      r.status === 'PROCESSING'
        ? form(`/sim/refunds/${encodeURIComponent(r.out_refund_no)}/complete`, '退款成功', {
            status: 'SUCCESS',
          }) +
          form(`/sim/refunds/${encodeURIComponent(r.out_refund_no)}/complete`, '退款异常', {
            status: 'ABNORMAL',
          })
        : '',
    ]);
  const transfers = Object.values(s.transfers)
    .reverse()
    .map((t) => [
      `<code>${esc(t.out_bill_no)}</code>`,
      `<code>${esc(t.openid)}</code>`,
      yuan(t.transfer_amount),
      esc(t.transfer_remark),
      esc(t.state),
      esc(t.create_time),
      t.state === 'WAIT_USER_CONFIRM'
        ? form(`/sim/transfers/${encodeURIComponent(t.out_bill_no)}/confirm`, '用户确认收款') +
          form(`/sim/transfers/${encodeURIComponent(t.out_bill_no)}/confirm`, '转账失败', { fail: 'true' })
        : '',
    ]);
  const notifications = [...s.notifications]
    .reverse()
    .slice(0, 100)
    .map((n) => {
      const last = n.attempts[n.attempts.length - 1];
      const action = `/sim/notifications/${encodeURIComponent(n.id)}/resend`;
      return [
        `<code>${esc(n.id)}</code>`,
        esc(n.event_type),
        esc(n.notify_url),
        esc(n.status),
        String(n.attempts.length),
        esc(last ? (last.status ?? last.error) : ''),
        esc(n.created_at),
        form(action, '重新发送', { variant: 'normal' }) +
          form(action, '重复发送', { variant: 'duplicate' }) +
          form(action, '重放(同nonce)', { variant: 'replay' }) +
          form(action, '篡改报文', { variant: 'tampered' }) +
          form(action, '探测签名', { variant: 'probe' }),
      ];
    });
  const messages = [...s.messages]
    .reverse()
    .slice(0, 50)
    .map((m) => [
      esc(m.at),
      `<code>${esc(m.touser)}</code>`,
      esc(m.template_id),
      esc(m.page),
      `<code>${esc(JSON.stringify(m.data))}</code>`,
    ]);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>微信模拟器控制台</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;width:100%;margin-bottom:1rem;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3} form{display:inline-block;margin:0 4px 2px 0} .empty{color:#888}
code{font-size:12px} header{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}
</style></head><body>
<header><h1>微信模拟器控制台</h1>
<div>模拟器时间：${esc(cstTime(ctx.store.now()))}（偏移 ${s.clockOffsetSeconds} 秒）</div>
${form('/sim/clock', '设置时钟偏移', {}, `<input name="offsetSeconds" size="8" value="${s.clockOffsetSeconds}"> 秒 `)}
<div>AppID <code>${esc(ctx.creds.appId)}</code> · 商户号 <code>${esc(ctx.creds.mchId)}</code></div></header>
<h2>测试用户</h2>
${form('/sim/users', '新建测试用户', {}, '<input name="nickname" placeholder="昵称"> ')}
${table(['昵称', 'OpenID', '手机号', '创建时间', '操作'], users)}
<h2>支付订单</h2>
${table(['商户订单号', '商品描述', '金额', '交易状态', '微信支付订单号', '付款用户', '创建时间', '操作'], orders)}
<h2>退款</h2>
${table(['商户退款单号', '商户订单号', '退款金额', '退款状态', '创建时间', '操作'], refunds)}
<h2>商家转账</h2>
${table(['商户单号', '收款用户', '金额', '备注', '状态', '创建时间', '操作'], transfers)}
<h2>回调通知</h2>
${table(['通知ID', '事件类型', '通知地址', '状态', '尝试次数', '最近结果', '创建时间', '操作'], notifications)}
<h2>订阅消息</h2>
${table(['发送时间', '接收用户', '模板ID', '跳转页面', '内容'], messages)}
</body></html>`;
}
