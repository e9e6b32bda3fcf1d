import { Controller, Get, HttpException, Module, Query } from '@nestjs/common';
import { connect } from 'node:net';
import { DataSource } from 'typeorm';
import { Public } from '../../src/common/auth/auth.decorators';
import { adminToken, userToken } from '../factories/auth.factory';
import { bootTestApp, type TestApp } from '../app';
import { freePort } from '../pg-server';

/** Drives PostgreSQL into its data errors and a framework 4xx Nest has no name for. */
@Public()
@Controller('probe-edge')
class ProbeEdgeController {
  constructor(private readonly ds: DataSource) {}

  @Get('cast')
  async cast(@Query('v') v: string) {
    return this.ds.query('SELECT $1::int AS n', [v]);
  }

  @Get('overflow')
  async overflow(@Query('v') v: string) {
    return this.ds.query('SELECT $1::numeric::smallint AS n', [v]);
  }

  @Get('teapot')
  teapot() {
    throw new HttpException('short and stout', 418);
  }
}

@Module({ controllers: [ProbeEdgeController] })
class ProbeEdgeModule {}

const shape = (body: any) => {
  expect(Object.keys(body).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
};

/** Raw HTTP over a socket, for what an HTTP client library would refuse to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('close', () => resolve(out));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe('edge errors: NUL, deep nesting, malformed multipart, framework errors (issue 19, points 2-5)', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await bootTestApp({}, [ProbeEdgeModule]);
    port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  describe('NUL bytes are refused at the edge with 400 VALIDATION_FAILED', () => {
    it('in a path parameter of an anonymous-reachable route', async () => {
      const res = await t.http
        .get('/api/app/scan/a%00b')
        .set('authorization', `Bearer ${await userToken(t)}`)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'code' }] } });
    });

    it('in a query string (product search)', async () => {
      const res = await t.http.get('/api/app/products?keyword=a%00b').expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'keyword' }] },
      });
    });

    it('in a JSON body string (admin login) and in an object key', async () => {
      const res = await t.http
        .post('/api/admin/auth/login')
        .send({ username: 'ad\u0000min', password: 'x' })
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'username' }] },
      });
      const key = await t.http
        .post('/api/app/auth/refresh')
        .set('content-type', 'application/json')
        .send('{"refreshToken":"x","a\\u0000":1}')
        .expect(400);
      expect(key.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe("PostgreSQL's data errors answer 400, not 500", () => {
    it.each([
      ['invalid text representation', '/api/probe-edge/cast?v=abc'],
      ['numeric out of range', '/api/probe-edge/overflow?v=99999999'],
    ])('%s', async (_what, url) => {
      const res = await t.http.get(url).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      shape(res.body);
    });

    it('an admin search with an over-long keyword is not a 500', async () => {
      const token = await adminToken(t, ['admin']);
      const res = await t.http
        .get(`/api/admin/products?keyword=${'长'.repeat(3000)}`)
        .set('authorization', `Bearer ${token}`);
      expect(res.status).toBeLessThan(500);
    });
  });

  describe('deeply nested JSON is refused with 400 at parsing', () => {
    const nestedArray = '['.repeat(15000) + ']'.repeat(15000);
    const nestedObject = '{"a":'.repeat(6000) + '1' + '}'.repeat(6000);
    it.each([
      ['/api/admin/auth/login', nestedArray],
      ['/api/admin/auth/refresh', nestedObject],
      ['/api/app/auth/wechat-login', nestedObject],
      ['/api/app/auth/refresh', nestedArray],
    ])('%s', async (url, body) => {
      const res = await t.http.post(url).set('content-type', 'application/json').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(res.body.details)).toContain('nest');
    });

    it('ordinary nesting (a DTO with lines) still parses', async () => {
      const res = await t.http
        .post('/api/app/checkout/quote')
        .set('authorization', `Bearer ${await userToken(t)}`)
        .send({ lines: [{ skuId: 'x', quantity: 1 }], mode: 'express' });
      expect(res.status).not.toBe(500);
      expect(JSON.stringify(res.body)).not.toContain('nest deeper');
    });
  });

  describe('malformed multipart answers 400 UPLOAD_INVALID', () => {
    const cases: [string, string, string][] = [
      ['no boundary', 'multipart/form-data', '--x\r\n\r\nhello'],
      [
        'a part cut off',
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG',
      ],
    ];
    it.each(cases)('buyer upload: %s', async (_what, contentType, body) => {
      const res = await t.http
        .post('/api/app/uploads')
        .set('authorization', `Bearer ${await userToken(t)}`)
        .set('content-type', contentType)
        .send(body)
        .expect(400);
      expect(res.body.code).toBe('UPLOAD_INVALID');
    });
    it.each(cases)('admin upload and shipping CSV: %s', async (_what, contentType, body) => {
      const token = await adminToken(t, ['admin']);
      for (const url of ['/api/admin/uploads', '/api/admin/orders/ship-csv']) {
        const res = await t.http
          .post(url)
          .set('authorization', `Bearer ${token}`)
          .set('content-type', contentType)
          .send(body);
        expect([res.status, res.body.code]).toEqual([400, 'UPLOAD_INVALID']);
      }
    });
  });

  describe('errors Fastify and Node answer before the app come back in the error shape', () => {
    it('a path parameter over the length limit → 414 URI_TOO_LONG', async () => {
      const res = await t.http.get(`/api/app/products/${'a'.repeat(500)}`).expect(414);
      expect(res.body.code).toBe('URI_TOO_LONG');
      shape(res.body);
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('broken percent-encoding → 400 BAD_REQUEST', async () => {
      const res = await t.http.get('/api/app/products/%zz').expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      shape(res.body);
    });

    it('huge headers → 431 HEADERS_TOO_LARGE', async () => {
      const raw = await rawRequest(
        port,
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
      );
      expect(raw).toMatch(/^HTTP\/1\.1 431 /);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
      expect(body.code).toBe('HEADERS_TOO_LARGE');
      shape(body);
    });

    it('a malformed request line → 400 in the error shape', async () => {
      const raw = await rawRequest(port, 'BLAH\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).code).toBe('BAD_REQUEST');
    });

    it('a 4xx the filter has no name for keeps its status instead of becoming 500', async () => {
      const res = await t.http.get('/api/probe-edge/teapot').expect(418);
      expect(res.body.code).toBe('BAD_REQUEST');
      shape(res.body);
    });
  });
});
