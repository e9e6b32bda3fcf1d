import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { openRewards, openWallet } from '../../../centres/earner';
import { Entry, Fig } from '../../../centres/tabs';
import { yuan } from '../../../format';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, currentUserId } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const A = S.centres.agent;

/** The agent centre: the stores I look after with their sales and my override, my wallet. */
export default function AgentCentrePage() {
  const me = currentUserId() ?? '';
  const stores = useRequest(() => authed(() => api.GET('/api/app/agent/stores')), []);
  const wallet = useRequest(
    () =>
      authed(() => api.GET('/api/app/wallet', { params: { query: { earnerType: 'agent', earnerId: me } } })),
    [me],
  );
  useDidShow(() => void wallet.reload());
  const w = wallet.data;
  return (
    <View className="centre" data-testid="agent-centre">
      <View className="centre-head">
        <Text className="centre-head__title">{A.title}</Text>
      </View>
      <View className="card centre-card">
        <View className="figs">
          <Fig value={w ? yuan(w.pendingFen) : '—'} label={S.centres.wallet.pending} />
          <Fig
            value={w ? yuan(w.availableFen) : '—'}
            label={S.centres.wallet.available}
            negative={(w?.availableFen ?? 0) < 0}
          />
          <Fig value={w ? yuan(w.withdrawingFen) : '—'} label={S.centres.wallet.withdrawing} />
        </View>
        {w && w.availableFen < 0 && (
          <View className="debt">{S.centres.wallet.debt(yuan(-w.availableFen))}</View>
        )}
        <View className="entries">
          <Entry icon="奖" label={A.reward} onClick={() => openRewards('agent', me)} />
          <Entry
            icon="提"
            label={A.wallet}
            testId="entry-agent-wallet"
            onClick={() => openWallet('agent', me, A.title)}
          />
        </View>
      </View>
      <View className="card">
        <Text className="card__title">{A.stores}</Text>
        {stores.status === 'loading' && !stores.data ? (
          <Skeleton rows={2} />
        ) : stores.status === 'error' && !stores.data ? (
          <ErrorView message={stores.error} onRetry={stores.reload} />
        ) : !stores.data?.items.length ? (
          <Empty text={A.none} />
        ) : (
          stores.data.items.map((s) => (
            <View key={s.id} className="item" data-testid="agent-store">
              <View className="item__main">
                <Text className="item__title">{s.name}</Text>
                <Text className="item__sub">
                  {S.centres.store.today} {yuan(s.today.salesFen)} · {s.today.orders} {S.centres.store.orders}
                </Text>
                <Text className="item__sub">
                  {S.centres.store.month} {yuan(s.month.salesFen)} · {s.month.orders} {S.centres.store.orders}
                </Text>
              </View>
              <View className="item__side">
                <Text className="amount">{yuan(s.month.rewardFen)}</Text>
                <Text className="item__sub">{A.reward}</Text>
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
