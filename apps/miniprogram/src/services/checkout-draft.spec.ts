import { draftQuery, parseDraft } from './checkout-draft';

describe('checkout draft in the page query', () => {
  it('round-trips a buy-now line with store and scan code', () => {
    const q = draftQuery({
      mode: 'take_away',
      storeId: 's1',
      scanCode: 'AB12',
      items: [{ skuId: 'k1', qty: 2, mode: 'take_away' }],
    });
    const params = Object.fromEntries(q.split('&').map((kv) => kv.split('=').map(decodeURIComponent)));
    expect(parseDraft(params)).toEqual({
      mode: 'take_away',
      storeId: 's1',
      scanCode: 'AB12',
      items: [{ skuId: 'k1', qty: 2, mode: 'take_away' }],
      cartItemIds: undefined,
    });
  });

  it('keeps each line’s mode in a mixed cart checkout and drops broken lines', () => {
    const d = parseDraft({
      mode: 'mixed',
      items: 'k1:1:express,k2:3:pickup,bad,k3:0:express',
      cart: 'c1,c2',
    });
    expect(d?.items).toEqual([
      { skuId: 'k1', qty: 1, mode: 'express' },
      { skuId: 'k2', qty: 3, mode: 'pickup' },
    ]);
    expect(d?.cartItemIds).toEqual(['c1', 'c2']);
    expect(parseDraft({ mode: 'teleport', items: 'k1:1' })).toBeUndefined();
    expect(parseDraft({ mode: 'express', items: '' })).toBeUndefined();
  });
});
