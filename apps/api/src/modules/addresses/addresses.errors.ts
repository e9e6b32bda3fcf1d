import { defineErrors } from '../../common/errors';

export const AddressErrors = defineErrors({
  ADDRESS_NOT_FOUND: { status: 404, message: '收货地址不存在' },
  ADDRESS_REGION_INVALID: { status: 400, message: '所在地区无效，请重新选择省市区' },
  ADDRESS_LIMIT_REACHED: { status: 409, message: '最多保存 20 个收货地址' },
});
