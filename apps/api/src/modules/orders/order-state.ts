import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { StateKeeper } from '../../common/state-machine';
import { Order, orderMachine, type OrderStatus } from './entities/order.entity';
import { OrderEvent } from './entities/order-event.entity';
import { OrderErrors } from './orders.errors';

/**
 * Mode guards on top of the transitions table: express ships, pickup waits at the
 * store, and only take-away completes straight from PAID (SPEC §5).
 */
function guard(order: Order, to: OrderStatus): void {
  const ok =
    (to === 'SHIPPED' && order.mode !== 'express') ||
    (to === 'AWAITING_PICKUP' && order.mode !== 'pickup') ||
    (to === 'COMPLETED' && order.status === 'PAID' && order.mode !== 'take_away');
  if (ok) throw OrderErrors.ORDER_STATE_INVALID({ from: order.status, to, mode: order.mode });
}

/**
 * The only way an order's status changes: guarded by the machine and the mode rules,
 * written to `order_event` with who and why. Call with the order row locked.
 */
export async function transitionOrder(
  ctx: RequestContext,
  manager: EntityManager,
  order: Order,
  to: OrderStatus,
  reason: string,
  changes: Partial<Order> = {},
): Promise<void> {
  guard(order, to);
  await orderState.transition(ctx, manager, order, to, reason, changes);
}

/** Order history (order_event); `created` writes a new order's first state. Changes go through transitionOrder. */
export const orderState = new StateKeeper<OrderStatus, Order>(orderMachine, Order, OrderEvent, 'orderId');

/** Locks and returns an order inside the caller's transaction (404 when missing). */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<Order> {
  const order = await manager
    .getRepository(Order)
    .createQueryBuilder('o')
    .setLock('pessimistic_write')
    .where('o.id = :id', { id: orderId })
    .getOne();
  if (!order) throw OrderErrors.ORDER_NOT_FOUND();
  return order;
}
