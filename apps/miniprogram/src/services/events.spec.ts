const post = jest.fn();
let token: string | undefined = 'token';
jest.mock('./api', () => ({
  api: { POST: (...args: unknown[]) => post(...args) },
  sessionToken: () => token,
}));

import { flush, rememberScan, resetEvents, track } from './events';

describe('analytics events from the mini-program', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    post.mockReset().mockResolvedValue({ data: { accepted: 1 } });
    token = 'token';
    resetEvents();
  });
  afterEach(() => jest.useRealTimers());

  it('batches views and add-to-carts with the scanned code, sent 5 s after the first', async () => {
    rememberScan('code-1');
    track('view', 'p1');
    track('cart', 'p1', 2);
    expect(post).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/api/app/events', {
      body: {
        events: [
          { kind: 'view', productId: 'p1', scanCodeId: 'code-1' },
          { kind: 'cart', productId: 'p1', scanCodeId: 'code-1', qty: 2 },
        ],
      },
    });
  });

  it('sends at once at 50 events, never more than 50 a batch', async () => {
    for (let i = 0; i < 60; i++) track('view', `p${i}`);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post.mock.calls[0][1].body.events).toHaveLength(50);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(post).toHaveBeenCalledTimes(2);
    expect(post.mock.calls[1][1].body.events).toHaveLength(10);
  });

  it('sends nothing for a shopper who is not logged in, and drops a failed batch', async () => {
    token = undefined;
    track('view', 'p1');
    await flush();
    expect(post).not.toHaveBeenCalled();
    token = 'token';
    post.mockRejectedValueOnce(new Error('offline'));
    track('view', 'p2');
    await expect(flush()).resolves.toBeUndefined();
    await flush();
    expect(post).toHaveBeenCalledTimes(1);
  });
});
