import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../test/pg-server';
import { reachableByPostgresUser, startEmbeddedPostgres } from './embedded';

/**
 * Issue 19 point 13: root's home is a private (0700) folder that the `postgres` system
 * user cannot enter. Embedded PostgreSQL still starts there: its data (and, when the
 * repository itself is private, its binaries) go to a shared folder `postgres` can reach.
 */
const asRoot = os.userInfo().uid === 0 ? it : it.skip;

describe('embedded PostgreSQL from a private folder', () => {
  let privateDir: string;
  let shared: string;
  beforeAll(() => {
    privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-private-'));
    fs.chmodSync(privateDir, 0o700);
    shared = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-shared-'));
    fs.chmodSync(shared, 0o755);
  });
  afterAll(() => {
    fs.rmSync(privateDir, { recursive: true, force: true });
    fs.rmSync(shared, { recursive: true, force: true });
  });

  it('tells a private folder from a reachable one', () => {
    expect(reachableByPostgresUser(path.join(privateDir, 'pg'))).toBe(false);
    expect(reachableByPostgresUser(path.join(shared, 'pg'))).toBe(true);
  });

  async function selectOne(url: string): Promise<number> {
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query('SELECT 1 AS one')).rows[0].one as number;
    } finally {
      await c.end();
    }
  }

  asRoot('keeps the data of a private DATA_DIR where postgres can reach it', async () => {
    const db = await startEmbeddedPostgres({
      dir: path.join(privateDir, 'pg'),
      port: await freePort(),
      database: 'probe',
      persistent: true,
      sharedDir: shared,
    });
    try {
      expect(await selectOne(db.url)).toBe(1);
      expect(fs.readdirSync(shared).filter((f) => f.startsWith('data-'))).toHaveLength(1);
    } finally {
      await db.stop();
    }
  });

  asRoot('runs copied binaries when the repository itself is private', async () => {
    const db = await startEmbeddedPostgres({
      dir: path.join(shared, 'pg-bins'),
      port: await freePort(),
      database: 'probe',
      persistent: false,
      sharedDir: shared,
      forceRelocateBinaries: true,
    });
    try {
      expect(await selectOne(db.url)).toBe(1);
      expect(fs.readdirSync(shared).some((f) => /^postgres-\d/.test(f))).toBe(true);
    } finally {
      await db.stop();
    }
    expect(fs.existsSync(path.join(shared, 'pg-bins'))).toBe(false);
  });
});
