import { api, authed } from './api';
import { requestPayment, type PayOutcome } from './platform';

export type { PayOutcome };

/**
 * Asks the API for the wx.requestPayment parameters of one order and opens the payment sheet
 * (the simulator's cashier on H5). `orderIds` are the orders of the same checkout, so the result
 * page can offer the next unpaid one.
 */
export async function payOrder(orderId: string, orderIds: string[] = [orderId]): Promise<PayOutcome> {
  const r = await authed(() => api.POST('/api/app/orders/{id}/pay', { params: { path: { id: orderId } } }));
  return requestPayment(r.requestPayment, orderIds);
}
