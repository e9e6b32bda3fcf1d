import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

describe('generated schema.ts', () => {
  it('is what openapi-typescript makes of the committed openapi.json (run `pnpm openapi`)', () => {
    const root = path.join(__dirname, '..');
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-client-')), 'schema.ts');
    const cli = path.join(root, 'node_modules/openapi-typescript/bin/cli.js');
    execFileSync(process.execPath, [cli, path.join(root, 'openapi.json'), '-o', out], { stdio: 'pipe' });
    expect(fs.readFileSync(path.join(root, 'src/schema.ts'), 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
  });
});
