import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config';
import { ENTITIES } from './app.entities';
import { dataSourceOptions } from './database/data-source';

// Only for the TypeORM CLI (`pnpm --filter @cloudshelf/api migration:run`): DATABASE_URL, or
// the embedded server of a running `pnpm start` on its port.
const config = loadConfig();
export default new DataSource(
  dataSourceOptions(
    config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPgPort}/cloudshelf`,
    10,
    ENTITIES,
  ),
);
