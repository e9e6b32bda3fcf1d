import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/auth.decorators';
import { CommonErrors } from '../common/errors';
import { JobsService } from '../jobs/jobs.service';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ enum: ['up'] }) queue: 'up';
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @ApiOkResponse({
    type: HealthDto,
    description: 'Database and job queue both answer; otherwise 503 SERVICE_UNAVAILABLE',
  })
  async check(): Promise<HealthDto> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const queue = (await this.jobs.healthy()) ? ('up' as const) : ('down' as const);
    if (database !== 'up' || queue !== 'up') throw CommonErrors.SERVICE_UNAVAILABLE({ database, queue });
    return { status: 'ok', database, queue };
  }
}
