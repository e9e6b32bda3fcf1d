import { Btn } from '../../../components/btn';
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Skeleton } from '../../../components/states';
import { api, authed, errorText } from '../../../services/api';
import { useAuthedImage } from '../../../hooks/use-authed-image';
import { useNavParams } from '../../../hooks/use-nav-params';
import { S } from '../../../strings';
import './index.css';

/**
 * The server-rendered poster of my share link, with save to album (weapp). With `storeId` it is
 * my guide link (导购) as staff of that store; otherwise my reseller link.
 */
export default function PosterPage() {
  const { productId, storeId } = useNavParams();
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    const body = productId ? { productId } : {};
    authed(() =>
      storeId
        ? api.POST('/api/app/my-stores/{id}/guide-links', { params: { path: { id: storeId } }, body })
        : api.POST('/api/app/share-links', { body }),
    )
      .then((l) => setCode(l.shareCode))
      .catch((e) => Taro.showToast({ title: errorText(e), icon: 'none' }));
  }, [productId, storeId]);
  const img = useAuthedImage(code ? `/api/app/share-links/${code}/poster` : null);

  async function saveToAlbum() {
    if (!img.src) return;
    try {
      const fs = Taro.getFileSystemManager();
      const path = `${Taro.env.USER_DATA_PATH}/poster-${code}.png`;
      fs.writeFileSync(path, img.src.replace(/^data:image\/png;base64,/, ''), 'base64');
      await Taro.saveImageToPhotosAlbum({ filePath: path });
      Taro.showToast({ title: S.share.posterSaved, icon: 'success' });
    } catch (e) {
      Taro.showToast({ title: errorText(e, '保存失败，请在设置中允许访问相册'), icon: 'none' });
    }
  }

  return (
    <View className="poster">
      {img.src ? (
        <Image className="poster__img" src={img.src} mode="widthFix" showMenuByLongpress />
      ) : (
        <Skeleton rows={1} />
      )}
      <Btn className="btn btn--primary poster__btn" disabled={!img.src} onClick={saveToAlbum}>
        {S.share.savePoster}
      </Btn>
    </View>
  );
}
