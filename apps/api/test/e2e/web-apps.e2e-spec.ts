import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bootTestApp, TestApp } from '../app';

/** The API serves the built web admin at /admin/ and the H5 mini-program at /h5/ when present. */
describe('built front ends', () => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-web-'));
  const admin = path.join(dir, 'admin');

  beforeAll(async () => {
    fs.mkdirSync(path.join(admin, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(admin, 'index.html'), '<!doctype html><title>云货架管理后台</title>');
    fs.writeFileSync(path.join(admin, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
    fs.writeFileSync(path.join(admin, 'favicon.png'), 'png');
    t = await bootTestApp({ WEB_ADMIN_DIR: admin, WEB_H5_DIR: path.join(dir, 'missing') });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at the prefix and for client-side routes, never cached', async () => {
    for (const url of ['/admin/', '/admin/orders/42']) {
      const res = await t.http.get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('云货架管理后台');
    }
    await t.http.get('/admin').expect(301).expect('location', '/admin/');
  });

  it('serves hashed assets as immutable and other files briefly cached', async () => {
    const js = await t.http.get('/admin/assets/index-Ab12Cd34.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    const png = await t.http.get('/admin/favicon.png').expect(200);
    expect(png.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('serves nothing for a front end that is not built, and leaves the API alone', async () => {
    await t.http.get('/h5/').expect(404);
    const health = await t.http.get('/api/health').expect(200);
    expect(health.body.database).toBeDefined();
  });
});
