import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { Public } from '../../common/auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { WECHAT_CONFIG } from '../../wechat/wechat.module';
import type { WechatConfig } from '../../wechat';
import { MiniappErrors } from './miniapp.errors';

export class H5ConfigDto {
  @ApiProperty({ description: 'the mini-program app id (the first field signed by paySign)' }) appId: string;
  @ApiProperty({ description: 'the simulator’s web authorisation page (redirects back with ?code=)' })
  authorizeUrl: string;
  @ApiProperty({ description: 'the simulator’s cashier page (redirects back with pay=success|fail|cancel)' })
  cashierUrl: string;
  @ApiProperty({
    description:
      'the simulator’s merchant-transfer confirm page (wx.requestMerchantTransfer on H5; redirects back with transfer=success|fail|cancel)',
  })
  transferUrl: string;
}

export class QrQueryDto {
  @ApiProperty({ description: 'digits only (a member code)', pattern: '^[0-9]{6,32}$' })
  @Matches(/^[0-9]{6,32}$/)
  text: string;
}

/** What the mini-program's shells need besides business data. */
@ApiTags('app: mini-program')
@Controller('app')
export class MiniappController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_CONFIG) private readonly wechat: WechatConfig,
  ) {}

  @Get('h5/config')
  @Public()
  @ApiOperation({
    summary:
      'Where the H5 build logs in and pays: the simulator’s authorise and cashier pages (development and tests only; 404 in production)',
  })
  @ApiOkResponse({ type: H5ConfigDto })
  h5Config(): H5ConfigDto {
    const w = this.config.wechat;
    if (w.mode !== 'simulator') throw MiniappErrors.H5_WEB_FLOWS_UNAVAILABLE();
    return {
      appId: this.wechat.appId,
      authorizeUrl: `${w.apiBase}/sim/oauth/authorize`,
      cashierUrl: `${w.payApiBase}/sim/pay/cashier`,
      transferUrl: `${w.payApiBase}/sim/transfer/receive`,
    };
  }

  @Get('qr.png')
  @Public()
  @ApiOperation({ summary: 'A QR image of a digit string (the member code page); never cached' })
  @ApiProduces('image/png')
  @ApiOkResponse({ content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  async qr(@Query() q: QrQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const png = await QRCode.toBuffer(q.text, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 360,
    });
    reply.header('content-type', 'image/png').header('cache-control', 'no-store');
    return png;
  }
}
