import { api, authed } from './api';
import { requestPayment, type PayOutcome } from './platform';
import { askSubscribe } from './subscribe';

export type { PayOutcome };

/**
 * Asks the API for the wx.requestPayment parameters of one order and opens the payment sheet
 * (the simulator's cashier on H5). `orderIds` are the orders of the same checkout, so the result
 * page can offer the next unpaid one.
 */
export async function payOrder(orderId: string, orderIds: string[] = [orderId]): Promise<PayOutcome> {
  const r = await authed(() => api.POST('/api/app/orders/{id}/pay', { params: { path: { id: orderId } } }));
  const outcome = await requestPayment(r.requestPayment, orderIds);
  // WeChat allows the consent dialog right after a successful payment: paid, shipped, ready for pickup.
  if (outcome === 'success') await askSubscribe(['orderPaid', 'orderShipped', 'pickupReady']);
  return outcome;
}
