import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ENV_KEYS, repoRoot } from './config';

/** No Docker engine runs here, so the compose file is checked by reading it. */
describe('docker-compose.yml', () => {
  const file = parse(fs.readFileSync(path.join(repoRoot(), 'docker-compose.yml'), 'utf8'), { merge: true });
  const services = file.services as Record<
    string,
    { environment?: Record<string, string>; image?: string; build?: string }
  >;

  it('has one PostgreSQL 16 primary, the API and a worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'worker']);
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.api.environment?.ROLE).toBe('api');
    expect(services.worker.environment?.ROLE).toBe('worker');
    expect(services.worker.image).toBe(services.api.image);
  });

  it('sets only variables the API understands, and points both at the postgres service', () => {
    for (const name of ['api', 'worker']) {
      const env = services[name].environment ?? {};
      expect(Object.keys(env).filter((k) => !ENV_KEYS.includes(k))).toEqual([]);
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    }
  });

  it('gives production what it refuses to start without', () => {
    const env = services.api.environment ?? {};
    for (const key of ['AUTH_TOKEN_SECRET', 'WECHAT_APP_ID', 'NODE_ENV']) expect(env[key]).toBeDefined();
    expect(env.NODE_ENV).toBe('production');
  });
});
