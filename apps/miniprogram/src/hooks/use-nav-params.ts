import { useRouter } from '@tarojs/taro';

/** The page's query, decoded once (H5 hash routes and weapp both give raw strings). */
export function useNavParams(): Record<string, string | undefined> {
  const { params } = useRouter();
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string') {
      try {
        out[k] = decodeURIComponent(v);
      } catch {
        out[k] = v;
      }
    }
  }
  return out;
}
