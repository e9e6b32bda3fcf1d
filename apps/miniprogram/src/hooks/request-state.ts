import { ApiError } from '@cloudshelf/api-client';

/** The state of one page load: a skeleton, the data, or an error with a retry. */
export type RequestState<T> =
  | { status: 'loading'; data?: T; error?: undefined; code?: undefined }
  | { status: 'ok'; data: T; error?: undefined; code?: undefined }
  | { status: 'error'; data?: T; error: string; code: string };

export type RequestAction<T> = { type: 'start' } | { type: 'ok'; data: T } | { type: 'fail'; error: unknown };

/** Keeps the last data while reloading (no flash back to a skeleton on pull-to-refresh). */
export function requestReducer<T>(state: RequestState<T>, action: RequestAction<T>): RequestState<T> {
  switch (action.type) {
    case 'start':
      return { status: 'loading', data: state.data };
    case 'ok':
      return { status: 'ok', data: action.data };
    case 'fail': {
      const e = action.error;
      const code = e instanceof ApiError ? e.code : 'UNKNOWN';
      const error =
        e instanceof ApiError
          ? e.code === 'NETWORK_ERROR'
            ? '网络不太好，请稍后重试'
            : e.message || '加载失败'
          : '加载失败';
      return { status: 'error', data: state.data, error, code };
    }
  }
}
