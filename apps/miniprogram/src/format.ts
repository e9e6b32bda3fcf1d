import { formatYuan } from '@cloudshelf/money';

/** ¥ + integer part + ".xx", split so the integer part can be large and the decimals small. */
export function priceParts(fen: number): { int: string; dec: string } {
  const [int, dec] = formatYuan(fen).split('.');
  return { int, dec };
}

export function yuan(fen: number): string {
  return formatYuan(fen, { symbol: true });
}

/** ISO time → "2026-12-01 12:30" in Asia/Shanghai, whatever the phone's zone. */
export function cstTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** Spec values as one line: { 容量: '500ml', 颜色: '红' } → "500ml / 红". */
export function specText(specs: Record<string, string> | null | undefined): string {
  return specs ? Object.values(specs).join(' / ') : '';
}

/** What a shopper sees about stock: nothing when plenty, "仅剩 n 件" when low, 已售罄 when gone. */
export function stockHint(stock: number, low = 5): { text: string; soldOut: boolean } | null {
  if (stock <= 0) return { text: '已售罄', soldOut: true };
  if (stock <= low) return { text: `仅剩 ${stock} 件`, soldOut: false };
  return null;
}

/** "13912345678" → "139****5678". */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone;
}
