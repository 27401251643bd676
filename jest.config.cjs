/** `npm test` runs every project below in one jest run (see scripts/test.mjs for the builds first). */
const fs = require('node:fs');
const projects = [
  'functions/jest.config.cjs',
  'cdk/jest.config.cjs',
  'miniapp/jest.config.cjs',
  'miniapp/test/weapp.jest.config.cjs',
  'e2e/jest.config.cjs',
].filter((p) => fs.existsSync(`${__dirname}/${p}`));

module.exports = {
  projects: projects.map((p) => `<rootDir>/${p}`),
  // testTimeout is a global option: the projects' own values are ignored in a multi-project run
  testTimeout: 120000,
  globalSetup: '<rootDir>/scripts/jest-global-setup.cjs',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.cjs',
};
