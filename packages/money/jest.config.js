module.exports = {
  // Generous: a loaded 2-core machine (CI, parallel builds) must not fail a correct test.
  testTimeout: 30000,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};
