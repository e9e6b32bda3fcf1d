import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { api, authed, errorText } from '../../services/api';
import { draftQuery, type Mode } from '../../services/checkout-draft';
import { useRequest } from '../../hooks/use-request';
import { S } from '../../strings';

type CartItem = Schemas['CartItemDto'];

/** The checkout request for the chosen lines: one mode, or a split checkout when they differ. */
export function cartCheckout(items: CartItem[]): Schemas['CheckoutDto'] | undefined {
  if (!items.length) return undefined;
  const modes = new Set(items.map((i) => i.mode));
  const first = items[0];
  return {
    mode: first.mode as Mode,
    storeId: items.find((i) => i.storeId)?.storeId ?? undefined,
    scanCode: items.find((i) => i.scanCode)?.scanCode ?? undefined,
    items: items.map((i) =>
      modes.size > 1 ? { skuId: i.skuId, qty: i.qty, mode: i.mode as Mode } : { skuId: i.skuId, qty: i.qty },
    ),
  };
}

export function useCart() {
  const cart = useRequest(() => authed(() => api.GET('/api/app/cart/items')), []);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  useDidShow(() => void cart.reload());
  const items = cart.data?.items ?? [];
  const chosen = items.filter((i) => i.available && !unchecked.has(i.id));
  const mixed = new Set(chosen.map((i) => i.mode)).size > 1;

  // The total comes from the API's quote (the client never adds up money).
  const quote = useRequest(async () => {
    const body = cartCheckout(chosen);
    if (!body) return null;
    if (mixed) return authed(() => api.POST('/api/app/checkout/split-quote', { body }));
    return authed(() => api.POST('/api/app/checkout/quote', { body }));
  }, [chosen.map((i) => `${i.id}:${i.qty}`).join(',')]);

  function toggle(id: string) {
    const next = new Set(unchecked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setUnchecked(next);
  }

  async function setQty(item: CartItem, qty: number) {
    if (qty < 1) return;
    try {
      await authed(() =>
        api.PATCH('/api/app/cart/items/{id}', { params: { path: { id: item.id } }, body: { qty } }),
      );
      await cart.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  async function remove(item: CartItem) {
    const { confirm } = await Taro.showModal({ title: S.cart.remove, content: S.cart.removeConfirm });
    if (!confirm) return;
    try {
      await authed(() => api.DELETE('/api/app/cart/items/{id}', { params: { path: { id: item.id } } }));
      await cart.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  function settle() {
    const body = cartCheckout(chosen);
    if (!body) return;
    Taro.navigateTo({
      url: `/packages/checkout/index/index?${draftQuery({
        mode: mixed ? 'mixed' : (body.mode as Mode),
        storeId: body.storeId,
        scanCode: body.scanCode,
        items: chosen.map((i) => ({ skuId: i.skuId, qty: i.qty, mode: i.mode as Mode })),
        cartItemIds: chosen.map((i) => i.id),
      })}`,
    });
  }

  return { cart, items, chosen, unchecked, toggle, setQty, remove, settle, quote, mixed };
}
