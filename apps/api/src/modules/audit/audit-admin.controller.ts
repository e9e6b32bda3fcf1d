import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('admin: audit')
@Controller('admin/audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @AdminRoute('audit:read')
  @ApiOperation({ summary: 'List audit entries (newest first), filtered by actor, entity, action and time' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Ctx() ctx: RequestContext, @Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(ctx, q);
  }
}
