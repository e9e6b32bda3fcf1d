export type { WechatConfig, WechatClientOptions } from './wechat.config';
export { WechatError, WechatVerifyCode, type WechatErrorSource } from './wechat.errors';
export { WechatMiniClient } from './wechat-mini.client';
export type {
  Code2SessionResult,
  PhoneNumber,
  UnlimitedCodeInput,
  SubscribeMessageInput,
  ShippingInfoInput,
} from './wechat-mini.client';
export { WechatPayClient } from './wechat-pay.client';
export type * from './wechat-pay.types';
export { WechatModule, WECHAT_CONFIG, type WechatModuleAsyncOptions } from './wechat.module';
export { newMerchantNo } from './merchant-no';
