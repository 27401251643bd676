// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
// (jest uses its own presets: see jest.config.cjs)
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
