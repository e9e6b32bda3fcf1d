import type { DevCredentials } from '@cloudshelf/wechat-sim/credentials';
import type { WechatSettings } from './config/config';
import type { WechatConfig } from './wechat/wechat.config';

/**
 * The simulator's development keys, loaded only in simulator mode: the simulator is a
 * development dependency, and production (real WeChat configured) never loads any of it.
 */
function simulatorCredentials(dir: string): DevCredentials {
  let sim: typeof import('@cloudshelf/wechat-sim/credentials');
  try {
    sim =
      require('@cloudshelf/wechat-sim/credentials') as typeof import('@cloudshelf/wechat-sim/credentials');
  } catch (err) {
    throw new Error(
      'WeChat is not configured (WECHAT_APP_ID unset) and the simulator is not installed: configure WeChat, or install the development dependencies',
      { cause: err },
    );
  }
  return sim.ensureDevCredentials(dir);
}

/**
 * The clients' config: the operator's credentials, or (development and tests) the
 * simulator's with the development keys it shares with the API through `credentialsDir`.
 */
export function resolveWechatConfig(settings: WechatSettings): WechatConfig {
  if (settings.mode === 'configured') return settings.config;
  const c = simulatorCredentials(settings.credentialsDir);
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
