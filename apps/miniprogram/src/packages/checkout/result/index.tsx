import { Btn } from '../../../components/btn';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { useAuthedImage } from '../../../hooks/use-authed-image';
import { Price } from '../../../components/price';
import { Skeleton } from '../../../components/states';
import { api, authed, errorText } from '../../../services/api';
import { payOrder } from '../../../services/pay';
import { askSubscribe } from '../../../services/subscribe';
import { useNavParams } from '../../../hooks/use-nav-params';
import { S } from '../../../strings';
import './index.css';

type Order = Schemas['OrderDto'];

/** After the payment sheet: the notification may trail the sheet by a moment, so ask a few times. */
async function loadOrders(ids: string[], waitForPaid: boolean): Promise<Order[]> {
  for (let attempt = 0; ; attempt++) {
    const orders = await Promise.all(
      ids.map((id) => authed(() => api.GET('/api/app/orders/{id}', { params: { path: { id } } }))),
    );
    if (!waitForPaid || orders[0].status !== 'PENDING_PAYMENT' || attempt >= 15) return orders;
    await new Promise((r) => setTimeout(r, 700));
  }
}

export function PickupQr(props: { orderId: string }) {
  const { src } = useAuthedImage(`/api/app/orders/${props.orderId}/pickup-qr.png`);
  return src ? <Image className="result__qr" src={src} /> : <View className="result__qr" />;
}

function nextStep(o: Order): string {
  if (o.mode === 'take_away') return S.pay.takeAwayNext;
  if (o.mode === 'pickup') return S.pay.pickupNext;
  return S.pay.expressNext;
}

export default function PayResultPage() {
  const params = useNavParams();
  const ids = (params.orderIds ?? '').split(',').filter(Boolean);
  const outcome = params.pay ?? 'success';
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    // H5 comes back here from the cashier; weapp asked right after wx.requestPayment (services/pay.ts).
    if (process.env.TARO_ENV === 'h5' && outcome === 'success')
      void askSubscribe(['orderPaid', 'orderShipped', 'pickupReady']);
    loadOrders(ids, outcome === 'success')
      .then(setOrders)
      .catch((e) => setError(errorText(e)));
  }, [params.orderIds, outcome]);

  if (!orders)
    return error ? (
      <View className="result">
        <Text>{error}</Text>
      </View>
    ) : (
      <Skeleton rows={2} />
    );
  const paid = orders.filter((o) => o.status !== 'PENDING_PAYMENT' && o.status !== 'CANCELLED');
  const unpaid = orders.filter((o) => o.status === 'PENDING_PAYMENT');
  const first = orders[0];
  const ok = paid.length > 0 && first.status !== 'PENDING_PAYMENT';

  return (
    <View className="result" data-testid="pay-result">
      <View className={`result__icon ${ok ? 'result__icon--ok' : 'result__icon--fail'}`}>
        {ok ? '✓' : '!'}
      </View>
      <Text className="result__title" data-testid="pay-result-title">
        {ok ? S.pay.success : outcome === 'cancel' ? S.pay.cancelled : S.pay.failed}
      </Text>
      <View className="result__amount">
        <Price fen={(ok ? paid : orders).reduce((n, o) => n + o.payableFen, 0)} size="lg" />
      </View>
      <Text className="result__next">{ok ? nextStep(first) : S.pay.unpaidKeep}</Text>
      {paid
        .filter((o) => o.pickupCode)
        .map((o) => (
          <View key={o.id} className="result__pickup">
            <Text className="muted">{S.order.pickupCode}</Text>
            <Text className="result__code">{o.pickupCode}</Text>
            <PickupQr orderId={o.id} />
          </View>
        ))}
      <View className="result__actions">
        {unpaid.length > 0 && (
          <Btn
            className="btn btn--wechat"
            data-testid="pay-again"
            onClick={() =>
              payOrder(unpaid[0].id, ids).then((r) =>
                Taro.redirectTo({
                  url: `/packages/checkout/result/index?orderIds=${ids.join(',')}&pay=${r}`,
                }),
              )
            }
          >
            {S.pay.retry}
          </Btn>
        )}
        <Btn
          className="btn btn--plain"
          data-testid="view-order"
          onClick={() =>
            Taro.redirectTo({
              url:
                ids.length === 1 ? `/packages/order/detail/index?id=${ids[0]}` : '/packages/order/list/index',
            })
          }
        >
          {S.pay.viewOrder}
        </Btn>
        <Btn className="btn btn--plain" onClick={() => Taro.switchTab({ url: '/pages/index/index' })}>
          {S.pay.continueShopping}
        </Btn>
      </View>
    </View>
  );
}
