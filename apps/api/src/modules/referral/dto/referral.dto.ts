import { RESELLER_STATUSES, type ResellerStatus } from '../entities/reseller.entity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, PageDto } from '../../../common/paging';
import { BINDING_SOURCES } from '../entities/binding-event.entity';

export class CreateShareLinkDto {
  @ApiPropertyOptional({ description: 'share a product; omit to share the shop' })
  @IsOptional()
  @IsUUID()
  productId?: string;
}

export class ShareLinkDto {
  @ApiProperty({ description: 'opaque; also the scene of the poster code' }) shareCode: string;
  @ApiProperty({ nullable: true, type: String }) productId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'set on a guide link (导购): the store it was shared for',
  })
  storeId: string | null;
  @ApiProperty({ example: 'pages/share/index?scene=Ab3dE5gH7k' }) path: string;
}

export class OpenShareQueryDto {
  @ApiPropertyOptional({ enum: ['share_link', 'poster'], default: 'share_link' })
  @IsOptional()
  @IsIn(['share_link', 'poster'])
  via?: 'share_link' | 'poster';
}

export class ReferrerDto {
  @ApiProperty({ nullable: true, type: String }) referrerId: string | null;
  @ApiProperty({ nullable: true, type: String }) boundAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null with a referrer: forever' })
  expiresAt: string | null;
}

export class OpenShareResultDto {
  @ApiProperty() shareCode: string;
  @ApiProperty() resellerId: string;
  @ApiProperty({ nullable: true, type: String }) resellerNickname: string | null;
  @ApiProperty({ nullable: true, type: String }) productId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'set on a guide link (导购): the sharer’s store',
  })
  storeId: string | null;
  @ApiProperty({
    enum: ['bind', 'move', 'unchanged', 'self', 'keep', 'not_new', 'cycle'],
    description: 'what this open did to the opener’s referrer',
  })
  outcome: string;
  @ApiProperty({ type: ReferrerDto }) referrer: ReferrerDto;
}

export class ResellerDto {
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String, description: 'the reseller’s WeChat nickname' })
  nickname: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the upline’s nickname' })
  uplineNickname: string | null;
  @ApiProperty({ enum: RESELLER_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String }) uplineId: string | null;
  @ApiProperty() appliedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokeReason: string | null;
}

export class TeamMemberDto {
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ description: 'when they became a reseller' }) joinedAt: string;
  @ApiProperty({ enum: [1, 2], description: '1: my direct downline; 2: a downline of one of them' })
  level: 1 | 2;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'level 2: the level-1 reseller they came through',
  })
  viaNickname: string | null;
  @ApiProperty({ description: 'customers bound to them now' }) customers: number;
}

export class TeamPageDto extends PageDto(TeamMemberDto) {}

export class MyResellerDto {
  @ApiProperty({ type: ResellerDto, nullable: true }) reseller: ResellerDto | null;
}

export class ResellerPageDto extends PageDto(ResellerDto) {}

export class ResellerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESELLER_STATUSES })
  @IsOptional()
  @IsIn(RESELLER_STATUSES)
  status?: ResellerStatus;
}

export class RevokeResellerResultDto {
  @ApiProperty({ type: ResellerDto }) reseller: ResellerDto;
  @ApiProperty({ description: 'customers whose referrer binding to this reseller was released' })
  releasedCustomers: number;
}

export class ReasonDto {
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(500) reason: string;
}

export class MoveStoreLockDto extends ReasonDto {
  @ApiProperty() @IsUUID() storeId: string;
}

export class SetReferrerDto extends ReasonDto {
  @ApiProperty({ description: 'an approved reseller’s user id' }) @IsUUID() resellerId: string;
}

export class StoreLockDto {
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ nullable: true, type: String }) lockedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
}

export class CustomerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'part of the nickname or of the phone number' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  keyword?: string;
  @ApiPropertyOptional({ description: 'customers locked to this store now' })
  @IsOptional()
  @IsUUID()
  storeId?: string;
  @ApiPropertyOptional({ description: 'customers bound to this reseller now' })
  @IsOptional()
  @IsUUID()
  resellerId?: string;
}

export class CustomerDto {
  @ApiProperty() userId: string;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) storeId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the locked store’s name' })
  storeName: string | null;
  @ApiProperty({ nullable: true, type: String }) storeLockExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) referrerId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the referrer’s nickname' })
  referrerNickname: string | null;
  @ApiProperty({ nullable: true, type: String }) referrerExpiresAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CustomerPageDto extends PageDto(CustomerDto) {}

export class BindingEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['store', 'referrer'] }) kind: string;
  @ApiProperty({ enum: BINDING_SOURCES }) source: string;
  @ApiProperty({ nullable: true, type: String }) beforeId: string | null;
  @ApiProperty({ nullable: true, type: String }) afterId: string | null;
  @ApiProperty({ nullable: true, type: String }) afterExpiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() createdAt: string;
}

export class BindingHistoryDto {
  @ApiProperty({ type: [BindingEventDto] }) items: BindingEventDto[];
}
