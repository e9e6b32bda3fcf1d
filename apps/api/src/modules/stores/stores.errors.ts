import { defineErrors } from '../../common/errors';

export const StoresErrors = defineErrors({
  STORE_NOT_FOUND: { status: 404, message: '门店不存在' },
  STORE_STALE: { status: 409, message: '门店信息已被他人修改，请刷新后重试' },
  STORE_SUSPENDED: { status: 409, message: '门店已暂停营业' },
  SHELF_NOT_FOUND: { status: 404, message: '货架不存在' },
  SHELF_SLOT_NOT_FOUND: { status: 404, message: '货位不存在' },
  STORE_STOCK_INSUFFICIENT: { status: 409, message: '门店库存不足' },
  SCAN_CODE_NOT_FOUND: { status: 404, message: '二维码无效，请确认后重新扫码' },
  /** 410 Gone: the code existed and was taken out of use; the mini-program shows a friendly page. */
  SCAN_CODE_DISABLED: { status: 410, message: '该二维码已停用' },
  SCAN_CODE_ALREADY_ACTIVE: { status: 409, message: '该货架（货位）已有在用的二维码' },
  STAFF_INVITE_INVALID: { status: 404, message: '邀请码无效或已过期' },
  STAFF_ALREADY_MEMBER: { status: 409, message: '你已经是该门店的成员' },
  /** Who is paid (owner, agent) is the operator's decision; a store manager cannot change it. */
  STORE_PAYEE_CHANGE_FORBIDDEN: { status: 403, message: '门店的店主和代理商只能由平台运营人员更改' },
  STORE_NOT_OWNER: { status: 403, message: '只有店主可以管理店员' },
  STAFF_NOT_FOUND: { status: 404, message: '该店员不存在' },
  STAFF_REMOVE_OWNER: { status: 409, message: '不能移除店主' },
  RESTOCK_SKU_NOT_FOUND: { status: 404, message: '商品规格不存在' },
  RESTOCK_NOT_FOUND: { status: 404, message: '补货申请不存在' },
  RESTOCK_ALREADY_HANDLED: { status: 409, message: '该补货申请已处理' },
  QR_FONT_MISSING: { status: 500, message: '服务器缺少中文字体，无法生成二维码单' },
  QR_WECHAT_FAILED: { status: 502, message: '微信小程序码生成失败，请稍后再试' },
});
