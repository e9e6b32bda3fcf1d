import { Check, Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '../../../common/base.entity';

export const PRODUCT_STATUSES = ['draft', 'on_sale', 'off_sale'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** 平台代发 (express), 门店自提 (pickup), 扫码拎走 (take_away). */
export const FULFILMENT_MODES = ['express', 'pickup', 'take_away'] as const;
export type FulfilmentMode = (typeof FULFILMENT_MODES)[number];

/**
 * A product (SPU). `searchText` is what keyword search matches (title, subtitle,
 * category and spec values), kept by the service; a trigram GIN index on it is
 * created by the migration (TypeORM cannot declare GIN indexes, hence
 * `synchronize: false` so the drift check leaves it alone).
 */
@Entity({ name: 'product' })
@Index('IDX_product_status_category', ['status', 'categoryId'])
@Index('IDX_product_search_trgm', { synchronize: false })
@Check(
  'CHK_product_reward_rate',
  '"reward_rate_bp" IS NULL OR ("reward_rate_bp" >= 0 AND "reward_rate_bp" <= 10000)',
)
@Check(
  'CHK_product_commission_rate',
  '"commission_rate_bp" IS NULL OR ("commission_rate_bp" >= 0 AND "commission_rate_bp" <= 10000)',
)
export class Product extends TimestampedEntity {
  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  subtitle: string | null;

  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  /** Image URLs (from the upload endpoint or absolute); the first is the cover. */
  @Column({ type: 'jsonb' })
  images: string[];

  /** Rich description, sanitised on write by `sanitizeProductHtml` (rich-text.ts) (rendered by the mini-program's rich-text). */
  @Column({ name: 'description_html', type: 'text', default: '' })
  descriptionHtml: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ProductStatus;

  @Column({ name: 'fulfilment_modes', type: 'jsonb' })
  fulfilmentModes: FulfilmentMode[];

  /** Overrides the store reward rate of settings when set. */
  @Column({ name: 'reward_rate_bp', type: 'int', nullable: true })
  rewardRateBp: number | null;

  /** Overrides the reseller level-1 commission rate of settings when set. */
  @Column({ name: 'commission_rate_bp', type: 'int', nullable: true })
  commissionRateBp: number | null;

  /** Paid quantity, incremented by the orders module; drives `sort=sales`. */
  @Column({ name: 'sales_count', type: 'int', default: 0 })
  salesCount: number;

  @Column({ name: 'search_text', type: 'text', default: '' })
  searchText: string;
}
