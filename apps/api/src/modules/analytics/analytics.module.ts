import { Module } from '@nestjs/common';
import { StoresModule } from '../stores/stores.module';
import { AnalyticsAdminController } from './analytics-admin.controller';
import { AnalyticsAppController } from './analytics-app.controller';
import { AnalyticsWorker } from './analytics.worker';
import { DashboardService } from './dashboard.service';
import { EventsService } from './events.service';
import { ExportService } from './export.service';
import { RollupService } from './rollup.service';
import './analytics.errors'; // registers the error codes (the OpenAPI ErrorCode enum lists them)

/**
 * Analytics (issue 16): mini-program events, daily rollups kept by jobs from the orders
 * module's sales facts and a minute sweep of scans, events, orders placed and new members
 * (rules in rollup.sql.ts), the dashboard, funnels, leaderboards and CSV exports, and a
 * store's own figures for the store centre. Reads its source tables as a read model (SQL).
 */
@Module({
  imports: [StoresModule],
  controllers: [AnalyticsAdminController, AnalyticsAppController],
  providers: [RollupService, DashboardService, EventsService, ExportService, AnalyticsWorker],
  exports: [RollupService, DashboardService],
})
export class AnalyticsModule {}
