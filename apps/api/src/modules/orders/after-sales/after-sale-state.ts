import { StateKeeper } from '../../../common/state-machine';
import { AfterSale, afterSaleMachine, type AfterSaleStatus } from './after-sale.entity';
import { AfterSaleEvent } from './after-sale-event.entity';

/** The only way an after-sale's status changes: request, decision, the refund's outcome. */
export const afterSaleState = new StateKeeper<AfterSaleStatus, AfterSale>(
  afterSaleMachine,
  AfterSale,
  AfterSaleEvent,
  'afterSaleId',
);
