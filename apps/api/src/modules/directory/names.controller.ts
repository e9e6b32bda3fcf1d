import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../../common/auth/auth.decorators';
import { Ctx, RequestContext } from '../../common/request-context';
import { NamesDto, NamesQueryDto } from './names.dto';
import { NamesService } from './names.service';

@ApiTags('admin: names')
@Controller('admin/names')
export class NamesController {
  constructor(private readonly names: NamesService) {}

  @Get()
  @AdminRoute('account:self')
  @ApiOperation({
    summary:
      'Display names for a page of ids (buyers, earners, stores) in one call; unknown or out-of-scope ids are left out',
  })
  @ApiOkResponse({ type: NamesDto })
  async get(@Ctx() ctx: RequestContext, @Query() q: NamesQueryDto): Promise<NamesDto> {
    return this.names.names(ctx, q);
  }
}
