import { Module } from '@nestjs/common';
import { NamesController } from './names.controller';
import { NamesService } from './names.service';

/** Read-only lookups the admin console needs across modules (display names for ids). */
@Module({
  controllers: [NamesController],
  providers: [NamesService],
})
export class DirectoryModule {}
