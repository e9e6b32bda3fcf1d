import { defineErrors } from '../../common/errors';

export const MarketingErrors = defineErrors({
  MEMBER_LEVEL_NOT_FOUND: { status: 404, message: '会员等级不存在' },
  MEMBER_LEVEL_THRESHOLD_TAKEN: { status: 409, message: '已有相同门槛的会员等级' },
  COUPON_TEMPLATE_NOT_FOUND: { status: 404, message: '优惠券不存在' },
  COUPON_TEMPLATE_INVALID: { status: 400, message: '优惠券设置有误' },
  COUPON_NOT_FOUND: { status: 404, message: '优惠券不存在' },
  COUPON_NOT_CLAIMABLE: { status: 409, message: '该优惠券不可领取' },
  COUPON_SOLD_OUT: { status: 409, message: '优惠券已领完' },
  COUPON_LIMIT_REACHED: { status: 409, message: '已达到每人领取上限' },
  COUPON_EXPIRED: { status: 409, message: '优惠券不在有效期内' },
  COUPON_USED: { status: 409, message: '优惠券已使用' },
  COUPON_NOT_APPLICABLE: { status: 409, message: '优惠券不适用于这些商品或未达到使用门槛' },
  POINTS_INSUFFICIENT: { status: 409, message: '积分不足' },
  POINTS_OVER_CAP: { status: 409, message: '超过本单可用积分上限' },
  OFFER_NOT_FOUND: { status: 404, message: '活动不存在' },
  OFFER_INVALID: { status: 400, message: '活动设置有误' },
  OFFER_NOT_ACTIVE: { status: 409, message: '不在活动时间内' },
  OFFER_SOLD_OUT: { status: 409, message: '活动商品已抢完' },
  OFFER_LIMIT_REACHED: { status: 409, message: '超过活动每人限购数量' },
  SEGMENT_NOT_FOUND: { status: 404, message: '人群不存在' },
});
