import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { api, open } from '../../../services/api';
import { save } from '../../../services/storage';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { whereAmI } from '../../../services/location';
import { S } from '../../../strings';
import { PICKED_STORE } from '../index/use-checkout';
import './index.css';

/** Stores near the shopper that hold the SKU, nearest first; tapping one hands it to the checkout. */
export default function StorePickerPage() {
  const { skuId } = useNavParams();
  const stores = useRequest(async () => {
    const { lat, lng } = await whereAmI();
    return open(() =>
      api.GET('/api/app/stores/nearby-stock', { params: { query: { lat, lng, skuId: skuId! } } }),
    );
  }, [skuId]);
  if (stores.status === 'error') return <ErrorView message={stores.error} onRetry={stores.reload} />;
  if (!stores.data) return <Skeleton rows={3} />;
  if (!stores.data.items.length) return <Empty text={S.stores.none} icon="店" />;
  return (
    <View>
      {stores.data.items.map((s) => (
        <View
          key={s.id}
          className="card store-row"
          data-testid="store-row"
          onClick={() => {
            save(PICKED_STORE, { id: s.id, name: s.name, address: s.address });
            Taro.navigateBack();
          }}
        >
          <View className="store-row__main">
            <Text className="store-row__name">{s.name}</Text>
            <Text className="muted">{s.address}</Text>
            <Text className="muted">{s.openingHours}</Text>
          </View>
          <View className="store-row__side">
            <Text className="store-row__dist">{S.common.distance(s.distanceM)}</Text>
            <Text className="tag-low">{S.stores.stock(s.stock)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
