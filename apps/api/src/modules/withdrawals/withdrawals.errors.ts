import { defineErrors } from '../../common/errors';

export const WithdrawalErrors = defineErrors({
  WITHDRAWAL_BELOW_MINIMUM: { status: 400, message: '提现金额低于最低提现额' },
  WITHDRAWAL_INSUFFICIENT_BALANCE: { status: 409, message: '可提现余额不足' },
  WITHDRAWAL_EARNER_SUSPENDED: { status: 403, message: '账户已被冻结，暂不能提现' },
  WITHDRAWAL_NOT_FOUND: { status: 404, message: '提现记录不存在' },
  WITHDRAWAL_STATE_INVALID: { status: 409, message: '提现状态不允许此操作' },
  WITHDRAWAL_NO_PAYEE: { status: 409, message: '收款人未绑定微信，无法转账' },
  WITHDRAWAL_FEE_TOO_HIGH: { status: 400, message: '扣除手续费后到账金额必须大于零' },
  WITHDRAWAL_REAL_NAME_REQUIRED: {
    status: 409,
    message: '单笔提现2000元及以上需先填写收款人真实姓名',
  },
});
