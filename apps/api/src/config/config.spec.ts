import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      role: 'all',
      embeddedPgPort: 54329,
      databaseUrl: undefined,
    });
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it('reads and coerces values', () => {
    const c = loadConfig({
      PORT: '8080',
      ROLE: 'worker',
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_BASE_URL: 'https://x.cn/',
    });
    expect(c).toMatchObject({
      port: 8080,
      role: 'worker',
      databaseUrl: 'postgres://u@h/db',
      publicBaseUrl: 'https://x.cn',
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', ROLE: 'boss', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'ROLE']);
  });
});
