import { defineErrors } from '../../common/errors';

export const SettingsErrors = defineErrors({
  SETTINGS_INVALID: { status: 400, message: '设置项不合理' },
  SETTINGS_STALE: { status: 409, message: '业务设置已被他人修改，请刷新后重试' },
});
