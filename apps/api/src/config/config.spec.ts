import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      role: 'all',
      embeddedPgPort: 54329,
      databaseUrl: undefined,
    });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('reads and coerces values', () => {
    const c = loadConfig({
      PORT: '8080',
      ROLE: 'worker',
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_BASE_URL: 'https://x.cn/',
    });
    expect(c).toMatchObject({
      port: 8080,
      role: 'worker',
      databaseUrl: 'postgres://u@h/db',
      publicBaseUrl: 'https://x.cn',
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', ROLE: 'boss', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'ROLE']);
  });
});

describe('loadConfig: WeChat', () => {
  it('talks to the simulator by default, with keys under the data dir', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/x' });
    expect(c.wechat).toEqual({
      mode: 'simulator',
      apiBase: 'http://127.0.0.1:3100',
      payApiBase: 'http://127.0.0.1:3100',
      credentialsDir: '/tmp/x/wechat-sim',
    });
  });

  it('refuses production without WeChat credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WECHAT_APP_ID/);
  });

  it('refuses production without MEMBER_DATA_KEY, and a key that is not 32 bytes anywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MEMBER_DATA_KEY: required in production/);
    expect(() => loadConfig({ MEMBER_DATA_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /MEMBER_DATA_KEY: must be 32 bytes in base64/,
    );
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).memberDataKey).toEqual({ file: '/tmp/x/member-data-key' });
  });

  it('lists every missing credential once WECHAT_APP_ID is set', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ WECHAT_APP_ID: 'wx0123456789abcdef', WECHATPAY_API_V3_KEY: 'short' });
    } catch (e) {
      error = e as ConfigError;
    }
    const names = error!.problems.map((p) => p.split(':')[0]).sort();
    expect(names).toEqual([
      'WECHATPAY_API_V3_KEY',
      'WECHATPAY_MCH_ID',
      'WECHATPAY_MERCHANT_PRIVATE_KEY',
      'WECHATPAY_MERCHANT_SERIAL',
      'WECHATPAY_PLATFORM_PUBLIC_KEY',
      'WECHAT_APP_SECRET',
    ]);
  });

  it('builds the real-WeChat config with production hosts', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n';
    const c = loadConfig({
      WECHAT_APP_ID: 'wx0123456789abcdef',
      WECHAT_APP_SECRET: 'secret',
      WECHATPAY_MCH_ID: '1900000001',
      WECHATPAY_MERCHANT_SERIAL: '5157f09efdc096de15ebe81a47057a72',
      WECHATPAY_MERCHANT_PRIVATE_KEY: key,
      WECHATPAY_API_V3_KEY: 'k'.repeat(32),
      WECHATPAY_PLATFORM_PUBLIC_KEY: key,
      WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000000012025',
    });
    expect(c.wechat.mode).toBe('configured');
    if (c.wechat.mode !== 'configured') return;
    expect(c.wechat.config).toMatchObject({
      apiBase: 'https://api.weixin.qq.com',
      payApiBase: 'https://api.mch.weixin.qq.com',
      merchantSerial: '5157F09EFDC096DE15EBE81A47057A72',
      platformPublicKeyId: 'PUB_KEY_ID_0119000000012025',
    });
  });
});
