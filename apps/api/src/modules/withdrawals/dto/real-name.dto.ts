import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

/** A Chinese name (with · for minority and foreign names) or a Latin one, as on an ID document. */
const REAL_NAME = /^(?:[\p{Script=Han}·]{2,20}|[A-Za-z][A-Za-z .'-]{0,48}[A-Za-z])$/u;

export class SetRealNameDto {
  @ApiProperty({
    example: '张三',
    description: "the receiver's real name as on their ID (2–20 Chinese characters, or a Latin name)",
  })
  @IsString()
  @Matches(REAL_NAME, { message: 'realName must be a real name as on an ID document' })
  realName: string;
}

export class RealNameDto {
  @ApiProperty({ description: 'whether a real name is on file (needed for withdrawals from 2000 yuan)' })
  set: boolean;

  @ApiProperty({ nullable: true, example: '*三', description: 'masked; the full name is never returned' })
  masked: string | null;

  @ApiProperty({ description: 'withdrawals from this amount (fen) need the real name' })
  requiredFromFen: number;
}
