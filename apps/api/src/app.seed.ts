import type { INestApplicationContext } from '@nestjs/common';
import type { Seeder } from './common/seeder';
import type { AppConfig } from './config/config';
import { catalogSeeder } from './modules/catalog/catalog.seed';
import { storesSeeder } from './modules/stores/stores.seed';

/** Modules add their seeders here, in dependency order. */
export const SEEDERS: Seeder[] = [catalogSeeder, storesSeeder];

export async function runSeeds(app: INestApplicationContext, config: AppConfig): Promise<void> {
  if (config.env === 'test') return;
  for (const seeder of SEEDERS) await seeder.run(app, config);
}
