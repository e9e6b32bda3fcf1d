import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { NotifyChannel, NotifyFailure, PaymentNotificationsService } from './notifications.service';

type RawRequest = FastifyRequest & { rawBody?: Buffer };

/**
 * WeChat Pay's callbacks. They answer in WeChat's shape, not ours: 204 on success,
 * `{code: "FAIL", message}` with a 4xx/5xx on failure (WeChat then retries).
 */
@ApiExcludeController()
@Public()
@Controller('pay/wechat')
export class NotifyController {
  constructor(private readonly notifications: PaymentNotificationsService) {}

  @Post('notify')
  @HttpCode(204)
  transaction(@Ctx() ctx: RequestContext, @Req() req: RawRequest, @Res() reply: FastifyReply) {
    return this.answer(ctx, 'transaction', req, reply);
  }

  @Post('refund-notify')
  @HttpCode(204)
  refund(@Ctx() ctx: RequestContext, @Req() req: RawRequest, @Res() reply: FastifyReply) {
    return this.answer(ctx, 'refund', req, reply);
  }

  @Post('transfer-notify')
  @HttpCode(204)
  transfer(@Ctx() ctx: RequestContext, @Req() req: RawRequest, @Res() reply: FastifyReply) {
    return this.answer(ctx, 'transfer', req, reply);
  }

  private async answer(ctx: RequestContext, channel: NotifyChannel, req: RawRequest, reply: FastifyReply) {
    try {
      await this.notifications.handle(
        ctx,
        channel,
        req.headers,
        req.rawBody ?? JSON.stringify(req.body ?? ''),
      );
      await reply.status(204).send();
    } catch (err) {
      const status = err instanceof NotifyFailure ? err.status : 500;
      await reply
        .status(status)
        .send({ code: 'FAIL', message: err instanceof Error ? err.message : 'failed' });
    }
  }
}
