import type { SimContext } from './context';
import { randomAlnum, rsaSign, rsaVerify } from './crypto';
import { SimError } from './errors';
import { expireIfDue } from './pay-transactions';

/** The parameters of `wx.requestPayment`, all strings (WECHAT.md). */
const REQUEST_PAYMENT_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const;

/** What the mini-program would pass to `wx.requestPayment` for this prepay id, signed with the dev merchant key (the console's buttons). */
export function devRequestPayment(ctx: SimContext, prepayId: string): Record<string, string> {
  const timeStamp = String(Math.floor(ctx.store.now() / 1000));
  const nonceStr = randomAlnum(32);
  const pkg = `prepay_id=${prepayId}`;
  const paySign = rsaSign(
    `${ctx.creds.appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`,
    ctx.creds.merchantPrivateKeyPem,
  );
  return { appId: ctx.creds.appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
}

/**
 * The checks WeChat's payment sheet makes before it shows: every `wx.requestPayment`
 * parameter present as a string, signType RSA, the mini-program's appId, a package
 * naming a live prepay id of this payer, and paySign (SHA256withRSA over
 * `appId\ntimeStamp\nnonceStr\npackage\n`) verifying against the merchant's key.
 * A mismatch is refused with WeChat's wording (`requestPayment:fail …`).
 */
export function checkRequestPayment(ctx: SimContext, b: Record<string, unknown>) {
  const fail = (status: number, code: string, reason: string) =>
    new SimError(status, code, `requestPayment:fail ${reason}`);
  for (const f of REQUEST_PAYMENT_FIELDS) {
    const v = b[f];
    if (typeof v !== 'string' || !v) {
      const got =
        v === undefined
          ? 'Undefined'
          : v === null
            ? 'Null'
            : typeof v === 'string'
              ? 'empty String'
              : typeof v;
      throw fail(400, 'PARAM_ERROR', `parameter error: parameter.${f} should be String instead of ${got};`);
    }
  }
  if (typeof b.openid !== 'string' || !b.openid)
    throw fail(400, 'PARAM_ERROR', 'parameter error: openid is required');
  const p = b as unknown as Record<(typeof REQUEST_PAYMENT_FIELDS)[number], string>;
  if (p.signType !== 'RSA') throw fail(400, 'SIGN_TYPE_INVALID', '签名类型错误，JSAPI v3 支付只支持 RSA');
  if (!/^\d{10}$/.test(p.timeStamp))
    throw fail(400, 'PARAM_ERROR', 'parameter error: timeStamp 应为秒级时间戳字符串');
  if (p.appId !== ctx.creds.appId)
    throw fail(400, 'APPID_INVALID', '支付验证签名失败（appId 与小程序不一致）');
  const prepayId = /^prepay_id=(.+)$/.exec(p.package)?.[1];
  if (!prepayId) throw fail(400, 'PACKAGE_INVALID', 'package 格式错误，应为 prepay_id=***');
  const message = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
  if (!rsaVerify(message, p.paySign, ctx.creds.merchantPublicKeyPem))
    throw fail(400, 'SIGN_ERROR', '支付验证签名失败');
  const order = Object.values(ctx.store.state.orders).find((o) => o.prepay_id === prepayId);
  if (!order) throw fail(404, 'PREPAY_NOT_FOUND', 'prepay_id 无效');
  if (order.appid !== p.appId) throw fail(400, 'APPID_INVALID', '支付验证签名失败（appId 与下单时不一致）');
  if (order.openid !== b.openid)
    throw fail(400, 'OPENID_MISMATCH', '下单账号与支付账号不一致，请核实后再支付');
  expireIfDue(ctx, order);
  if (ctx.store.now() >= order.prepay_expires_at) throw fail(400, 'PREPAY_EXPIRED', '订单已过期，请重新下单');
  if (order.trade_state !== 'NOTPAY' && order.trade_state !== 'PAYERROR') {
    throw fail(
      409,
      'NOT_PAYABLE',
      `该订单已${order.trade_state === 'SUCCESS' ? '支付' : '关闭'}（${order.trade_state}）`,
    );
  }
  return order;
}
