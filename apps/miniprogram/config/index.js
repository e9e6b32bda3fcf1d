// Taro build configuration for both targets: weapp (the product, opened in WeChat DevTools)
// and h5 (served by the API at /h5/, logs in and pays through the simulator's web flows).
const { defineConfig } = require('@tarojs/cli');

const env = process.env.TARO_ENV;

module.exports = defineConfig({
  projectName: 'cloudshelf',
  date: '2026-12-01',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: `dist/${env}`,
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  defineConstants: {
    // weapp: the API host configured in WeChat's request domain list; h5: same origin as the page.
    API_BASE: JSON.stringify(
      process.env.CLOUDSHELF_API_BASE || (env === 'h5' ? '' : 'http://127.0.0.1:3000'),
    ),
  },
  mini: {
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    optimizeMainPackage: { enable: true },
  },
  h5: {
    publicPath: '/h5/',
    staticDirectory: 'static',
    router: { mode: 'hash' },
    // One shared vendor chunk (React, Taro's web components, the API client) instead of a copy in
    // every page chunk: the first load is app + vendors + one small page.
    webpackChain(chain) {
      chain.optimization.splitChunks({
        chunks: 'all',
        cacheGroups: {
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendors',
            priority: 10,
            reuseExistingChunk: true,
          },
          common: { minChunks: 2, name: 'common', priority: 5, reuseExistingChunk: true },
        },
      });
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
});
