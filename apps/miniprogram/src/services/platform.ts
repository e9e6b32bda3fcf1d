// weapp: WeChat's own login and payment sheet. The H5 build uses platform.h5.ts instead
// (Taro picks the file by target), so none of the simulator flow ships in the weapp bundle.
import Taro from '@tarojs/taro';
import type { Schemas } from '@cloudshelf/api-client';

export type PayOutcome = 'success' | 'cancel' | 'fail';

export async function getLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}

/** Opens WeChat's payment sheet; resolves with what the user did. */
export async function requestPayment(
  params: Schemas['RequestPaymentDto'],
  _orderIds: string[],
): Promise<PayOutcome> {
  try {
    await Taro.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType as 'RSA',
      paySign: params.paySign,
    });
    return 'success';
  } catch (e) {
    const msg = (e as { errMsg?: string }).errMsg ?? '';
    return /cancel/.test(msg) ? 'cancel' : 'fail';
  }
}

export type ConsentResult = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * WeChat's consent dialog for subscribe messages (at most 3 templates; only from a tap or a payment's
 * success). Resolves with `{[templateId]: 'accept' | 'reject' | 'ban' | 'filter'}`; {} when unavailable.
 */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, ConsentResult>> {
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, ConsentResult>;
    return Object.fromEntries(tmplIds.filter((id) => res[id]).map((id) => [id, res[id]]));
  } catch {
    return {};
  }
}

export type TransferOutcome = 'success' | 'cancel' | 'fail';

/** wx.requestMerchantTransfer: the user confirms receiving a withdrawal in WeChat. */
export function receiveTransfer(t: {
  mchId: string;
  appId: string;
  packageInfo: string;
}): Promise<TransferOutcome> {
  const wxApi =
    (globalThis as { wx?: Record<string, unknown> }).wx ?? (Taro as unknown as Record<string, unknown>);
  const call = wxApi.requestMerchantTransfer as
    | ((o: {
        mchId: string;
        appId: string;
        package: string;
        success: () => void;
        fail: (e: { errMsg?: string }) => void;
      }) => void)
    | undefined;
  if (!call) return Promise.resolve('fail');
  return new Promise((resolve) =>
    call({
      mchId: t.mchId,
      appId: t.appId,
      package: t.packageInfo,
      success: () => resolve('success'),
      fail: (e) => resolve(/cancel/.test(e.errMsg ?? '') ? 'cancel' : 'fail'),
    }),
  );
}
