import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Btn } from '../../../components/btn';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { openWallet } from '../../../centres/earner';
import { Fig } from '../../../centres/tabs';
import { yuan } from '../../../format';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { api, authed, currentUserId, errorText } from '../../../services/api';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const T = S.centres.guide;

/**
 * 导购分享 and 导购业绩: a store member shares the store's shelf or one of its products with their
 * guide link (the reseller poster page, made for this store), sees each guide's orders, sales and
 * rewards today and this month, and opens their guide wallet.
 */
export default function GuidePage() {
  const { storeId = '' } = useNavParams();
  const path = { params: { path: { id: storeId } } };
  const guides = useRequest(() => authed(() => api.GET('/api/app/my-stores/{id}/guides', path)), [storeId]);
  const stock = useRequest(
    () =>
      authed(() =>
        api.GET('/api/app/my-stores/{id}/stock', {
          params: { path: { id: storeId }, query: { pageSize: 100 } },
        }),
      ),
    [storeId],
  );
  const me = currentUserId();
  const poster = (productId?: string) =>
    Taro.navigateTo({
      url: `/pages/share/poster/index?storeId=${storeId}${productId ? `&productId=${productId}` : ''}`,
    });

  async function copyLink(productId?: string) {
    try {
      const link = await authed(() =>
        api.POST('/api/app/my-stores/{id}/guide-links', { ...path, body: productId ? { productId } : {} }),
      );
      await Taro.setClipboardData({ data: link.path });
      Taro.showToast({ title: T.linkCopied, icon: 'none' });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  const products = [...new Map((stock.data?.items ?? []).map((s) => [s.productId, s])).values()];
  return (
    <View className="centre" data-testid="guide-centre">
      <View className="card">
        <Text className="card__title">{T.share}</Text>
        <Text className="item__sub">{T.shareHelp}</Text>
        <View className="item">
          <View className="item__main">
            <Text className="item__title">{T.shelf}</Text>
          </View>
          <Btn className="btn btn--ghost btn--sm" data-testid="guide-shelf-poster" onClick={() => poster()}>
            {S.centres.reseller.poster}
          </Btn>
          <Btn className="btn btn--plain btn--sm" onClick={() => void copyLink()}>
            {S.centres.reseller.copyLink}
          </Btn>
        </View>
        {products.map((p) => (
          <View key={p.productId} className="item">
            <View className="item__main">
              <Text className="item__title">{p.title ?? p.productId.slice(0, 8)}</Text>
            </View>
            <Btn className="btn btn--ghost btn--sm" onClick={() => poster(p.productId)}>
              {S.centres.reseller.poster}
            </Btn>
            <Btn className="btn btn--plain btn--sm" onClick={() => void copyLink(p.productId)}>
              {S.centres.reseller.copyLink}
            </Btn>
          </View>
        ))}
        {me && (
          <Btn
            className="btn btn--primary centre-btn"
            data-testid="guide-wallet"
            onClick={() => openWallet('guide', me, T.wallet)}
          >
            {T.wallet}
          </Btn>
        )}
      </View>
      <View className="card">
        <Text className="card__title">{T.performance}</Text>
        {guides.status === 'loading' && !guides.data ? (
          <Skeleton rows={2} />
        ) : guides.status === 'error' && !guides.data ? (
          <ErrorView message={guides.error} onRetry={guides.reload} />
        ) : !guides.data?.items.length ? (
          <Empty text={T.none} />
        ) : (
          guides.data.items.map((g) => (
            <View key={g.userId} className="item" data-testid="guide-row">
              <View className="item__main">
                <Text className="item__title">{g.nickname ?? S.mine.wechatUser}</Text>
                {(['today', 'month'] as const).map((k) => (
                  <View key={k}>
                    <Text className="item__sub">{S.centres.store[k]}</Text>
                    <View className="figs">
                      <Fig value={String(g[k].orders)} label={S.centres.store.orders} />
                      <Fig value={yuan(g[k].salesFen)} label={S.centres.store.sales} />
                      <Fig value={yuan(g[k].rewardFen)} label={T.reward} />
                    </View>
                  </View>
                ))}
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}
