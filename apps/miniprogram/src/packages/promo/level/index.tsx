import { Text, View } from '@tarojs/components';
import { api, authed } from '../../../services/api';
import { useRequest } from '../../../hooks/use-request';
import { ErrorView, Skeleton } from '../../../components/states';
import { yuan } from '../../../format';
import { S } from '../../../strings';
import '../promo.css';

/** 会员等级: my level, what the next one needs, and every level's benefits. */
export default function LevelPage() {
  const p = useRequest(() => authed(() => api.GET('/api/app/member/level')), []);
  if (p.status === 'error') return <ErrorView message={p.error} onRetry={p.reload} />;
  if (!p.data) return <Skeleton rows={4} />;
  const d = p.data;
  return (
    <View className="promo">
      <View className="promo-head">
        <Text className="promo-head__big" data-testid="member-level">
          {d.level?.name ?? S.promo.noLevel}
        </Text>
        <Text className="muted">
          {d.next ? S.promo.toNext(yuan(d.toNextFen), d.next.name) : S.promo.topLevel}
        </Text>
        <Text className="muted">{S.promo.spent(yuan(d.stats.lifetimeSpendFen))}</Text>
      </View>
      <View className="card">
        {d.levels.map((l) => (
          <View className="row" key={l.id}>
            <Text>{l.name}</Text>
            <Text className="muted">
              {S.promo.benefit(yuan(l.thresholdFen), l.discountBp, l.pointsMultiplierBp)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
