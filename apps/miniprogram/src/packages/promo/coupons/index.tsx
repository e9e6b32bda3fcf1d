import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api, authed } from '../../../services/api';
import { useRequest } from '../../../hooks/use-request';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { cstTime, yuan } from '../../../format';
import { S } from '../../../strings';
import '../promo.css';

type State = 'available' | 'used' | 'expired';

/** 我的优惠券: usable, used and expired coupons. */
export default function MyCouponsPage() {
  const [state, setState] = useState<State>('available');
  const list = useRequest(
    () => authed(() => api.GET('/api/app/coupons', { params: { query: { state } } })),
    [state],
  );
  return (
    <View className="promo">
      <View className="promo-tabs">
        {(['available', 'used', 'expired'] as State[]).map((s) => (
          <Text
            key={s}
            className={`promo-tabs__item ${s === state ? 'promo-tabs__item--on' : ''}`}
            onClick={() => setState(s)}
          >
            {S.promo.couponState[s]}
          </Text>
        ))}
      </View>
      {list.status === 'error' && <ErrorView message={list.error} onRetry={list.reload} />}
      {!list.data && list.status !== 'error' && <Skeleton rows={3} />}
      {list.data && !list.data.length && <Empty text={S.promo.noCoupons} />}
      {list.data?.map((c) => (
        <View className={`card coupon coupon--${c.state}`} key={c.id} data-testid="coupon">
          <View className="coupon__value">
            <Text className="coupon__amount">
              {c.template.kind === 'amount'
                ? yuan(c.template.amountFen)
                : S.promo.discountText(c.template.percentOffBp)}
            </Text>
            <Text className="muted">
              {c.template.minSpendFen ? S.promo.minSpend(yuan(c.template.minSpendFen)) : S.promo.noMinSpend}
            </Text>
          </View>
          <View className="coupon__body">
            <Text>{c.template.name}</Text>
            <Text className="muted">{S.promo.validTo(cstTime(c.validTo))}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
