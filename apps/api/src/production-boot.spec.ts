import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..');

interface Loaded {
  modes: string[];
  inProduction: string[];
  inSimulatorMode: string[];
}

/** Boots the app in a fresh Node process and answers which simulator files it loaded. */
async function boot(dataDir: string): Promise<Loaded> {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'test/fixtures/production-boot.ts'],
    { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as Loaded;
}

describe('production never loads the WeChat simulator', () => {
  it('boots with real WeChat configured without a file of @cloudshelf/wechat-sim; simulator mode loads only its credentials entry', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-boot-'));
    try {
      const r = await boot(dataDir);
      expect(r.modes).toEqual(['configured', 'simulator']);
      expect(r.inProduction).toEqual([]);
      // The control: the check does see simulator files when they are loaded.
      expect(r.inSimulatorMode.map((f) => path.basename(f)).sort()).toEqual(['credentials.js', 'crypto.js']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
