import { PageDto } from '../../../common/paging';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ADMIN_ROLES, PERMISSIONS } from '../../../common/auth/permissions';

export class WechatLoginDto {
  @ApiProperty({ description: 'the code from wx.login (5 minutes, single use)' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  code: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(200) refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() accessExpiresAt: string;
  @ApiProperty({ description: 'send to the refresh endpoint; each use replaces it' }) refreshToken: string;
  @ApiProperty() refreshExpiresAt: string;
}

export class WechatLoginResultDto extends TokenPairDto {
  @ApiProperty() userId: string;
  @ApiProperty({ description: 'true on the first login of this WeChat user' }) isNew: boolean;
}

export class AdminLoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) password: string;
}

export class AdminLoginResultDto extends TokenPairDto {
  @ApiProperty() adminId: string;
  @ApiProperty({ type: [String] }) roles: string[];
}

export class UserProfileDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'pure number, no country code' }) phone:
    string | null;
  @ApiProperty({ type: [String], example: ['consumer', 'reseller'] }) roles: string[];
  @ApiProperty() createdAt: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(32) nickname?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false })
  @MaxLength(512)
  avatarUrl?: string;
}

export class PhoneCodeDto {
  @ApiProperty({ description: 'the code from a getPhoneNumber button' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  code: string;
}

export class AdminUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ type: [String], enum: ADMIN_ROLES, isArray: true }) roles: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Stores the account manages; a store_manager sees only these',
  })
  storeIds: string[];
  @ApiProperty() disabled: boolean;
  @ApiProperty({ nullable: true, type: String }) lockedUntil: string | null;
  @ApiProperty({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
}

export class AdminUserPageDto extends PageDto(AdminUserDto) {}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

export class CreateAdminUserDto {
  @ApiProperty({ pattern: USERNAME.source }) @Matches(USERNAME) username: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(128) password: string;
  @ApiProperty({ enum: ADMIN_ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ADMIN_ROLES, { each: true })
  roles: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Stores the account manages (each must exist); a store_manager sees only these',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  storeIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) displayName?: string;
}

export class UpdateAdminUserDto {
  @ApiPropertyOptional({ minLength: 8 })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password?: string;
  @ApiPropertyOptional({ enum: ADMIN_ROLES, isArray: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ADMIN_ROLES, { each: true })
  roles?: string[];
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Stores the account manages (each must exist); a store_manager sees only these',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  storeIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) displayName?: string;
  @ApiPropertyOptional({ description: 'true ends every session of the account' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class OkDto {
  @ApiProperty() ok: boolean;
}

export class AdminPermissionsDto {
  @ApiProperty() adminId: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ type: [String], enum: ADMIN_ROLES, isArray: true }) roles: string[];
  @ApiProperty({
    type: [String],
    enum: PERMISSIONS,
    isArray: true,
    description: 'every permission the roles hold; the admin shows only what these allow',
  })
  permissions: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'the stores a store-scoped role is limited to',
  })
  storeIds: string[];
  @ApiProperty({ description: 'true when the account sees only the stores in storeIds' })
  storeScoped: boolean;
}

export class ChangeOwnPasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) currentPassword: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(128) newPassword: string;
}
