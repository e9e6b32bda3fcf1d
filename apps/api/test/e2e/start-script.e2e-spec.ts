import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../src/config/config';
import { freePort } from '../pg-server';

/**
 * Issue 19 points 13 and 14: `pnpm start` with non-default ports and a DATA_DIR inside a
 * private (0700) folder — root's home — starts the simulator, embedded PostgreSQL and the
 * API so that they hold together (the API calls the simulator where it listens, both sign
 * with the same development keys, notifications reach the API's real port), and the demo
 * script buys through it. Bounded in time; everything started is stopped.
 */
const root = repoRoot();
const asRoot = os.userInfo().uid === 0 ? it : it.skip;

function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  ms: number,
  out: { text: string },
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}:\n${out.text.slice(-3000)}`)),
      ms,
    );
    const check = () => {
      const m = pattern.exec(out.text);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}:\n${out.text.slice(-3000)}`));
    });
    check();
  });
}

function collect(child: ChildProcess): { text: string } {
  const out = { text: '' };
  child.stdout?.on('data', (d: Buffer) => (out.text += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (out.text += d.toString('utf8')));
  return out;
}

describe('pnpm start with other ports and a private DATA_DIR, then the demo purchase', () => {
  let privateHome: string;
  let shared: string;
  let start: ChildProcess | undefined;

  beforeAll(() => {
    privateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-home-'));
    fs.chmodSync(privateHome, 0o700);
    shared = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudshelf-shared-'));
    fs.chmodSync(shared, 0o755);
  });

  afterAll(async () => {
    if (start && start.exitCode === null && start.signalCode === null) {
      const exited = new Promise((r) => start!.once('exit', r));
      start.kill('SIGTERM');
      const timer = setTimeout(() => process.kill(-start!.pid!, 'SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(privateHome, { recursive: true, force: true });
    fs.rmSync(shared, { recursive: true, force: true });
  }, 60_000);

  asRoot(
    'buys through the demo script and stops cleanly',
    async () => {
      const [apiPort, simPort, pgPort] = [await freePort(), await freePort(), await freePort()];
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(apiPort),
        WECHAT_SIM_PORT: String(simPort),
        EMBEDDED_PG_PORT: String(pgPort),
        DATA_DIR: path.join(privateHome, 'cloudshelf-data'),
        EMBEDDED_PG_SHARED_DIR: shared,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      };
      for (const k of ['DATABASE_URL', 'WECHAT_SIM_URL', 'PUBLIC_BASE_URL', 'WECHAT_SIM_DATA_DIR', 'HOST'])
        delete env[k];
      start = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
        cwd: root,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = collect(start);
      await waitForOutput(start, /CloudShelf is up/, 180_000, out);
      const code = (await waitForOutput(start, /\/api\/app\/scan\/([0-9A-Za-z]+)/, 5_000, out))[1];
      expect(out.text).toContain(`WeChat simulator http://127.0.0.1:${simPort}/sim/`);
      // The simulator keeps its keys under DATA_DIR, next to the API's.
      expect(fs.existsSync(path.join(privateHome, 'cloudshelf-data', 'wechat-sim', 'credentials.json'))).toBe(
        true,
      );

      const demo = spawn(process.execPath, [path.join(root, 'scripts/demo-purchase.mjs'), code], {
        cwd: root,
        env: {
          ...process.env,
          API_URL: `http://127.0.0.1:${apiPort}/api`,
          WECHAT_SIM_URL: `http://127.0.0.1:${simPort}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const demoOut = collect(demo);
      const demoExit = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => demo.kill('SIGKILL'), 60_000);
        demo.once('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect([demoExit, demoOut.text]).toEqual([
        0,
        expect.stringMatching(/paid in the WeChat simulator[\s\S]*order is now [A-Z_]+/),
      ]);

      const exited = new Promise<number | null>((r) => start!.once('exit', r));
      start.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    300_000,
  );
});
