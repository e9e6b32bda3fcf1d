import Taro, { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api, authed, errorText, open } from '../../../services/api';
import { draftQuery, type Mode } from '../../../services/checkout-draft';
import { isReseller, sharePath } from '../../../services/share';
import { whereAmI } from '../../../services/location';
import { track } from '../../../services/events';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import type { PickSku } from '../../../components/sku-select';
import { S } from '../../../strings';

/** Product detail: gallery, modes (take-away is only at the shelf), SKU sheet, stores that have it. */
export function useDetail() {
  const { id } = useNavParams();
  const product = useRequest(
    () => open(() => api.GET('/api/app/products/{id}', { params: { path: { id: id! } } })),
    [id],
  );
  const modes = (product.data?.fulfilmentModes ?? []).filter((m) => m !== 'take_away') as Mode[];
  const [mode, setMode] = useState<Mode | undefined>(undefined);
  const current = mode ?? modes[0];
  const [sheet, setSheet] = useState<'buy' | 'cart' | null>(null);
  const [path, setPath] = useState(`/packages/goods/detail/index?id=${id}`);
  useEffect(() => {
    if (id) void sharePath(id).then(setPath);
  }, [id]);
  useEffect(() => {
    if (id && product.data) track('view', id);
  }, [id, product.data]);
  const firstSku = product.data?.skus[0]?.id;
  const stores = useRequest(async () => {
    if (!firstSku || !product.data?.fulfilmentModes.includes('pickup')) return null;
    const { lat, lng } = await whereAmI();
    return open(() =>
      api.GET('/api/app/stores/nearby-stock', {
        params: { query: { lat, lng, skuId: firstSku, pageSize: 3 } },
      }),
    );
  }, [firstSku]);

  useShareAppMessage(() => ({
    title: S.share.shareTitle(product.data?.title ?? S.appName),
    path,
    imageUrl: product.data?.coverUrl ?? undefined,
  }));
  useShareTimeline(() => ({ title: product.data?.title ?? S.appName, query: `id=${id}` }));

  const skus: PickSku[] = (product.data?.skus ?? []).map((s) => ({
    id: s.id,
    specs: s.specs as Record<string, string>,
    priceFen: s.priceFen,
    originalPriceFen: s.originalPriceFen,
    stock: s.stock,
  }));

  function buy(sku: PickSku, qty: number) {
    setSheet(null);
    if (!current) return;
    Taro.navigateTo({
      url: `/packages/checkout/index/index?${draftQuery({ mode: current, items: [{ skuId: sku.id, qty, mode: current }] })}`,
    });
  }

  async function addToCart(sku: PickSku, qty: number) {
    if (!current) return;
    try {
      await authed(() => api.POST('/api/app/cart/items', { body: { skuId: sku.id, qty, mode: current } }));
      track('cart', id!, qty);
      setSheet(null);
      Taro.showToast({ title: S.sku.addedToCart, icon: 'success' });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  return {
    reseller: isReseller(),
    product,
    modes,
    current,
    setMode,
    sheet,
    setSheet,
    skus,
    buy,
    addToCart,
    stores,
    id,
  };
}
