/** CDK assertion tests: `npx jest -c cdk/jest.config.cjs` from the root. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'cdk',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{bin,lib}/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // @middy/* is ESM-only: transform it (the stack itself never imports handler code)
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  moduleNameMapper: { '^@gridlink/shared/(.*)$': '<rootDir>/../shared/src/$1' },
  // synthesis bundles every area function with esbuild
  testTimeout: 120_000,
};
