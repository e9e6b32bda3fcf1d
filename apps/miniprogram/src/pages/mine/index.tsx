import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorView } from '../../components/states';
import { maskPhone } from '../../format';
import { S } from '../../strings';
import { useMine } from './use-mine';
import './index.css';

const ORDER_ENTRIES = [
  { status: 'PENDING_PAYMENT', label: '待付款', icon: '付' },
  { status: 'PAID', label: '待发货', icon: '发' },
  { status: 'SHIPPED', label: '待收货', icon: '收' },
  { status: 'AWAITING_PICKUP', label: '待自提', icon: '提' },
] as const;

function go(url: string) {
  Taro.navigateTo({ url });
}

export default function MinePage() {
  const { me, counts, bindPhone, openCentre } = useMine();
  const p = me.data;
  const roles = p?.roles ?? [];
  return (
    <View className="mine">
      <View className="mine-head">
        <View className="mine-head__avatar">{(p?.nickname ?? '云').slice(0, 1)}</View>
        <View className="mine-head__info">
          <Text className="mine-head__name">
            {p
              ? (p.nickname ?? S.mine.wechatUser)
              : me.status === 'loading'
                ? S.common.loading
                : S.mine.login}
          </Text>
          {p?.phone ? (
            <Text className="mine-head__phone">{S.mine.phoneBound(maskPhone(p.phone))}</Text>
          ) : (
            p && (
              <Button
                className="mine-head__bind"
                openType="getPhoneNumber"
                onGetPhoneNumber={(e) => bindPhone((e.detail as { code?: string }).code)}
              >
                {S.mine.phoneBind}
              </Button>
            )
          )}
        </View>
        <View className="mine-head__code" onClick={() => go('/packages/member/code/index')}>
          <Text className="mine-head__qr">码</Text>
          <Text>{S.mine.memberCode}</Text>
        </View>
      </View>
      {me.status === 'error' && !p && <ErrorView message={me.error} onRetry={me.reload} />}
      <View className="card">
        <View className="row" onClick={() => go('/packages/order/list/index')}>
          <Text className="card__title">{S.mine.orders}</Text>
          <Text className="muted">{S.mine.allOrders} ›</Text>
        </View>
        <View className="mine-orders">
          {ORDER_ENTRIES.map((e) => {
            const n = counts.data?.[e.status] ?? 0;
            return (
              <View
                key={e.status}
                className="mine-orders__item"
                onClick={() => go(`/packages/order/list/index?status=${e.status}`)}
              >
                <Text className="mine-orders__icon">{e.icon}</Text>
                {n > 0 && (
                  <Text className="mine-orders__badge" data-testid={`count-${e.status}`}>
                    {n > 99 ? '99+' : n}
                  </Text>
                )}
                <Text className="mine-orders__label">{e.label}</Text>
              </View>
            );
          })}
          <View
            className="mine-orders__item"
            onClick={() => go('/packages/order/list/index?tab=after-sales')}
          >
            <Text className="mine-orders__icon">售</Text>
            <Text className="mine-orders__label">{S.mine.afterSales}</Text>
          </View>
        </View>
      </View>
      <View className="card">
        <View className="row" onClick={() => go('/packages/address/list/index')}>
          <Text>{S.mine.addresses}</Text>
          <Text className="muted">›</Text>
        </View>
        <View className="row" onClick={() => go('/packages/member/code/index')}>
          <Text>{S.mine.memberCode}</Text>
          <Text className="muted">›</Text>
        </View>
        <View className="row" data-testid="entry-coupons" onClick={() => go('/packages/promo/coupons/index')}>
          <Text>{S.promo.coupons}</Text>
          <Text className="muted">›</Text>
        </View>
        <View className="row" onClick={() => go('/packages/promo/points/index')}>
          <Text>{S.promo.points}</Text>
          <Text className="muted">›</Text>
        </View>
        <View className="row" onClick={() => go('/packages/promo/level/index')}>
          <Text>{S.promo.level}</Text>
          <Text className="muted">›</Text>
        </View>
        {p && (
          <View className="row" data-testid="entry-reseller" onClick={() => openCentre('reseller')}>
            <Text>{roles.includes('reseller') ? S.mine.resellerCentre : S.mine.becomeReseller}</Text>
            <Text className="muted">›</Text>
          </View>
        )}
        {(roles.includes('store_owner') || roles.includes('store_staff')) && (
          <View className="row" data-testid="entry-store" onClick={() => openCentre('store')}>
            <Text>{S.mine.storeCentre}</Text>
            <Text className="muted">›</Text>
          </View>
        )}
        {roles.includes('agent') && (
          <View className="row" data-testid="entry-agent" onClick={() => openCentre('agent')}>
            <Text>{S.mine.agentCentre}</Text>
            <Text className="muted">›</Text>
          </View>
        )}
      </View>
    </View>
  );
}
