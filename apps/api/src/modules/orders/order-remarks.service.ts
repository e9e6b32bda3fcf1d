import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { AuditService } from '../audit/audit.service';
import { OrderRemark } from './entities/order-remark.entity';
import { OrderQueryService } from './order-query.service';

/**
 * Operators' remarks on an order (订单备注): append-only notes for the team, oldest first,
 * each written to the audit log. Visibility follows the order's (a store manager sees only
 * remarks of their stores' orders; another's order is 404).
 */
@Injectable()
export class OrderRemarksService {
  constructor(
    private readonly tx: TransactionService,
    private readonly orders: OrderQueryService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, orderId: string): Promise<OrderRemark[]> {
    await this.orders.adminGet(ctx, orderId);
    return this.tx
      .repo(ctx, OrderRemark)
      .find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async add(ctx: RequestContext, orderId: string, text: string): Promise<OrderRemark> {
    await this.orders.adminGet(ctx, orderId);
    return this.tx.run(ctx, async (c) => {
      const remark = await this.tx.repo(c, OrderRemark).save(
        this.tx.repo(c, OrderRemark).create({
          orderId,
          adminId: (ctx.actor?.id ?? 'unknown').slice(0, 64),
          text: text.trim(),
        }),
      );
      await this.audit.record(c, {
        action: 'order.remark',
        entityType: 'order',
        entityId: orderId,
        after: { remarkId: remark.id, text: remark.text },
      });
      return remark;
    });
  }
}
