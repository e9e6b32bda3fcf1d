import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../test/db';
import { ENTITIES } from '../app.entities';
import { dataSourceOptions } from './data-source';
import { MIGRATIONS } from './migrations';

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(); // cloned from the template that global-setup migrated
    ds = await new DataSource(dataSourceOptions(db.url, 2, ENTITIES)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('agree with the entities: applying them leaves nothing for TypeORM to change', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('have all been applied, in one linear history with unique names', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const names = MIGRATIONS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const stamps = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(stamps.every((s) => s > 0)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it('can be reverted and re-applied', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`,
    );
    expect(tables[0].n).toBe(0);
    await ds.runMigrations();
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
