/**
 * Money in CloudShelf is always an integer number of fen (分). These helpers are
 * the only place that turns fen into yuan text and back, splits amounts and
 * applies basis-point rates, so the API and both front ends agree to the fen.
 */

const MAX_FEN = Number.MAX_SAFE_INTEGER;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

function assertFen(value: number, name = 'amount'): void {
  if (!Number.isSafeInteger(value))
    throw new MoneyError(`${name} must be a safe integer of fen, got ${value}`);
}

/** 12345 → "123.45"; -5 → "-0.05". Always two decimals, no currency sign unless asked. */
export function formatYuan(fen: number, opts: { symbol?: boolean } = {}): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${opts.symbol ? '¥' : ''}${yuan}.${cents}`;
}

const YUAN_PATTERN = /^(-)?(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

/**
 * Strict parser for what a person types as yuan: "12", "12.3", "12.30", "-0.5".
 * Rejects more than two decimals, empty parts, signs alone, spaces, exponents.
 */
export function parseYuan(text: string): number {
  if (typeof text !== 'string') throw new MoneyError('amount must be text');
  const match = YUAN_PATTERN.exec(text);
  if (!match) throw new MoneyError(`not a yuan amount: "${text}"`);
  const [, minus, whole, decimals = ''] = match;
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) throw new MoneyError(`amount too large: "${text}"`);
  return minus && fen !== 0 ? -fen : fen;
}

/**
 * Splits `total` fen over `weights` in proportion, by largest remainder: each part
 * is floor(total × w / Σw), and the fen left over go one each to the largest
 * remainders (ties to the earlier index). The parts always sum to `total`.
 */
export function prorate(total: number, weights: readonly number[]): number[] {
  assertFen(total, 'total');
  if (total < 0) throw new MoneyError('total must not be negative');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new MoneyError('cannot prorate a non-zero total over no weights');
  }
  weights.forEach((w) => {
    assertFen(w, 'weight');
    if (w < 0) throw new MoneyError('weights must not be negative');
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    if (total === 0) return weights.map(() => 0);
    throw new MoneyError('cannot prorate a non-zero total over zero weights');
  }
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const parts = weights.map((w) => {
    const product = bigTotal * BigInt(w);
    return { index: 0, share: product / bigSum, remainder: product % bigSum };
  });
  parts.forEach((p, i) => (p.index = i));
  let left = bigTotal - parts.reduce((a, p) => a + p.share, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const p of order) {
    if (left === 0n) break;
    p.share += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.share));
}

/** amount × bp / 10000, rounded down (toward zero for the positive amounts money uses). */
export function applyBp(amountFen: number, bp: number): number {
  assertFen(amountFen);
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10000)
    throw new MoneyError(`rate must be 0–10000 bp, got ${bp}`);
  if (amountFen < 0) throw new MoneyError('amount must not be negative');
  return Number((BigInt(amountFen) * BigInt(bp)) / 10000n);
}
