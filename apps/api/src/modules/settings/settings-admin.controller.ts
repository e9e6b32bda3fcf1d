import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { SettingsDto, UpdateSettingsDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('admin: settings')
@Controller('admin/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @AdminRoute('settings:read')
  @ApiOperation({ summary: 'Operator settings (rates, days, policies) with their current values' })
  @ApiOkResponse({ type: SettingsDto })
  async get(@Ctx() ctx: RequestContext): Promise<SettingsDto> {
    const [values, version] = await Promise.all([this.settings.get(ctx), this.settings.version(ctx)]);
    return { ...values, updatedAt: version.toISOString() };
  }

  @Put()
  @AdminRoute('settings:write')
  @ApiOperation({ summary: 'Change some operator settings (audited); unsent fields keep their values' })
  @ApiOkResponse({ type: SettingsDto })
  async update(@Ctx() ctx: RequestContext, @Body() dto: UpdateSettingsDto): Promise<SettingsDto> {
    const { expectedUpdatedAt, ...patch } = dto;
    const values = await this.settings.update(ctx, patch, expectedUpdatedAt);
    return { ...values, updatedAt: (await this.settings.version(ctx)).toISOString() };
  }
}
