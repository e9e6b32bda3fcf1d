import { Test } from '@nestjs/testing';
import { WechatModule, WECHAT_CONFIG } from './wechat.module';
import { WechatMiniClient } from './wechat-mini.client';
import { WechatPayClient } from './wechat-pay.client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

it('WechatModule provides both clients from one config', async () => {
  const pem = (n: string) => readFileSync(join(__dirname, 'fixtures', n), 'utf8');
  const config = {
    apiBase: 'http://127.0.0.1:3100',
    appId: 'wx0123456789abcdef',
    appSecret: 's',
    payApiBase: 'http://127.0.0.1:3100',
    mchId: '1900000001',
    merchantSerial: 'A'.repeat(40),
    merchantPrivateKeyPem: pem('merchant-key.pem'),
    apiV3Key: 'k'.repeat(32),
    platformPublicKeyPem: pem('platform-pub.pem'),
    platformPublicKeyId: 'PUB_KEY_ID_TEST',
  };
  const mod = await Test.createTestingModule({
    imports: [WechatModule.forRootAsync({ useFactory: async () => config })],
  }).compile();
  expect(mod.get(WECHAT_CONFIG)).toBe(config);
  expect(mod.get(WechatMiniClient)).toBeInstanceOf(WechatMiniClient);
  expect(mod.get(WechatPayClient).requestPaymentParams('wx1').package).toBe('prepay_id=wx1');
});
