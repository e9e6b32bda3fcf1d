import Taro, { useDidShow } from '@tarojs/taro';
import { api, authed, errorText } from '../../../services/api';
import { payOrder } from '../../../services/pay';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { S } from '../../../strings';

export function useOrder() {
  const { id } = useNavParams();
  const order = useRequest(
    () => authed(() => api.GET('/api/app/orders/{id}', { params: { path: { id: id! } } })),
    [id],
  );
  const afterSales = useRequest(
    async () =>
      (
        await authed(() =>
          api.GET('/api/app/after-sales', { params: { query: { orderId: id!, pageSize: 100 } } }),
        )
      ).items,
    [id],
  );
  useDidShow(() => {
    void order.reload();
    void afterSales.reload();
  });

  async function confirmThen(title: string, content: string, run: () => Promise<unknown>, done: string) {
    const { confirm } = await Taro.showModal({ title, content });
    if (!confirm) return;
    try {
      await run();
      Taro.showToast({ title: done, icon: 'success' });
      await order.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  const cancel = () =>
    confirmThen(
      S.order.cancel,
      S.order.cancelConfirm,
      () => authed(() => api.POST('/api/app/orders/{id}/cancel', { params: { path: { id: id! } } })),
      S.order.cancelled,
    );
  const receive = () =>
    confirmThen(
      S.order.receive,
      S.order.receiveConfirm,
      () => authed(() => api.POST('/api/app/orders/{id}/receive', { params: { path: { id: id! } } })),
      S.order.received,
    );

  async function pay() {
    try {
      const outcome = await payOrder(id!);
      Taro.redirectTo({ url: `/packages/checkout/result/index?orderIds=${id}&pay=${outcome}` });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  return { id, order, afterSales, cancel, receive, pay };
}
