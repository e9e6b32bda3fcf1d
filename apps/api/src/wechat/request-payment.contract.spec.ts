import { generateKeyPairSync, createSign } from 'node:crypto';
import { WechatPayClient } from './wechat-pay.client';
import { startSimHarness, type SimHarness } from './fixtures/sim-harness';

/**
 * Issue 19 point 15: the simulator's payment sheet takes the `wx.requestPayment`
 * parameters and checks them as WeChat does before anyone can pay: all present,
 * signType RSA, the mini-program's appId, a live prepay id of this payer, and paySign
 * verifying against the merchant's key. Any mismatch is refused and pays nothing.
 */
let h: SimHarness;
let pay: WechatPayClient;
let openid: string;
let seq = 0;

beforeAll(async () => {
  h = await startSimHarness();
  pay = new WechatPayClient(h.config);
  openid = (await h.control('POST', '/sim/users', {})).openid;
});
afterAll(() => h.close());

async function prepay() {
  const outTradeNo = `RP${Date.now()}${++seq}`;
  const { prepayId, requestPaymentParams } = await pay.jsapiPrepay({
    outTradeNo,
    description: '云货架-测试',
    totalFen: 100,
    openid,
    notifyUrl: 'http://127.0.0.1:9/notify',
  });
  return { outTradeNo, prepayId, params: { appId: h.config.appId, ...requestPaymentParams, openid } };
}

async function confirm(body: Record<string, unknown>) {
  const res = await fetch(`${h.url}/sim/pay/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { code?: string; message?: string; tradeState?: string },
  };
}

const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const signWith = (
  key: typeof otherKey,
  p: { appId: string; timeStamp: string; nonceStr: string; package: string },
) =>
  createSign('RSA-SHA256')
    .update(`${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`)
    .sign(key, 'base64');

describe('simulator payment sheet checks wx.requestPayment as WeChat does', () => {
  it('refuses every mismatch with WeChat’s wording, then pays with the merchant-signed parameters', async () => {
    const { outTradeNo, params } = await prepay();
    const other = await prepay();
    const cases: [string, Record<string, unknown>, number, string, RegExp][] = [
      [
        'the old {prepayId, openid} shape',
        { prepayId: params.package.slice(10), openid },
        400,
        'PARAM_ERROR',
        /parameter\.appId should be String/,
      ],
      [
        'no paySign',
        { ...params, paySign: undefined },
        400,
        'PARAM_ERROR',
        /paySign should be String instead of Undefined/,
      ],
      [
        'a number for timeStamp',
        { ...params, timeStamp: Number(params.timeStamp) },
        400,
        'PARAM_ERROR',
        /timeStamp should be String/,
      ],
      [
        'paySign by another key',
        { ...params, paySign: signWith(otherKey, params) },
        400,
        'SIGN_ERROR',
        /支付验证签名失败/,
      ],
      [
        'timeStamp changed after signing',
        { ...params, timeStamp: String(Number(params.timeStamp) + 1) },
        400,
        'SIGN_ERROR',
        /支付验证签名失败/,
      ],
      [
        'nonceStr changed after signing',
        { ...params, nonceStr: 'x'.repeat(32) },
        400,
        'SIGN_ERROR',
        /支付验证签名失败/,
      ],
      [
        'another order’s package',
        { ...params, package: other.params.package },
        400,
        'SIGN_ERROR',
        /支付验证签名失败/,
      ],
      ['signType MD5', { ...params, signType: 'MD5' }, 400, 'SIGN_TYPE_INVALID', /RSA/],
      ['another appId', { ...params, appId: 'wx0123456789abcdef' }, 400, 'APPID_INVALID', /支付验证签名失败/],
      ['a malformed package', { ...params, package: 'prepay=abc' }, 400, 'PACKAGE_INVALID', /prepay_id/],
      [
        'another payer',
        { ...params, openid: (await h.control('POST', '/sim/users', {})).openid },
        400,
        'OPENID_MISMATCH',
        /下单账号与支付账号不一致/,
      ],
    ];
    for (const [what, body, status, code, message] of cases) {
      const res = await confirm(body);
      expect([what, res.status, res.body.code]).toEqual([what, status, code]);
      expect(res.body.message).toMatch(/^requestPayment:fail /);
      expect(res.body.message).toMatch(message);
    }
    expect((await pay.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY');

    const ok = await confirm(params);
    expect(ok).toMatchObject({ status: 200, body: { tradeState: 'SUCCESS' } });
    expect((await pay.queryByOutTradeNo(outTradeNo)).trade_state).toBe('SUCCESS');
    const again = await confirm(params);
    expect([again.status, again.body.code]).toEqual([409, 'NOT_PAYABLE']);
  });

  it('a fresh signature from the API for the same prepay id works (re-opened payment sheet)', async () => {
    const { prepayId, outTradeNo } = await prepay();
    const res = await confirm({
      appId: h.config.appId,
      ...pay.requestPaymentParams(prepayId),
      openid,
      fail: true,
    });
    expect(res.body.tradeState).toBe('PAYERROR');
    await h.pay(prepayId, openid);
    expect((await pay.queryByOutTradeNo(outTradeNo)).trade_state).toBe('SUCCESS');
  });

  it('tells a cashier page the mini-program’s appId', async () => {
    const res = await fetch(`${h.url}/sim/app`);
    expect(await res.json()).toEqual({ appId: h.config.appId, mchId: h.config.mchId });
  });
});
