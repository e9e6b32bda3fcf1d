import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** History of an after-sale: request, approval or rejection, the refund's outcome. */
@Entity({ name: 'after_sale_event' })
@Index('ix_after_sale_event_after_sale', ['afterSaleId'])
export class AfterSaleEvent extends StatusHistoryEntity {
  @Column({ name: 'after_sale_id', type: 'uuid' })
  afterSaleId: string;
}
