import { defineErrors } from '../../common/errors';

export const LedgerErrors = defineErrors({
  LEDGER_UNBALANCED: { status: 500, message: '账务不平衡' },
  LEDGER_INSUFFICIENT_BALANCE: { status: 409, message: '可用余额不足' },
  LEDGER_ACCOUNT_NOT_YOURS: { status: 403, message: '这不是您的收益账户，无权查看或操作' },
});
