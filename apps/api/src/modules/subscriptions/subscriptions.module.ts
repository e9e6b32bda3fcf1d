import { Module } from '@nestjs/common';
import { SubscriptionsAppController } from './subscriptions-app.controller';
import { SubscriptionsService } from './subscriptions.service';

/** WeChat subscribe messages: consents and sending (order paid, shipped, pickup ready, refund, commission). */
@Module({
  controllers: [SubscriptionsAppController],
  providers: [SubscriptionsService],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}
