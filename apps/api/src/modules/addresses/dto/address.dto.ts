import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { UserAddress } from '../entities/user-address.entity';

const REGION_CODE = /^(\d{6}|\d{4})$/;
const PHONE = /^1\d{10}$|^[0-9+\- ]{5,20}$/;

export class AddressInputDto {
  @ApiProperty() @IsString() @Length(1, 40) name: string;
  @ApiProperty({ description: 'mobile (11 digits) or a landline' }) @IsString() @Matches(PHONE) phone: string;
  @ApiProperty({
    example: '650102',
    description:
      'district code (6 digits, GB/T 2260, = wx.chooseAddress nationalCode); a city code for a city without districts',
  })
  @Matches(REGION_CODE)
  regionCode: string;
  @ApiProperty() @IsString() @Length(2, 120) detail: string;
  @ApiPropertyOptional({ description: 'make it the default (the first address always is)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class AddressPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(PHONE) phone?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 120) detail?: string;
  @ApiPropertyOptional({
    description: 'true makes it the default; false is ignored (choose another instead)',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class AddressBookEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiProperty({ example: '65' }) provinceCode: string;
  @ApiProperty({ example: '6501' }) cityCode: string;
  @ApiProperty({ nullable: true, type: String, example: '650102' }) districtCode: string | null;
  @ApiProperty({ example: '新疆维吾尔自治区' }) province: string;
  @ApiProperty({ example: '乌鲁木齐市' }) city: string;
  @ApiProperty({ example: '天山区' }) district: string;
  @ApiProperty() detail: string;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() createdAt: string;

  static of(a: UserAddress): AddressBookEntryDto {
    return {
      id: a.id,
      name: a.name,
      phone: a.phone,
      provinceCode: a.provinceCode,
      cityCode: a.cityCode,
      districtCode: a.districtCode,
      province: a.province,
      city: a.city,
      district: a.district,
      detail: a.detail,
      isDefault: a.isDefault,
      createdAt: new Date(a.createdAt).toISOString(),
    };
  }
}
