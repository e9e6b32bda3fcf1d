import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { ApiError, api, authed, errorText, open } from '../../services/api';
import { draftQuery, type Mode } from '../../services/checkout-draft';
import { useNavParams } from '../../hooks/use-nav-params';
import { rememberScan, track } from '../../services/events';
import { useRequest } from '../../hooks/use-request';
import type { PickSku } from '../../components/sku-select';
import { S } from '../../strings';
import { distanceM, whereAmI } from '../../services/location';

export type ScanItem = Schemas['ScanItemDto'];

/** Store stock counts for take-away and pickup, platform stock for express. */
export function skusFor(item: ScanItem, mode: Mode): PickSku[] {
  return item.skus
    .filter((s) => s.availableModes.includes(mode))
    .map((s) => ({
      id: s.id,
      specs: s.specs as Record<string, string>,
      priceFen: s.priceFen,
      originalPriceFen: s.originalPriceFen,
      stock: mode === 'express' ? s.platformStock : s.storeStock,
    }));
}

/** The scan landing's data: one call resolves the code (and logs in silently first). */
export function useScan() {
  const params = useNavParams();
  const code = params.scene;
  const [sheet, setSheet] = useState<{ item: ScanItem; mode: Mode } | null>(null);

  const result = useRequest(async () => {
    if (!code) return null;
    // Log in first (silent on weapp) so the scan is recorded for this shopper and can lock them
    // to the store; if that fails the shelf still shows: never a login wall before browsing.
    const scan = () => api.GET('/api/app/scan/{code}', { params: { path: { code }, header: {} as never } });
    try {
      const found = await authed(scan);
      rememberScan(found.scanCodeId);
      return found;
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) throw e;
      return open(scan);
    }
  }, [code]);

  // How far the store is, when the shopper lets us know where they are (never blocks the page).
  const [distance, setDistance] = useState<number | undefined>(undefined);
  const store = result.data?.store;
  useEffect(() => {
    if (!store) return;
    void whereAmI().then((here) => here.located && setDistance(distanceM(here, store)));
  }, [store?.id]);

  useShareAppMessage(() => ({
    title: result.data ? `${result.data.store.name} · ${result.data.shelf.name}` : S.appName,
    path: `/pages/scan/index?scene=${code ?? ''}`,
  }));

  function buy(sku: PickSku, qty: number) {
    if (!sheet || !result.data) return;
    const { mode } = sheet;
    setSheet(null);
    Taro.navigateTo({
      url: `/packages/checkout/index/index?${draftQuery({
        mode,
        storeId: mode === 'express' ? undefined : result.data.store.id,
        storeName: mode === 'express' ? undefined : result.data.store.name,
        scanCode: result.data.code,
        items: [{ skuId: sku.id, qty, mode }],
      })}`,
    });
  }

  async function addToCart(sku: PickSku, qty: number) {
    if (!sheet || !result.data) return;
    const { mode } = sheet;
    try {
      await authed(() =>
        api.POST('/api/app/cart/items', {
          body: {
            skuId: sku.id,
            qty,
            mode,
            storeId: mode === 'express' ? undefined : result.data!.store.id,
            scanCode: result.data!.code,
          },
        }),
      );
      track('cart', sheet.item.productId, qty);
      setSheet(null);
      Taro.showToast({ title: S.sku.addedToCart, icon: 'success' });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  return { code, result, sheet, setSheet, buy, addToCart, distance };
}
