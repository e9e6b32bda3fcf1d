import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/paging';
import { JOB_STATES, type JobRecord, type JobState } from '../jobs.service';

export class JobsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES, description: 'default: failed' })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @ApiPropertyOptional({ example: 'payments.refund' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/)
  queue?: string;
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'payments.refund' }) queue: string;
  @ApiProperty({ enum: JOB_STATES }) state: JobState;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ description: 'retries made so far' }) retryCount: number;
  @ApiProperty() retryLimit: number;
  @ApiProperty({ nullable: true, type: String, description: 'the last error of a failed or retrying job' })
  error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) startedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'when it completed or finally failed' })
  finishedAt: Date | null;

  static of(j: JobRecord): JobDto {
    return Object.assign(new JobDto(), j);
  }
}

export class JobPageDto extends PageDto(JobDto) {}
