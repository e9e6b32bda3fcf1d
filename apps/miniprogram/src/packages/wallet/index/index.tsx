import { Input, Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { Btn } from '../../../components/btn';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { Fig, Tabs } from '../../../centres/tabs';
import type { EarnerType } from '../../../centres/earner';
import { cstTime, yuan } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { S } from '../../../strings';
import { useWallet } from './use-wallet';
import '../../../centres/centre.css';

const W = S.centres.wallet;

/** The wallet of one earner account: balances (a debt shown plainly), withdraw, history, statement. */
export default function WalletPage() {
  const p = useNavParams();
  const w = useWallet(p.earnerType as EarnerType, p.earnerId ?? '', p.transfer);
  const [tab, setTab] = useState<'history' | 'statement'>('history');
  usePullDownRefresh(() => void w.reload());
  const b = w.wallet.data;
  return (
    <View className="centre wallet">
      <View className="centre-head">
        <Text className="centre-head__title">{p.name || W.title}</Text>
      </View>
      <View className="card centre-card">
        {w.wallet.status === 'error' && !b ? (
          <ErrorView message={w.wallet.error} onRetry={w.wallet.reload} />
        ) : (
          <View className="figs">
            <Fig value={b ? yuan(b.pendingFen) : '—'} label={W.pending} testId="wallet-pending" />
            <Fig
              value={b ? yuan(b.availableFen) : '—'}
              label={W.available}
              negative={(b?.availableFen ?? 0) < 0}
              testId="wallet-available"
            />
            <Fig value={b ? yuan(b.withdrawingFen) : '—'} label={W.withdrawing} testId="wallet-withdrawing" />
          </View>
        )}
        {b && b.availableFen < 0 && (
          <View className="debt" data-testid="wallet-debt">
            {W.debt(yuan(-b.availableFen))}
          </View>
        )}
      </View>
      <View className="card">
        <View className="field">
          <Text className="field__label">{W.amount}</Text>
          <Input
            className="field__input"
            type="digit"
            value={w.amount}
            placeholder={W.amountPlaceholder}
            data-testid="withdraw-amount"
            onInput={(e) => w.setAmount(e.detail.value)}
          />
          <Text className="field__act" onClick={w.fillAll}>
            {W.all}
          </Text>
        </View>
        <Btn
          className="btn btn--primary centre-btn"
          loading={w.busy}
          data-testid="withdraw-submit"
          onClick={() => void w.withdraw()}
        >
          {W.submit}
        </Btn>
      </View>
      <Tabs
        items={[
          { key: 'history', label: W.history },
          { key: 'statement', label: W.statement },
        ]}
        value={tab}
        onChange={setTab}
      />
      <View className="card">{tab === 'history' ? <History w={w} /> : <Statement w={w} />}</View>
    </View>
  );
}

function History({ w }: { w: ReturnType<typeof useWallet> }) {
  const h = w.history;
  if (h.status === 'loading' && !h.data) return <Skeleton rows={2} />;
  if (h.status === 'error' && !h.data) return <ErrorView message={h.error} onRetry={h.reload} />;
  if (!h.data?.items.length) return <Empty text={W.noHistory} />;
  return (
    <View>
      {h.data.items.map((x) => (
        <View key={x.id} className="item" data-testid="withdrawal">
          <View className="item__main">
            <Text className="item__title">{yuan(x.amountFen)}</Text>
            <Text className="item__sub">
              {cstTime(x.createdAt)}
              {x.feeFen > 0 ? ` · ${W.fee(yuan(x.feeFen))}` : ''}
              {x.rejectReason ? ` · ${x.rejectReason}` : ''}
            </Text>
          </View>
          <View className="item__side">
            <Text className={`tag tag--${x.status}`} data-testid="withdrawal-status">
              {W.status[x.status] ?? x.status}
            </Text>
            {x.status === 'PAYING' && x.packageInfo && (
              <Btn
                className="btn btn--wechat btn--sm centre-btn"
                data-testid="withdrawal-receive"
                onClick={() => void w.receive(x)}
              >
                {W.receive}
              </Btn>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

function Statement({ w }: { w: ReturnType<typeof useWallet> }) {
  const s = w.statement;
  if (s.status === 'loading' && !s.data) return <Skeleton rows={2} />;
  if (s.status === 'error' && !s.data) return <ErrorView message={s.error} onRetry={s.reload} />;
  if (!s.data?.items.length) return <Empty text={W.noStatement} />;
  return (
    <View>
      {s.data.items.map((l) => (
        <View key={l.entryId} className="item">
          <View className="item__main">
            <Text className="item__title">{W.kinds[l.kind] ?? l.memo ?? l.kind}</Text>
            <Text className="item__sub">{cstTime(l.createdAt)}</Text>
          </View>
          <View className="item__side">
            <Text className={`amount ${l.amountFen < 0 ? 'amount--minus' : ''}`}>
              {l.amountFen > 0 ? '+' : ''}
              {yuan(l.amountFen)}
            </Text>
            <Text className="item__sub">{yuan(l.balanceAfterFen)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
