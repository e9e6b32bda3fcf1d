import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';

export type PaymentStatus = 'PENDING' | 'PAID' | 'CLOSED';

/**
 * PENDING → PAID when WeChat reports success (notification, query or reconciliation);
 * PENDING → CLOSED when the order times out or is cancelled and WeChat confirms the close;
 * CLOSED → PAID only if WeChat nevertheless reports a success (the order then refunds it).
 */
export const paymentMachine = new StateMachine<PaymentStatus>(
  'payment',
  { PENDING: ['PAID', 'CLOSED'], CLOSED: ['PAID'], PAID: [] },
  'PAYMENT_STATE_INVALID',
);

/** One WeChat Pay transaction (one out_trade_no) for one order. */
@Entity({ name: 'payment' })
@Check('ck_payment_amounts', `"amount_fen" > 0 AND "refunded_fen" >= 0 AND "refunded_fen" <= "amount_fen"`)
@Index('uq_payment_order_pending', ['orderId'], { unique: true, where: `"status" = 'PENDING'` })
export class Payment extends TimestampedEntity {
  @Index('uq_payment_out_trade_no', { unique: true })
  @Column({ name: 'out_trade_no', type: 'varchar', length: 32 })
  outTradeNo: string;

  /** The order this pays for (orders module); a plain id across modules. */
  @Index('ix_payment_order')
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'payer_openid', type: 'varchar', length: 64 })
  payerOpenid: string;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  @Column({ type: 'varchar', length: 127 })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: PaymentStatus;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  /** WeChat's time_expire: the prepay is sent again with exactly these parameters. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'transaction_id', type: 'varchar', length: 64, nullable: true })
  transactionId: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  /** Sum of successful refunds; never above amountFen (conditional update). */
  @MoneyColumn({ name: 'refunded_fen', default: 0 })
  refundedFen: number;
}
