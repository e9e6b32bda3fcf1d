import { defineErrors } from '../../common/errors';

export const IdentityErrors = defineErrors({
  AUTH_LOGIN_CODE_INVALID: { status: 400, message: '登录凭证无效或已过期，请重新登录' },
  AUTH_LOGIN_CODE_USED: { status: 400, message: '登录凭证已被使用，请重新登录' },
  AUTH_PHONE_CODE_INVALID: { status: 400, message: '手机号授权凭证无效或已过期，请重新授权' },
  AUTH_WECHAT_RISKY_USER: { status: 403, message: '当前微信账号存在风险，暂时无法登录' },
  AUTH_WECHAT_UNAVAILABLE: { status: 503, message: '微信服务繁忙，请稍后再试' },
  AUTH_REFRESH_INVALID: { status: 401, message: '登录已过期，请重新登录' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: '账号已被停用' },
  ADMIN_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ADMIN_ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多，账号已临时锁定，请稍后再试' },
  ADMIN_PASSWORD_WRONG: { status: 400, message: '当前密码不正确' },
  ADMIN_PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  ADMIN_USERNAME_TAKEN: { status: 409, message: '用户名已存在' },
  ADMIN_CANNOT_REMOVE_LAST_ADMIN: { status: 409, message: '至少保留一个可用的超级管理员' },
  ADMIN_STORE_NOT_FOUND: { status: 400, message: '所选门店不存在' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在' },
});
