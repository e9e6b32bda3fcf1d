import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { MoneyColumn } from '../../../common/money.column';

/** A day (China time) × store × shelf × code; the zero uuid stands for "none" (a platform order, no scan). */
@Entity({ name: 'analytics_code_day' })
@Index('IDX_analytics_code_day_store', ['storeId', 'day'])
export class CodeDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ name: 'store_id', type: 'uuid' }) storeId: string;
  @PrimaryColumn({ name: 'shelf_id', type: 'uuid' }) shelfId: string;
  @PrimaryColumn({ name: 'code_id', type: 'uuid' }) codeId: string;
  @Column({ type: 'int', default: 0 }) scans: number;
  @Column({ type: 'int', default: 0 }) views: number;
  @Column({ type: 'int', default: 0 }) carts: number;
  /** Online orders placed (counted on the day they were placed). */
  @Column({ type: 'int', default: 0 }) orders: number;
  /** Online orders paid, on the day of payment. */
  @Column({ name: 'paid_orders', type: 'int', default: 0 }) paidOrders: number;
  @MoneyColumn({ name: 'gmv_fen', default: 0 }) gmvFen: number;
  /** Till sales recorded by store staff, on the day recorded. */
  @Column({ name: 'offline_orders', type: 'int', default: 0 }) offlineOrders: number;
  @MoneyColumn({ name: 'offline_gmv_fen', default: 0 }) offlineGmvFen: number;
  /** Successful refunds, on the day the refund succeeded (never taken off the pay day). */
  @Column({ type: 'int', default: 0 }) refunds: number;
  @MoneyColumn({ name: 'refund_fen', default: 0 }) refundFen: number;
}

@Entity({ name: 'analytics_product_day' })
export class ProductDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ type: 'int', default: 0 }) views: number;
  @Column({ type: 'int', default: 0 }) carts: number;
  @Column({ name: 'paid_qty', type: 'int', default: 0 }) paidQty: number;
  @MoneyColumn({ name: 'paid_fen', default: 0 }) paidFen: number;
  @MoneyColumn({ name: 'refund_fen', default: 0 }) refundFen: number;
}

@Entity({ name: 'analytics_reseller_day' })
export class ResellerDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ name: 'reseller_id', type: 'uuid' }) resellerId: string;
  @Column({ name: 'paid_orders', type: 'int', default: 0 }) paidOrders: number;
  @MoneyColumn({ name: 'gmv_fen', default: 0 }) gmvFen: number;
  @MoneyColumn({ name: 'refund_fen', default: 0 }) refundFen: number;
}

/**
 * A day a buyer paid (online or at the till), with the buyer's previous such day. The
 * distinct paying customers of a range are then the rows in the range whose `prevDay` is
 * before it (each buyer's first day in the range): a plain count, no DISTINCT over a year.
 */
@Entity({ name: 'analytics_buyer_day' })
@Index('IDX_analytics_buyer_day_day', ['day', 'prevDay'])
export class BuyerDay {
  @PrimaryColumn({ name: 'buyer_id', type: 'uuid' }) buyerId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'prev_day', type: 'date', nullable: true }) prevDay: string | null;
}

/** Platform figures of a day that have no store: members who joined. */
@Entity({ name: 'analytics_platform_day' })
export class PlatformDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ name: 'new_members', type: 'int', default: 0 }) newMembers: number;
}
