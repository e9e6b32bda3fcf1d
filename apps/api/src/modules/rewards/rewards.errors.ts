import { defineErrors } from '../../common/errors';

export const RewardErrors = defineErrors({
  REWARD_ORDER_NOT_FOUND: { status: 404, message: '订单不存在' },
});
