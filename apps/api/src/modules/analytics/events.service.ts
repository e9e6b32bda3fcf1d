import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import type { EventKind } from './entities/analytics-event.entity';

export interface EventInput {
  kind: EventKind;
  productId: string;
  scanCodeId?: string | null;
  qty?: number;
}

/**
 * The mini-program's product views and add-to-carts: one INSERT per batch, outside any
 * order transaction; the sweep job rolls them up. Nothing but the user id is kept about the person.
 */
@Injectable()
export class EventsService {
  constructor(private readonly tx: TransactionService) {}

  async record(ctx: RequestContext, userId: string, events: EventInput[]): Promise<number> {
    if (!events.length) return 0;
    await this.tx.manager(ctx).query(
      `INSERT INTO analytics_event (user_id, kind, product_id, scan_code_id, qty)
       SELECT $1, k, p, s, q FROM unnest($2::varchar[], $3::uuid[], $4::uuid[], $5::int[]) AS e(k, p, s, q)`,
      [
        userId,
        events.map((e) => e.kind),
        events.map((e) => e.productId),
        events.map((e) => e.scanCodeId ?? null),
        events.map((e) => e.qty ?? 1),
      ],
    );
    return events.length;
  }
}
