import 'reflect-metadata';
import { createApp } from './app.factory';
import { onUnhandledRejection } from './common/database-unavailable';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { resolveDatabase } from './database/resolve';
import { runSeeds } from './app.seed';

async function main(): Promise<void> {
  process.on(
    'unhandledRejection',
    onUnhandledRejection((m) => console.error(`unhandled rejection: ${m}`)),
  );
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const started = Date.now();
  const quietPg = config.logLevel !== 'debug' && config.logLevel !== 'trace';
  const db = await resolveDatabase(config, (line) => quietPg || console.log(`[postgres] ${line}`));
  const migrated = await runMigrations(db.url);
  const app = await createApp({ ...config, databaseUrl: db.url });
  await runSeeds(app, config);
  // Nest's own hooks close the app on a signal; the embedded server stops after it.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await app.close().catch((err: unknown) => console.error(err));
    await db.stop().catch((err: unknown) => console.error(err));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const ms = Date.now() - started;
  console.log(
    `CloudShelf API (${config.role}) on http://${config.host}:${config.port}/api in ${ms} ms; ` +
      `database ${db.embedded ? 'embedded' : 'DATABASE_URL'}; ${migrated.length} migration(s) applied`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
