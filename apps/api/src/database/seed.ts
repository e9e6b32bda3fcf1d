import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { catalogSeeder } from '../modules/catalog/catalog.seed';
import { storesSeeder } from '../modules/stores/stores.seed';

/**
 * A module's demo data for `pnpm start`. Each seeder must be idempotent: it runs
 * on every start and only adds what is missing.
 */
export interface Seeder {
  name: string;
  run(app: INestApplicationContext, config: AppConfig): Promise<void>;
}

/** Modules add their seeders here, in dependency order. */
export const SEEDERS: Seeder[] = [catalogSeeder, storesSeeder];

export async function runSeeds(app: INestApplicationContext, config: AppConfig): Promise<void> {
  if (config.env === 'test') return;
  for (const seeder of SEEDERS) await seeder.run(app, config);
}
