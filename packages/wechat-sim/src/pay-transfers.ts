import type { FastifyInstance } from 'fastify';
import type { SimContext } from './context';
import { randomAlnum, randomDigits } from './crypto';
import { PayError, paramError } from './errors';
import { cstTime, type SimTransfer } from './state';
import { readUserName } from './transfer-user-name';

const OUT_BILL_NO = /^[0-9A-Za-z]{5,32}$/;

interface TransferBody {
  appid?: string;
  out_bill_no?: string;
  transfer_scene_id?: string;
  openid?: string;
  user_name?: string;
  transfer_amount?: number;
  transfer_remark?: string;
  notify_url?: string;
  user_recv_perception?: string;
  transfer_scene_report_infos?: { info_type?: string; info_content?: string }[];
}

export function transferView(t: SimTransfer, full: boolean): Record<string, unknown> {
  const base = {
    out_bill_no: t.out_bill_no,
    transfer_bill_no: t.transfer_bill_no,
    create_time: t.create_time,
    state: t.state,
    ...(t.state === 'WAIT_USER_CONFIRM' ? { package_info: t.package_info } : {}),
  };
  if (!full) return base;
  return {
    ...base,
    appid: t.appid,
    transfer_amount: t.transfer_amount,
    transfer_remark: t.transfer_remark,
    openid: t.openid,
    update_time: t.update_time,
    ...(t.fail_reason ? { fail_reason: t.fail_reason } : {}),
  };
}

/** What the control surface shows: the full bill plus the name the simulator decrypted. */
export function transferControlView(t: SimTransfer): Record<string, unknown> {
  return { ...transferView(t, true), ...(t.user_name_plain ? { user_name: t.user_name_plain } : {}) };
}

/** Moves a bill to a final state and sends MCHTRANSFER.BILL.FINISHED. */
export function finishTransfer(
  ctx: SimContext,
  t: SimTransfer,
  state: 'SUCCESS' | 'FAIL' | 'CANCELLED',
  failReason?: string,
): void {
  const now = cstTime(ctx.store.now());
  t.state = state;
  t.update_time = now;
  if (failReason) t.fail_reason = failReason;
  ctx.store.save();
  if (!t.notify_url) return;
  ctx.notifier.enqueue(
    'MCHTRANSFER.BILL.FINISHED',
    '商家转账单据终态通知',
    'mch_payment',
    {
      mch_id: ctx.creds.mchId,
      out_bill_no: t.out_bill_no,
      transfer_bill_no: t.transfer_bill_no,
      state: t.state,
      ...(t.fail_reason ? { fail_reason: t.fail_reason } : {}),
      transfer_amount: t.transfer_amount,
      openid: t.openid,
      create_time: t.create_time,
      update_time: t.update_time,
    },
    t.notify_url,
  );
}

function validate(ctx: SimContext, b: TransferBody): void {
  if (b.appid !== ctx.creds.appId) throw new PayError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
  if (!b.out_bill_no || !OUT_BILL_NO.test(b.out_bill_no))
    throw paramError('out_bill_no', '应为5到32位数字或字母', b.out_bill_no);
  if (!b.transfer_scene_id) throw paramError('transfer_scene_id', '缺少必填参数');
  if (!b.openid || !ctx.store.state.users[b.openid])
    throw new PayError(400, 'PARAM_ERROR', 'openid与appid不匹配');
  const amount = b.transfer_amount;
  if (!Number.isSafeInteger(amount) || (amount as number) < 10)
    throw paramError('transfer_amount', '应为不小于10的整数（分）', amount);
  if (!b.transfer_remark || [...b.transfer_remark].length > 32)
    throw paramError('transfer_remark', '长度应为1到32个字符', b.transfer_remark);
  if (b.notify_url !== undefined && !/^https?:\/\/[^?#\s]+$/.test(b.notify_url))
    throw paramError('notify_url', '应为不带参数的http(s)地址', b.notify_url);
  if (!Array.isArray(b.transfer_scene_report_infos) || b.transfer_scene_report_infos.length === 0) {
    throw paramError('transfer_scene_report_infos', '缺少转账场景报备信息');
  }
}

export function registerTransferRoutes(app: FastifyInstance, ctx: SimContext): void {
  const { state } = ctx.store;
  const base = '/v3/fund-app/mch-transfer/transfer-bills';

  app.post(base, async (req) => {
    const b = (req.body ?? {}) as TransferBody;
    validate(ctx, b);
    const userName = readUserName(ctx, req, b.user_name, b.transfer_amount!);
    const fingerprint = JSON.stringify([b.openid, b.transfer_amount, b.transfer_scene_id, b.transfer_remark]);
    const existing = state.transfers[b.out_bill_no!];
    if (existing) {
      if (existing.fingerprint !== fingerprint)
        throw new PayError(400, 'INVALID_REQUEST', '商户单号重复，且请求参数与原单不一致');
      return transferView(existing, false);
    }
    const now = cstTime(ctx.store.now());
    const t: SimTransfer = {
      appid: b.appid!,
      out_bill_no: b.out_bill_no!,
      transfer_bill_no: `1330${randomDigits(28)}`,
      transfer_scene_id: b.transfer_scene_id!,
      openid: b.openid!,
      transfer_amount: b.transfer_amount!,
      transfer_remark: b.transfer_remark!,
      notify_url: b.notify_url ?? '',
      fingerprint,
      package_info: `ABBQO+oYAAABAAAAAAB${randomAlnum(40)}`,
      state: 'WAIT_USER_CONFIRM',
      ...(userName ? { user_name_plain: userName } : {}),
      create_time: now,
      update_time: now,
    };
    // A name that is not the user's real-name identity: accepted, then failed (NAME_NOT_CORRECT).
    const realName = state.users[t.openid].realName;
    const wrongName = userName !== undefined && realName !== undefined && realName !== userName;
    if (wrongName) t.state = 'ACCEPTED';
    state.transfers[t.out_bill_no] = t;
    ctx.store.save();
    const view = transferView(t, false);
    if (wrongName) {
      setTimeout(() => {
        if (!ctx.closed && t.state === 'ACCEPTED') finishTransfer(ctx, t, 'FAIL', 'NAME_NOT_CORRECT');
      }, 50);
    }
    return view;
  });

  app.get(`${base}/out-bill-no/:no`, async (req) => {
    const t = state.transfers[(req.params as { no: string }).no];
    if (!t) throw new PayError(404, 'NOT_FOUND', '记录不存在');
    return { ...transferView(t, true), mch_id: ctx.creds.mchId };
  });

  app.post(`${base}/out-bill-no/:no/cancel`, async (req) => {
    const t = state.transfers[(req.params as { no: string }).no];
    if (!t) throw new PayError(404, 'NOT_FOUND', '记录不存在');
    if (!['ACCEPTED', 'PROCESSING', 'WAIT_USER_CONFIRM'].includes(t.state)) {
      throw new PayError(400, 'INVALID_REQUEST', `当前单据状态${t.state}不允许撤销`);
    }
    finishTransfer(ctx, t, 'CANCELLED');
    return {
      out_bill_no: t.out_bill_no,
      transfer_bill_no: t.transfer_bill_no,
      state: 'CANCELLED',
      update_time: t.update_time,
    };
  });
}
