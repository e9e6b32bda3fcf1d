import * as fs from 'node:fs';
import type { PgServer } from './pg-server';
import { adminQuery } from './pg-server';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __cloudshelfPg?: { server: PgServer; template: string } }).__cloudshelfPg;
  const dataDir = process.env.CLOUDSHELF_TEST_DATA_DIR;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (!state) return;
  await adminQuery(state.server.adminUrl, `DROP DATABASE IF EXISTS "${state.template}" WITH (FORCE)`).catch(
    () => undefined,
  );
  await state.server.stop();
}
