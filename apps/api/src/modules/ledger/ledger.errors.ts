import { defineErrors } from '../../common/errors';

export const LedgerErrors = defineErrors({
  LEDGER_UNBALANCED: { status: 500, message: '账务不平衡' },
  LEDGER_INSUFFICIENT_BALANCE: { status: 409, message: '可用余额不足' },
});
