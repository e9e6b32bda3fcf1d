import { defineErrors } from '../../common/errors';

export const PaymentErrors = defineErrors({
  PAYMENT_ALREADY_PAID: { status: 409, message: '订单已支付' },
  PAYMENT_NOT_FOUND: { status: 404, message: '支付记录不存在' },
  PAYMENT_AMOUNT_MISMATCH: { status: 400, message: '支付金额与订单不符' },
  PAYMENT_STATE_INVALID: { status: 409, message: '支付状态不允许此操作' },
  PAYMENT_CHANNEL_ERROR: { status: 502, message: '微信支付暂时不可用，请稍后再试' },
  REFUND_EXCEEDS_PAID: { status: 400, message: '退款金额超过可退金额' },
  REFUND_NOT_FOUND: { status: 404, message: '退款记录不存在' },
});
