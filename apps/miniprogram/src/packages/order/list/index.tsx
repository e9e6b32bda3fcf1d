import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import type { Schemas } from '@cloudshelf/api-client';
import { Btn } from '../../../components/btn';
import { Cover } from '../../../components/cover';
import { Price } from '../../../components/price';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { api, authed } from '../../../services/api';
import { cancelAfterSale } from '../../../services/after-sale';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { yuan } from '../../../format';
import { S } from '../../../strings';
import './index.css';

type Status = Schemas['OrderDto']['status'];

function OrderCard(props: { o: Schemas['OrderDto'] }) {
  const { o } = props;
  const qty = o.lines.reduce((n, l) => n + l.qty, 0);
  return (
    <View
      className="card ocard"
      data-testid="order-card"
      onClick={() => Taro.navigateTo({ url: `/packages/order/detail/index?id=${o.id}` })}
    >
      <View className="ocard__head">
        <Text className="badge">{S.modeLong[o.mode]}</Text>
        <Text className="muted ocard__no">{o.orderNo}</Text>
        <Text className={`ocard__status ocard__status--${o.status}`}>{S.order.status[o.status]}</Text>
      </View>
      <ScrollView scrollX className="ocard__imgs">
        {o.lines.map((l) => (
          <View key={l.id} className="ocard__img">
            <Cover url={l.imageUrl} title={l.title} />
          </View>
        ))}
        {o.lines.length === 1 && <Text className="ocard__title ellipsis-2">{o.lines[0].title}</Text>}
      </ScrollView>
      <View className="ocard__foot">
        <Text className="muted">{S.common.pieces(qty)}</Text>
        <Price fen={o.payableFen} size="sm" />
      </View>
    </View>
  );
}

function AfterSaleList() {
  const list = useRequest(
    async () =>
      (await authed(() => api.GET('/api/app/after-sales', { params: { query: { pageSize: 100 } } }))).items,
    [],
  );
  if (list.status === 'error') return <ErrorView message={list.error} onRetry={list.reload} />;
  if (!list.data) return <Skeleton rows={2} />;
  if (!list.data.length) return <Empty text={S.order.none} icon="售" />;
  return (
    <View>
      {list.data.map((a) => (
        <View
          key={a.id}
          className="card"
          data-testid="after-sale-card"
          onClick={() => Taro.navigateTo({ url: `/packages/order/detail/index?id=${a.orderId}` })}
        >
          <View className="row">
            <Text>
              {S.afterSale.types[a.type]} × {a.qty}
            </Text>
            <Text className="ocard__status">{S.afterSale.status[a.status] ?? a.status}</Text>
          </View>
          <Text className="muted">
            {a.reason} · {yuan(a.amountFen + a.shippingRefundFen)}
          </Text>
          {a.status === 'PENDING_APPROVAL' && (
            <View className="row" onClick={(e) => e.stopPropagation()}>
              <View />
              <Btn
                className="btn btn--plain btn--sm"
                data-testid="cancel-after-sale"
                onClick={() => void cancelAfterSale(a.id, list.reload)}
              >
                {S.afterSale.cancel}
              </Btn>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

/** Orders by status tab, with counts on the tabs; an extra tab for after-sales. */
export default function OrderListPage() {
  const params = useNavParams();
  const [tab, setTab] = useState<string>(
    params.tab === 'after-sales' ? 'after-sales' : (params.status ?? ''),
  );
  const counts = useRequest(() => authed(() => api.GET('/api/app/orders/counts')), []);
  const orders = useRequest(async () => {
    if (tab === 'after-sales') return null;
    return authed(() =>
      api.GET('/api/app/orders', {
        params: { query: { status: (tab || undefined) as Status | undefined, pageSize: 50 } },
      }),
    );
  }, [tab]);
  useDidShow(() => {
    void counts.reload();
    void orders.reload();
  });
  usePullDownRefresh(async () => {
    await Promise.all([counts.reload(), orders.reload()]);
    Taro.stopPullDownRefresh();
  });
  const tabs = [...S.order.tabs, { key: 'after-sales', label: S.order.afterSales }];
  return (
    <View>
      <ScrollView scrollX className="otabs">
        {tabs.map((t) => {
          const n =
            t.key && t.key !== 'after-sales' && t.key !== 'COMPLETED'
              ? (counts.data?.[t.key as keyof typeof counts.data] ?? 0)
              : 0;
          return (
            <View
              key={t.key}
              className={`otabs__item ${t.key === tab ? 'otabs__item--on' : ''}`}
              onClick={() => setTab(t.key)}
            >
              <Text>{t.label}</Text>
              {n > 0 && <Text className="otabs__count">{n}</Text>}
            </View>
          );
        })}
      </ScrollView>
      {tab === 'after-sales' ? (
        <AfterSaleList />
      ) : orders.status === 'error' && !orders.data ? (
        <ErrorView message={orders.error} onRetry={orders.reload} />
      ) : !orders.data ? (
        <Skeleton rows={3} />
      ) : orders.data.items.length === 0 ? (
        <Empty text={S.order.none} onAction={() => Taro.switchTab({ url: '/pages/index/index' })} />
      ) : (
        orders.data.items.map((o) => <OrderCard key={o.id} o={o} />)
      )}
    </View>
  );
}
