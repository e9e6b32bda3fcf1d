import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class OverviewQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'first day, China time (inclusive)' })
  @Matches(DAY)
  from: string;

  @ApiProperty({ example: '2026-11-30', description: 'last day, China time (inclusive); at most 366 days' })
  @Matches(DAY)
  to: string;
}

export class OverviewNumbersDto {
  @ApiProperty({ description: 'payable of orders paid in the range (refunds not deducted)' }) gmvFen: number;
  @ApiProperty() paidOrders: number;
  @ApiProperty() paidCustomers: number;
  @ApiProperty({ description: 'resolved scans' }) scans: number;
  @ApiProperty({ description: 'distinct users who scanned' }) scanUsers: number;
  @ApiProperty({ description: 'share of scanning users who paid an order in the range, basis points' })
  scanToPaidBp: number;
  @ApiProperty() onlineGmvFen: number;
  @ApiProperty() offlineGmvFen: number;
}

export class OverviewDayDto {
  @ApiProperty({ example: '2026-11-01' }) day: string;
  @ApiProperty() gmvFen: number;
  @ApiProperty() paidOrders: number;
  @ApiProperty() scans: number;
}

export class OverviewStoreDto {
  @ApiProperty() storeId: string;
  @ApiProperty() name: string;
  @ApiProperty() gmvFen: number;
  @ApiProperty() paidOrders: number;
}

export class OverviewProductDto {
  @ApiProperty() productId: string;
  @ApiProperty() title: string;
  @ApiProperty() qty: number;
  @ApiProperty() amountFen: number;
}

export class OverviewDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: OverviewNumbersDto }) current: OverviewNumbersDto;
  @ApiProperty({ type: OverviewNumbersDto, description: 'the same number of days just before' })
  previous: OverviewNumbersDto;
  @ApiProperty({ type: [OverviewDayDto] }) daily: OverviewDayDto[];
  @ApiProperty({ type: [OverviewStoreDto] }) topStores: OverviewStoreDto[];
  @ApiProperty({ type: [OverviewProductDto] }) topProducts: OverviewProductDto[];
}
