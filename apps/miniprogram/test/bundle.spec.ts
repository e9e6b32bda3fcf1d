/**
 * Checks on the built output (`pnpm build` runs before `pnpm test`): WeChat's package limits and
 * that the production weapp bundle carries none of the H5 simulator flow.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', 'dist');
const weapp = join(root, 'weapp');
const h5 = join(root, 'h5');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const KB = 1024;
const MB = 1024 * KB;
const SIM_MARKERS = ['/sim/oauth/authorize', '/api/app/h5/config', 'cashierUrl', 'authorizeUrl'];

describe('weapp bundle', () => {
  let subRoots: string[] = [];

  beforeAll(() => {
    if (!existsSync(join(weapp, 'app.json')))
      throw new Error('dist/weapp is missing: run `pnpm build` first');
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as {
      subPackages: { root: string }[];
    };
    subRoots = app.subPackages.map((s) => s.root);
    expect(subRoots.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps the main package under 1 MB and every sub-package under 2 MB', () => {
    const all = files(weapp).filter((f) => !f.endsWith('.LICENSE.txt') && !f.endsWith('project.config.json'));
    const sizes: Record<string, number> = { main: 0 };
    for (const f of all) {
      const rel = relative(weapp, f);
      const sub = subRoots.find((r) => rel.startsWith(`${r}/`));
      sizes[sub ?? 'main'] = (sizes[sub ?? 'main'] ?? 0) + statSync(f).size;
    }
    console.info(
      'weapp package sizes (KB):',
      Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Math.round(v / KB)])),
    );
    expect(sizes.main).toBeLessThan(1 * MB);
    for (const r of subRoots) {
      expect(sizes[r]).toBeGreaterThan(0); // every declared sub-package was built
      expect(sizes[r]).toBeLessThan(2 * MB);
    }
  });

  it('contains none of the H5 simulator flow (the H5 build does)', () => {
    const text = (dir: string) =>
      files(dir)
        .filter((f) => /\.(js|json|wxml)$/.test(f))
        .map((f) => readFileSync(f, 'utf8'))
        .join('\n');
    const weappText = text(weapp);
    for (const m of SIM_MARKERS) expect(weappText).not.toContain(m);
    if (existsSync(h5)) {
      const h5Text = text(h5);
      expect(SIM_MARKERS.some((m) => h5Text.includes(m))).toBe(true);
    }
  });
});
