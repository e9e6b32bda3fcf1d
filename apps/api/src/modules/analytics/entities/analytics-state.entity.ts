import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where the sweep job got to: facts created before `watermark` are in the rollups. */
@Entity({ name: 'analytics_state' })
export class AnalyticsState {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'timestamptz' })
  watermark: Date;
}

/**
 * A paid, offline or refund fact already added to the rollups (key `paid:<orderId>`,
 * `refund:<afterSaleId>`): a retried job adds nothing twice. `day` lets a rebuild
 * forget the facts of the days it recomputes.
 */
@Entity({ name: 'analytics_fact' })
@Index('IDX_analytics_fact_day', ['day'])
export class AnalyticsFact {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'date' })
  day: string;
}

/**
 * Which store, shelf and code an order counts for: the order's store, and the buyer's
 * last resolved scan of that store before the order (last touch); the zero uuid when none.
 * Written once per order (by the sweep or the first paid fact), so every fact of the order
 * lands on the same rollup row.
 */
@Entity({ name: 'analytics_order' })
@Index('IDX_analytics_order_store_paid', ['storeId', 'paidDay'])
export class AnalyticsOrder {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'buyer_id', type: 'uuid' })
  buyerId: string;

  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;

  @Column({ name: 'shelf_id', type: 'uuid' })
  shelfId: string;

  @Column({ name: 'code_id', type: 'uuid' })
  codeId: string;

  @Column({ name: 'paid_day', type: 'date', nullable: true })
  paidDay: string | null;
}
