import type { TestAppWithSim } from '../sim';

export interface LoggedInUser {
  id: string;
  openid: string;
  token: string;
  refreshToken: string;
}

/** A WeChat user of the simulator, logged in through the real endpoint. */
export async function loginNewUser(t: TestAppWithSim, nickname = 'tester'): Promise<LoggedInUser> {
  const { openid, code } = await t.sim.control<{ openid: string; code: string }>('POST', '/sim/users', {
    nickname,
  });
  const res = await t.http.post('/api/app/auth/wechat-login').send({ code }).expect(200);
  await t.http
    .patch('/api/app/me')
    .set('authorization', `Bearer ${res.body.accessToken}`)
    .send({ nickname })
    .expect(200);
  return { id: res.body.userId, openid, token: res.body.accessToken, refreshToken: res.body.refreshToken };
}

/** Logs in the first-start `admin` (the test app boots with ADMIN_INITIAL_PASSWORD=ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = 'test-admin-password';
export async function loginAdmin(
  t: TestAppWithSim,
  username = 'admin',
  password = ADMIN_PASSWORD,
): Promise<string> {
  const res = await t.http.post('/api/admin/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
