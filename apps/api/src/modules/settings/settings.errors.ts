import { defineErrors } from '../../common/errors';

export const SettingsErrors = defineErrors({
  SETTINGS_INVALID: { status: 400, message: '设置项不合理' },
});
