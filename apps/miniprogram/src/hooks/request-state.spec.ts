import { ApiError } from '@cloudshelf/api-client';
import { requestReducer, type RequestState } from './request-state';

describe('page request state', () => {
  const loading: RequestState<number> = { status: 'loading' };

  it('goes loading → ok and keeps the data while reloading', () => {
    const ok = requestReducer(loading, { type: 'ok', data: 7 });
    expect(ok).toEqual({ status: 'ok', data: 7 });
    expect(requestReducer(ok, { type: 'start' })).toEqual({ status: 'loading', data: 7 });
  });

  it('shows the API’s Chinese message, keeps the code, and names network trouble plainly', () => {
    const e = requestReducer(loading, {
      type: 'fail',
      error: new ApiError(410, 'SCAN_CODE_DISABLED', '该二维码已停用'),
    });
    expect(e).toEqual({
      status: 'error',
      data: undefined,
      error: '该二维码已停用',
      code: 'SCAN_CODE_DISABLED',
    });
    const net = requestReducer(loading, { type: 'fail', error: new ApiError(0, 'NETWORK_ERROR', 'timeout') });
    expect(net).toMatchObject({ error: '网络不太好，请稍后重试', code: 'NETWORK_ERROR' });
    expect(requestReducer(loading, { type: 'fail', error: new Error('boom') })).toMatchObject({
      error: '加载失败',
      code: 'UNKNOWN',
    });
  });
});
