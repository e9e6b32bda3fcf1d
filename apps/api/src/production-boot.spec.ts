import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..');

/** Boots the app in a fresh Node process and answers which simulator files it loaded. */
async function boot(env: Record<string, string>): Promise<{ mode: string; loaded: string[] }> {
  const { stdout } = await run(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'test/fixtures/production-boot.ts'],
    { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as { mode: string; loaded: string[] };
}

describe('production never loads the WeChat simulator', () => {
  it('boots with real WeChat configured without loading a file of @cloudshelf/wechat-sim', async () => {
    const r = await boot({});
    expect(r.mode).toBe('configured');
    expect(r.loaded).toEqual([]);
  });

  it('loads only the credentials entry of the simulator in simulator mode (the check can see it)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-boot-'));
    try {
      const r = await boot({ SIMULATOR: '1', DATA_DIR: dataDir });
      expect(r.mode).toBe('simulator');
      expect(r.loaded.map((f) => path.basename(f)).sort()).toEqual(['credentials.js', 'crypto.js']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
