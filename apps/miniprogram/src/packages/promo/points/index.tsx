import { Text, View } from '@tarojs/components';
import { api, authed } from '../../../services/api';
import { useRequest } from '../../../hooks/use-request';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { cstTime } from '../../../format';
import { S } from '../../../strings';
import '../promo.css';

/** 积分明细: the balance and every movement (the statement always sums to the balance). */
export default function PointsPage() {
  const s = useRequest(
    () => authed(() => api.GET('/api/app/member/points', { params: { query: { pageSize: 100 } } })),
    [],
  );
  if (s.status === 'error') return <ErrorView message={s.error} onRetry={s.reload} />;
  if (!s.data) return <Skeleton rows={4} />;
  return (
    <View className="promo">
      <View className="promo-head">
        <Text className="muted">{S.promo.balance}</Text>
        <Text className="promo-head__big" data-testid="points-balance">
          {s.data.balance}
        </Text>
        <Text className="muted">{S.promo.pointsRule}</Text>
      </View>
      {!s.data.items.length && <Empty text={S.promo.noPoints} />}
      <View className="card">
        {s.data.items.map((e) => (
          <View className="row" key={e.id}>
            <View>
              <Text>{S.promo.pointsKind[e.kind] ?? e.kind}</Text>
              <Text className="muted"> {cstTime(e.createdAt)}</Text>
            </View>
            <Text className={e.delta > 0 ? 'co-red' : ''}>{e.delta > 0 ? `+${e.delta}` : e.delta}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
