/** Component tests run in jsdom; browser tests (test/*.browser-spec.ts) drive Chromium against a real stack. */
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      jsx: 'react-jsx',
      module: 'commonjs',
      moduleResolution: 'node',
      esModuleInterop: true,
      isolatedModules: true,
    },
  },
];
module.exports = {
  projects: [
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.tsx', '**/*.spec.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper: { '\\.(css|less)$': '<rootDir>/test/style-stub.cjs' },
      setupFiles: ['<rootDir>/test/jsdom-setup.cjs'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      testTimeout: 120000,
    },
  ],
};
