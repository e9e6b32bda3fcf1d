import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';
import { MoneyColumn } from '../../../common/money.column';
import { StateMachine } from '../../../common/state-machine';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PAID',
  'SHIPPED',
  'AWAITING_PICKUP',
  'COMPLETED',
  'CANCELLED',
  'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_CHANNELS = ['online', 'offline'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/**
 * SPEC §5, exactly: PENDING_PAYMENT → PAID → (SHIPPED | AWAITING_PICKUP) → COMPLETED,
 * PENDING_PAYMENT → CANCELLED, and PAID → COMPLETED for take-away (completes on payment).
 * Refunds act on lines: a partial one leaves the status (refundedFen > 0, a history row),
 * and the refund that takes back the last unit ends the order in REFUNDED. Guards that
 * depend on the order's mode live in `order-state.ts`.
 */
export const orderMachine = new StateMachine<OrderStatus>(
  'order',
  {
    PENDING_PAYMENT: ['PAID', 'CANCELLED'],
    PAID: ['SHIPPED', 'AWAITING_PICKUP', 'COMPLETED', 'REFUNDED'],
    SHIPPED: ['COMPLETED', 'REFUNDED'],
    AWAITING_PICKUP: ['COMPLETED', 'REFUNDED'],
    COMPLETED: ['REFUNDED'],
    CANCELLED: [],
    REFUNDED: [],
  },
  'ORDER_STATE_INVALID',
);

export interface ShippingAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
  /** District code (GB/T 2260) when the address came from the address book or wx.chooseAddress. */
  regionCode?: string;
}

/**
 * One order of one fulfilment mode. `storeId` is the attributed store (also the
 * store whose stock pickup and take-away draw from); `resellerId` the attributed
 * reseller, both copied from the lines' snapshot for the admin's filters.
 */
@Entity({ name: 'orders' })
@Index('UQ_orders_order_no', ['orderNo'], { unique: true })
@Index('IDX_orders_buyer', ['buyerId', 'createdAt'])
@Index('IDX_orders_created', ['createdAt'])
@Index('IDX_orders_paid', ['paidAt'])
@Index('IDX_orders_status', ['status', 'createdAt'])
@Index('IDX_orders_store', ['storeId', 'createdAt'])
@Index('IDX_orders_reseller', ['resellerId', 'createdAt'])
@Index('UQ_orders_open_pickup_code', ['pickupCode'], {
  unique: true,
  where: `"status" = 'AWAITING_PICKUP'`,
})
@Check(
  'CHK_orders_amounts',
  '"goods_fen" >= 0 AND "discount_fen" >= 0 AND "shipping_fen" >= 0 AND "payable_fen" = "goods_fen" - "discount_fen" + "shipping_fen"',
)
export class Order extends TimestampedEntity {
  @Column({ name: 'order_no', type: 'varchar', length: 32 })
  orderNo: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId: string;

  @Column({ type: 'varchar', length: 8, default: 'online' })
  channel: OrderChannel;

  @Column({ type: 'varchar', length: 16 })
  mode: FulfilmentMode;

  @Column({ type: 'varchar', length: 20 })
  status: OrderStatus;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @Column({ name: 'reseller_id', type: 'uuid', nullable: true })
  resellerId: string | null;

  @MoneyColumn({ name: 'goods_fen' })
  goodsFen: number;

  @MoneyColumn({ name: 'discount_fen' })
  discountFen: number;

  @MoneyColumn({ name: 'shipping_fen' })
  shippingFen: number;

  @MoneyColumn({ name: 'payable_fen' })
  payableFen: number;

  /** What refunds gave back so far (goods and any shipping), from WeChat's successes. */
  @MoneyColumn({ name: 'refunded_fen', default: 0 })
  refundedFen: number;

  @Column({ type: 'jsonb', nullable: true })
  address: ShippingAddress | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  remark: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  carrier: string | null;

  @Column({ name: 'tracking_no', type: 'varchar', length: 64, nullable: true })
  trackingNo: string | null;

  /** 6 digits, unique among open pickups (partial unique index). */
  @Column({ name: 'pickup_code', type: 'varchar', length: 6, nullable: true })
  pickupCode: string | null;

  /** The payment that paid the order. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  /** Unpaid after this, the order is cancelled (payTimeoutMinutes after creation). */
  @Column({ name: 'pay_deadline', type: 'timestamptz', nullable: true })
  payDeadline: Date | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason: string | null;
}
