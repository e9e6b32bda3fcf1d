import { Btn } from '../../components/btn';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ErrorView, Skeleton } from '../../components/states';
import { api, authed } from '../../services/api';
import { rememberOpenedShare } from '../../services/share';
import { useNavParams } from '../../hooks/use-nav-params';
import { useRequest } from '../../hooks/use-request';
import { S } from '../../strings';
import './index.css';

function outcomeText(outcome: string, name: string): string {
  if (outcome === 'bind' || outcome === 'move') return S.share.bound(name);
  if (outcome === 'self') return S.share.self;
  if (outcome === 'unchanged') return S.share.alreadyBound(name);
  return S.share.kept;
}

/** A reseller's share link or poster code: opening it binds the opener through the API. */
export default function ShareOpenPage() {
  const { scene, via } = useNavParams();
  const r = useRequest(async () => {
    const opened = await authed(() =>
      api.GET('/api/app/r/{shareCode}', {
        params: { path: { shareCode: scene! }, query: { via: via === 'poster' ? 'poster' : 'share_link' } },
      }),
    );
    rememberOpenedShare(opened.shareCode);
    return opened;
  }, [scene]);

  if (r.status === 'error')
    return (
      <ErrorView
        title={S.share.invalid}
        message={r.error}
        onRetry={() => Taro.switchTab({ url: '/pages/index/index' })}
      />
    );
  if (!r.data) return <Skeleton rows={1} />;
  const name = r.data.resellerNickname ?? '推广员';
  const goOn = () =>
    r.data!.productId
      ? Taro.redirectTo({ url: `/packages/goods/detail/index?id=${r.data!.productId}` })
      : Taro.switchTab({ url: '/pages/index/index' });
  return (
    <View className="share-open" data-testid="share-open">
      <Text className="share-open__icon">✓</Text>
      <Text className="share-open__title">{S.share.boundTitle}</Text>
      <Text className="share-open__text" data-testid="share-outcome">
        {outcomeText(r.data.outcome, name)}
      </Text>
      <Btn className="btn btn--primary share-open__btn" onClick={goOn}>
        {r.data.productId ? S.share.viewProduct : S.common.goShopping}
      </Btn>
    </View>
  );
}
