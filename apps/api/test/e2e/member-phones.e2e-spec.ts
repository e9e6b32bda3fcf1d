import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MemberDataKeyMismatch, MemberPhones } from '../../src/common/crypto/member-phones';
import { FieldCipher, FieldCipherError } from '../../src/common/crypto/field-cipher';
import { TransactionService } from '../../src/common/transaction.service';
import type { AppConfig } from '../../src/config/config';
import { ADMIN_PASSWORD, bearer, loginAdmin, loginNewUser } from '../factories/identity.factory';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';

/** Member phones at rest: encrypted, searchable by keyed hash, masked in lists, legacy rows encrypted at boot. */
describe('member phones encrypted at rest', () => {
  let t: TestAppWithSim;
  let admin: string;
  let db: DataSource;

  beforeAll(async () => {
    t = await bootTestAppWithSim({ ADMIN_INITIAL_PASSWORD: ADMIN_PASSWORD });
    admin = await loginAdmin(t);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('stores the phone encrypted with a keyed hash, finds it by the full number and masks it in lists', async () => {
    const u = await loginNewUser(t, '加密手机');
    const { code } = await t.sim.control<{ code: string }>('POST', '/sim/phone-code', { openid: u.openid });
    const phone = (await t.http.post('/api/app/me/phone').set(bearer(u.token)).send({ code }).expect(200))
      .body.phone as string;
    const me = await t.http.get('/api/app/me').set(bearer(u.token)).expect(200);
    expect(me.body.phone).toBe(phone);

    const [row]: { phone: string; phone_hash: string }[] = await db.query(
      `SELECT phone, phone_hash FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row.phone).not.toContain(phone.slice(-4));
    expect(row.phone).toMatch(/^v1\./);
    expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.phone_hash).toBe(t.app.get(MemberPhones).hash(phone));

    const found = await t.http.get(`/api/admin/customers?keyword=${phone}`).set(bearer(admin)).expect(200);
    expect(found.body.items).toEqual([expect.objectContaining({ userId: u.id, phone })]);
    const names = await t.http.get(`/api/admin/names?userIds=${u.id}`).set(bearer(admin)).expect(200);
    expect(names.body.users).toEqual([
      { id: u.id, nickname: '加密手机', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` },
    ]);
  });

  it('encrypts phones stored before encryption at boot, once, and refuses a key that does not open them', async () => {
    const u = await loginNewUser(t, '旧手机');
    await db.query(`UPDATE users SET phone = '13912345678', phone_hash = NULL WHERE id = $1`, [u.id]);
    const phones = t.app.get(MemberPhones);
    await phones.onApplicationBootstrap();
    await phones.onApplicationBootstrap(); // idempotent: nothing left to do
    const [row]: { phone: string; phone_hash: string }[] = await db.query(
      `SELECT phone, phone_hash FROM users WHERE id = $1`,
      [u.id],
    );
    expect(row.phone).toMatch(/^v1\./);
    expect(phones.open(row.phone)).toBe('13912345678');
    const found = await t.http
      .get(`/api/admin/customers?keyword=139-1234-5678`)
      .set(bearer(admin))
      .expect(200);
    expect(found.body.items.map((c: { userId: string }) => c.userId)).toEqual([u.id]);

    const wrong = new MemberPhones(
      { memberDataKey: randomBytes(32).toString('base64') } as AppConfig,
      t.app.get(TransactionService),
    );
    await expect(wrong.onApplicationBootstrap()).rejects.toThrow(MemberDataKeyMismatch);
    expect(() => wrong.open(row.phone)).toThrow(FieldCipherError);
  });

  it('seals with a fresh IV each time and rejects a tampered value', () => {
    const c = new FieldCipher(randomBytes(32), 'test');
    const a = c.seal('13800000000');
    expect(c.seal('13800000000')).not.toBe(a);
    expect(c.open(a)).toBe('13800000000');
    const tampered = `${a.slice(0, 10)}${a[10] === 'A' ? 'B' : 'A'}${a.slice(11)}`; // inside the IV
    expect(() => c.open(tampered)).toThrow(FieldCipherError);
    expect(FieldCipher.parseKey(randomBytes(16).toString('base64'))).toBeNull();
  });
});
