import { Module } from '@nestjs/common';
import { PaymentNotificationsService } from './notifications.service';
import { PaymentsAdminController } from './payments-admin.controller';
import { NotifyController } from './payments-notify.controller';
import { PaymentsService } from './payments.service';
import { PaymentsWorker } from './payments.worker';
import { RefundsService } from './refunds.service';

/**
 * WeChat Pay for orders. The orders module uses PaymentsService / RefundsService and
 * provides PAYMENT_LISTENER to hear about payments and refunds.
 */
@Module({
  controllers: [NotifyController, PaymentsAdminController],
  providers: [PaymentsService, RefundsService, PaymentNotificationsService, PaymentsWorker],
  exports: [PaymentsService, RefundsService, PaymentsWorker],
})
export class PaymentsModule {}
