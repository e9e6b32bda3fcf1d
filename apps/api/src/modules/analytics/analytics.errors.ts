import { defineErrors } from '../../common/errors';

export const AnalyticsErrors = defineErrors({
  /** `to` before `from`, more than two years, or a day after today (China time). */
  ANALYTICS_RANGE_INVALID: {
    status: 400,
    message: '日期范围无效：结束日期不能早于开始日期、不能晚于今天，且不超过两年',
  },
  ANALYTICS_STORE_UNKNOWN: { status: 400, message: '门店不存在' },
});
