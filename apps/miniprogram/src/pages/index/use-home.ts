import Taro, { usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { api, open } from '../../services/api';
import { sharePath } from '../../services/share';
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
