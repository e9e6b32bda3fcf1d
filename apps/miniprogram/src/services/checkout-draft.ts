import type { Schemas } from '@cloudshelf/api-client';

export type Mode = Schemas['CheckoutDto']['mode'];

/** What the checkout page is opened with: a buy-now line from a card, or the chosen cart lines. */
export interface CheckoutDraft {
  mode: Mode | 'mixed';
  storeId?: string;
  /** Shown on the checkout for take-away and pickup (the store the shopper scanned). */
  storeName?: string;
  scanCode?: string;
  items: { skuId: string; qty: number; mode: Mode }[];
  /** Cart item ids to remove once the order is placed. */
  cartItemIds?: string[];
}

/** Encodes a draft into the page query (small: sku ids and quantities only). */
export function draftQuery(d: CheckoutDraft): string {
  const items = d.items.map((i) => `${i.skuId}:${i.qty}:${i.mode}`).join(',');
  const q: Record<string, string> = { mode: d.mode, items };
  if (d.storeId) q.storeId = d.storeId;
  if (d.storeName) q.storeName = d.storeName;
  if (d.scanCode) q.scanCode = d.scanCode;
  if (d.cartItemIds?.length) q.cart = d.cartItemIds.join(',');
  return Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

const MODES = ['express', 'pickup', 'take_away'];

export function parseDraft(p: Record<string, string | undefined>): CheckoutDraft | undefined {
  const mode = p.mode;
  if (!mode || (mode !== 'mixed' && !MODES.includes(mode))) return undefined;
  const items = (p.items ?? '')
    .split(',')
    .filter(Boolean)
    .map((s) => {
      const [skuId, qty, m] = s.split(':');
      return { skuId, qty: Number(qty), mode: (MODES.includes(m) ? m : mode) as Mode };
    })
    .filter((i) => i.skuId && Number.isInteger(i.qty) && i.qty > 0);
  if (!items.length) return undefined;
  return {
    mode: mode as Mode | 'mixed',
    storeId: p.storeId || undefined,
    storeName: p.storeName || undefined,
    scanCode: p.scanCode || undefined,
    items,
    cartItemIds: p.cart ? p.cart.split(',').filter(Boolean) : undefined,
  };
}
