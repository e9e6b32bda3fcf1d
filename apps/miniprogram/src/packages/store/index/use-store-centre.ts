import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, errorText } from '../../../services/api';
import { load, save } from '../../../services/storage';
import { S } from '../../../strings';

export type Queue = 'awaiting_pickup' | 'taken_today' | 'to_ship';
const CHOSEN = 'cs.store-centre.store';

/** The store centre: my stores (the chosen one remembered), its figures and queue, pickup verification. */
export function useStoreCentre() {
  const stores = useRequest(() => authed(() => api.GET('/api/app/my-stores')), []);
  const [chosen, setChosen] = useState<string | undefined>(load<string>(CHOSEN));
  const list = stores.data?.items ?? [];
  const store = list.find((s) => s.id === chosen) ?? list[0];
  const storeId = store?.id;
  const [queue, setQueue] = useState<Queue>('awaiting_pickup');
  const summary = useRequest(
    () =>
      storeId
        ? authed(() => api.GET('/api/app/my-stores/{id}/summary', { params: { path: { id: storeId } } }))
        : Promise.resolve(undefined),
    [storeId],
  );
  const orders = useRequest(
    () =>
      storeId
        ? authed(() =>
            api.GET('/api/app/my-stores/{id}/orders', {
              params: { path: { id: storeId }, query: { queue, pageSize: 50 } },
            }),
          )
        : Promise.resolve(undefined),
    [storeId, queue],
  );
  const [code, setCode] = useState('');
  const [verifying, setVerifying] = useState(false);
  useDidShow(() => {
    if (storeId) void Promise.all([summary.reload(), orders.reload()]);
  });

  function choose(id: string) {
    save(CHOSEN, id);
    setChosen(id);
  }

  async function scanPickup() {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true });
      setCode(r.result);
      await verify(r.result);
    } catch {
      // cancelled: the staff member can type the code instead
    }
  }

  async function verify(input = code) {
    if (!input.trim()) return;
    setVerifying(true);
    try {
      await authed(() => api.POST('/api/app/pickups/verify', { body: { code: input.trim() } }));
      setCode('');
      Taro.showToast({ title: S.centres.store.verified, icon: 'success' });
      await Promise.all([summary.reload(), orders.reload()]);
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setVerifying(false);
    }
  }

  async function reload() {
    await Promise.all([stores.reload(), summary.reload(), orders.reload()]);
    Taro.stopPullDownRefresh();
  }

  return {
    stores,
    list,
    store,
    choose,
    summary,
    queue,
    setQueue,
    orders,
    code,
    setCode,
    verify,
    verifying,
    scanPickup,
    reload,
  };
}
