import { defineErrors } from '../../common/errors';

export const RewardErrors = defineErrors({
  REWARD_ORDER_NOT_FOUND: { status: 404, message: '订单不存在' },
  REWARD_STATE_INVALID: { status: 409, message: '奖励状态不允许此操作' },
});
