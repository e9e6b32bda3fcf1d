import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';

export type RefundStatus = 'REQUESTED' | 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL';

/**
 * REQUESTED (written in the caller's transaction) → PROCESSING (WeChat accepted it)
 * → SUCCESS | CLOSED | ABNORMAL (notification or query). A REQUESTED refund that
 * WeChat answers at once with a final state skips PROCESSING.
 */
export const refundMachine = new StateMachine<RefundStatus>(
  'refund',
  {
    REQUESTED: ['PROCESSING', 'SUCCESS', 'CLOSED', 'ABNORMAL'],
    PROCESSING: ['SUCCESS', 'CLOSED', 'ABNORMAL'],
    ABNORMAL: ['SUCCESS', 'CLOSED'],
    SUCCESS: [],
    CLOSED: [],
  },
  'PAYMENT_STATE_INVALID',
);

/** A refund of part or all of a payment (unique out_refund_no). */
@Entity({ name: 'refund' })
@Index('IDX_refund_succeeded', ['succeededAt'])
@Check('ck_refund_amount', `"amount_fen" > 0`)
export class Refund extends TimestampedEntity {
  @Index('uq_refund_out_refund_no', { unique: true })
  @Column({ name: 'out_refund_no', type: 'varchar', length: 64 })
  outRefundNo: string;

  @Index('ix_refund_payment')
  @Column({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  @Column({ type: 'varchar', length: 80 })
  reason: string;

  /** Who asked: an after-sale id, or `duplicate-payment` / `late-payment` for automatic ones. */
  @Column({ name: 'requested_by', type: 'varchar', length: 64 })
  requestedBy: string;

  @Column({ type: 'varchar', length: 16 })
  status: RefundStatus;

  @Column({ name: 'wechat_refund_id', type: 'varchar', length: 64, nullable: true })
  wechatRefundId: string | null;

  @Column({ name: 'succeeded_at', type: 'timestamptz', nullable: true })
  succeededAt: Date | null;
}
