// h5 only: there is no wx.login or wx.requestPayment in a browser, so the H5 build plays WeChat's
// web flows on the simulator by redirect (its authorise page and its cashier), as WeChat's own web
// authorisation and H5 payment do. This file is never part of the weapp bundle.
import type { Schemas } from '@cloudshelf/api-client';

export type PayOutcome = 'success' | 'cancel' | 'fail';

interface WebConfig {
  appId: string;
  authorizeUrl: string;
  cashierUrl: string;
  transferUrl: string;
}

let config: Promise<WebConfig> | undefined;

function webConfig(): Promise<WebConfig> {
  config ??= fetch('/api/app/h5/config').then(async (r) => {
    if (!r.ok) throw new Error('H5 web flows are not available');
    return (await r.json()) as WebConfig;
  });
  return config;
}

const never = <T>() => new Promise<T>(() => undefined);

/** A code the authorise page put in the query, used once; else off to the authorise page. */
export async function getLoginCode(): Promise<string> {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (code) {
    url.searchParams.delete('code');
    url.searchParams.delete('state');
    window.history.replaceState(window.history.state, '', url.toString());
    return code;
  }
  const { authorizeUrl } = await webConfig();
  window.location.href = `${authorizeUrl}?${new URLSearchParams({ redirect_uri: window.location.href, state: 'login' })}`;
  return never<string>();
}

/** Goes to the simulator's cashier; it comes back to the result page with `pay=…`. */
export async function requestPayment(
  params: Schemas['RequestPaymentDto'],
  orderIds: string[],
): Promise<PayOutcome> {
  const { appId, cashierUrl } = await webConfig();
  const back = `${window.location.origin}${window.location.pathname}#/packages/checkout/result/index?orderIds=${orderIds.join(',')}`;
  const query = new URLSearchParams({
    appId,
    timeStamp: params.timeStamp,
    nonceStr: params.nonceStr,
    package: params.package,
    signType: params.signType,
    paySign: params.paySign,
    redirect_uri: back,
  });
  window.location.href = `${cashierUrl}?${query}`;
  return never<PayOutcome>();
}

export type ConsentResult = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * A browser has no consent dialog: H5 answers as if the user tapped 允许, so the API records the
 * consent as the mini-program would (the simulator itself holds no consent for H5 users, so it
 * refuses their messages with 43101, as WeChat does without one).
 */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, ConsentResult>> {
  return Object.fromEntries(tmplIds.map((id) => [id, 'accept' as const]));
}

export type TransferOutcome = 'success' | 'cancel' | 'fail';

/**
 * wx.requestMerchantTransfer on H5: the simulator's confirm page, which comes back to this page
 * with `transfer=success|fail|cancel` (the wallet page reads it).
 */
export async function receiveTransfer(t: {
  mchId: string;
  appId: string;
  packageInfo: string;
}): Promise<TransferOutcome> {
  const { transferUrl } = await webConfig();
  const back = window.location.href.replace(/([?&])transfer=[a-z]+&?/, '$1').replace(/[?&]$/, '');
  const query = new URLSearchParams({
    mchId: t.mchId,
    appId: t.appId,
    package: t.packageInfo,
    redirect_uri: back,
  });
  window.location.href = `${transferUrl}?${query}`;
  return never<TransferOutcome>();
}
