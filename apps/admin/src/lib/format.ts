import { formatYuan, parseYuan } from '@cloudshelf/money';
import dayjs from 'dayjs';

/** 123450 → "¥1,234.50" (fen in, grouped yuan out, through packages/money). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const text = formatYuan(fen, { symbol: true });
  return text.replace(/(\d)(?=(\d{3})+\.)/g, '$1,');
}

/** "12.5" → 1250; null for empty or not an amount (a form shows the error). */
export function toFen(text: string): number | null {
  try {
    return parseYuan(text.trim());
  } catch {
    return null;
  }
}

/** 1250 → "12.50" for an input box. */
export function fenToInput(fen: number | null | undefined): string {
  return fen === null || fen === undefined || !Number.isSafeInteger(fen) ? '' : formatYuan(fen);
}

/** Basis points → percent text: 350 → "3.5%". */
export function percent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${Number((bp / 100).toFixed(2))}%`;
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function date(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : '—';
}
