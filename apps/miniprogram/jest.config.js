module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': [
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
    ],
  },
  moduleNameMapper: { '^@tarojs/taro$': '<rootDir>/test/taro-stub.ts' },
  testRegex: '\\.(spec|e2e-spec)\\.tsx?$',
  testTimeout: 240000,
};
