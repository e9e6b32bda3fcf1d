import * as path from 'node:path';
import { AppConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded server in `<dataDir>/pg`, started here. */
export async function resolveDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres({
    dir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    database: 'cloudshelf',
    persistent: true,
    sharedDir: config.embeddedPgSharedDir,
    log,
  });
  return { url: db.url, embedded: true, stop: db.stop };
}
