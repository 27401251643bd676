import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const env = process.env.TARO_ENV ?? 'weapp';
const sharedSrc = path.resolve(__dirname, '../../shared/src');

/** NutUI's files are drawn at 375 wide; ours at 750. */
const designWidth = (input?: unknown) => {
  const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
  return file.includes('@nutui') ? 375 : 750;
};

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'gridlink',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    plugins: [],
    env: {
      // a shell variable or a .env.<mode> file; empty means "use the default"
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    alias: {},
    mini: {
      // @gridlink/shared ships TypeScript sources: let babel compile them
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on h5, so every lazily loaded page carried its own copy
        // of the request layer, NutUI's button and the babel helpers: share them instead.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 10_000 });
      },
    },
  };
  return config;
});
