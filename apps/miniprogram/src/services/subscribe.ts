import { api } from './api';
import { requestSubscribe } from './platform';

export type SubscribeKind = 'orderPaid' | 'orderShipped' | 'pickupReady' | 'refundDone' | 'commissionArrived';

/**
 * Asks the user to allow subscribe messages of these kinds (WeChat: at most 3 at once, from a tap or a
 * payment's success) and reports the answer to the API: each 允许 lets one message through. Never
 * throws: consent is optional and must not disturb the flow that asks.
 */
export async function askSubscribe(kinds: SubscribeKind[]): Promise<void> {
  try {
    const { data: templates } = await api.GET('/api/app/subscriptions/templates');
    const ids = (templates ?? []).filter((t) => kinds.includes(t.kind)).map((t) => t.templateId);
    if (!ids.length) return;
    const results = await requestSubscribe(ids.slice(0, 3));
    if (Object.keys(results).length === 0) return;
    await api.POST('/api/app/subscriptions/consents', { body: { results } });
  } catch {
    // consent is best effort
  }
}
