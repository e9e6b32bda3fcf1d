import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute, Public } from '../../common/auth/auth.decorators';
import { PERMISSIONS, rolesAllow } from '../../common/auth/permissions';
import { storeScope } from '../../common/auth/store-scope';
import { PageQueryDto } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { AdminAuthService } from './admin-auth.service';
import { AdminUsersService } from './admin-users.service';
import {
  AdminPermissionsDto,
  ChangeOwnPasswordDto,
  AdminLoginDto,
  AdminLoginResultDto,
  AdminUserDto,
  AdminUserPageDto,
  CreateAdminUserDto,
  OkDto,
  RefreshDto,
  TokenPairDto,
  UpdateAdminUserDto,
} from './dto/auth.dto';
import { toAdminUserDto, toTokenPairDto } from './dto/mappers';
import { SessionService } from './session.service';

@ApiTags('admin: auth')
@Controller('admin/auth')
export class AdminAuthController {
  constructor(
    private readonly auth: AdminAuthService,
    private readonly admins: AdminUsersService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password (locks after repeated failures)' })
  @ApiOkResponse({ type: AdminLoginResultDto })
  async login(@Ctx() ctx: RequestContext, @Body() dto: AdminLoginDto): Promise<AdminLoginResultDto> {
    const r = await this.auth.login(ctx, dto.username, dto.password);
    const me = await this.admins.get(ctx, r.adminId);
    return { ...toTokenPairDto(r), adminId: r.adminId, roles: me.roles };
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap an admin refresh token for a new pair' })
  @ApiOkResponse({ type: TokenPairDto })
  async refresh(@Ctx() ctx: RequestContext, @Body() dto: RefreshDto): Promise<TokenPairDto> {
    return toTokenPairDto(await this.sessions.refresh(ctx, 'admin', dto.refreshToken));
  }

  @Post('logout')
  @AdminRoute('account:self')
  @HttpCode(200)
  @ApiOperation({ summary: 'End this admin session' })
  @ApiOkResponse({ type: OkDto })
  async logout(@Ctx() ctx: RequestContext): Promise<OkDto> {
    if (ctx.actor?.sessionId) await this.sessions.revoke(ctx, ctx.actor.sessionId, 'logout');
    return { ok: true };
  }

  @Get('permissions')
  @AdminRoute('account:self')
  @ApiOperation({
    summary: 'My roles and the permissions they hold (the admin builds its menu from these)',
  })
  @ApiOkResponse({ type: AdminPermissionsDto })
  async permissions(@Ctx() ctx: RequestContext): Promise<AdminPermissionsDto> {
    const me = await this.admins.get(ctx, ctx.actor!.id);
    return {
      adminId: me.id,
      username: me.username,
      displayName: me.displayName,
      roles: me.roles,
      permissions: PERMISSIONS.filter((p) => rolesAllow(me.roles, p)),
      storeIds: me.storeIds,
      storeScoped: storeScope(ctx) !== null,
    };
  }

  @Post('password')
  @AdminRoute('account:self')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change my own password (needs the current one); ends my other sessions and returns a fresh pair',
  })
  @ApiOkResponse({ type: TokenPairDto })
  async changePassword(@Ctx() ctx: RequestContext, @Body() dto: ChangeOwnPasswordDto): Promise<TokenPairDto> {
    return toTokenPairDto(
      await this.auth.changeOwnPassword(ctx, ctx.actor!.id, dto.currentPassword, dto.newPassword),
    );
  }

  @Get('me')
  @AdminRoute('account:self')
  @ApiOperation({ summary: 'The logged-in admin account' })
  @ApiOkResponse({ type: AdminUserDto })
  async me(@Ctx() ctx: RequestContext): Promise<AdminUserDto> {
    return toAdminUserDto(await this.admins.get(ctx, ctx.actor!.id));
  }
}

@ApiTags('admin: admin users')
@Controller('admin/admin-users')
export class AdminUsersController {
  constructor(private readonly admins: AdminUsersService) {}

  @Get()
  @AdminRoute('admins:write')
  @ApiOperation({ summary: 'List admin accounts' })
  @ApiOkResponse({ type: AdminUserPageDto })
  async list(@Ctx() ctx: RequestContext, @Query() q: PageQueryDto): Promise<AdminUserPageDto> {
    const page = await this.admins.list(ctx, q);
    return { ...page, items: page.items.map(toAdminUserDto) };
  }

  @Post()
  @AdminRoute('admins:write')
  @ApiOperation({ summary: 'Create an admin account (audited)' })
  @ApiOkResponse({ type: AdminUserDto })
  async create(@Ctx() ctx: RequestContext, @Body() dto: CreateAdminUserDto): Promise<AdminUserDto> {
    return toAdminUserDto(await this.admins.create(ctx, dto));
  }

  @Get(':id')
  @AdminRoute('admins:write')
  @ApiOperation({ summary: 'One admin account' })
  @ApiOkResponse({ type: AdminUserDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<AdminUserDto> {
    return toAdminUserDto(await this.admins.get(ctx, id));
  }

  @Patch(':id')
  @AdminRoute('admins:write')
  @ApiOperation({ summary: 'Change roles, password, name, or disable an admin account (audited)' })
  @ApiOkResponse({ type: AdminUserDto })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAdminUserDto,
  ): Promise<AdminUserDto> {
    return toAdminUserDto(await this.admins.update(ctx, id, dto));
  }
}
