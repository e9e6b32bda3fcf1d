import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/paging';
import { StoreDto } from '../../stores/dto/store.dto';
import { STORE_QUEUES, type StoreQueue } from '../order-query.service';

export class PeriodFiguresDto {
  @ApiProperty({ description: 'paid orders in the period' }) orders: number;
  @ApiProperty({ description: 'paid minus refunded, fen' }) salesFen: number;
  @ApiProperty({ description: 'the earner’s rewards in the period net of claw-backs, fen' })
  rewardFen: number;
}

export class StoreSummaryDto {
  @ApiProperty({ type: PeriodFiguresDto, description: 'today, China time' }) today: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'this calendar month, China time' })
  month: PeriodFiguresDto;
  @ApiProperty({ description: 'pickup orders waiting at the counter' }) awaitingPickup: number;
  @ApiProperty({ description: 'express orders paid, not yet shipped' }) toShip: number;
}

export class StoreQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STORE_QUEUES, default: 'awaiting_pickup' })
  @IsOptional()
  @IsIn(STORE_QUEUES)
  queue: StoreQueue = 'awaiting_pickup';
}

export class AgentStoreDto extends StoreDto {
  @ApiProperty({ type: PeriodFiguresDto, description: 'today; rewardFen is the agent’s override' })
  today: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'this month; rewardFen is the agent’s override' })
  month: PeriodFiguresDto;
}

export class AgentStoreListDto {
  @ApiProperty({ type: [AgentStoreDto] }) items: AgentStoreDto[];
}

/** One guide's (导购) figures at a store: lines they were credited with and their guide rewards. */
export class GuidePerformanceDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['owner', 'staff'],
    description: 'null: no longer works here',
  })
  role: string | null;
  @ApiProperty({ type: PeriodFiguresDto, description: 'today; orders and sales through their guide links' })
  today: PeriodFiguresDto;
  @ApiProperty({ type: PeriodFiguresDto, description: 'this month' })
  month: PeriodFiguresDto;
}

export class GuidePerformanceListDto {
  @ApiProperty({ type: [GuidePerformanceDto] }) items: GuidePerformanceDto[];
}
