import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { Tabs } from '../../../centres/tabs';
import { cstTime } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { api, authed } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const R = S.centres.reseller;

/** My bound customers, and my team two levels deep. */
export default function TeamPage() {
  const p = useNavParams();
  const [tab, setTab] = useState<'customers' | 'team'>(p.tab === 'team' ? 'team' : 'customers');
  const customers = useRequest(
    () => authed(() => api.GET('/api/app/reseller/customers', { params: { query: { pageSize: 50 } } })),
    [],
  );
  const team = useRequest(
    () => authed(() => api.GET('/api/app/reseller/team', { params: { query: { pageSize: 50 } } })),
    [],
  );
  const cur = tab === 'customers' ? customers : team;
  return (
    <View className="centre">
      <Tabs
        items={[
          { key: 'customers', label: R.customers },
          { key: 'team', label: R.team },
        ]}
        value={tab}
        onChange={setTab}
      />
      <View className="card">
        {cur.status === 'loading' && !cur.data ? (
          <Skeleton rows={3} />
        ) : cur.status === 'error' && !cur.data ? (
          <ErrorView message={cur.error} onRetry={cur.reload} />
        ) : tab === 'customers' ? (
          customers.data?.items.length ? (
            customers.data.items.map((c) => (
              <View key={c.userId} className="item" data-testid="customer">
                <View className="item__main">
                  <Text className="item__title">{c.nickname ?? S.mine.wechatUser}</Text>
                  <Text className="item__sub">
                    {c.referrerExpiresAt ? R.lockUntil(cstTime(c.referrerExpiresAt).slice(0, 10)) : ''}
                  </Text>
                </View>
              </View>
            ))
          ) : (
            <Empty text={R.noCustomers} />
          )
        ) : team.data?.items.length ? (
          team.data.items.map((m) => (
            <View key={m.userId} className="item" data-testid="team-member">
              <View className="item__main">
                <Text className="item__title">{m.nickname ?? S.mine.wechatUser}</Text>
                <Text className="item__sub">
                  {cstTime(m.joinedAt).slice(0, 10)}
                  {m.viaNickname ? ` · ${R.via(m.viaNickname)}` : ''} · {R.customersOf(m.customers)}
                </Text>
              </View>
              <Text className={`tag ${m.level === 1 ? 'tag--ok' : ''}`}>{R.level(m.level)}</Text>
            </View>
          ))
        ) : (
          <Empty text={R.noTeam} />
        )}
      </View>
    </View>
  );
}
