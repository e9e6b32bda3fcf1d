import { Btn } from '../../../components/btn';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Schemas } from '@cloudshelf/api-client';
import { Empty, ErrorView, Skeleton } from '../../../components/states';
import { api, authed, errorText } from '../../../services/api';
import { save } from '../../../services/storage';
import { useNavParams } from '../../../hooks/use-nav-params';
import { useRequest } from '../../../hooks/use-request';
import { PICKED_ADDRESS } from '../../checkout/index/use-checkout';
import { S } from '../../../strings';
import './index.css';

type Address = Schemas['AddressBookEntryDto'];

/** The address book; opened from checkout with `pick=1`, a tap hands the address back. */
export default function AddressListPage() {
  const { pick } = useNavParams();
  const list = useRequest(() => authed(() => api.GET('/api/app/addresses')), []);
  useDidShow(() => void list.reload());

  function choose(a: Address) {
    if (!pick) return;
    save(PICKED_ADDRESS, a);
    Taro.navigateBack();
  }

  /** wx.chooseAddress: WeChat's own address book, saved with its national (district) code. */
  async function importWechat() {
    try {
      const r = await Taro.chooseAddress();
      const created = await authed(() =>
        api.POST('/api/app/addresses', {
          body: { name: r.userName, phone: r.telNumber, regionCode: r.nationalCode, detail: r.detailInfo },
        }),
      );
      if (pick) choose(created);
      else await list.reload();
    } catch (e) {
      if (!/cancel/.test((e as { errMsg?: string }).errMsg ?? ''))
        Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  if (list.status === 'error' && !list.data) return <ErrorView message={list.error} onRetry={list.reload} />;
  if (!list.data) return <Skeleton rows={2} />;
  return (
    <View className="addr">
      {list.data.length === 0 && <Empty text={S.address.none} icon="址" />}
      {list.data.map((a) => (
        <View key={a.id} className="card addr-item" data-testid="address-item" onClick={() => choose(a)}>
          <View className="addr-item__main">
            <Text className="addr-item__who">
              {a.name} {a.phone} {a.isDefault && <Text className="badge">{S.address.default}</Text>}
            </Text>
            <Text className="muted">
              {a.province}
              {a.city}
              {a.district} {a.detail}
            </Text>
          </View>
          <Text
            className="addr-item__edit"
            onClick={(e) => {
              e.stopPropagation();
              Taro.navigateTo({ url: `/packages/address/edit/index?id=${a.id}` });
            }}
          >
            {S.address.edit.slice(0, 2)}
          </Text>
        </View>
      ))}
      <View className="bar__spacer" />
      <View className="bar addr-bar">
        {process.env.TARO_ENV === 'weapp' && (
          <Btn className="btn btn--wechat addr-bar__btn" onClick={importWechat}>
            {S.address.importWechat}
          </Btn>
        )}
        <Btn
          className="btn btn--primary addr-bar__btn"
          data-testid="address-add"
          onClick={() => Taro.navigateTo({ url: `/packages/address/edit/index${pick ? '?pick=1' : ''}` })}
        >
          {S.address.add}
        </Btn>
      </View>
    </View>
  );
}
