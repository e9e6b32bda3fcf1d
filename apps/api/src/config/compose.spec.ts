import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ENV_KEYS, repoRoot } from './config';

/** No Docker engine runs here, so the compose file is checked by reading it. */
describe('docker-compose.yml', () => {
  const file = parse(fs.readFileSync(path.join(repoRoot(), 'docker-compose.yml'), 'utf8'), { merge: true });
  const services = file.services as Record<
    string,
    {
      environment?: Record<string, string>;
      image?: string;
      build?: string;
      ports?: string[];
      expose?: string[];
      volumes?: string[];
    }
  >;

  it('has one PostgreSQL 16 primary, the API behind a proxy, and a worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'worker']);
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
    for (const key of [
      'AUTH_TOKEN_SECRET',
      'PII_ENCRYPTION_KEY',
      'MEMBER_DATA_KEY',
      'WECHAT_APP_ID',
      'NODE_ENV',
    ])
      expect(env[key]).toBeDefined();
    expect(env.NODE_ENV).toBe('production');
  });

  it('scales the API: only the proxy publishes a port, and it proxies to every replica of api:3000', () => {
    expect(services.api.ports).toBeUndefined();
    expect(services.worker.ports).toBeUndefined();
    expect(services.api.expose).toEqual(['3000']);
    expect(services.proxy.ports).toEqual(['${API_PORT:-3000}:80']);
    const [conf] = (services.proxy.volumes ?? []).map((v) => v.split(':'));
    expect(conf[1]).toBe('/etc/nginx/conf.d/default.conf');
    const nginx = fs.readFileSync(path.join(repoRoot(), conf[0]), 'utf8');
    expect(nginx).toMatch(/resolver 127\.0\.0\.11/); // Docker DNS, asked again as replicas come and go
    expect(nginx).toMatch(/set \$api http:\/\/api:3000;/);
    expect(nginx).toMatch(/proxy_pass \$api;/);
    expect(nginx).toMatch(/client_max_body_size 6m;/);
  });

  it('shares uploads between replicas through a named volume under DATA_DIR', () => {
    expect(Object.keys(file.volumes)).toEqual(expect.arrayContaining(['pgdata', 'uploads']));
    for (const name of ['api', 'worker']) {
      expect(services[name].environment?.DATA_DIR).toBe('/data');
      expect(services[name].volumes).toContain('uploads:/data/uploads');
    }
    const dockerfile = fs.readFileSync(path.join(repoRoot(), 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/chown -R node:node \/data/);
  });
});
