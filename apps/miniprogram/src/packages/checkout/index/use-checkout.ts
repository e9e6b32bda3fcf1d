import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { api, authed, errorText, newIdempotencyKey } from '../../../services/api';
import { parseDraft, type CheckoutDraft } from '../../../services/checkout-draft';
import { payOrder } from '../../../services/pay';
import { openedShareCode } from '../../../services/share';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { load, save } from '../../../services/storage';
import { S } from '../../../strings';

export type Address = Schemas['AddressBookEntryDto'];
export type PickedStore = { id: string; name: string; address: string };
type Quote = Schemas['QuoteDto'];

/** Pages that pick something for the checkout hand it back through storage (weapp and H5 alike). */
export const PICKED_ADDRESS = 'cs.checkout.address';
export const PICKED_STORE = 'cs.checkout.store';

function toCheckoutAddress(a: Address): Schemas['AddressDto'] {
  return {
    name: a.name,
    phone: a.phone,
    province: a.province,
    city: a.city,
    district: a.district,
    detail: a.detail,
    regionCode: a.districtCode || a.cityCode,
  };
}

/** Quote, address, pickup store and placing the order with one Idempotency-Key per distinct tap. */
export function useCheckout() {
  const params = useNavParams();
  const [draft] = useState<CheckoutDraft | undefined>(() => parseDraft(params));
  const modes = new Set(draft?.items.map((i) => i.mode));
  const needsAddress = modes.has('express');
  const needsStore = (modes.has('pickup') || modes.has('take_away')) && !draft?.storeId;
  const [address, setAddress] = useState<Address | null | undefined>(undefined);
  const [store, setStore] = useState<PickedStore | undefined>(undefined);
  const [remark, setRemark] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const keyRef = useRef<{ body: string; key: string } | null>(null);
  // Coupon and points (the API checks both again and answers a stable code when they do not fit).
  const [couponId, setCouponId] = useState<string | undefined>(undefined);
  const [points, setPoints] = useState(0);
  const coupons = useRequest(
    () => authed(() => api.GET('/api/app/coupons', { params: { query: { state: 'available' } } })),
    [],
  );
  const pointsBalance = useRequest(
    () =>
      authed(() => api.GET('/api/app/member/points', { params: { query: { pageSize: 1 } } })).then(
        (s) => s.balance,
      ),
    [],
  );

  // The default address, once; a picked one replaces it when the shopper comes back.
  useEffect(() => {
    if (!needsAddress) return;
    authed(() => api.GET('/api/app/addresses'))
      .then((list) => setAddress((cur) => cur ?? list.find((a) => a.isDefault) ?? list[0] ?? null))
      .catch(() => setAddress(null));
  }, [needsAddress]);
  useDidShow(() => {
    const picked = load<Address>(PICKED_ADDRESS);
    if (picked) {
      setAddress(picked);
      save(PICKED_ADDRESS, '');
    }
    const s = load<PickedStore>(PICKED_STORE);
    if (s) {
      setStore(s);
      save(PICKED_STORE, '');
    }
  });

  const storeId = draft?.storeId ?? store?.id;

  function body(): Schemas['CheckoutDto'] | undefined {
    if (!draft) return undefined;
    const mixed = draft.mode === 'mixed';
    return {
      mode: mixed ? draft.items[0].mode : (draft.mode as Schemas['CheckoutDto']['mode']),
      storeId,
      scanCode: draft.scanCode,
      shareCode: openedShareCode(),
      items: draft.items.map((i) =>
        mixed ? { skuId: i.skuId, qty: i.qty, mode: i.mode } : { skuId: i.skuId, qty: i.qty },
      ),
      address: address ? toCheckoutAddress(address) : undefined,
      remark: remark || undefined,
      couponId,
      points: points || undefined,
    };
  }

  const quote = useRequest(async () => {
    const b = body();
    if (!b) throw new Error('no draft');
    if (draft!.mode === 'mixed') {
      const split = await authed(() => api.POST('/api/app/checkout/split-quote', { body: b }));
      return {
        groups: split.groups,
        payableFen: split.payableFen,
        goodsFen: split.goodsFen,
        shippingFen: split.shippingFen,
        discountFen: split.discountFen,
      };
    }
    const q: Quote = await authed(() => api.POST('/api/app/checkout/quote', { body: b }));
    return {
      groups: [q],
      payableFen: q.payableFen,
      goodsFen: q.goodsFen,
      shippingFen: q.shippingFen,
      discountFen: q.discountFen,
    };
  }, [draft, address?.id, storeId, couponId, points]);

  /** Points to use when switched on: the balance, at most half of what is left after other discounts. */
  function togglePoints() {
    if (points) return setPoints(0);
    const g = quote.data?.groups[0];
    if (!g) return;
    const other = g.discounts.filter((d) => d.kind !== 'points').reduce((n, d) => n + d.amountFen, 0);
    setPoints(Math.min(pointsBalance.data ?? 0, Math.floor((g.goodsFen - other) / 2)));
  }

  async function submit() {
    const b = body();
    if (!b || !quote.data || submitting) return;
    if (needsAddress && !address) return Taro.showToast({ title: S.checkout.needAddress, icon: 'none' });
    if (needsStore && !storeId) return Taro.showToast({ title: S.checkout.needStore, icon: 'none' });
    const json = JSON.stringify(b);
    if (keyRef.current?.body !== json) keyRef.current = { body: json, key: newIdempotencyKey() };
    const key = keyRef.current.key;
    setSubmitting(true);
    try {
      const orders =
        draft!.mode === 'mixed'
          ? await authed(() =>
              api.POST('/api/app/checkout/orders', {
                body: b,
                params: { header: { 'Idempotency-Key': key } },
              }),
            )
          : [
              await authed(() =>
                api.POST('/api/app/orders', { body: b, params: { header: { 'Idempotency-Key': key } } }),
              ),
            ];
      const total = orders.reduce((n, o) => n + o.payableFen, 0);
      if (total !== quote.data.payableFen) Taro.showToast({ title: S.checkout.priceChanged, icon: 'none' });
      for (const id of draft!.cartItemIds ?? []) {
        api.DELETE('/api/app/cart/items/{id}', { params: { path: { id } } }).catch(() => undefined);
      }
      const ids = orders.map((o) => o.id);
      const outcome = await payOrder(ids[0], ids);
      Taro.redirectTo({ url: `/packages/checkout/result/index?orderIds=${ids.join(',')}&pay=${outcome}` });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
      void quote.reload();
    } finally {
      setSubmitting(false);
    }
  }

  return {
    draft,
    quote,
    coupons: coupons.data ?? [],
    couponId,
    setCouponId,
    points,
    pointsBalance: pointsBalance.data ?? 0,
    togglePoints,
    address,
    store,
    storeId,
    needsAddress,
    needsStore,
    remark,
    setRemark,
    submit,
    submitting,
  };
}
