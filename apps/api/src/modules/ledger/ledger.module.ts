import { Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';

/** The double-entry ledger. Other modules post through LedgerService only. */
@Module({ providers: [LedgerService], exports: [LedgerService] })
export class LedgerModule {}
