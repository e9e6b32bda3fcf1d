import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app.factory';
import { RequestContext } from '../src/common/request-context';
import { TransactionService } from '../src/common/transaction.service';
import { LedgerService } from '../src/modules/ledger/ledger.service';
import { AppConfig, loadConfig } from '../src/config/config';
import { createTestDatabase, TestDatabase } from './db';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  http: TestAgent;
  close(): Promise<void>;
}

/** Boots the real application on its own fresh database; `http` is a supertest agent on it. */
export async function bootTestApp(
  env: Record<string, string> = {},
  extraModules: Type<unknown>[] = [],
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JOBS_POLL_SECONDS: '0.5',
      DATA_DIR: process.env.CLOUDSHELF_TEST_DATA_DIR ?? '',
      // Tests log in and upload far faster than a person; the limits have their own test.
      RATE_LIMIT_LOGIN: 'off',
      RATE_LIMIT_REFRESH: 'off',
      RATE_LIMIT_UPLOAD: 'off',
      RATE_LIMIT_SHARE_OPEN: 'off',
      RATE_LIMIT_EVENTS: 'off',
      RATE_LIMIT_ANONYMOUS: 'off',
      ...env,
    }),
    databaseUrl: db.url,
  };
  const app = await createApp(config, { extraModules });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    db,
    http: request(app.getHttpServer()),
    close: async () => {
      // After every file that boots the app: the ledger must balance to the fen.
      const ledger = await new LedgerService(app.get(TransactionService)).verify(
        RequestContext.system('test-teardown'),
      );
      await app.close();
      await db.drop();
      if (ledger.unbalancedPostings || ledger.mismatchedAccounts || ledger.totalFen) {
        throw new Error(`ledger inconsistent after this file: ${JSON.stringify(ledger)}`);
      }
    },
  };
}
