import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Btn } from '../../../components/btn';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { openRewards, openWallet } from '../../../centres/earner';
import { Entry, Fig, Tabs } from '../../../centres/tabs';
import { cstTime, yuan } from '../../../format';
import { S } from '../../../strings';
import { useStoreCentre, type Queue } from './use-store-centre';
import '../../../centres/centre.css';

const T = S.centres.store;

export default function StoreCentrePage() {
  const c = useStoreCentre();
  usePullDownRefresh(() => void c.reload());
  if (c.stores.status === 'loading' && !c.stores.data) return <Skeleton rows={3} />;
  if (c.stores.status === 'error' && !c.stores.data)
    return <ErrorView message={c.stores.error} onRetry={c.stores.reload} />;
  const store = c.store;
  if (!store) return <Empty text={T.none} />;
  const owner = store.role === 'owner';
  const sum = c.summary.data;
  const go = (url: string) => Taro.navigateTo({ url });
  return (
    <View className="centre" data-testid="store-centre">
      <View className="centre-head">
        <Text className="centre-head__title">{store.name}</Text>
        <Text className="centre-head__sub">{owner ? T.owner : T.staff}</Text>
      </View>
      <View className="card centre-card">
        {c.list.length > 1 && (
          <View className="chips">
            {c.list.map((s) => (
              <Text
                key={s.id}
                className={`chip ${s.id === store.id ? 'chip--on' : ''}`}
                onClick={() => c.choose(s.id)}
              >
                {s.name}
              </Text>
            ))}
          </View>
        )}
        {(['today', 'month'] as const).map((k) => (
          <View key={k}>
            <Text className="item__sub">{T[k]}</Text>
            <View className="figs">
              <Fig value={sum ? yuan(sum[k].salesFen) : '—'} label={T.sales} testId={`sales-${k}`} />
              <Fig value={sum ? String(sum[k].orders) : '—'} label={T.orders} />
              <Fig value={sum ? yuan(sum[k].rewardFen) : '—'} label={T.reward} />
            </View>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">{T.verify}</Text>
        <View className="field">
          <Input
            className="field__input"
            type="number"
            maxlength={64}
            value={c.code}
            placeholder={T.codePlaceholder}
            data-testid="pickup-code"
            onInput={(e) => c.setCode(e.detail.value)}
          />
          <Text className="field__act" onClick={() => void c.scanPickup()}>
            {T.scan}
          </Text>
        </View>
        <Btn
          className="btn btn--primary centre-btn"
          loading={c.verifying}
          data-testid="pickup-verify"
          onClick={() => void c.verify()}
        >
          {T.verifyBtn}
        </Btn>
      </View>
      <View className="card">
        <View className="entries">
          <Entry
            icon="收"
            label={T.tillSale}
            testId="entry-till"
            onClick={() => go(`/packages/store/till/index?storeId=${store.id}`)}
          />
          <Entry
            icon="客"
            label={T.customers}
            onClick={() =>
              go(`/packages/store/manage/index?storeId=${store.id}&tab=customers&role=${store.role}`)
            }
          />
          <Entry
            icon="库"
            label={T.stock}
            onClick={() =>
              go(`/packages/store/manage/index?storeId=${store.id}&tab=stock&role=${store.role}`)
            }
          />
          <Entry
            icon="员"
            label={T.staffManage}
            onClick={() =>
              go(`/packages/store/manage/index?storeId=${store.id}&tab=staff&role=${store.role}`)
            }
          />
          <Entry
            icon="导"
            label={S.centres.guide.entry}
            testId="entry-guide"
            onClick={() => go(`/packages/store/guide/index?storeId=${store.id}`)}
          />
          {owner && <Entry icon="奖" label={T.reward} onClick={() => openRewards('store', store.id)} />}
          {owner && (
            <Entry
              icon="钱"
              label={T.wallet}
              testId="entry-store-wallet"
              onClick={() => openWallet('store', store.id, store.name)}
            />
          )}
        </View>
      </View>
      <Tabs
        items={(['awaiting_pickup', 'taken_today', 'to_ship'] as Queue[]).map((k) => ({
          key: k,
          label: `${T.queues[k]}${k === 'awaiting_pickup' && sum ? ` ${sum.awaitingPickup}` : ''}${k === 'to_ship' && sum ? ` ${sum.toShip}` : ''}`,
        }))}
        value={c.queue}
        onChange={c.setQueue}
      />
      <View className="card">
        {c.orders.status === 'loading' && !c.orders.data ? (
          <Skeleton rows={2} />
        ) : c.orders.status === 'error' && !c.orders.data ? (
          <ErrorView message={c.orders.error} onRetry={c.orders.reload} />
        ) : !c.orders.data?.items.length ? (
          <Empty text={T.noOrders} />
        ) : (
          c.orders.data.items.map((o) => (
            <View key={o.id} className="item" data-testid="queue-order">
              <View className="item__main">
                <Text className="item__title">{o.lines.map((l) => `${l.title}×${l.qty}`).join('，')}</Text>
                <Text className="item__sub">
                  {o.orderNo} · {S.modes[o.mode]} · {cstTime(o.completedAt ?? o.paidAt)}
                </Text>
              </View>
              <Text className="amount">{yuan(o.paidFen)}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
