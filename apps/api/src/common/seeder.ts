import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../config/config';

/**
 * A module's demo data for `pnpm start`. Each seeder must be idempotent: it runs
 * on every start and only adds what is missing. The composition root (app.seed.ts)
 * lists the modules' seeders.
 */
export interface Seeder {
  name: string;
  run(app: INestApplicationContext, config: AppConfig): Promise<void>;
}
