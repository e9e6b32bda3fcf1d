import { randomCode, SCAN_CODE_LENGTH, SCAN_CODE_SHAPE } from './scan-code';

describe('scan codes', () => {
  it('are 16 characters of [0-9A-Za-z], fit a WeChat scene (≤ 32) and do not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const c = randomCode();
      expect(c).toMatch(/^[0-9A-Za-z]{16}$/);
      expect(SCAN_CODE_SHAPE.test(c)).toBe(true);
      seen.add(c);
    }
    expect(seen.size).toBe(5000);
    expect(SCAN_CODE_LENGTH).toBeLessThanOrEqual(32);
  });

  it('use the whole alphabet (no bias toward a few symbols)', () => {
    const counts = new Map<string, number>();
    for (const ch of Array.from({ length: 2000 }, () => randomCode()).join(''))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 32,000 draws over 62 symbols: ~516 each; a fair generator stays well inside ±40 %.
    for (const n of counts.values()) expect(Math.abs(n - 516)).toBeLessThan(206);
  });
});
