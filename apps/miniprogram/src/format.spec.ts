import { cstTime, maskPhone, priceParts, specText, stockHint, yuan } from './format';

describe('formatting', () => {
  it.each([
    [0, '0', '00'],
    [5, '0', '05'],
    [99900, '999', '00'],
    [123456, '1234', '56'],
  ])('splits %i fen into a large integer and small decimals', (fen, int, dec) => {
    expect(priceParts(fen)).toEqual({ int, dec });
  });

  it('formats yuan with the sign and two decimals, and refuses non-integer fen', () => {
    expect(yuan(149900)).toBe('¥1499.00');
    expect(() => yuan(1.5)).toThrow();
  });

  it('shows times in Asia/Shanghai whatever the device zone', () => {
    expect(cstTime('2026-12-01T16:30:00.000Z')).toBe('2026-12-02 00:30');
    expect(cstTime(null)).toBe('');
  });

  it('shows stock only when low or gone', () => {
    expect(stockHint(0)).toEqual({ text: '已售罄', soldOut: true });
    expect(stockHint(3)).toEqual({ text: '仅剩 3 件', soldOut: false });
    expect(stockHint(6)).toBeNull();
  });

  it('joins spec values and masks phones', () => {
    expect(specText({ 容量: '500ml', 颜色: '红' })).toBe('500ml / 红');
    expect(specText(null)).toBe('');
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});

describe('store distance', () => {
  it('measures the haversine distance in metres', () => {
    // 0.0299° of latitude and 0.061° of longitude at 30.3°N: 3.32 km north, 5.86 km east → 6.74 km
    const { distanceM } = jest.requireActual<typeof import('./services/location')>('./services/location');
    const d = distanceM({ lat: 30.2606, lng: 120.152 }, { lat: 30.2905, lng: 120.213 });
    expect(d).toBeGreaterThan(6700);
    expect(d).toBeLessThan(6780);
  });
});
