import Taro from '@tarojs/taro';
import { api, authed, errorText } from './api';
import { S } from '../strings';

/**
 * 撤销申请: asks first, then withdraws a pending after-sale and calls `reload`. Answers
 * whether it was cancelled (false when the buyer declined or the server refused).
 */
export async function cancelAfterSale(id: string, reload: () => Promise<unknown>): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: S.afterSale.cancel, content: S.afterSale.cancelConfirm });
  if (!confirm) return false;
  try {
    await authed(() => api.POST('/api/app/after-sales/{id}/cancel', { params: { path: { id } } }));
    Taro.showToast({ title: S.afterSale.cancelled, icon: 'success' });
    return true;
  } catch (e) {
    Taro.showToast({ title: errorText(e), icon: 'none' });
    return false;
  } finally {
    await reload();
  }
}
