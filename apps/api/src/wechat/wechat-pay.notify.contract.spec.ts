import { WechatPayClient } from './wechat-pay.client';
import { WechatError, WechatVerifyCode } from './wechat.errors';
import type { WechatNotification } from './wechat-pay.types';
import { startReceiver } from './fixtures/notify-receiver';
import { startSimHarness, waitFor, type SimHarness } from './fixtures/sim-harness';

let h: SimHarness;
let pay: WechatPayClient;
let openid: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** Verified notifications and verification failures, in arrival order. */
const accepted: WechatNotification[] = [];
const rejected: string[] = [];
/** Statuses to answer before verifying, to exercise WeChat's retries. */
const forcedStatuses: number[] = [];

interface SimAttempt {
  variant: string;
  status?: number;
}
interface SimNotification {
  id: string;
  status: string;
  attempts: SimAttempt[];
}

beforeAll(async () => {
  h = await startSimHarness();
  pay = new WechatPayClient(h.config);
  openid = (await h.control('POST', '/sim/users', {})).openid;
  // The receiver does what the API's notify endpoint will do: verify + decrypt first, answer 4xx on failure.
  receiver = await startReceiver(async ({ headers, body }) => {
    const forced = forcedStatuses.shift();
    if (forced !== undefined) return forced;
    try {
      accepted.push(await pay.verifyAndDecryptNotification(headers as Record<string, string>, body));
      return 204;
    } catch (err) {
      rejected.push(err instanceof WechatError ? err.code : String(err));
      return 401;
    }
  });
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

async function payOrder(totalFen: number) {
  const outTradeNo = `N${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const { prepayId } = await pay.jsapiPrepay({
    outTradeNo,
    description: '通知测试',
    totalFen,
    openid,
    notifyUrl: receiver.url('/api/pay/wechat/notify'),
  });
  const { notificationId } = await h.pay(prepayId, openid);
  return { outTradeNo, notificationId: notificationId as string };
}

function notification(id: string): Promise<SimNotification> {
  return h.control('GET', `/sim/notifications/${id}`);
}

describe('notifications', () => {
  it('delivers TRANSACTION.SUCCESS, retrying on failures until a 2xx, recording every attempt', async () => {
    forcedStatuses.push(500, 503);
    const { outTradeNo, notificationId } = await payOrder(321);
    const n = await waitFor(async () => {
      const x = await notification(notificationId);
      return x.status === 'DELIVERED' ? x : undefined;
    });
    expect(n.attempts.map((a) => a.status)).toEqual([500, 503, 204]);
    const got = accepted.find((a) => a.id === notificationId)!;
    expect(got.eventType).toBe('TRANSACTION.SUCCESS');
    if (got.eventType !== 'TRANSACTION.SUCCESS') throw new Error('unreachable');
    expect(got.resource).toMatchObject({
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      amount: { total: 321 },
      payer: { openid },
    });
  });

  it('lets the receiver reject tampered bodies, probe signatures and replayed nonces, and accept duplicates', async () => {
    const { notificationId } = await payOrder(100);
    await waitFor(async () =>
      (await notification(notificationId)).status === 'DELIVERED' ? true : undefined,
    );
    rejected.length = 0;
    const resend = (variant: string) =>
      h.control('POST', `/sim/notifications/${notificationId}/resend`, { variant });

    expect((await resend('tampered')).attempts.map((a: SimAttempt) => a.status)).toEqual([401]);
    expect((await resend('probe')).attempts.map((a: SimAttempt) => a.status)).toEqual([401]);
    expect((await resend('replay')).attempts.map((a: SimAttempt) => a.status)).toEqual([204, 401]);
    expect(rejected).toEqual([
      WechatVerifyCode.BAD_SIGNATURE,
      WechatVerifyCode.PROBE_SIGNATURE,
      WechatVerifyCode.REPLAYED_NONCE,
    ]);
    // A duplicate is a fresh, valid delivery of the same event: it verifies, so handlers must be idempotent.
    expect((await resend('duplicate')).attempts.map((a: SimAttempt) => a.status)).toEqual([204, 204]);
    expect(accepted.filter((a) => a.id === notificationId).length).toBeGreaterThanOrEqual(4);
  });

  it('lets the receiver reject a notification signed more than 5 minutes ago', async () => {
    const { notificationId } = await payOrder(100);
    await waitFor(async () =>
      (await notification(notificationId)).status === 'DELIVERED' ? true : undefined,
    );
    rejected.length = 0;
    await h.control('POST', '/sim/clock', { offsetSeconds: -400 });
    try {
      const r = await h.control('POST', `/sim/notifications/${notificationId}/resend`, { variant: 'normal' });
      expect(r.attempts[0].status).toBe(401);
      expect(rejected).toEqual([WechatVerifyCode.STALE_TIMESTAMP]);
    } finally {
      await h.control('POST', '/sim/clock', { offsetSeconds: 0 });
    }
  });

  it('delivers REFUND.SUCCESS and MCHTRANSFER.BILL.FINISHED with decryptable resources', async () => {
    const { outTradeNo } = await payOrder(100);
    const outRefundNo = `${outTradeNo}R`;
    await pay.refund({
      outTradeNo,
      outRefundNo,
      refundFen: 40,
      totalFen: 100,
      notifyUrl: receiver.url('/api/pay/wechat/refund-notify'),
    });
    await h.control('POST', `/sim/refunds/${outRefundNo}/complete`, {});
    const refund = await waitFor(() =>
      accepted.find(
        (a) =>
          a.eventType === 'REFUND.SUCCESS' &&
          (a.resource as { out_refund_no: string }).out_refund_no === outRefundNo,
      ),
    );
    expect(refund.resource).toMatchObject({
      out_trade_no: outTradeNo,
      refund_status: 'SUCCESS',
      amount: { refund: 40, total: 100 },
    });

    const outBillNo = `T${Date.now()}`;
    await pay.createTransfer({
      outBillNo,
      transferSceneId: '1005',
      openid,
      amountFen: 888,
      remark: '佣金提现',
      notifyUrl: receiver.url('/api/pay/wechat/transfer-notify'),
      reportInfos: [{ infoType: '岗位类型', infoContent: '推广员' }],
    });
    await h.control('POST', `/sim/transfers/${outBillNo}/confirm`, { fail: true });
    const done = await waitFor(() =>
      accepted.find(
        (a) =>
          a.eventType === 'MCHTRANSFER.BILL.FINISHED' &&
          (a.resource as { out_bill_no: string }).out_bill_no === outBillNo,
      ),
    );
    expect(done.resource).toMatchObject({
      state: 'FAIL',
      transfer_amount: 888,
      openid,
      fail_reason: expect.any(String),
    });
  });

  it('completes refunds by itself after the configured delay', async () => {
    const auto = await startSimHarness({ refundDelayMs: 50 });
    try {
      const client = new WechatPayClient(auto.config);
      const buyer = (await auto.control('POST', '/sim/users', {})).openid;
      const outTradeNo = `A${Date.now()}`;
      const { prepayId } = await client.jsapiPrepay({
        outTradeNo,
        description: 'x',
        totalFen: 10,
        openid: buyer,
        notifyUrl: 'http://127.0.0.1:9/x',
      });
      await auto.pay(prepayId, buyer);
      await client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R`, refundFen: 10, totalFen: 10 });
      await waitFor(async () =>
        (await client.queryRefund(`${outTradeNo}R`)).status === 'SUCCESS' ? true : undefined,
      );
    } finally {
      await auto.close();
    }
  });
});
