import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';
import type { FulfilmentMode } from '../../catalog/entities/product.entity';

/** A user's cart line; `storeId`/`scanCode` remember the scan it came from (store context). */
@Entity({ name: 'cart_item' })
@Index('IDX_cart_item_user', ['userId', 'createdAt'])
@Check('CHK_cart_item_qty', '"qty" > 0 AND "qty" <= 999')
export class CartItem extends CreatedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'sku_id', type: 'uuid' })
  skuId: string;

  @Column({ type: 'int' })
  qty: number;

  @Column({ type: 'varchar', length: 16 })
  mode: FulfilmentMode;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @Column({ name: 'scan_code', type: 'varchar', length: 32, nullable: true })
  scanCode: string | null;
}
