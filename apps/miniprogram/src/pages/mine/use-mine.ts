import Taro, { useDidShow } from '@tarojs/taro';
import { api, authed, errorText } from '../../services/api';
import { rememberRoles } from '../../services/share';
import { useRequest } from '../../hooks/use-request';

/** 我的: profile, roles (centre entries), order counts for the badges. */
export function useMine() {
  const me = useRequest(async () => {
    const profile = await authed(() => api.GET('/api/app/me'));
    rememberRoles(profile.roles);
    return profile;
  }, []);
  const counts = useRequest(() => authed(() => api.GET('/api/app/orders/counts')), []);
  useDidShow(() => {
    void counts.reload();
  });

  /** The getPhoneNumber button's code → the API asks WeChat for the number. */
  async function bindPhone(code: string | undefined) {
    if (!code) return;
    try {
      await authed(() => api.POST('/api/app/me/phone', { body: { code } }));
      await me.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  function openCentre(role: 'reseller' | 'store' | 'agent') {
    void Taro.navigateTo({ url: `/packages/${role}/index/index` });
  }

  return { me, counts, bindPhone, openCentre };
}
