/**
 * `pnpm test:reliability`: crash, restart and fault scenarios against the built API and
 * simulator as real processes. One file at a time (each boots its own stack).
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '\\.rel-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.json' }] },
  testTimeout: 240000,
  maxWorkers: 1,
  verbose: true,
  forceExit: true,
};
