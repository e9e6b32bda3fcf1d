import { defineErrors } from '../../common/errors';

export const MiniappErrors = defineErrors({
  H5_WEB_FLOWS_UNAVAILABLE: { status: 404, message: 'H5 版仅在模拟器环境下可用，请在微信中打开小程序' },
});
