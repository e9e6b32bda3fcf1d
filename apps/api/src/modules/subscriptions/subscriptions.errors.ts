import { defineErrors } from '../../common/errors';

export const SubscriptionErrors = defineErrors({
  SUBSCRIBE_TEMPLATE_UNKNOWN: { status: 400, message: '订阅消息模板不存在' },
});
