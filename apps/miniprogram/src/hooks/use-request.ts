import { useCallback, useEffect, useReducer, useRef } from 'react';
import { requestReducer, type RequestState } from './request-state';

export type RequestResult<T> = RequestState<T> & { reload: () => Promise<void> };

/**
 * Loads data for a page: loading → ok | error, with reload. Only the latest call wins, so a slow
 * answer never overwrites a newer one (tab switches, search-as-you-type).
 */
export function useRequest<T>(load: () => Promise<T>, deps: readonly unknown[]): RequestResult<T> {
  const [state, dispatch] = useReducer(requestReducer<T>, { status: 'loading' } as RequestState<T>);
  const seq = useRef(0);
  const run = useCallback(async () => {
    const n = ++seq.current;
    dispatch({ type: 'start' });
    try {
      const data = await load();
      if (n === seq.current) dispatch({ type: 'ok', data });
    } catch (error) {
      if (n === seq.current) dispatch({ type: 'fail', error });
    }
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return { ...state, reload: run };
}
