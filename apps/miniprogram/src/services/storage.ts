import Taro from '@tarojs/taro';

/** Small typed wrappers over Taro's synchronous storage (wx storage on weapp, localStorage on H5). */
export function load<T>(key: string): T | undefined {
  try {
    const v = Taro.getStorageSync(key) as T | '';
    return v === '' ? undefined : v;
  } catch {
    return undefined;
  }
}

export function save(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // storage full or unavailable: the app still works, it just forgets
  }
}

export function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // nothing to forget
  }
}
