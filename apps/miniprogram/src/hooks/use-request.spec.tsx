import { act, create } from 'react-test-renderer';
import { ApiError } from '@cloudshelf/api-client';
import { useRequest, type RequestResult } from './use-request';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Renders the hook and hands back its latest result. */
function harness<T>(load: (dep: number) => Promise<T>) {
  const seen: { current?: RequestResult<T> } = {};
  function Probe(props: { dep: number }) {
    seen.current = useRequest(() => load(props.dep), [props.dep]);
    return null;
  }
  let root!: ReturnType<typeof create>;
  act(() => {
    root = create(<Probe dep={1} />);
  });
  return { seen, rerender: (dep: number) => act(() => root.update(<Probe dep={dep} />)) };
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('useRequest', () => {
  it('loads, then shows the data; a failure shows the API message and reload retries', async () => {
    const calls = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { seen } = harness(() => calls[n++].promise);
    expect(seen.current!.status).toBe('loading');
    await act(async () => calls[0].reject(new ApiError(500, 'INTERNAL', '服务器开小差了')));
    expect(seen.current).toMatchObject({ status: 'error', error: '服务器开小差了', code: 'INTERNAL' });
    await act(async () => {
      const reloading = seen.current!.reload();
      calls[1].resolve('ok');
      await reloading;
    });
    expect(seen.current).toMatchObject({ status: 'ok', data: 'ok' });
  });

  it('lets only the latest call win when the dependency changes mid-flight', async () => {
    const byDep = new Map([
      [1, deferred<string>()],
      [2, deferred<string>()],
    ]);
    const { seen, rerender } = harness((dep) => byDep.get(dep)!.promise);
    rerender(2);
    await act(async () => byDep.get(2)!.resolve('second'));
    await act(async () => byDep.get(1)!.resolve('first (stale)'));
    expect(seen.current).toMatchObject({ status: 'ok', data: 'second' });
  });
});
