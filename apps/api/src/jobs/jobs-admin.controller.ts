import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminRoute } from '../common/auth/auth.decorators';
import { toPage } from '../common/paging';
import { Ctx, RequestContext } from '../common/request-context';
import { UuidParam } from '../common/uuid-param';
import { AuditService } from '../modules/audit/audit.service';
import { JobDto, JobPageDto, JobsQueryDto } from './dto/jobs.dto';
import { JobsService } from './jobs.service';

/**
 * Background jobs for operators: a job that used up its retries stays `failed` with its
 * last error until someone looks at it and retries it (nothing retries forever silently).
 */
@ApiTags('admin: jobs')
@Controller('admin/jobs')
export class JobsAdminController {
  constructor(
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @AdminRoute('jobs:read')
  @ApiOperation({
    summary: 'Background jobs of one state (default failed), newest first, with their last error',
  })
  @ApiOkResponse({ type: JobPageDto })
  async list(@Query() q: JobsQueryDto): Promise<JobPageDto> {
    const { items, total } = await this.jobs.list(q);
    return toPage(items.map(JobDto.of), total, q);
  }

  @Post(':queue/:id/retry')
  @HttpCode(200)
  @AdminRoute('jobs:write')
  @ApiOperation({ summary: 'Run a failed job again now (audited)' })
  @ApiOkResponse({ type: JobDto })
  async retry(
    @Ctx() ctx: RequestContext,
    @Param('queue') queue: string,
    @Param('id', UuidParam) id: string,
  ): Promise<JobDto> {
    const before = await this.jobs.find(queue, id);
    const after = await this.jobs.retry(queue, id);
    await this.audit.record(ctx, {
      action: 'job.retry',
      entityType: 'job',
      entityId: id,
      before: { queue, state: before?.state, retryCount: before?.retryCount, error: before?.error },
      after: { queue, state: after.state, retryLimit: after.retryLimit },
    });
    return JobDto.of(after);
  }
}
