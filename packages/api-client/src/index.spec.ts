import { ApiError, createApiClient, MiniRequest, requestFetch } from './index';

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

function fakeServer(respond: (call: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  const request: MiniRequest = async (o) => {
    const call = { url: o.url, method: o.method, headers: o.header, body: o.data };
    calls.push(call);
    const r = respond(call);
    return {
      statusCode: r.status,
      header: { 'content-type': 'application/json' },
      data: JSON.stringify(r.body),
    };
  };
  return { calls, fetch: requestFetch(request) };
}

describe('api client over a mini-program style transport', () => {
  it('sends the bearer token and returns typed data', async () => {
    const server = fakeServer(() => ({ status: 200, body: { status: 'ok', database: 'up', queue: 'up' } }));
    const api = createApiClient({ baseUrl: 'http://api.test', fetch: server.fetch, getToken: () => 'tok-1' });
    const { data } = await api.GET('/api/health');
    expect(data?.database).toBe('up');
    expect(server.calls[0]).toMatchObject({ url: 'http://api.test/api/health', method: 'GET' });
    expect(server.calls[0].headers.authorization).toBe('Bearer tok-1');
  });

  it('rejects with ApiError carrying the code, message and details', async () => {
    const server = fakeServer(() => ({
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用', details: { database: 'down' } },
    }));
    const api = createApiClient({ baseUrl: 'http://api.test', fetch: server.fetch });
    const err = await api.GET('/api/health').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: '服务暂不可用',
      details: { database: 'down' },
    });
  });

  it('turns a transport failure into NETWORK_ERROR', async () => {
    const api = createApiClient({
      baseUrl: 'http://api.test',
      fetch: requestFetch(async () => {
        throw new Error('request:fail timeout');
      }),
    });
    const err = await api.GET('/api/health').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
