import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/paging';
import { EARNER_TYPES, type EarnerType } from '../entities/ledger-account.entity';

export const EARNER_ID = /^[0-9A-Za-z-]{1,64}$/;

export class EarnerRefDto {
  @ApiProperty({ enum: EARNER_TYPES })
  @IsIn(EARNER_TYPES)
  earnerType: EarnerType;

  @ApiProperty({ description: 'the reseller’s user id, the store id or the agent’s user id' })
  @IsString()
  @Matches(EARNER_ID)
  earnerId: string;
}

export class EarnerPageQuery extends PageQueryDto {
  @ApiProperty({ enum: EARNER_TYPES })
  @IsIn(EARNER_TYPES)
  earnerType: EarnerType;

  @ApiProperty()
  @Matches(EARNER_ID)
  earnerId: string;
}

export class EarnerTypePageQuery extends PageQueryDto {
  @ApiProperty({ enum: EARNER_TYPES })
  @IsIn(EARNER_TYPES)
  earnerType: EarnerType;
}
