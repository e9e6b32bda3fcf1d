import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { In } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators';
import { pageWindow, PageDto, toPage, type Page } from '../../common/paging';
import { Ctx, RequestContext } from '../../common/request-context';
import { TransactionService } from '../../common/transaction.service';
import { NearbyQueryDto, NearbyStoreDto } from './dto/store.dto';
import { Store } from './entities/store.entity';
import { toStoreDto } from './dto/mappers';
import { BOX_SQL, DISTANCE_SQL } from './stores.service';

export class NearbyStockQueryDto extends NearbyQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() skuId: string;
}

export class NearbyStockStoreDto extends NearbyStoreDto {
  @ApiProperty({ description: 'the store’s own stock of the SKU (what pickup draws from)' }) stock: number;
}

export class NearbyStockPageDto extends PageDto(NearbyStockStoreDto) {}

/** Active stores near a point that hold a SKU in stock: the pickup store picker and the detail page. */
@Injectable()
export class NearbyStockService {
  constructor(private readonly tx: TransactionService) {}

  async find(ctx: RequestContext, q: NearbyStockQueryDto): Promise<Page<NearbyStockStoreDto>> {
    const radiusM = (q.radiusKm ?? 50) * 1000;
    const dLat = radiusM / 111_320;
    const dLng = radiusM / (111_320 * Math.max(Math.cos((q.lat * Math.PI) / 180), 0.01));
    const { skip, take } = pageWindow(q);
    const rows: { id: string; distance_m: number; quantity: number; total: string }[] = await this.tx
      .manager(ctx)
      .query(
        `SELECT d.*, count(*) OVER () AS total FROM (
           SELECT s.id, ${DISTANCE_SQL} AS distance_m, ss.qty AS quantity
             FROM store s JOIN store_stock ss ON ss.store_id = s.id AND ss.sku_id = $8::uuid AND ss.qty > 0
            WHERE ${BOX_SQL}
         ) d WHERE d.distance_m <= $5::float8
         ORDER BY d.distance_m, d.id LIMIT $6 OFFSET $7`,
        [q.lat, q.lng, dLat, dLng, radiusM, take, skip, q.skuId],
      );
    const stores = await this.tx.repo(ctx, Store).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(stores.map((s) => [s.id, s]));
    return toPage(
      rows.map((r) => ({
        ...toStoreDto(byId.get(r.id)!),
        distanceM: Math.round(Number(r.distance_m)),
        stock: Number(r.quantity),
      })),
      rows.length ? Number(rows[0].total) : 0,
      q,
    );
  }
}

@ApiTags('app: stores')
@Controller('app/stores')
export class NearbyStockController {
  constructor(private readonly nearby: NearbyStockService) {}

  @Get('nearby-stock')
  @Public()
  @ApiOperation({
    summary: 'Active stores near a point that have a SKU in stock, nearest first, with that stock',
  })
  @ApiOkResponse({ type: NearbyStockPageDto })
  find(@Ctx() ctx: RequestContext, @Query() q: NearbyStockQueryDto): Promise<NearbyStockPageDto> {
    return this.nearby.find(ctx, q);
  }
}
