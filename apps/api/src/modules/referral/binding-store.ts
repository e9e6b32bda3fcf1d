import type { RequestContext } from '../../common/request-context';
import type { TransactionService } from '../../common/transaction.service';
import { BindingEvent, type BindingKind, type BindingSource } from './entities/binding-event.entity';
import { CustomerBinding } from './entities/customer-binding.entity';

/** The customer's binding row, created if missing, locked until the transaction ends. */
export async function lockBinding(
  tx: TransactionService,
  ctx: RequestContext,
  userId: string,
): Promise<CustomerBinding> {
  await tx
    .manager(ctx)
    .query(`INSERT INTO customer_bindings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [userId]);
  return tx
    .repo(ctx, CustomerBinding)
    .findOneOrFail({ where: { userId }, lock: { mode: 'pessimistic_write' } });
}

export interface EventInput {
  userId: string;
  kind: BindingKind;
  source: BindingSource;
  beforeId: string | null;
  afterId: string | null;
  afterExpiresAt: Date | null;
  ref?: string | null;
  reason?: string | null;
}

export async function recordEvent(
  tx: TransactionService,
  ctx: RequestContext,
  e: EventInput,
  at: Date,
): Promise<void> {
  await tx.repo(ctx, BindingEvent).insert({
    ...e,
    ref: e.ref ?? null,
    reason: e.reason ?? null,
    actorId: ctx.actor?.id ?? null,
    createdAt: at,
  });
}
