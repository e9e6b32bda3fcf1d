import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import { RealNameDto, SetRealNameDto } from './dto/real-name.dto';
import { REAL_NAME_THRESHOLD_FEN, RealNameService } from './real-name.service';

/** The receiver's real name, which WeChat requires for transfers from 2000 yuan. */
@ApiTags('wallet')
@UserRoute()
@Controller('app/wallet/real-name')
export class RealNameController {
  constructor(private readonly names: RealNameService) {}

  @Get()
  @ApiOkResponse({ type: RealNameDto })
  @ApiOperation({ summary: 'Whether my real name is on file (masked)' })
  async get(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<RealNameDto> {
    const masked = await this.names.mine(ctx, userId);
    return { set: masked !== null, masked, requiredFromFen: REAL_NAME_THRESHOLD_FEN };
  }

  @Put()
  @ApiOkResponse({ type: RealNameDto })
  @ApiOperation({
    summary: 'Record my real name (stored encrypted, sent to WeChat with transfers from 2000 yuan)',
  })
  async set(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: SetRealNameDto,
  ): Promise<RealNameDto> {
    const masked = await this.names.set(ctx, userId, dto.realName.trim());
    return { set: true, masked, requiredFromFen: REAL_NAME_THRESHOLD_FEN };
  }
}
