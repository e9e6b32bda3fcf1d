import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * The one description of the database, used by the app, the tests and the TypeORM CLI.
 * The entities come from the composition root (app.entities.ts): this folder knows no module.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    extra: { max: poolSize },
  };
}

const MIGRATION_LOCK = 7_294_001; // pg_advisory_lock key: one migrator at a time across replicas

/** Runs pending migrations under an advisory lock, so replicas starting together migrate once. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // The history's uuid defaults need uuid-ossp; TypeORM only creates it when it sees entities.
    await runner.query('CREATE EXTENSION IF NOT EXISTS "uuid-ossp"');
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await ds.destroy();
  }
}
