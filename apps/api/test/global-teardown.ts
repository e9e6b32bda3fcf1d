import type { PgServer } from './pg-server';
import { adminQuery } from './pg-server';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __cloudshelfPg?: { server: PgServer; template: string } }).__cloudshelfPg;
  if (!state) return;
  await adminQuery(state.server.adminUrl, `DROP DATABASE IF EXISTS "${state.template}" WITH (FORCE)`).catch(
    () => undefined,
  );
  await state.server.stop();
}
