import { Global, Module } from '@nestjs/common';
import { SettingsController } from './settings-admin.controller';
import { SettingsService } from './settings.service';

/** Global: orders, rewards and bindings all read operator settings. */
@Global()
@Module({ controllers: [SettingsController], providers: [SettingsService], exports: [SettingsService] })
export class SettingsModule {}
