import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';
import type { EarnerType } from '../../ledger/entities/ledger-account.entity';

export type WithdrawalStatus = 'REQUESTED' | 'APPROVED' | 'PAYING' | 'PAID' | 'REJECTED' | 'FAILED';
export type PayoutMethod = 'wechat' | 'manual';

/**
 * REQUESTED → APPROVED | REJECTED (finance); APPROVED → PAYING (WeChat transfer made)
 * | PAID (paid by hand) | FAILED (transfer refused); PAYING → PAID | FAILED (transfer result).
 * REJECTED and FAILED return the money to the earner's available balance.
 */
export const withdrawalMachine = new StateMachine<WithdrawalStatus>(
  'withdrawal',
  {
    REQUESTED: ['APPROVED', 'REJECTED'],
    APPROVED: ['PAYING', 'PAID', 'FAILED'],
    PAYING: ['PAID', 'FAILED'],
    PAID: [],
    REJECTED: [],
    FAILED: [],
  },
  'WITHDRAWAL_STATE_INVALID',
);

@Entity({ name: 'withdrawal' })
@Check(
  'ck_withdrawal_amounts',
  `"amount_fen" > 0 AND "fee_fen" >= 0 AND "net_fen" = "amount_fen" - "fee_fen" AND "net_fen" > 0`,
)
@Index('ix_withdrawal_earner', ['earnerType', 'earnerId', 'createdAt'])
@Index('ix_withdrawal_status', ['status', 'createdAt'])
export class Withdrawal extends TimestampedEntity {
  @Column({ name: 'earner_type', type: 'varchar', length: 16 })
  earnerType: EarnerType;

  @Column({ name: 'earner_id', type: 'varchar', length: 64 })
  earnerId: string;

  /** The mini-program user who asked. */
  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy: string;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  @MoneyColumn({ name: 'fee_fen' })
  feeFen: number;

  /** What the earner receives: amount − fee. */
  @MoneyColumn({ name: 'net_fen' })
  netFen: number;

  @Column({ type: 'varchar', length: 16 })
  status: WithdrawalStatus;

  @Column({ type: 'varchar', length: 8, nullable: true })
  method: PayoutMethod | null;

  @Column({ name: 'payee_openid', type: 'varchar', length: 64, nullable: true })
  payeeOpenid: string | null;

  @Index('uq_withdrawal_out_bill_no', { unique: true })
  @Column({ name: 'out_bill_no', type: 'varchar', length: 32 })
  outBillNo: string;

  @Column({ name: 'transfer_bill_no', type: 'varchar', length: 64, nullable: true })
  transferBillNo: string | null;

  /** For wx.requestMerchantTransfer while WeChat waits for the user to confirm. */
  @Column({ name: 'package_info', type: 'text', nullable: true })
  packageInfo: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;

  @Column({ name: 'fail_reason', type: 'varchar', length: 200, nullable: true })
  failReason: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 64, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;
}
