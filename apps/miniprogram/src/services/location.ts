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

/** Straight-line distance in metres (haversine), for "1.2km" beside a store. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(r(b.lat - a.lat) / 2) ** 2 +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return Math.round(2 * 6371008.8 * Math.asin(Math.sqrt(h)));
}
