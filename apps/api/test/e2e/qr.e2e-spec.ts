import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bootTestAppWithSim, type TestAppWithSim } from '../sim';
import { adminToken } from '../factories/auth.factory';
import { newProduct } from '../factories/catalog.factory';
import { newShelf, newStore } from '../factories/stores.factory';
import { WechatMiniClient } from '../../src/wechat/wechat-mini.client';
import { CODES_PER_PAGE, SCAN_PAGE } from '../../src/modules/stores/qr.service';

// pdf-parse's index.js runs a self-test when it is not `require`d by a parent; its lib entry does not.
const pdfParse: (
  data: Buffer,
) => Promise<{ numpages: number; text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** Reads a binary body (supertest buffers only known binary types). */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('QR codes: PNG and the printable PDF sheet (WeChat simulator)', () => {
  let t: TestAppWithSim;
  let op: string;
  let calls: jest.SpyInstance;

  beforeAll(async () => {
    t = await bootTestAppWithSim();
    op = await adminToken(t, ['operator']);
    calls = jest.spyOn(t.app.get(WechatMiniClient), 'getUnlimitedCode');
  });
  afterAll(() => t.close());
  beforeEach(() => calls.mockClear());

  it('makes a shelf code’s PNG through getwxacodeunlimit (scene = code, page = pages/scan/index), once', async () => {
    const store = await newStore(t, { name: '单码店' });
    const p = await newProduct(t);
    const shelf = await newShelf(t, store.id, [p.id], '收银台旁');
    const codes = await t.http
      .get(`/api/admin/stores/${store.id}/scan-codes`)
      .set('Authorization', `Bearer ${op}`)
      .expect(200);
    const id = codes.body.items[0].id;
    const first = await t.http
      .get(`/api/admin/scan-codes/${id}/qr.png`)
      .set('Authorization', `Bearer ${op}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect((first.body as Buffer).subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(calls).toHaveBeenCalledTimes(1);
    expect(calls).toHaveBeenCalledWith(expect.objectContaining({ scene: shelf.code, page: SCAN_PAGE }));
    const second = await t.http
      .get(`/api/admin/scan-codes/${id}/qr.png`)
      .set('Authorization', `Bearer ${op}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    expect(calls).toHaveBeenCalledTimes(1);
    await t.http
      .get(`/api/admin/scan-codes/${randomUUID()}/qr.png`)
      .set('Authorization', `Bearer ${op}`)
      .expect(404);
  });

  it('prints an A4 sheet: 12 codes a page, store and shelf names under each, WeChat asked once per code', async () => {
    const store = await newStore(t, { name: '杭州西湖银泰店' });
    const p = await newProduct(t);
    const names = Array.from({ length: 14 }, (_, i) => `货架${String(i + 1).padStart(2, '0')}号`);
    for (const name of names) await newShelf(t, store.id, [p.id], name);
    // A disabled code is not printed.
    const list = await t.http
      .get(`/api/admin/stores/${store.id}/scan-codes`)
      .set('Authorization', `Bearer ${op}`)
      .expect(200);
    await t.http
      .post(`/api/admin/scan-codes/${list.body.items[13].id}/disable`)
      .set('Authorization', `Bearer ${op}`)
      .expect(201);

    // The simulator draws each code slowly under jest (~1 s), so 11 of the 13 images are put
    // in the cache up front (a copy of a real one); the sheet must then ask WeChat for exactly the other 2.
    const active = list.body.items.slice(0, 13) as { id: string; code: string }[];
    const real = await t.app.get(WechatMiniClient).getUnlimitedCode({ scene: 'warmup', page: SCAN_PAGE });
    const ds = t.app.get(DataSource);
    for (const c of active.slice(2))
      await ds.query(`INSERT INTO qr_image (code, png) VALUES ($1, $2)`, [c.code, real]);
    calls.mockClear();

    const res = await t.http
      .get(`/api/admin/stores/${store.id}/qr-sheet.pdf`)
      .set('Authorization', `Bearer ${op}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await pdfParse(res.body as Buffer);
    expect(CODES_PER_PAGE).toBe(12);
    expect(pdf.numpages).toBe(2); // 13 active codes
    for (const name of names.slice(0, 13)) expect(pdf.text).toContain(name);
    expect(pdf.text).not.toContain(names[13]);
    expect(pdf.text.split('杭州西湖银泰店').length - 1).toBeGreaterThanOrEqual(13);
    expect(calls).toHaveBeenCalledTimes(2);
    expect(calls.mock.calls.map(([input]) => input.scene).sort()).toEqual(
      active
        .slice(0, 2)
        .map((c) => c.code)
        .sort(),
    );

    // The second sheet comes from the cache.
    calls.mockClear();
    const again = await t.http
      .get(`/api/admin/stores/${store.id}/qr-sheet.pdf`)
      .set('Authorization', `Bearer ${op}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((await pdfParse(again.body as Buffer)).numpages).toBe(2);
    expect(calls).not.toHaveBeenCalled();

    await t.http.get(`/api/admin/stores/${store.id}/qr-sheet.pdf`).expect(401);
    await t.http
      .get(`/api/admin/stores/${randomUUID()}/qr-sheet.pdf`)
      .set('Authorization', `Bearer ${op}`)
      .expect(404);
  });
});
