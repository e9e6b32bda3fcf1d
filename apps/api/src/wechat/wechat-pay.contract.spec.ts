import { createVerify, generateKeyPairSync } from 'node:crypto';
import { WechatPayClient } from './wechat-pay.client';
import { WechatError, WechatVerifyCode } from './wechat.errors';
import { startSimHarness, type SimHarness } from './fixtures/sim-harness';

let h: SimHarness;
let pay: WechatPayClient;
let openid: string;
let seq = 0;
const NOTIFY = 'http://127.0.0.1:9/notify';

beforeAll(async () => {
  h = await startSimHarness();
  pay = new WechatPayClient(h.config);
  openid = (await h.control('POST', '/sim/users', {})).openid;
});
afterAll(() => h.close());

function orderNo(): string {
  return `CS${Date.now()}${++seq}`;
}

async function paidOrder(totalFen = 100) {
  const outTradeNo = orderNo();
  const { prepayId } = await pay.jsapiPrepay({
    outTradeNo,
    description: '云货架-测试',
    totalFen,
    openid,
    notifyUrl: NOTIFY,
  });
  const confirmed = await h.pay(prepayId, openid);
  return { outTradeNo, prepayId, transactionId: confirmed.transactionId as string };
}

async function caught(p: Promise<unknown>): Promise<WechatError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(WechatError);
  return e as WechatError;
}

describe('JSAPI prepay, query and close', () => {
  it('returns wx.requestPayment params whose paySign verifies with the merchant public key', async () => {
    const { prepayId, requestPaymentParams: p } = await pay.jsapiPrepay({
      outTradeNo: orderNo(),
      description: '商品',
      totalFen: 1,
      openid,
      notifyUrl: NOTIFY,
    });
    expect(prepayId).toMatch(/^wx/);
    expect(p).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' });
    const message = `${h.creds.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(
      createVerify('RSA-SHA256').update(message).verify(h.creds.merchantPublicKeyPem, p.paySign, 'base64'),
    ).toBe(true);
  });

  it('repeats the prepay id for identical parameters and refuses different ones (403 OUT_TRADE_NO_USED)', async () => {
    const input = { outTradeNo: orderNo(), description: '商品', totalFen: 100, openid, notifyUrl: NOTIFY };
    const a = await pay.jsapiPrepay(input);
    const b = await pay.jsapiPrepay(input);
    expect(b.prepayId).toBe(a.prepayId);
    const e = await caught(pay.jsapiPrepay({ ...input, totalFen: 101 }));
    expect(e).toMatchObject({ source: 'pay', code: 'OUT_TRADE_NO_USED', status: 403, verified: true });
  });

  it('validates out_trade_no and amounts with PARAM_ERROR', async () => {
    const e = await caught(
      pay.jsapiPrepay({ outTradeNo: 'bad no!', description: 'x', totalFen: 1, openid, notifyUrl: NOTIFY }),
    );
    expect(e).toMatchObject({ code: 'PARAM_ERROR', status: 400 });
    expect((e.detail as { field: string }).field).toBe('out_trade_no');
    await expect(
      pay.jsapiPrepay({ outTradeNo: orderNo(), description: 'x', totalFen: 0, openid, notifyUrl: NOTIFY }),
    ).rejects.toMatchObject({ code: 'PARAM_ERROR' });
  });

  it('pays, queries by both ids, and refuses a second prepay or a close of a paid order', async () => {
    const { outTradeNo, transactionId } = await paidOrder(250);
    const t = await pay.queryByOutTradeNo(outTradeNo);
    expect(t).toMatchObject({
      trade_state: 'SUCCESS',
      transaction_id: transactionId,
      amount: { total: 250, payer_total: 250 },
      payer: { openid },
    });
    expect((await pay.queryByTransactionId(transactionId)).out_trade_no).toBe(outTradeNo);
    await expect(
      pay.jsapiPrepay({ outTradeNo, description: '云货架-测试', totalFen: 250, openid, notifyUrl: NOTIFY }),
    ).rejects.toMatchObject({ code: 'ORDERPAID' });
    await expect(pay.close(outTradeNo)).rejects.toMatchObject({ code: 'ORDERPAID' });
  });

  it('closes an unpaid order (204) after which prepay fails with ORDER_CLOSED; unknown orders are 404', async () => {
    const input = { outTradeNo: orderNo(), description: '商品', totalFen: 100, openid, notifyUrl: NOTIFY };
    await pay.jsapiPrepay(input);
    await expect(pay.close(input.outTradeNo)).resolves.toBeUndefined();
    expect((await pay.queryByOutTradeNo(input.outTradeNo)).trade_state).toBe('CLOSED');
    await expect(pay.jsapiPrepay(input)).rejects.toMatchObject({ code: 'ORDER_CLOSED', status: 400 });
    await expect(pay.queryByOutTradeNo('NOSUCHORDER1')).rejects.toMatchObject({
      code: 'ORDER_NOT_EXIST',
      status: 404,
    });
  });

  it('closes an order whose time_expire has passed on the simulator clock', async () => {
    const outTradeNo = orderNo();
    const { prepayId } = await pay.jsapiPrepay({
      outTradeNo,
      description: '商品',
      totalFen: 100,
      openid,
      notifyUrl: NOTIFY,
      timeExpire: new Date(Date.now() + 60_000),
    });
    await h.control('POST', '/sim/clock', { offsetSeconds: 120 });
    try {
      expect((await pay.queryByOutTradeNo(outTradeNo)).trade_state).toBe('CLOSED');
      await expect(h.pay(prepayId, openid)).rejects.toThrow(/409/);
    } finally {
      await h.control('POST', '/sim/clock', { offsetSeconds: 0 });
    }
  });
});

describe('signatures both ways', () => {
  it('a request signed with the wrong merchant key is 401 SIGN_ERROR', async () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const wrong = new WechatPayClient({ ...h.config, merchantPrivateKeyPem: privateKey });
    expect(await caught(wrong.queryByOutTradeNo('ANYORDER01'))).toMatchObject({
      code: 'SIGN_ERROR',
      status: 401,
      verified: true,
    });
  });

  it('a request whose timestamp is over 5 minutes off is 401 SIGN_ERROR', async () => {
    const skewed = new WechatPayClient(h.config, { now: () => Date.now() - 301_000 });
    expect(await caught(skewed.queryByOutTradeNo('ANYORDER01'))).toMatchObject({
      code: 'SIGN_ERROR',
      status: 401,
    });
  });

  it('an answer signed under a serial the client does not know is rejected before use', async () => {
    const other = new WechatPayClient({
      ...h.config,
      platformPublicKeyId: 'PUB_KEY_ID_0000000000000000000000000000',
    });
    expect(
      await caught(
        other.jsapiPrepay({
          outTradeNo: orderNo(),
          description: 'x',
          totalFen: 1,
          openid,
          notifyUrl: NOTIFY,
        }),
      ),
    ).toMatchObject({
      source: 'verify',
      code: WechatVerifyCode.UNKNOWN_SERIAL,
    });
  });

  it('an answer signed with another key is rejected before use', async () => {
    const { publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const other = new WechatPayClient({ ...h.config, platformPublicKeyPem: publicKey });
    await expect(other.queryByOutTradeNo('NOSUCHORDER1')).rejects.toMatchObject({
      code: 'ORDER_NOT_EXIST',
      verified: false,
    });
    await expect(
      other.jsapiPrepay({ outTradeNo: orderNo(), description: 'x', totalFen: 1, openid, notifyUrl: NOTIFY }),
    ).rejects.toMatchObject({
      code: WechatVerifyCode.BAD_SIGNATURE,
    });
  });

  it('maps injected WeChat faults (500 SYSTEM_ERROR) to WechatError', async () => {
    await h.control('POST', '/sim/faults', {
      path: '/v3/refund/domestic/refunds',
      status: 500,
      code: 'SYSTEM_ERROR',
    });
    expect(
      await caught(pay.refund({ outTradeNo: 'X00001', outRefundNo: 'R1', refundFen: 1, totalFen: 1 })),
    ).toMatchObject({ code: 'SYSTEM_ERROR', status: 500 });
  });
});

describe('refunds', () => {
  it('allows several partial refunds, never more than paid, and returns the same refund for the same out_refund_no', async () => {
    const { outTradeNo, transactionId } = await paidOrder(100);
    const r1 = await pay.refund({
      outTradeNo,
      outRefundNo: `${outTradeNo}R1`,
      refundFen: 30,
      totalFen: 100,
      reason: '部分退款',
    });
    expect(r1).toMatchObject({
      status: 'PROCESSING',
      out_trade_no: outTradeNo,
      amount: { refund: 30, total: 100 },
    });
    const again = await pay.refund({
      outTradeNo,
      outRefundNo: `${outTradeNo}R1`,
      refundFen: 30,
      totalFen: 100,
    });
    expect(again.refund_id).toBe(r1.refund_id);
    await pay.refund({ transactionId, outRefundNo: `${outTradeNo}R2`, refundFen: 70, totalFen: 100 });
    await expect(
      pay.refund({ outTradeNo, outRefundNo: `${outTradeNo}R3`, refundFen: 1, totalFen: 100 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST', status: 400 });
    await h.control('POST', `/sim/refunds/${outTradeNo}R1/complete`, { status: 'SUCCESS' });
    expect(await pay.queryRefund(`${outTradeNo}R1`)).toMatchObject({
      status: 'SUCCESS',
      success_time: expect.any(String),
    });
    expect((await pay.queryByOutTradeNo(outTradeNo)).trade_state).toBe('REFUND');
    await expect(pay.queryRefund('NOSUCHREFUND')).rejects.toMatchObject({
      code: 'RESOURCE_NOT_EXISTS',
      status: 404,
    });
  });

  it('refuses to refund an unpaid order', async () => {
    const outTradeNo = orderNo();
    await pay.jsapiPrepay({ outTradeNo, description: 'x', totalFen: 100, openid, notifyUrl: NOTIFY });
    await expect(
      pay.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 1, totalFen: 100 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('merchant transfers', () => {
  const transfer = (outBillNo: string, amountFen = 500) =>
    pay.createTransfer({
      outBillNo,
      transferSceneId: '1005',
      openid,
      amountFen,
      remark: '佣金提现',
      reportInfos: [
        { infoType: '岗位类型', infoContent: '推广员' },
        { infoType: '报酬说明', infoContent: '佣金' },
      ],
    });

  it('creates a bill waiting for the user, confirms it, and refuses to cancel it afterwards', async () => {
    const no = `W${Date.now()}A`;
    const bill = await transfer(no);
    expect(bill).toMatchObject({
      out_bill_no: no,
      state: 'WAIT_USER_CONFIRM',
      package_info: expect.any(String),
    });
    expect((await transfer(no)).transfer_bill_no).toBe(bill.transfer_bill_no);
    await h.control('POST', `/sim/transfers/${no}/confirm`, {});
    expect(await pay.queryTransfer(no)).toMatchObject({ state: 'SUCCESS', transfer_amount: 500, openid });
    await expect(pay.cancelTransfer(no)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('cancels a waiting bill (a POST without a body, signed correctly)', async () => {
    const no = `W${Date.now()}B`;
    await transfer(no);
    expect(await pay.cancelTransfer(no)).toMatchObject({ state: 'CANCELLED' });
    await expect(pay.queryTransfer('NOSUCHBILL')).rejects.toMatchObject({ status: 404 });
  });

  it('requires the encrypted user name from 2000 yuan up', async () => {
    await expect(transfer(`W${Date.now()}C`, 200_000)).rejects.toMatchObject({ code: 'PARAM_ERROR' });
  });
});

describe('trade bill', () => {
  it('lists today’s payments in a CSV with backtick-prefixed values whose SHA1 matches', async () => {
    const { outTradeNo } = await paidOrder(1234);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const bill = await pay.tradeBill(today);
    expect(bill.hashType).toBe('SHA1');
    const csv = await pay.downloadBill(bill);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['交易时间', '商户订单号', '订单金额']));
    const row = lines.find((l) => l.includes(`\`${outTradeNo},`));
    expect(row).toContain('`12.34');
    expect(lines[lines.length - 2]).toMatch(/^总交易单数/);
    await expect(pay.downloadBill({ ...bill, hashValue: '0'.repeat(40) })).rejects.toMatchObject({
      code: WechatVerifyCode.BILL_HASH_MISMATCH,
    });
    await expect(pay.tradeBill('2999-01-01')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
