import { Global, Injectable, Module } from '@nestjs/common';
import type { RequestContext } from '../../src/common/request-context';
import {
  PAYMENT_LISTENER,
  type PaidEvent,
  type PaymentListener,
  type RefundedEvent,
} from '../../src/modules/payments/payments.ports';

/** Stands in for the orders module in payments tests: records events, decides as told. */
@Injectable()
export class RecordingPaymentListener implements PaymentListener {
  readonly paid: PaidEvent[] = [];
  readonly refunded: RefundedEvent[] = [];
  /** Order ids whose payments must be refunded (e.g. cancelled orders). */
  readonly cancelledOrders = new Set<string>();

  async onPaid(_ctx: RequestContext, event: PaidEvent): Promise<'accept' | 'refund'> {
    this.paid.push(event);
    return event.duplicate || this.cancelledOrders.has(event.orderId) ? 'refund' : 'accept';
  }

  async onRefunded(_ctx: RequestContext, event: RefundedEvent): Promise<void> {
    this.refunded.push(event);
  }
}

@Global()
@Module({
  providers: [RecordingPaymentListener, { provide: PAYMENT_LISTENER, useExisting: RecordingPaymentListener }],
  exports: [RecordingPaymentListener, PAYMENT_LISTENER],
})
export class RecordingPaymentListenerModule {}

/** Polls until `probe` returns a value (generous deadline; no timing assumptions). */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
