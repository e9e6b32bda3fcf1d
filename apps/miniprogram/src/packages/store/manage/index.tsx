import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Btn } from '../../../components/btn';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { Tabs } from '../../../centres/tabs';
import { cstTime, specText } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, currentUserId, errorText, type Schemas } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const T = S.centres.store;
type Tab = 'customers' | 'stock' | 'staff';

/** A store's locked customers, shelf stock (low marked) and staff (the owner invites and removes). */
export default function StoreManagePage() {
  const p = useNavParams();
  const storeId = p.storeId ?? '';
  const owner = p.role === 'owner';
  const [tab, setTab] = useState<Tab>((p.tab as Tab) || 'customers');
  const path = { params: { path: { id: storeId }, query: { pageSize: 100 } } };
  const customers = useRequest(
    () => authed(() => api.GET('/api/app/my-stores/{id}/customers', path)),
    [storeId],
  );
  const stock = useRequest(() => authed(() => api.GET('/api/app/my-stores/{id}/stock', path)), [storeId]);
  const members = useRequest(
    () => authed(() => api.GET('/api/app/my-stores/{id}/members', { params: { path: { id: storeId } } })),
    [storeId],
  );
  const [invite, setInvite] = useState<Schemas['StaffInviteDto']>();
  const restocks = useRequest(
    () =>
      authed(() =>
        api.GET('/api/app/my-stores/{id}/restock-requests', { params: { path: { id: storeId } } }),
      ),
    [storeId],
  );
  const [restockSku, setRestockSku] = useState<Schemas['StoreStockDto']>();
  const [restockQty, setRestockQty] = useState('10');

  async function askRestock() {
    const qty = Number(restockQty);
    if (!restockSku || !Number.isInteger(qty) || qty < 1) {
      Taro.showToast({ title: S.centres.wallet.badAmount, icon: 'none' });
      return;
    }
    try {
      await authed(() =>
        api.POST('/api/app/my-stores/{id}/restock-requests', {
          params: { path: { id: storeId } },
          body: { skuId: restockSku.skuId, qty },
        }),
      );
      Taro.showToast({ title: T.restockSent, icon: 'success' });
      setRestockSku(undefined);
      await restocks.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  async function makeInvite() {
    try {
      setInvite(
        await authed(() =>
          api.POST('/api/app/stores/{id}/staff-invites', { params: { path: { id: storeId } } }),
        ),
      );
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  async function remove(m: Schemas['StoreMemberDto']) {
    const { confirm } = await Taro.showModal({ content: T.removeConfirm(m.nickname ?? S.mine.wechatUser) });
    if (!confirm) return;
    try {
      await authed(() =>
        api.DELETE('/api/app/my-stores/{id}/members/{userId}', {
          params: { path: { id: storeId, userId: m.userId } },
        }),
      );
      Taro.showToast({ title: T.removed, icon: 'success' });
      await members.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  const cur = tab === 'customers' ? customers : tab === 'stock' ? stock : members;
  return (
    <View className="centre">
      <Tabs
        items={[
          { key: 'customers', label: T.customers },
          { key: 'stock', label: T.stock },
          { key: 'staff', label: T.staffManage },
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
              <View key={c.userId} className="item" data-testid="locked-customer">
                <View className="item__main">
                  <Text className="item__title">{c.nickname ?? S.mine.wechatUser}</Text>
                  <Text className="item__sub">
                    {T.lockedUntil(cstTime(c.storeLockExpiresAt).slice(0, 10))}
                  </Text>
                </View>
              </View>
            ))
          ) : (
            <Empty text={T.noCustomers} />
          )
        ) : tab === 'stock' ? (
          stock.data?.items.length ? (
            <View>
              {restockSku && (
                <View className="debt" data-testid="restock-form">
                  <Text>{`${T.restock}：${restockSku.title ?? ''} ${specText(restockSku.specs)}`}</Text>
                  <View className="field">
                    <Text className="field__label">{T.restockQty}</Text>
                    <Input
                      className="field__input"
                      type="number"
                      value={restockQty}
                      data-testid="restock-qty"
                      onInput={(e) => setRestockQty(e.detail.value)}
                    />
                  </View>
                  <Btn
                    className="btn btn--primary centre-btn"
                    data-testid="restock-submit"
                    onClick={() => void askRestock()}
                  >
                    {T.restockSubmit}
                  </Btn>
                </View>
              )}
              {stock.data.items.map((s) => (
                <View key={s.skuId} className="item" data-testid="stock-row">
                  <View className="item__main">
                    <Text className="item__title">{s.title ?? s.skuId.slice(0, 8)}</Text>
                    <Text className="item__sub">{specText(s.specs)}</Text>
                  </View>
                  <View className="item__side">
                    <Text className="amount amount--minus">{s.qty}</Text>
                    {s.low && <Text className="tag tag--low">{T.low}</Text>}
                  </View>
                  <Btn
                    className="btn btn--ghost btn--sm"
                    data-testid="restock-btn"
                    onClick={() => setRestockSku(s)}
                  >
                    {T.restock}
                  </Btn>
                </View>
              ))}
              {!!restocks.data?.items.length && (
                <Text className="card__title centre-btn">{T.restockList}</Text>
              )}
              {restocks.data?.items.map((r) => (
                <View key={r.id} className="item" data-testid="restock-row">
                  <View className="item__main">
                    <Text className="item__title">{`${r.title} ×${r.qty}`}</Text>
                    <Text className="item__sub">
                      {cstTime(r.createdAt)}
                      {r.handleNote ? ` · ${r.handleNote}` : ''}
                    </Text>
                  </View>
                  <Text
                    className={`tag ${r.status === 'done' ? 'tag--ok' : r.status === 'rejected' ? 'tag--low' : ''}`}
                  >
                    {T.restockStatus[r.status]}
                  </Text>
                </View>
              ))}
            </View>
          ) : (
            <Empty text={T.noStock} />
          )
        ) : (
          <View>
            {members.data?.items.map((m) => (
              <View key={m.userId} className="item" data-testid="staff-row">
                <View className="item__main">
                  <Text className="item__title">{m.nickname ?? S.mine.wechatUser}</Text>
                  <Text className="item__sub">
                    {m.role === 'owner' ? T.owner : T.staff} · {cstTime(m.joinedAt).slice(0, 10)}
                  </Text>
                </View>
                {owner && m.role === 'staff' && m.userId !== currentUserId() && (
                  <Btn className="btn btn--plain btn--sm" onClick={() => void remove(m)}>
                    {T.remove}
                  </Btn>
                )}
              </View>
            ))}
            {owner && (
              <View>
                <Btn
                  className="btn btn--ghost centre-btn"
                  data-testid="staff-invite"
                  onClick={() => void makeInvite()}
                >
                  {T.invite}
                </Btn>
                {invite && (
                  <View className="debt" data-testid="staff-invite-code">
                    <Text>{T.inviteCode(invite.code)}</Text>
                    <Text className="item__sub">{T.inviteTip(cstTime(invite.expiresAt))}</Text>
                    <Text
                      className="field__act"
                      onClick={() =>
                        Taro.setClipboardData({ data: `/packages/store/join/index?code=${invite.code}` })
                      }
                    >
                      {T.copyInvite}
                    </Text>
                  </View>
                )}
              </View>
            )}
          </View>
        )}
      </View>
    </View>
  );
}
