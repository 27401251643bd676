/** Unit and integration tests of shared/ and functions/ (integration talks to DynamoDB Local). */
module.exports = {
  displayName: 'functions',
  rootDir: '..',
  roots: ['<rootDir>/shared/src', '<rootDir>/functions/src', '<rootDir>/functions/test'],
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  resolver: '<rootDir>/scripts/jest-resolver.cjs',
  moduleNameMapper: { '^@gridlink/shared/(.*)$': '<rootDir>/shared/src/$1' },
  setupFiles: ['<rootDir>/functions/test/env.cjs'],
  setupFilesAfterEnv: ['<rootDir>/functions/test/privacy-guard.setup.ts'],
  testTimeout: 30000,
};
