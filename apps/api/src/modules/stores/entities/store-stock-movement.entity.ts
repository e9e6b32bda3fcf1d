import { Column, Entity, Index } from 'typeorm';
import { StockMovementBase } from '../../catalog/entities/stock-movement.base';

/** Every change of a store's stock: reason, who, delta and what it left. */
@Entity({ name: 'store_stock_movement' })
@Index('IDX_store_stock_movement_store', ['storeId', 'createdAt'])
export class StoreStockMovement extends StockMovementBase {
  @Column({ name: 'store_id', type: 'uuid' })
  storeId: string;
}
