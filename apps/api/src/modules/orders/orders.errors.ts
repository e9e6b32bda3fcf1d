import { defineErrors } from '../../common/errors';

export const OrderErrors = defineErrors({
  ORDER_NOT_FOUND: { status: 404, message: '订单不存在' },
  ORDER_STATE_INVALID: { status: 409, message: '当前订单状态不允许此操作' },
  ORDER_SKU_NOT_FOUND: { status: 404, message: '商品规格不存在' },
  ORDER_PRODUCT_UNAVAILABLE: { status: 409, message: '商品已下架' },
  ORDER_MODE_NOT_ALLOWED: { status: 409, message: '该商品不支持此配送方式' },
  ORDER_INSUFFICIENT_STOCK: { status: 409, message: '库存不足' },
  ORDER_STORE_REQUIRED: { status: 400, message: '门店自提和扫码拎走需要门店' },
  ORDER_STORE_SUSPENDED: { status: 409, message: '门店已暂停营业' },
  ORDER_ADDRESS_REQUIRED: { status: 400, message: '快递配送需要收货地址' },
  ORDER_PAY_EXPIRED: { status: 409, message: '订单已超时，请重新下单' },
  ORDER_PICKUP_CODE_INVALID: { status: 404, message: '取货码无效' },
  CART_ITEM_NOT_FOUND: { status: 404, message: '购物车商品不存在' },
  SHIPPING_TEMPLATE_NOT_FOUND: { status: 404, message: '运费模板不存在' },
  AFTER_SALE_NOT_FOUND: { status: 404, message: '售后单不存在' },
  AFTER_SALE_STATE_INVALID: { status: 409, message: '当前售后状态不允许此操作' },
  AFTER_SALE_QTY_EXCEEDED: { status: 409, message: '售后数量超过可退数量' },
  AFTER_SALE_WINDOW_CLOSED: { status: 409, message: '已超过售后期限' },
  AFTER_SALE_NOT_ALLOWED: { status: 409, message: '该订单不能申请售后' },
  MEMBER_CODE_INVALID: { status: 404, message: '会员码无效或已过期，请让顾客刷新' },
  OFFLINE_SALE_INVALID: { status: 400, message: '线下销售记录有误' },
});
