// Unit tests run outside Taro: the few Taro calls the tested modules touch at import time.
const storage = new Map<string, unknown>();
const Taro = {
  request: jest.fn(),
  getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  removeStorageSync: (k: string) => void storage.delete(k),
  login: jest.fn(),
  requestPayment: jest.fn(),
  useRouter: () => ({ params: {} }),
};
export default Taro;
export const useRouter = Taro.useRouter;
