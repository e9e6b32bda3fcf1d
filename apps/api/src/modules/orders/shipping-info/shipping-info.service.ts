import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../common/clock';
import type { RequestContext } from '../../../common/request-context';
import { TransactionService } from '../../../common/transaction.service';
import { WechatError, WechatMiniClient, type ShippingInfoInput } from '../../../wechat';
import { PaymentsService } from '../../payments/payments.service';
import { Order } from '../entities/order.entity';
import { OrderLine } from '../entities/order-line.entity';
import { expressCompanyOf, maskPhone } from './express-company';
import { OrderShippingUpload } from './order-shipping-upload.entity';
import { shippingInfoJob } from './shipping-info.job';

export { shippingInfoJob };

/** WeChat's answers meaning the information is already there (uploaded and corrected once). */
const ALREADY_UPLOADED = new Set(['10060002', '10060003']);

/**
 * Shipping information upload to WeChat (发货信息管理): mini-program payments are frozen until the
 * merchant says how the goods went out. Express: carrier's delivery id and tracking number;
 * take-away and pickup: self-collection (用户自提, logistics_type 4). Idempotent: an order
 * uploaded once is marked and never sent again.
 */
@Injectable()
export class ShippingInfoService {
  private readonly logger = new Logger('ShippingInfo');

  constructor(
    private readonly tx: TransactionService,
    private readonly payments: PaymentsService,
    private readonly wechat: WechatMiniClient,
    private readonly clock: Clock,
  ) {}

  /** The job. Orders paid outside WeChat (till sales) have nothing to upload. */
  async upload(ctx: RequestContext, orderId: string): Promise<'uploaded' | 'skipped'> {
    if (await this.tx.repo(ctx, OrderShippingUpload).existsBy({ orderId })) return 'skipped';
    const order = await this.tx.repo(ctx, Order).findOneBy({ id: orderId });
    const payment = order ? await this.payments.paidOf(ctx, orderId) : null;
    if (!order || !payment?.transactionId) return 'skipped';
    const lines = await this.tx.repo(ctx, OrderLine).find({ where: { orderId }, order: { id: 'ASC' } });
    const itemDesc = [...lines.map((l) => `${l.title}*${l.qty}`).join('，')].slice(0, 120).join('');
    let input: ShippingInfoInput;
    if (order.mode === 'express') {
      const company = expressCompanyOf(order.carrier ?? '');
      if (!company) throw new Error(`carrier "${order.carrier}" has no WeChat delivery id`);
      input = {
        transactionId: payment.transactionId,
        logisticsType: 1,
        shippingList: [
          {
            trackingNo: order.trackingNo ?? '',
            expressCompany: company,
            itemDesc,
            ...(order.address?.phone ? { receiverContact: maskPhone(order.address.phone) } : {}),
          },
        ],
        uploadTime: this.clock.now(),
        payerOpenid: payment.payerOpenid,
      };
    } else {
      input = {
        transactionId: payment.transactionId,
        logisticsType: 4,
        shippingList: [{ itemDesc }],
        uploadTime: this.clock.now(),
        payerOpenid: payment.payerOpenid,
      };
    }
    try {
      await this.wechat.uploadShippingInfo(input);
    } catch (err) {
      if (!(err instanceof WechatError && ALREADY_UPLOADED.has(err.code))) throw err;
      this.logger.warn({ orderId, code: err.code }, 'shipping information was already uploaded');
    }
    await this.tx
      .manager(ctx)
      .query(
        `INSERT INTO order_shipping_upload (order_id, logistics_type, transaction_id) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING`,
        [orderId, input.logisticsType, payment.transactionId],
      );
    return 'uploaded';
  }
}
