import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { apiBase, ensureLogin, sessionToken } from '../services/api';

/**
 * Images the API only gives to their owner (pickup QR, poster, member code): fetched with the
 * bearer token and shown as a data URL, since <Image src> cannot send a header.
 */
export function useAuthedImage(path: string | null | undefined): { src?: string; failed: boolean } {
  const [state, setState] = useState<{ src?: string; failed: boolean }>({ failed: false });
  useEffect(() => {
    if (!path) return;
    let live = true;
    (async () => {
      await ensureLogin();
      const res = await Taro.request({
        url: `${apiBase()}${path}`,
        method: 'GET',
        header: { Authorization: `Bearer ${sessionToken()}` },
        responseType: 'arraybuffer',
      });
      if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
      const b64 = Taro.arrayBufferToBase64(res.data as ArrayBuffer);
      if (live) setState({ src: `data:image/png;base64,${b64}`, failed: false });
    })().catch(() => live && setState({ failed: true }));
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
