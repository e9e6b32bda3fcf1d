import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { MoreThan } from 'typeorm';
import { Clock } from '../../../common/clock';
import { IdempotencyService } from '../../../common/idempotency/idempotency.service';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { linePaidAmounts } from '../checkout/line-paid';
import { StoresService } from '../../stores/stores.service';
import { AttributionService } from '../checkout/attribution.service';
import { MemberCode } from '../entities/member-code.entity';
import { Order } from '../entities/order.entity';
import { OrderLine } from '../entities/order-line.entity';
import { newOrderNo, orderLineRows } from '../checkout/checkout.service';
import { orderState } from '../order-state';
import { OrderErrors } from '../orders.errors';
import { QuoteService } from '../checkout/quote.service';
import { JobsService } from '../../../jobs/jobs.service';
import { orderFactJob } from '../orders.ports';

export const MEMBER_CODE_TTL_MS = 5 * 60_000;

export interface OfflineSaleInput {
  memberCode: string;
  items: { skuId: string; qty: number }[];
  /** What the member paid at the till, in fen (at most the list total; the difference is a till discount spread over lines). */
  amountFen: number;
}

/**
 * Till sales recorded by store staff for a member, so online and offline orders sit
 * in one history. Stored as a COMPLETED order of channel `offline`: no WeChat payment,
 * no stock movement (the till's goods are the store's own business, outside platform
 * stock) and no reward events (no money passed through the platform).
 */
@Injectable()
export class OfflineSalesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly quotes: QuoteService,
    private readonly stores: StoresService,
    private readonly attribution: AttributionService,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  /** A fresh 18-digit member code, valid for five minutes (the mini-program refreshes it). */
  async memberCode(ctx: RequestContext, userId: string): Promise<MemberCode> {
    const repo = this.tx.repo(ctx, MemberCode);
    await repo.delete({ userId });
    const code = `${randomInt(100_000_000, 1_000_000_000)}${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
    const row = repo.create({
      code,
      userId,
      expiresAt: new Date(this.clock.now().getTime() + MEMBER_CODE_TTL_MS),
    });
    await repo.insert(row);
    return row;
  }

  async record(
    ctx: RequestContext,
    staffUserId: string,
    storeId: string,
    key: string,
    input: OfflineSaleInput,
  ): Promise<string> {
    await this.stores.assertStaff(ctx, storeId, staffUserId);
    const { orderId } = await this.idempotency.run(ctx, `offline-sales:${storeId}`, key, input, async (c) => {
      const m = this.tx.manager(c);
      const member = await m
        .getRepository(MemberCode)
        .findOneBy({ code: input.memberCode, expiresAt: MoreThan(this.clock.now()) });
      if (!member) throw OrderErrors.MEMBER_CODE_INVALID();
      const quote = await this.quotes.quote(c, member.userId, {
        mode: 'take_away',
        storeId,
        items: input.items,
      });
      if (input.amountFen <= 0 || input.amountFen > quote.goodsFen)
        throw OrderErrors.OFFLINE_SALE_INVALID({ amountFen: input.amountFen, goodsFen: quote.goodsFen });
      const paid = linePaidAmounts(
        quote.lines.map((l) => l.amountFen),
        quote.goodsFen - input.amountFen,
      );
      const attribution = await this.attribution.snapshot(c, member.userId, { scannedStoreId: storeId }, [
        ...quote.products.values(),
      ]);
      const id = randomUUID();
      const now = this.clock.now();
      const goodsFen = quote.goodsFen;
      await m.getRepository(Order).insert({
        id,
        orderNo: newOrderNo(now),
        buyerId: member.userId,
        channel: 'offline',
        mode: 'take_away',
        status: 'COMPLETED',
        storeId,
        resellerId: attribution.values().next().value?.resellerId ?? null,
        goodsFen,
        discountFen: goodsFen - input.amountFen,
        shippingFen: 0,
        payableFen: input.amountFen,
        paidAt: now,
        completedAt: now,
      });
      await m.getRepository(OrderLine).insert(
        orderLineRows(
          id,
          quote.lines.map((l, i) => ({ ...l, paidFen: paid[i] })),
          attribution,
        ),
      );
      await orderState.created(c, m, id, 'COMPLETED', `offline sale recorded by store staff ${staffUserId}`);
      await this.jobs.send(
        c,
        orderFactJob,
        { kind: 'offline', orderId: id },
        { idempotencyKey: `offline:${id}` },
      );
      return { orderId: id };
    });
    return orderId;
  }
}
