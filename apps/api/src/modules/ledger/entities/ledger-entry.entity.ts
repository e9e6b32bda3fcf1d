import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedEntity } from '../../../common/base.entity';
import { LedgerAccount } from './ledger-account.entity';
import { LedgerPosting } from './ledger-posting.entity';
import { MoneyColumn } from '../../../common/money.column';

/** One line of a posting: a signed amount on one account. */
@Entity({ name: 'ledger_entry' })
@Index('ix_ledger_entry_account_time', ['accountId', 'createdAt'])
export class LedgerEntry extends CreatedEntity {
  @Index('ix_ledger_entry_posting')
  @Column({ name: 'posting_id', type: 'uuid' })
  postingId: string;

  @ManyToOne(() => LedgerPosting, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'posting_id', foreignKeyConstraintName: 'fk_ledger_entry_posting' })
  posting?: LedgerPosting;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => LedgerAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_ledger_entry_account' })
  account?: LedgerAccount;

  @MoneyColumn({ name: 'amount_fen' })
  amountFen: number;
}
