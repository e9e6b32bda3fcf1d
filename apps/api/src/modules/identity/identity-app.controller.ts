import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, UserRoute } from '../../common/auth/auth.decorators';
import { Ctx, CurrentUserId, RequestContext } from '../../common/request-context';
import {
  OkDto,
  PhoneCodeDto,
  RefreshDto,
  TokenPairDto,
  UpdateProfileDto,
  UserProfileDto,
  WechatLoginDto,
  WechatLoginResultDto,
} from './dto/auth.dto';
import { toTokenPairDto, toUserProfileDto } from './dto/mappers';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { WechatLoginService } from './wechat-login.service';

@ApiTags('app: auth')
@Controller('app/auth')
export class AppAuthController {
  constructor(
    private readonly login: WechatLoginService,
    private readonly sessions: SessionService,
  ) {}

  @Post('wechat-login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with a wx.login code: an access token and a refresh token' })
  @ApiOkResponse({ type: WechatLoginResultDto })
  async wechatLogin(@Ctx() ctx: RequestContext, @Body() dto: WechatLoginDto): Promise<WechatLoginResultDto> {
    const r = await this.login.login(ctx, dto.code);
    return { ...toTokenPairDto(r), userId: r.userId, isNew: r.isNew };
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap a refresh token for a new pair (the old refresh token stops working)' })
  @ApiOkResponse({ type: TokenPairDto })
  async refresh(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto): Promise<TokenPairDto> {
    return toTokenPairDto(await this.sessions.refresh(ctx, 'user', dto.refreshToken));
  }

  @Post('logout')
  @UserRoute()
  @HttpCode(200)
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working' })
  @ApiOkResponse({ type: OkDto })
  async logout(@Ctx() ctx: RequestContext): Promise<OkDto> {
    if (ctx.actor?.sessionId) await this.sessions.revoke(ctx, ctx.actor.sessionId, 'logout');
    return { ok: true };
  }
}

@ApiTags('app: me')
@Controller('app/me')
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @UserRoute()
  @ApiOperation({ summary: 'My profile and roles' })
  @ApiOkResponse({ type: UserProfileDto })
  async me(@Ctx() ctx: RequestContext, @CurrentUserId() userId: string): Promise<UserProfileDto> {
    return toUserProfileDto(await this.users.get(ctx, userId));
  }

  @Patch()
  @UserRoute()
  @ApiOperation({ summary: 'Change my nickname or avatar' })
  @ApiOkResponse({ type: UserProfileDto })
  async update(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: UpdateProfileDto,
  ): Promise<UserProfileDto> {
    return toUserProfileDto(await this.users.updateProfile(ctx, userId, dto));
  }

  @Post('phone')
  @UserRoute()
  @HttpCode(200)
  @ApiOperation({ summary: 'Authorise my phone number with a getPhoneNumber code' })
  @ApiOkResponse({ type: UserProfileDto })
  async phone(
    @Ctx() ctx: RequestContext,
    @CurrentUserId() userId: string,
    @Body() dto: PhoneCodeDto,
  ): Promise<UserProfileDto> {
    return toUserProfileDto(await this.users.authorisePhone(ctx, userId, dto.code));
  }
}
