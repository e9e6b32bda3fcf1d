import Taro, { usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { api, authed, open } from '../../services/api';
import { rememberOpenedShare, sharePath } from '../../services/share';
import { useNavParams } from '../../hooks/use-nav-params';
import { whereAmI } from '../../services/location';
import { useRequest } from '../../hooks/use-request';
import { useState, useEffect } from 'react';
import { S } from '../../strings';

/** Home: operator content (banners, notices, flagged products), categories and nearby stores. */
export function useHome() {
  const home = useRequest(() => open(() => api.GET('/api/app/home')), []);
  const categories = useRequest(() => open(() => api.GET('/api/app/categories')), []);
  const stores = useRequest(async () => {
    const { lat, lng } = await whereAmI();
    return open(() => api.GET('/api/app/stores/nearby', { params: { query: { lat, lng, pageSize: 3 } } }));
  }, []);

  usePullDownRefresh(async () => {
    await Promise.all([home.reload(), categories.reload(), stores.reload()]);
    Taro.stopPullDownRefresh();
  });
  // A timeline share opens the home page with the sharer's code: bind like a share link.
  const { sc } = useNavParams();
  useEffect(() => {
    if (!sc) return;
    authed(() =>
      api.GET('/api/app/r/{shareCode}', {
        params: { path: { shareCode: sc }, query: { via: 'share_link' } },
      }),
    )
      .then((r) => rememberOpenedShare(r.shareCode))
      .catch(() => undefined);
  }, [sc]);
  const [path, setPath] = useState('/pages/index/index');
  useEffect(() => {
    void sharePath().then(setPath);
  }, []);
  useShareAppMessage(() => ({ title: S.share.timelineTitle, path }));
  // Timeline shares open the home page itself; the share code rides in its query.
  useShareTimeline(() => ({
    title: S.share.timelineTitle,
    query: path.includes('scene=') ? `sc=${path.split('scene=')[1]}` : '',
  }));

  return { home, categories, stores };
}
