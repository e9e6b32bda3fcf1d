import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { Tabs } from '../../../centres/tabs';
import type { EarnerType } from '../../../centres/earner';
import { cstTime, yuan } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { api, authed } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const R = S.centres.reseller;

/** An earner's rewards by order (buyer, product, amount, state) and by day. */
export default function RewardsPage() {
  const p = useNavParams();
  const ref = { earnerType: p.earnerType as EarnerType, earnerId: p.earnerId ?? '' };
  const [tab, setTab] = useState<'orders' | 'daily'>(p.tab === 'daily' ? 'daily' : 'orders');
  const list = useRequest(
    () => authed(() => api.GET('/api/app/rewards', { params: { query: { ...ref, pageSize: 50 } } })),
    [ref.earnerId],
  );
  const daily = useRequest(
    () => authed(() => api.GET('/api/app/rewards/daily', { params: { query: ref } })),
    [ref.earnerId],
  );
  return (
    <View className="centre">
      <Tabs
        items={[
          { key: 'orders', label: R.commissions },
          { key: 'daily', label: R.daily },
        ]}
        value={tab}
        onChange={setTab}
      />
      <View className="card">
        {tab === 'orders' ? (
          list.status === 'loading' && !list.data ? (
            <Skeleton rows={3} />
          ) : list.status === 'error' && !list.data ? (
            <ErrorView message={list.error} onRetry={list.reload} />
          ) : !list.data?.items.length ? (
            <Empty text={R.noCommissions} />
          ) : (
            list.data.items.map((r) => (
              <View key={r.id} className="item" data-testid="reward">
                <View className="item__main">
                  <Text className="item__title">{r.productTitle}</Text>
                  <Text className="item__sub" data-testid="reward-buyer">
                    {S.centres.buyer(r.buyerNickname ?? S.mine.wechatUser)} · {r.orderNo}
                  </Text>
                  <Text className="item__sub">{cstTime(r.createdAt)}</Text>
                </View>
                <View className="item__side">
                  <Text className="amount" data-testid="reward-amount">
                    {yuan(r.amountFen)}
                  </Text>
                  <Text className={`tag tag--${r.clawedFen > 0 ? 'CANCELLED' : r.status}`}>
                    {r.clawedFen > 0 ? S.centres.clawed(yuan(r.clawedFen)) : S.centres.rewardStatus[r.status]}
                  </Text>
                </View>
              </View>
            ))
          )
        ) : daily.status === 'loading' && !daily.data ? (
          <Skeleton rows={3} />
        ) : daily.status === 'error' && !daily.data ? (
          <ErrorView message={daily.error} onRetry={daily.reload} />
        ) : !daily.data?.length ? (
          <Empty text={R.noCommissions} />
        ) : (
          daily.data.map((d) => (
            <View key={d.day} className="item" data-testid="reward-day">
              <View className="item__main">
                <Text className="item__title">{d.day}</Text>
                <Text className="item__sub">{S.centres.dayLine(d.orders)}</Text>
              </View>
              <View className="item__side">
                <Text className="amount">{yuan(d.amountFen - d.clawedFen)}</Text>
                {d.clawedFen > 0 && <Text className="item__sub">{S.centres.clawed(yuan(d.clawedFen))}</Text>}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
