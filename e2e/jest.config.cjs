/** Browser end-to-end: headless Debian Chromium (playwright-core) on the h5 build + the real local stack. */
module.exports = {
  displayName: 'e2e',
  rootDir: '..',
  roots: ['<rootDir>/e2e'],
  testEnvironment: 'node',
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  resolver: '<rootDir>/scripts/jest-resolver.cjs',
  moduleNameMapper: { '^@gridlink/shared/(.*)$': '<rootDir>/shared/src/$1' },
  setupFiles: ['<rootDir>/functions/test/env.cjs'],
  setupFilesAfterEnv: ['<rootDir>/functions/test/privacy-guard.setup.ts'],
  testTimeout: 90000,
};
