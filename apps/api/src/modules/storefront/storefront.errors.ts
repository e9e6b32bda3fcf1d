import { defineErrors } from '../../common/errors';

export const StorefrontErrors = defineErrors({
  HOME_CONTENT_NOT_FOUND: { status: 404, message: '首页内容不存在' },
  HOME_BANNER_IMAGE_REQUIRED: { status: 400, message: '轮播图需要图片' },
  HOME_CONTENT_TIME_INVALID: { status: 400, message: '结束时间必须晚于开始时间' },
});
