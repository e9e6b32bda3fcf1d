import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FindOptionsWhere } from 'typeorm';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { CommonErrors } from '../../common/errors';
import { findPage } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import {
  AdminPaymentDto,
  AdminPaymentPageDto,
  AdminRefundDto,
  AdminRefundPageDto,
  NotificationQueryDto,
  PaymentNotificationDetailDto,
  PaymentNotificationDto,
  PaymentNotificationPageDto,
  PaymentQueryDto,
  RefundQueryDto,
} from './dto/payments-admin.dto';
import { Payment } from './entities/payment.entity';
import { PaymentNotification } from './entities/payment-notification.entity';
import { Refund } from './entities/refund.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const paymentDto = (p: Payment): AdminPaymentDto => ({
  id: p.id,
  outTradeNo: p.outTradeNo,
  orderId: p.orderId,
  amountFen: p.amountFen,
  status: p.status,
  transactionId: p.transactionId,
  paidAt: iso(p.paidAt),
  refundedFen: p.refundedFen,
  expiresAt: p.expiresAt.toISOString(),
  createdAt: p.createdAt.toISOString(),
});

const refundDto = (r: Refund): AdminRefundDto => ({
  id: r.id,
  outRefundNo: r.outRefundNo,
  paymentId: r.paymentId,
  orderId: r.orderId,
  amountFen: r.amountFen,
  reason: r.reason,
  requestedBy: r.requestedBy,
  status: r.status,
  wechatRefundId: r.wechatRefundId,
  succeededAt: iso(r.succeededAt),
  createdAt: r.createdAt.toISOString(),
});

const notificationDto = (n: PaymentNotification): PaymentNotificationDto => ({
  id: n.id,
  channel: n.channel,
  wechatId: n.wechatId,
  eventType: n.eventType,
  verified: n.verified,
  outcome: n.outcome,
  error: n.error,
  reference: n.reference,
  receivedAt: n.receivedAt.toISOString(),
});

/**
 * Finance's read-only view of WeChat Pay: the payments and refunds of orders, and every
 * notification WeChat sent as it arrived (for support: was it received, verified, applied?).
 */
@ApiTags('admin: payments')
@Controller('admin')
export class PaymentsAdminController {
  constructor(private readonly tx: TransactionService) {}

  @Get('payments')
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'WeChat Pay payments, newest first; filter by order or status' })
  @ApiOkResponse({ type: AdminPaymentPageDto })
  async payments(@Ctx() ctx: RequestContext, @Query() q: PaymentQueryDto): Promise<AdminPaymentPageDto> {
    const where: FindOptionsWhere<Payment> = {};
    if (q.orderId) where.orderId = q.orderId;
    if (q.status) where.status = q.status;
    return findPage(
      this.tx.repo(ctx, Payment),
      q,
      { where, order: { createdAt: 'DESC', id: 'ASC' } },
      (rows) => rows.map(paymentDto),
    );
  }

  @Get('refunds')
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'Refunds through WeChat Pay, newest first; filter by order or status' })
  @ApiOkResponse({ type: AdminRefundPageDto })
  async refunds(@Ctx() ctx: RequestContext, @Query() q: RefundQueryDto): Promise<AdminRefundPageDto> {
    const where: FindOptionsWhere<Refund> = {};
    if (q.orderId) where.orderId = q.orderId;
    if (q.status) where.status = q.status as Refund['status'];
    return findPage(
      this.tx.repo(ctx, Refund),
      q,
      { where, order: { createdAt: 'DESC', id: 'ASC' } },
      (rows) => rows.map(refundDto),
    );
  }

  @Get('payment-notifications')
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'The notifications WeChat Pay sent (payments, refunds, transfers), newest first' })
  @ApiOkResponse({ type: PaymentNotificationPageDto })
  async notifications(
    @Ctx() ctx: RequestContext,
    @Query() q: NotificationQueryDto,
  ): Promise<PaymentNotificationPageDto> {
    const where: FindOptionsWhere<PaymentNotification> = {};
    if (q.channel) where.channel = q.channel;
    if (q.outcome) where.outcome = q.outcome;
    if (q.reference) where.reference = q.reference;
    return findPage(
      this.tx.repo(ctx, PaymentNotification),
      q,
      { where, order: { receivedAt: 'DESC', id: 'ASC' } },
      (rows) => rows.map(notificationDto),
    );
  }

  @Get('payment-notifications/:id')
  @AdminRoute('finance:read')
  @ApiOperation({ summary: 'One stored notification with its kept headers and raw body' })
  @ApiOkResponse({ type: PaymentNotificationDetailDto })
  async notification(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PaymentNotificationDetailDto> {
    const n = await this.tx.repo(ctx, PaymentNotification).findOneBy({ id });
    if (!n) throw CommonErrors.NOT_FOUND();
    return { ...notificationDto(n), headers: n.headers, body: n.body };
  }
}
