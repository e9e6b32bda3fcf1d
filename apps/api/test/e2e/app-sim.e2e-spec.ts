import { WechatMiniClient } from '../../src/wechat';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

describe('the application and its WeChat simulator share keys and talk', () => {
  let t: TestAppWithSim;
  beforeAll(async () => {
    t = await bootTestAppWithSim();
  });
  afterAll(() => t.close());

  it('logs a simulator user in through the app-wired mini-program client', async () => {
    const user = await t.sim.control<{ openid: string; code: string }>('POST', '/sim/users', {
      nickname: '测试用户',
    });
    const session = await t.app.get(WechatMiniClient).code2session(user.code);
    expect(session.openid).toBe(user.openid);
  });
});
