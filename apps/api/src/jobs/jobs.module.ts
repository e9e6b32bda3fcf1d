import { Global, Module } from '@nestjs/common';
import { JobsAdminController } from './jobs-admin.controller';
import { JobsService } from './jobs.service';

@Global()
@Module({ controllers: [JobsAdminController], providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
