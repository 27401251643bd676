// Component tests: jest + jsdom + babel-jest with its own presets (not babel-preset-taro);
// @tarojs/* go to small stubs (see TOOLCHAIN.md). Run: npx jest -c miniapp/jest.config.cjs
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.[cm]?[jt]sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  // NutUI ships ES modules; the shared package ships TypeScript (outside node_modules anyway)
  transformIgnorePatterns: ['/node_modules/(?!@nutui/nutui-react-taro/)'],
  moduleNameMapper: {
    '\\.(css|scss|less)$': '<rootDir>/test/stubs/style.cjs',
    '^@tarojs/components$': '<rootDir>/test/stubs/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/stubs/nutui.ts',
  },
};
