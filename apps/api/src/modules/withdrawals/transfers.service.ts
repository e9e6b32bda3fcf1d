import { Inject, Injectable, Logger } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import {
  WechatError,
  WechatPayClient,
  type TransferNotificationResource,
  type WechatTransferBill,
} from '../../wechat';
import type { TransferListener } from '../payments/payments.ports';
import { Withdrawal } from './entities/withdrawal.entity';
import { withdrawalState } from './withdrawal-state';
import { WithdrawalErrors } from './withdrawals.errors';
import { WithdrawalsService } from './withdrawals.service';
import { RealNameService } from './real-name.service';

/** 佣金报酬: the transfer scene for commissions and rewards. */
const TRANSFER_SCENE_COMMISSION = '1005';

/**
 * Payouts through WeChat's merchant transfer (商家转账). The transfer is created by a job
 * after approval; WeChat then waits for the user to confirm in the mini-program, and its
 * result arrives by notification (or by the sync job's query).
 */
@Injectable()
export class TransfersService implements TransferListener {
  private readonly logger = new Logger('Transfers');

  constructor(
    private readonly tx: TransactionService,
    private readonly wechat: WechatPayClient,
    private readonly withdrawals: WithdrawalsService,
    private readonly realNames: RealNameService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The job: creates the transfer (same out_bill_no on retries) and takes WeChat's answer. */
  async execute(ctx: RequestContext, withdrawalId: string): Promise<void> {
    const w = await this.tx.repo(ctx, Withdrawal).findOneBy({ id: withdrawalId });
    if (!w || w.status !== 'APPROVED' || w.method !== 'wechat') return;
    // Sent whenever on file (WeChat then checks it and issues a receipt); required from 2000 yuan.
    const userName = await this.realNames.plainFor(ctx, w.payeeOpenid!);
    let bill: WechatTransferBill;
    try {
      bill = await this.wechat.createTransfer({
        outBillNo: w.outBillNo,
        transferSceneId: TRANSFER_SCENE_COMMISSION,
        openid: w.payeeOpenid!,
        ...(userName ? { userName } : {}),
        amountFen: w.netFen,
        remark: '佣金提现',
        notifyUrl: `${this.config.publicBaseUrl}/api/pay/wechat/transfer-notify`,
        userRecvPerception: '劳务报酬',
        reportInfos: [
          { infoType: '岗位类型', infoContent: w.earnerType === 'store' ? '合作门店' : '推广员' },
          { infoType: '报酬说明', infoContent: '销售佣金' },
        ],
      });
    } catch (err) {
      // WeChat refused the transfer for good (4xx): fail it and return the money. Anything else: retry.
      if (
        err instanceof WechatError &&
        err.status !== undefined &&
        err.status >= 400 &&
        err.status < 500 &&
        err.code !== 'FREQUENCY_LIMITED'
      ) {
        await this.fail(ctx, w.outBillNo, `${err.code}: ${err.message}`);
        return;
      }
      throw err;
    }
    await this.apply(
      ctx,
      bill.out_bill_no,
      bill.state,
      bill.transfer_bill_no,
      w.netFen,
      bill.package_info,
      bill.fail_reason,
    );
  }

  /** A MCHTRANSFER.BILL.FINISHED notification (via the payments module's notify endpoint). */
  async onTransferFinished(
    ctx: RequestContext,
    r: TransferNotificationResource,
  ): Promise<'processed' | 'duplicate'> {
    return this.apply(
      ctx,
      r.out_bill_no,
      r.state,
      r.transfer_bill_no,
      r.transfer_amount,
      undefined,
      r.fail_reason,
    );
  }

  /**
   * Takes WeChat's word on a transfer in one transaction with the withdrawal locked:
   * SUCCESS → PAID; FAIL / CANCELLED → FAILED with the money returned; in-between states
   * → PAYING (keeping package_info for the user's confirmation). Repeats change nothing.
   */
  async apply(
    ctx: RequestContext,
    outBillNo: string,
    state: WechatTransferBill['state'],
    transferBillNo: string,
    amountFen: number | undefined,
    packageInfo?: string,
    failReason?: string,
  ): Promise<'processed' | 'duplicate'> {
    return this.tx.run(ctx, async (c) => {
      const m = this.tx.manager(c);
      const w = await this.withdrawals.lock(m, { outBillNo });
      if (amountFen !== undefined && amountFen !== w.netFen) {
        throw WithdrawalErrors.WITHDRAWAL_STATE_INVALID({
          reason: 'transfer amount differs',
          expected: w.netFen,
          got: amountFen,
        });
      }
      if (w.status === 'PAID' || w.status === 'FAILED' || w.status === 'REJECTED') return 'duplicate';
      if (state === 'SUCCESS') {
        await this.withdrawals.settlePaid(c, m, w, '微信转账成功', { transferBillNo });
      } else if (state === 'FAIL' || state === 'CANCELLED') {
        await withdrawalState.transition(c, m, w, 'FAILED', `微信转账失败：${failReason ?? state}`, {
          transferBillNo,
          failReason: (failReason ?? state).slice(0, 200),
        });
        await this.withdrawals.returnMoney(c, w, 'failed', '转账失败，退回余额');
      } else if (w.status === 'APPROVED') {
        await withdrawalState.transition(c, m, w, 'PAYING', `微信转账处理中（${state}）`, {
          transferBillNo,
          packageInfo: packageInfo ?? null,
        });
      } else {
        return 'duplicate';
      }
      return 'processed';
    });
  }

  /** Fails an approved withdrawal that WeChat will not transfer. */
  private async fail(ctx: RequestContext, outBillNo: string, reason: string): Promise<void> {
    this.logger.warn({ outBillNo, reason }, 'transfer refused');
    await this.apply(ctx, outBillNo, 'FAIL', '', undefined, undefined, reason);
  }

  /** Sync job: asks WeChat about transfers in flight for a while. */
  async sync(ctx: RequestContext, minAgeMs: number): Promise<number> {
    const paying = await this.tx.repo(ctx, Withdrawal).find({
      where: { status: 'PAYING', updatedAt: LessThan(new Date(Date.now() - minAgeMs)) },
      take: 200,
    });
    for (const w of paying) {
      try {
        const bill = await this.wechat.queryTransfer(w.outBillNo);
        await this.apply(
          ctx,
          w.outBillNo,
          bill.state,
          bill.transfer_bill_no,
          bill.transfer_amount,
          bill.package_info,
          bill.fail_reason,
        );
      } catch (err) {
        this.logger.warn({ err, outBillNo: w.outBillNo }, 'transfer sync failed; next round retries');
      }
    }
    return paying.length;
  }
}
