import { randomBytes } from 'node:crypto';
import { adminQuery, databaseUrl } from './pg-server';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template of global-setup: one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.CLOUDSHELF_TEST_ADMIN_URL;
  const template = process.env.CLOUDSHELF_TEST_TEMPLATE;
  if (!adminUrl || !template)
    throw new Error('run through jest: global-setup provides the test database server');
  const name = `cloudshelf_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
