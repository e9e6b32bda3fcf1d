import Taro from '@tarojs/taro';

/** Shanghai People's Square: where "near me" starts when the shopper declines location. */
const FALLBACK = { lat: 31.2304, lng: 121.4737 };

/** The shopper's position (gcj02 on weapp), or a city centre when it is not granted. */
export async function whereAmI(): Promise<{ lat: number; lng: number; located: boolean }> {
  try {
    const r = await Promise.race([
      Taro.getLocation({ type: 'gcj02' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ]);
    return { lat: r.latitude, lng: r.longitude, located: true };
  } catch {
    return { ...FALLBACK, located: false };
  }
}
