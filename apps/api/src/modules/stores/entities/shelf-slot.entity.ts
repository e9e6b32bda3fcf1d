import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One place on a shelf: a product, optionally pinned to one SKU. `position` orders them (0-based). */
@Entity({ name: 'shelf_slot' })
@Index('UQ_shelf_slot_position', ['shelfId', 'position'], { unique: true })
export class ShelfSlot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'shelf_id', type: 'uuid' })
  shelfId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'sku_id', type: 'uuid', nullable: true })
  skuId: string | null;
}
