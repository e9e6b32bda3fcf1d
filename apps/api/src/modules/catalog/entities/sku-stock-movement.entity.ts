import { Entity, Index } from 'typeorm';
import { StockMovementBase } from './stock-movement.base';

/** Every change of a SKU's platform stock: who, why, by how much, and what it left. */
@Entity({ name: 'sku_stock_movement' })
@Index('IDX_sku_stock_movement_sku', ['skuId', 'createdAt'])
export class SkuStockMovement extends StockMovementBase {}
