import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { ConsentResultsDto, SubscribeTemplateDto } from './dto/subscriptions.dto';
import { SubscriptionsService } from './subscriptions.service';

/** Subscribe-message consents reported by the mini-program after wx.requestSubscribeMessage. */
@ApiTags('subscriptions')
@UserRoute()
@Controller('app/subscriptions')
export class SubscriptionsAppController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get('templates')
  @ApiOkResponse({ type: [SubscribeTemplateDto] })
  @ApiOperation({ summary: 'Template ids to ask consent for, with my remaining consents' })
  templates(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<SubscribeTemplateDto[]> {
    return this.subscriptions.templates(ctx, userId);
  }

  @Post('consents')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({
    summary: "Record wx.requestSubscribeMessage's answer: each `accept` allows one message of that template",
  })
  async consents(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: ConsentResultsDto,
  ): Promise<void> {
    await this.subscriptions.recordConsents(ctx, userId, dto.results);
  }
}
