import { Module } from '@nestjs/common';
import { NamesController } from './names.controller';
import { NamesService } from './names.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

/** Read-only views the admin console needs across modules: display names for ids, dashboard figures. */
@Module({
  controllers: [NamesController, StatsController],
  providers: [NamesService, StatsService],
  // Exports (CSV) name the people and stores of their rows the way the lists do.
  exports: [NamesService],
})
export class DirectoryModule {}
