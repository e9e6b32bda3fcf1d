import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, currentUserId, errorText } from '../../../services/api';
import { rememberRoles, sharePath } from '../../../services/share';
import { S } from '../../../strings';

/** The reseller centre: my standing (apply / pending / approved), my balances, products to share. */
export function useReseller() {
  const mine = useRequest(() => authed(() => api.GET('/api/app/reseller')), []);
  const approved = mine.data?.reseller?.status === 'approved';
  const userId = mine.data?.reseller?.userId ?? currentUserId() ?? '';
  const wallet = useRequest(
    () =>
      approved
        ? authed(() =>
            api.GET('/api/app/wallet', { params: { query: { earnerType: 'reseller', earnerId: userId } } }),
          )
        : Promise.resolve(undefined),
    [approved, userId],
  );
  const products = useRequest(
    () =>
      approved
        ? authed(() => api.GET('/api/app/products', { params: { query: { pageSize: 10 } } }))
        : Promise.resolve(undefined),
    [approved],
  );
  const [applying, setApplying] = useState(false);
  useDidShow(() => {
    if (approved) void wallet.reload();
  });

  async function apply() {
    setApplying(true);
    try {
      await authed(() => api.POST('/api/app/reseller/apply'));
      const me = await authed(() => api.GET('/api/app/me'));
      rememberRoles(me.roles);
      await mine.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setApplying(false);
    }
  }

  async function copyLink(productId: string) {
    const path = await sharePath(productId);
    await Taro.setClipboardData({ data: path });
    Taro.showToast({ title: S.centres.reseller.linkCopied, icon: 'none' });
  }

  async function reload() {
    await Promise.all([mine.reload(), wallet.reload(), products.reload()]);
    Taro.stopPullDownRefresh();
  }

  return { mine, approved, userId, wallet, products, apply, applying, copyLink, reload };
}
