/** One embedded PostgreSQL (or DATABASE_URL) for the whole run; each test file gets its own database. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': 'ts-jest' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFiles: ['reflect-metadata', '<rootDir>/test/setup-pg-boss.js'],
  testTimeout: 60000,
  maxWorkers: 2,
};
