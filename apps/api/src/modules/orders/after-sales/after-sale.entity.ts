import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';

export type AfterSaleType = 'refund_only' | 'return_refund';
export const AFTER_SALE_STATUSES = [
  'PENDING_APPROVAL',
  'AWAITING_RETURN',
  'REFUNDING',
  'REFUNDED',
  'REJECTED',
  'REFUND_FAILED',
  'CANCELLED',
] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

/**
 * PENDING_APPROVAL (shipped or completed orders) → REFUNDING (operator approves) or REJECTED;
 * unshipped orders start at REFUNDING. A return and refund (退货退款) of shipped goods waits
 * for the goods once approved: PENDING_APPROVAL → AWAITING_RETURN → REFUNDING when the
 * operator confirms receipt (or REJECTED when they never come or come back wrong).
 * REFUNDING → REFUNDED / REFUND_FAILED on WeChat's answer. The buyer may withdraw a request
 * until the refund starts: PENDING_APPROVAL or AWAITING_RETURN → CANCELLED.
 */
export const afterSaleMachine = new StateMachine<AfterSaleStatus>(
  'after_sale',
  {
    PENDING_APPROVAL: ['REFUNDING', 'AWAITING_RETURN', 'REJECTED', 'CANCELLED'],
    AWAITING_RETURN: ['REFUNDING', 'REJECTED', 'CANCELLED'],
    REFUNDING: ['REFUNDED', 'REFUND_FAILED'],
    REFUNDED: [],
    REJECTED: [],
    REFUND_FAILED: [],
    CANCELLED: [],
  },
  'AFTER_SALE_STATE_INVALID',
);

/** 售后: one line, a quantity of it, refund only or return and refund. */
@Entity({ name: 'after_sale' })
@Index('IDX_after_sale_order', ['orderId'])
@Index('IDX_after_sale_refund', ['refundId'])
@Index('IDX_after_sale_status', ['status', 'createdAt'])
export class AfterSale extends TimestampedEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'line_id', type: 'uuid' })
  lineId: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId: string;

  @Column({ type: 'varchar', length: 16 })
  type: AfterSaleType;

  @Column({ type: 'int' })
  qty: number;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;

  /**
   * The order's shipping fee, refunded with the after-sale that takes back the last
   * unshipped goods of an express order (未发货全部退款，运费一并退回); 0 otherwise.
   */
  @MoneyColumn({ name: 'shipping_refund_fen', default: 0 })
  shippingRefundFen: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  photos: string[];

  @Column({ type: 'varchar', length: 20 })
  status: AfterSaleStatus;

  /** Whether the goods go back to stock when the refund succeeds (unshipped, or returned). */
  @Column({ type: 'boolean', default: false })
  restock: boolean;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason: string | null;
}
