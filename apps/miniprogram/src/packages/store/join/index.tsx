import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Btn } from '../../../components/btn';
import { useNavParams } from '../../../hooks/use-nav-params';
import { api, authed, errorText } from '../../../services/api';
import { rememberRoles } from '../../../services/share';
import { S } from '../../../strings';
import '../../../centres/centre.css';

const T = S.centres.store;

/** Where a staff invite link lands: the invitee accepts and joins the store. */
export default function JoinStorePage() {
  const { code = '' } = useNavParams();
  const [busy, setBusy] = useState(false);
  async function join() {
    setBusy(true);
    try {
      await authed(() => api.POST('/api/app/staff-invites/{code}/accept', { params: { path: { code } } }));
      rememberRoles((await authed(() => api.GET('/api/app/me'))).roles);
      Taro.showToast({ title: T.joined, icon: 'success' });
      await Taro.redirectTo({ url: '/packages/store/index/index' });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className="centre">
      <View className="card">
        <Text className="card__title">{T.joinTitle}</Text>
        <Text className="item__sub">{T.joinTip}</Text>
        <Text className="item__sub">{T.inviteCode(code)}</Text>
        <Btn
          className="btn btn--primary centre-btn"
          loading={busy}
          data-testid="join-store"
          onClick={() => void join()}
        >
          {T.join}
        </Btn>
      </View>
    </View>
  );
}
