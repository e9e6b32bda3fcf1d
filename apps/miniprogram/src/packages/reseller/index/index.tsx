import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Btn } from '../../../components/btn';
import { ErrorView, Skeleton } from '../../../components/states';
import { openRewards, openWallet } from '../../../centres/earner';
import { Entry, Fig } from '../../../centres/tabs';
import { yuan } from '../../../format';
import { S } from '../../../strings';
import { useReseller } from './use-reseller';
import '../../../centres/centre.css';

const R = S.centres.reseller;

export default function ResellerCentrePage() {
  const c = useReseller();
  usePullDownRefresh(() => void c.reload());
  const me = c.mine.data?.reseller;
  if (c.mine.status === 'loading' && !c.mine.data) return <Skeleton rows={3} />;
  if (c.mine.status === 'error' && !c.mine.data)
    return <ErrorView message={c.mine.error} onRetry={c.mine.reload} />;
  if (!c.approved) {
    return (
      <View className="centre">
        <View className="centre-head">
          <Text className="centre-head__title">{R.applyTitle}</Text>
          <Text className="centre-head__sub">{R.applyIntro}</Text>
        </View>
        <View className="card centre-card" data-testid="reseller-apply">
          {me?.status === 'pending' ? (
            <Text data-testid="reseller-pending">{R.pending}</Text>
          ) : (
            <View>
              {me?.status === 'rejected' && <Text className="muted">{R.rejected(me.rejectReason)}</Text>}
              <Btn
                className="btn btn--primary centre-btn"
                loading={c.applying}
                data-testid="reseller-apply-btn"
                onClick={() => void c.apply()}
              >
                {me?.status === 'rejected' ? R.reapply : R.apply}
              </Btn>
            </View>
          )}
        </View>
      </View>
    );
  }
  const w = c.wallet.data;
  const name = me?.nickname ?? S.mine.wechatUser;
  return (
    <View className="centre" data-testid="reseller-centre">
      <View className="centre-head">
        <Text className="centre-head__title">{name}</Text>
        {me?.uplineNickname && <Text className="centre-head__sub">{R.upline(me.uplineNickname)}</Text>}
      </View>
      <View className="card centre-card" onClick={() => openWallet('reseller', c.userId, name)}>
        <View className="figs">
          <Fig value={w ? yuan(w.pendingFen) : '—'} label={S.centres.wallet.pending} />
          <Fig
            value={w ? yuan(w.availableFen) : '—'}
            label={S.centres.wallet.available}
            negative={(w?.availableFen ?? 0) < 0}
            testId="reseller-available"
          />
          <Fig value={w ? yuan(w.withdrawingFen) : '—'} label={S.centres.wallet.withdrawing} />
        </View>
        {w && w.availableFen < 0 && (
          <View className="debt">{S.centres.wallet.debt(yuan(-w.availableFen))}</View>
        )}
      </View>
      <View className="card">
        <View className="entries">
          <Entry
            icon="客"
            label={R.customers}
            testId="entry-customers"
            onClick={() => Taro.navigateTo({ url: '/packages/reseller/team/index?tab=customers' })}
          />
          <Entry
            icon="团"
            label={R.team}
            onClick={() => Taro.navigateTo({ url: '/packages/reseller/team/index?tab=team' })}
          />
          <Entry
            icon="佣"
            label={R.commissions}
            testId="entry-commissions"
            onClick={() => openRewards('reseller', c.userId)}
          />
          <Entry
            icon="提"
            label={R.wallet}
            testId="entry-wallet"
            onClick={() => openWallet('reseller', c.userId, name)}
          />
        </View>
      </View>
      <View className="card">
        <Text className="card__title">{R.share}</Text>
        {c.products.data?.items.map((p) => (
          <View key={p.id} className="item">
            <View className="item__main">
              <Text className="item__title">{p.title}</Text>
              {p.minPriceFen !== null && <Text className="item__sub">{yuan(p.minPriceFen)}</Text>}
            </View>
            <Btn
              className="btn btn--ghost btn--sm"
              onClick={() => Taro.navigateTo({ url: `/pages/share/poster/index?productId=${p.id}` })}
            >
              {R.poster}
            </Btn>
            <Btn className="btn btn--plain btn--sm" onClick={() => void c.copyLink(p.id)}>
              {R.copyLink}
            </Btn>
          </View>
        ))}
      </View>
    </View>
  );
}
