import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { ProductSummaryDto } from '../../catalog/dto/product.dto';
import { HOME_CONTENT_KINDS, type HomeContent, type HomeContentKind } from '../entities/home-content.entity';
import { PRODUCT_FLAGS, type ProductFlagName } from '../entities/product-flag.entity';

const PAGE_LINK = /^\/(pages|packages)\/[a-z0-9/_-]+(\?[A-Za-z0-9=&%_-]*)?$/;
const IMAGE_URL = /^(\/api\/uploads\/[0-9a-f]{64}\.[a-z]{3,4}|https:\/\/\S{1,280})$/;

export class HomeContentInputDto {
  @ApiProperty({ enum: HOME_CONTENT_KINDS }) @IsIn(HOME_CONTENT_KINDS) kind: HomeContentKind;
  @ApiProperty() @IsString() @Length(1, 60) title: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'an uploaded image (banners need one)' })
  @IsOptional()
  @Matches(IMAGE_URL)
  imageUrl?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '/packages/goods/detail/index?id=…' })
  @IsOptional()
  @Matches(PAGE_LINK)
  link?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(9999) sortOrder?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsDateString() startsAt?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsDateString() endsAt?: string | null;
}

export class HomeContentPatchDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 60) title?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(IMAGE_URL) imageUrl?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Matches(PAGE_LINK) link?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(9999) sortOrder?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsDateString() startsAt?:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsDateString() endsAt?: string | null;
}

export class HomeContentDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: HOME_CONTENT_KINDS }) kind: HomeContentKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) imageUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String }) startsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) endsAt: string | null;

  static of(c: HomeContent): HomeContentDto {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: c.id,
      kind: c.kind,
      title: c.title,
      imageUrl: c.imageUrl,
      link: c.link,
      sortOrder: c.sortOrder,
      active: c.active,
      startsAt: iso(c.startsAt),
      endsAt: iso(c.endsAt),
    };
  }
}

export class ProductFlagsDto {
  @ApiProperty({ enum: PRODUCT_FLAGS, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(PRODUCT_FLAGS, { each: true })
  flags: ProductFlagName[];
  @ApiPropertyOptional({ description: 'position in the flagged lists (smaller first)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

export class FlaggedProductDto {
  @ApiProperty() productId: string;
  @ApiProperty({ enum: PRODUCT_FLAGS }) flag: ProductFlagName;
  @ApiProperty() sortOrder: number;
}

export class FlagQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;
}

export class HomeBannerDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() imageUrl: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
}

export class HomeNoticeDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
}

export class HomeDto {
  @ApiProperty({ type: [HomeBannerDto] }) banners: HomeBannerDto[];
  @ApiProperty({ type: [HomeNoticeDto] }) notices: HomeNoticeDto[];
  @ApiProperty({ type: [ProductSummaryDto], description: '热卖: flagged hot, else best sellers' })
  hot: ProductSummaryDto[];
  @ApiProperty({ type: [ProductSummaryDto], description: '新品: flagged new, else newest' })
  fresh: ProductSummaryDto[];
  @ApiProperty({ type: [ProductSummaryDto], description: '推荐: flagged recommended, else more on sale' })
  recommended: ProductSummaryDto[];
}
