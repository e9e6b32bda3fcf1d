import { WechatMiniClient } from './wechat-mini.client';
import { WechatError } from './wechat.errors';
import { startSimHarness, type SimHarness } from './fixtures/sim-harness';

let h: SimHarness;
let client: WechatMiniClient;

beforeAll(async () => {
  h = await startSimHarness();
  client = new WechatMiniClient(h.config);
});
afterAll(() => h.close());

describe('WechatMiniClient against the simulator', () => {
  it('logs a user in once per code and maps WeChat errcodes to WechatError', async () => {
    const user = await h.control('POST', '/sim/users', { nickname: '测试' });
    const session = await client.code2session(user.code);
    expect(session.openid).toBe(user.openid);
    expect(session.sessionKey).toEqual(expect.any(String));
    const reused = await client.code2session(user.code).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(WechatError);
    expect(reused).toMatchObject({ source: 'mini', code: '40163', errcode: 40163 });
    await expect(client.code2session('unknown')).rejects.toMatchObject({ errcode: 40029 });
    const bad = new WechatMiniClient({ ...h.config, appSecret: 'wrong' });
    await expect(
      bad.code2session((await h.control('POST', '/sim/login-code', { openid: user.openid })).code),
    ).rejects.toMatchObject({ errcode: 40125 });
  });

  it('caches the access token and refreshes it once when WeChat rejects it', async () => {
    const t1 = await client.getAccessToken();
    expect(await client.getAccessToken()).toBe(t1);
    // A token WeChat no longer knows (e.g. reset elsewhere) is refreshed transparently.
    (client as unknown as { token: { value: string; expiresAt: number } }).token = {
      value: 'stale',
      expiresAt: Date.now() + 3600_000,
    };
    const user = await h.control('POST', '/sim/users', { phoneNumber: '13800138000' });
    const { code } = await h.control('POST', '/sim/phone-code', { openid: user.openid });
    expect(await client.getPhoneNumber(code)).toEqual({
      phoneNumber: '13800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    await expect(client.getPhoneNumber(code)).rejects.toMatchObject({ errcode: 40163 });
  });

  it('returns the PNG of an unlimited code and a typed error for a bad scene', async () => {
    const png = await client.getUnlimitedCode({
      scene: 'c=SHELF01',
      page: 'pages/scan/index',
      checkPath: false,
    });
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await expect(client.getUnlimitedCode({ scene: 'x'.repeat(33) })).rejects.toMatchObject({
      errcode: 40169,
    });
    await expect(client.getUnlimitedCode({ scene: 'ok', page: '/bad?x=1' })).rejects.toMatchObject({
      errcode: 41030,
    });
  });

  it('sends subscribe messages, recorded by the simulator, and maps refusal to 43101', async () => {
    const user = await h.control('POST', '/sim/users', {});
    // Without the user's consent (wx.requestSubscribeMessage) WeChat refuses; one consent, one message.
    await expect(
      client.sendSubscribeMessage({ toUser: user.openid, templateId: 'TPL1', data: { a: 'b' } }),
    ).rejects.toMatchObject({ errcode: 43101 });
    await h.control('POST', '/sim/subscribe/consent', { openid: user.openid, templateIds: ['TPL1'] });
    await client.sendSubscribeMessage({
      toUser: user.openid,
      templateId: 'TPL1',
      data: { thing1: '订单已发货', amount2: '¥1.00' },
    });
    const messages = await h.control('GET', '/sim/messages');
    expect(messages).toContainEqual(
      expect.objectContaining({
        touser: user.openid,
        template_id: 'TPL1',
        data: { thing1: { value: '订单已发货' }, amount2: { value: '¥1.00' } },
      }),
    );
    await expect(
      client.sendSubscribeMessage({ toUser: user.openid, templateId: 'TPL1', data: { a: 'b' } }),
    ).rejects.toMatchObject({ errcode: 43101 });
    const refusing = await h.control('POST', '/sim/users', { refuseSubscribe: true });
    await expect(
      client.sendSubscribeMessage({ toUser: refusing.openid, templateId: 'TPL1', data: { a: 'b' } }),
    ).rejects.toMatchObject({ errcode: 43101 });
    await expect(
      client.sendSubscribeMessage({ toUser: 'nobody', templateId: 'TPL1', data: { a: 'b' } }),
    ).rejects.toMatchObject({ errcode: 40003 });
  });

  it('surfaces injected system errors (-1) as WechatError', async () => {
    await h.control('POST', '/sim/faults', {
      path: '/sns/jscode2session',
      errcode: -1,
      errmsg: 'system error',
    });
    const user = await h.control('POST', '/sim/users', {});
    await expect(client.code2session(user.code)).rejects.toMatchObject({ errcode: -1 });
  });
});
