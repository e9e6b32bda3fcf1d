import { moneyTransformer } from './money.column';

describe('money column transformer', () => {
  it.each([
    ['0', 0],
    ['129900', 129900],
    ['-500', -500],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('reads bigint text %s as %d', (text, n) => expect(moneyTransformer.from(text)).toBe(n));

  it('keeps null', () => expect(moneyTransformer.from(null)).toBeNull());

  it.each(['9007199254740992', '99999999999999999999', '1.5', 'abc'])('refuses to read %s', (text) =>
    expect(() => moneyTransformer.from(text)).toThrow(RangeError),
  );

  it.each([0, 1, -1, Number.MAX_SAFE_INTEGER])('writes %d', (n) => expect(moneyTransformer.to(n)).toBe(n));

  it.each([1.5, NaN, Number.MAX_SAFE_INTEGER + 1, '100'])('refuses to write %p', (v) =>
    expect(() => moneyTransformer.to(v)).toThrow(TypeError),
  );
});
