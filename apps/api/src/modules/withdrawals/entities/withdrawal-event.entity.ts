import { Column, Entity, Index } from 'typeorm';
import { StatusHistoryEntity } from '../../../common/status-history.entity';

/** Every step of a withdrawal: who, from what, to what, why. */
@Entity({ name: 'withdrawal_event' })
@Index('ix_withdrawal_event_withdrawal', ['withdrawalId'])
export class WithdrawalEvent extends StatusHistoryEntity {
  @Column({ name: 'withdrawal_id', type: 'uuid' })
  withdrawalId: string;
}
