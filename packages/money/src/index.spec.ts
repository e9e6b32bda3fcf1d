import { applyBp, formatYuan, MoneyError, parseYuan, prorate } from './index';

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [12345, '123.45'],
    [-5, '-0.05'],
    [-12345, '-123.45'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%d fen → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));

  it('adds the yuan sign when asked', () => expect(formatYuan(990, { symbol: true })).toBe('¥9.90'));
  it.each([1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('rejects %p', (v) =>
    expect(() => formatYuan(v)).toThrow(MoneyError),
  );
});

describe('parseYuan', () => {
  it.each([
    ['0', 0],
    ['1', 100],
    ['1.2', 120],
    ['1.23', 123],
    ['0.01', 1],
    ['12.30', 1230],
    ['-0.5', -50],
    ['-0', 0],
    ['100000', 10000000],
  ])('%s → %d fen', (text, fen) => expect(parseYuan(text)).toBe(fen));

  it.each([
    '1.234',
    '-',
    'abc',
    '',
    ' 1',
    '1 ',
    '1.',
    '.5',
    '01',
    '1e3',
    '+1',
    '1,000',
    '¥1',
    '0x10',
    '99999999999999999',
  ])('rejects %p', (text) => expect(() => parseYuan(text)).toThrow(MoneyError));

  it('round-trips with formatYuan', () => {
    for (const fen of [0, 1, 99, 100, 101, 123456789, -42]) expect(parseYuan(formatYuan(fen))).toBe(fen);
  });
});

describe('prorate', () => {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1, 1, 1], [4, 3, 3]],
    [1, [1, 1], [1, 0]],
    [0, [5, 7], [0, 0]],
    [1000, [2990, 1000, 10], [748, 250, 2]], // .5 and .5 tie: the earlier line wins
    [100, [0, 1], [0, 100]],
    [7, [3, 3, 1], [3, 3, 1]],
    [500, [10000], [500]],
    [0, [], []],
  ])('splits %d over %p as %p', (total, weights, parts) => {
    const result = prorate(total, weights);
    expect(result).toEqual(parts);
    expect(sum(result)).toBe(total);
  });

  it('gives the leftover fen to the largest remainders first', () => {
    // 10 × [1,2,4] / 7 = 1.43, 2.86, 5.71 → floors 1,2,5 (8), remainders .43 .86 .71 → +1 to idx1 and idx2
    expect(prorate(10, [1, 2, 4])).toEqual([1, 3, 6]);
  });

  it('always sums to the total on many random inputs', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 500; i++) {
      const weights = Array.from({ length: 1 + rand(8) }, () => rand(100000));
      if (sum(weights) === 0) weights[0] = 1;
      const total = rand(10_000_000);
      const parts = prorate(total, weights);
      expect(sum(parts)).toBe(total);
      parts.forEach((p, k) => {
        const exact = (total * weights[k]) / sum(weights);
        expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
        expect(p).toBeLessThanOrEqual(Math.floor(exact) + 1);
      });
    }
  });

  it('handles totals whose products overflow doubles', () => {
    const parts = prorate(Number.MAX_SAFE_INTEGER, [Number.MAX_SAFE_INTEGER, 1]);
    expect(parts.map(BigInt).reduce((a, b) => a + b, 0n)).toBe(BigInt(Number.MAX_SAFE_INTEGER));
    expect(parts[1]).toBe(1);
  });

  it.each<[number, number[]]>([
    [5, []],
    [5, [0, 0]],
    [-1, [1]],
    [5, [-1, 2]],
    [1.5, [1]],
  ])('rejects total %d over %p', (total, weights) =>
    expect(() => prorate(total, weights)).toThrow(MoneyError),
  );
});

describe('applyBp', () => {
  it.each([
    [10000, 500, 500],
    [999, 500, 49],
    [1, 9999, 0],
    [12345, 1000, 1234],
    [12345, 300, 370],
    [0, 500, 0],
    [100, 0, 0],
    [100, 10000, 100],
    [Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER],
  ])('%d fen × %d bp = %d', (amount, bp, result) => expect(applyBp(amount, bp)).toBe(result));

  it.each<[number, number]>([
    [100, -1],
    [100, 10001],
    [100, 1.5],
    [-100, 100],
    [0.5, 100],
  ])('rejects %d × %d bp', (amount, bp) => expect(() => applyBp(amount, bp)).toThrow(MoneyError));
});
