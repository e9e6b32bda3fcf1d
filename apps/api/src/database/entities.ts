import { IdempotencyRecord } from '../common/idempotency/idempotency-record.entity';
import { LedgerAccount } from '../modules/ledger/entities/ledger-account.entity';
import { LedgerEntry } from '../modules/ledger/entities/ledger-entry.entity';
import { LedgerPosting } from '../modules/ledger/entities/ledger-posting.entity';
import { Withdrawal } from '../modules/withdrawals/entities/withdrawal.entity';
import { WithdrawalEvent } from '../modules/withdrawals/entities/withdrawal-event.entity';
import { Payment } from '../modules/payments/entities/payment.entity';
import { PaymentEvent } from '../modules/payments/entities/payment-event.entity';
import { PaymentNotification } from '../modules/payments/entities/payment-notification.entity';
import { Refund } from '../modules/payments/entities/refund.entity';

/** Every entity of every module, in one list for the data source and the drift test. */
export const ENTITIES = [
  IdempotencyRecord,
  Payment,
  PaymentEvent,
  Refund,
  PaymentNotification,
  LedgerAccount,
  LedgerPosting,
  LedgerEntry,
  Withdrawal,
  WithdrawalEvent,
];
