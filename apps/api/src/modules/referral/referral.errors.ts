import { defineErrors } from '../../common/errors';

export const ReferralErrors = defineErrors({
  REFERRAL_NOT_RESELLER: { status: 403, message: '您还不是推广员' },
  REFERRAL_SHARE_CODE_NOT_FOUND: { status: 404, message: '分享链接不存在或已失效' },
  REFERRAL_INVITATION_REQUIRED: { status: 403, message: '需要推广员邀请才能成为推广员' },
  REFERRAL_RESELLER_NOT_PENDING: { status: 409, message: '该申请已处理' },
  REFERRAL_RESELLER_NOT_FOUND: { status: 404, message: '推广员不存在' },
  REFERRAL_RESELLER_NOT_APPROVED: { status: 409, message: '只能清退已通过审核的推广员' },
  REFERRAL_SELF_BINDING: { status: 409, message: '不能绑定自己' },
  REFERRAL_CYCLE: { status: 409, message: '该绑定会形成循环推广关系' },
  REFERRAL_CUSTOMER_NOT_FOUND: { status: 404, message: '顾客不存在' },
  REFERRAL_POSTER_FAILED: { status: 502, message: '海报生成失败，请稍后再试' },
});
