import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { SUBSCRIBE_KINDS, type SubscribeKind } from '../../../config/config';

export class SubscribeTemplateDto {
  @ApiProperty({ enum: SUBSCRIBE_KINDS }) kind: SubscribeKind;
  @ApiProperty({ description: 'the template id to pass to wx.requestSubscribeMessage' }) templateId: string;
  @ApiProperty({ description: 'messages of this template the user still allows' }) remaining: number;
}

const RESULTS = ['accept', 'reject', 'ban', 'filter'];

/** Exactly what `wx.requestSubscribeMessage` resolves with: `{[templateId]: 'accept' | 'reject' | …}`. */
export class ConsentResultsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: RESULTS },
    example: { SIM_TPL_ORDERPAID: 'accept' },
  })
  @IsObject()
  results: Record<string, string>;
}

export class ConsentKindQuery {
  @ApiProperty({ enum: SUBSCRIBE_KINDS })
  @IsIn(SUBSCRIBE_KINDS)
  kind: SubscribeKind;
}
