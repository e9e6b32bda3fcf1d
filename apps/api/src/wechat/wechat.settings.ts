import { ensureDevCredentials } from '@cloudshelf/wechat-sim';
import type { WechatSettings } from '../config/config';
import type { WechatConfig } from './wechat.config';

/**
 * The clients' config: the operator's credentials, or (development and tests) the
 * simulator's with the development keys it shares with the API through `credentialsDir`.
 */
export function resolveWechatConfig(settings: WechatSettings): WechatConfig {
  if (settings.mode === 'configured') return settings.config;
  const c = ensureDevCredentials(settings.credentialsDir);
  return {
    apiBase: settings.apiBase,
    payApiBase: settings.payApiBase,
    appId: c.appId,
    appSecret: c.appSecret,
    mchId: c.mchId,
    merchantSerial: c.merchantSerial,
    merchantPrivateKeyPem: c.merchantPrivateKeyPem,
    apiV3Key: c.apiV3Key,
    platformPublicKeyPem: c.platformPublicKeyPem,
    platformPublicKeyId: c.platformPublicKeyId,
  };
}
