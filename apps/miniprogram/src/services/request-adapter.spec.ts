import { ApiError, createApiClient, requestFetch, type MiniRequest } from '@cloudshelf/api-client';

/**
 * The weapp transport: WeChat's runtime has no fetch classes, so web-globals installs
 * whatwg-fetch's; every call then goes through Taro.request (here a fake) and back.
 */
describe('request adapter on a runtime without fetch classes', () => {
  const saved: Record<string, unknown> = {};
  const g = globalThis as unknown as Record<string, unknown>;
  beforeAll(() => {
    for (const k of ['Request', 'Response', 'Headers', 'FormData']) {
      saved[k] = g[k];
      delete g[k];
    }
    jest.isolateModules(() => require('./web-globals'));
  });
  afterAll(() => Object.assign(g, saved));

  it('installs the classes it needs', () => {
    expect(typeof g.Request).toBe('function');
    expect(typeof g.Response).toBe('function');
    expect(typeof g.Headers).toBe('function');
    expect(g.Request).not.toBe(saved.Request);
  });

  it('sends method, URL, headers and JSON body through the mini request and parses the answer', async () => {
    const request = jest.fn<ReturnType<MiniRequest>, Parameters<MiniRequest>>().mockResolvedValue({
      statusCode: 201,
      header: { 'content-type': 'application/json' },
      data: JSON.stringify({ id: 'a1', name: '张三' }),
    });
    const api = createApiClient({
      baseUrl: 'https://api.example.com',
      fetch: requestFetch(request),
      getToken: () => 'tok',
    });
    const { data } = await api.POST('/api/app/addresses', {
      body: { name: '张三', phone: '13800000000', regionCode: '330106', detail: '文三路' },
    });
    expect(data).toEqual({ id: 'a1', name: '张三' });
    const call = request.mock.calls[0][0];
    expect(call).toMatchObject({
      url: 'https://api.example.com/api/app/addresses',
      method: 'POST',
      dataType: 'text',
    });
    expect(call.header.authorization).toBe('Bearer tok');
    expect(JSON.parse(call.data!)).toMatchObject({ regionCode: '330106' });
  });

  it('rejects with the API’s code and Chinese message, and a network failure as NETWORK_ERROR', async () => {
    const request = jest
      .fn<ReturnType<MiniRequest>, Parameters<MiniRequest>>()
      .mockResolvedValueOnce({
        statusCode: 410,
        header: { 'content-type': 'application/json' },
        data: JSON.stringify({ code: 'SCAN_CODE_DISABLED', message: '该二维码已停用' }),
      })
      .mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    const api = createApiClient({ baseUrl: 'https://api.example.com', fetch: requestFetch(request) });
    const gone = await api
      .GET('/api/app/scan/{code}', { params: { path: { code: 'X1' }, header: {} as never } })
      .catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ApiError);
    expect(gone).toMatchObject({ status: 410, code: 'SCAN_CODE_DISABLED', message: '该二维码已停用' });
    const down = await api.GET('/api/app/home').catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
