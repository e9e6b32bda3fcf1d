import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { AdminRoute, Public, UserRoute } from '../../src/common/auth/auth.decorators';
import { CommonErrors, defineErrors } from '../../src/common/errors';
import { Ctx, RequestContext } from '../../src/common/request-context';
import { adminToken, userToken } from '../factories/auth.factory';
import { PageQueryDto, toPage } from '../../src/common/paging';
import { bootTestApp, TestApp } from '../app';

const ADMIN_ID = randomUUID();
const USER_ID = randomUUID();

const ProbeErrors = defineErrors({ PROBE_OUT_OF_STOCK: { status: 409, message: '库存不足' } });

class LineDto {
  @IsString() skuId: string;
  @IsInt() @Min(1) quantity: number;
}

class ProbeDto {
  @IsString() @MinLength(2) name: string;
  @IsInt() @Min(0) priceFen: number;
  @ValidateNested({ each: true }) @Type(() => LineDto) lines: LineDto[];
}

/** A controller mounted only in this test, to drive the real pipe, guard and filter. */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() dto: ProbeDto) {
    return { ok: true, name: dto.name, type: typeof dto.priceFen };
  }

  @Get('list')
  list(@Query() q: PageQueryDto) {
    return toPage([], 0, q);
  }

  @Get('conflict')
  conflict() {
    throw ProbeErrors.PROBE_OUT_OF_STOCK({ skuId: 'x' });
  }

  @Get('boom')
  boom() {
    throw new Error('secret internals: password=hunter2');
  }
}

@Controller('probe-auth')
class ProbeAuthController {
  @Get('admin')
  @AdminRoute('settings:write')
  admin(@Ctx() ctx: RequestContext) {
    return { actor: ctx.actor };
  }

  @Get('me')
  @UserRoute()
  me(@Ctx() ctx: RequestContext) {
    return { actor: ctx.actor };
  }

  @Get('undeclared')
  undeclared() {
    return { leaked: true };
  }
}

@Module({ controllers: [ProbeController, ProbeAuthController] })
class ProbeModule {}

describe('foundation e2e: health, error shape, validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({}, [ProbeModule]);
  });
  afterAll(() => t.close());

  it('reports database and queue on /api/health with a request id', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', queue: 'up' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a sane caller request id and replaces a bad one', async () => {
    const a = await t.http.get('/api/health').set('x-request-id', 'abc-123').expect(200);
    expect(a.headers['x-request-id']).toBe('abc-123');
    const b = await t.http.get('/api/health').set('x-request-id', 'bad id with spaces').expect(200);
    expect(b.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('accepts a valid body and converts types', async () => {
    const res = await t.http
      .post('/api/probe')
      .send({ name: '茅台', priceFen: 129900, lines: [{ skuId: 's1', quantity: 1 }] })
      .expect(201);
    expect(res.body).toEqual({ ok: true, name: '茅台', type: 'number' });
  });

  it('answers 400 VALIDATION_FAILED with every bad field, nested ones included', async () => {
    const res = await t.http
      .post('/api/probe')
      .send({ name: 'x', priceFen: 1.5, lines: [{ skuId: 's1', quantity: 0 }] })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toBe('请求参数有误');
    const fields = res.body.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['lines[0].quantity', 'name', 'priceFen']);
  });

  it('rejects unknown fields', async () => {
    const res = await t.http
      .post('/api/probe')
      .send({ name: 'ok', priceFen: 1, lines: [], isAdmin: true })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields).toEqual([
      { field: 'isAdmin', problems: ['property isAdmin should not exist'] },
    ]);
  });

  it('rejects malformed JSON with the error shape, not a stack trace', async () => {
    const res = await t.http
      .post('/api/probe')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: CommonErrors.BAD_REQUEST().message });
  });

  it('validates paging: pageSize at most 100', async () => {
    await t.http
      .get('/api/probe/list?page=2&pageSize=100')
      .expect(200, { items: [], total: 0, page: 2, pageSize: 100 });
    const res = await t.http.get('/api/probe/list?pageSize=101').expect(400);
    expect(res.body.details.fields[0].field).toBe('pageSize');
    await t.http.get('/api/probe/list?page=0').expect(400);
  });

  it('maps a module error to its status and code', async () => {
    const res = await t.http.get('/api/probe/conflict').expect(409);
    expect(res.body).toEqual({ code: 'PROBE_OUT_OF_STOCK', message: '库存不足', details: { skuId: 'x' } });
  });

  it('answers unknown routes 404 NOT_FOUND', async () => {
    const res = await t.http.get('/api/nowhere').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('hides unexpected errors behind 500 INTERNAL with the request id', async () => {
    const res = await t.http.get('/api/probe/boom').set('x-request-id', 'req-boom-1').expect(500);
    expect(res.body).toEqual({
      code: 'INTERNAL',
      message: '系统繁忙，请稍后再试',
      details: { requestId: 'req-boom-1' },
    });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('serves the OpenAPI document with the error codes', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/health']).toBeDefined();
    expect(res.body.components.schemas.ErrorCode.enum).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'INTERNAL']),
    );
    await t.http.get('/api/docs').expect((r) => expect([200, 301, 302]).toContain(r.status));
  });

  describe('access rules', () => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('lets an admin whose role holds the permission in, with the actor on the context', async () => {
      const res = await t.http
        .get('/api/probe-auth/admin')
        .set(bearer(await adminToken(t, ['admin'], ADMIN_ID)))
        .expect(200);
      expect(res.body.actor).toMatchObject({ kind: 'admin', id: ADMIN_ID, roles: ['admin'] });
    });

    it('refuses a role without the permission with 403 FORBIDDEN', async () => {
      const res = await t.http
        .get('/api/probe-auth/admin')
        .set(bearer(await adminToken(t, ['operator'])))
        .expect(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'settings:write' } });
    });

    it('never lets a consumer token reach an admin route', async () => {
      const res = await t.http
        .get('/api/probe-auth/admin')
        .set(bearer(await userToken(t)))
        .expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses missing, malformed and foreign-signed tokens', async () => {
      await t.http.get('/api/probe-auth/me').expect(401);
      await t.http.get('/api/probe-auth/me').set(bearer('not.a.token')).expect(401);
      const forged =
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwia2luZCI6InVzZXIiLCJyb2xlcyI6W10sImlzcyI6ImNsb3Vkc2hlbGYifQ.' +
        'c2lnbmVkLXdpdGgtYW5vdGhlci1rZXk';
      await t.http.get('/api/probe-auth/me').set(bearer(forged)).expect(401);
    });

    it('lets a user in on a user route; admin tokens are not user tokens', async () => {
      const res = await t.http
        .get('/api/probe-auth/me')
        .set(bearer(await userToken(t, USER_ID)))
        .expect(200);
      expect(res.body.actor).toMatchObject({ kind: 'user', id: USER_ID });
      await t.http
        .get('/api/probe-auth/me')
        .set(bearer(await adminToken(t, ['admin'])))
        .expect(401);
    });

    it('refuses a route that declares no access rule, even with a token', async () => {
      const res = await t.http
        .get('/api/probe-auth/undeclared')
        .set(bearer(await adminToken(t, ['admin'])))
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });
});
