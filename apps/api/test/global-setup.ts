import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PgBoss from 'pg-boss';
import { runMigrations } from '../src/database/data-source';
import { JOBS_SCHEMA } from '../src/jobs/jobs.service';
import { adminQuery, databaseUrl, startPgServer } from './pg-server';

/**
 * Starts one PostgreSQL for the whole run (embedded, or DATABASE_URL's server),
 * builds a migrated template database with the job queue's schema, and tells the
 * test files where it is; each file then clones its own database from it.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startPgServer();
  const template = `cloudshelf_tpl_${process.pid}`;
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS "${template}"`);
  await adminQuery(server.adminUrl, `CREATE DATABASE "${template}"`);
  const url = databaseUrl(server.adminUrl, template);
  await runMigrations(url);
  const boss = new PgBoss({
    connectionString: url,
    schema: JOBS_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
  // Development WeChat keys (shared by the API under test and the simulator) and uploads.
  process.env.CLOUDSHELF_TEST_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-test-data-'));
  process.env.CLOUDSHELF_TEST_ADMIN_URL = server.adminUrl;
  process.env.CLOUDSHELF_TEST_TEMPLATE = template;
  (globalThis as { __cloudshelfPg?: unknown }).__cloudshelfPg = { server, template };
}
