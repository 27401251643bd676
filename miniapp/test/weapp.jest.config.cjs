// The real WeChat build (dist/weapp): build checks (weapp-build.test.ts: sizes, subpackages, privacy,
// subscribe ids, miniprogram-ci checkCodeQuality) and page smoke tests with miniprogram-simulate.
// Build first: npm run build:weapp -w miniapp; then: npx jest -c miniapp/test/weapp.jest.config.cjs
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'weapp',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/weapp-*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  // the built mini-program runs as it is
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
};
