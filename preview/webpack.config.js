/**
 * Builds the local preview page into dist/preview/: the grid, the HyperFormula engine with the
 * registry plugin, Chart.js and the shared panel in one bundle (no CDN), ExcelJS in a chunk
 * loaded when the user downloads the workbook. HyperFormula (GPLv3) is bundled here only.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { root, base, thirdPartyNotices } = require('../build/webpack-common');

module.exports = (env = {}) => [
  {
    ...base(env.mode),
    // Modules stay separate: concatenated into chart.js's scope, @kurkle/color (an ES module Chart.js imports)
    // was no longer seen as a module of its own, so the third-party notices left it out.
    optimization: { ...base(env.mode).optimization, concatenateModules: false },
    name: 'preview',
    target: ['web', 'es2020'],
    entry: { preview: path.resolve(__dirname, 'page/main.ts') },
    output: {
      path: path.resolve(root, 'dist/preview'),
      filename: '[name].js',
      chunkFilename: '[name].chunk.js',
      clean: true,
      pathinfo: true, // module paths as comments: which packages are in the bundle can be read from it
    },
    resolve: {
      extensions: ['.ts', '.js'],
      fallback: { fs: false, path: false, stream: false, crypto: false },
      // One Chart.js in the bundle. Our TypeScript compiles to require() (the "require" export, chart.cjs) while the
      // datalabels and annotation plugins import the ES module (chart.js): two copies, so the plugins' `instanceof
      // BarElement` failed and the % labels were placed by the generic fallback, under the wrong bar.
      alias: {
        'chart.js$': path.resolve(root, 'node_modules/chart.js/dist/chart.js'),
        'chart.js/helpers$': path.resolve(root, 'node_modules/chart.js/helpers/helpers.js'),
      },
    },
    plugins: [
      thirdPartyNotices('preview', 'dist/preview (the local preview page; it contains GPLv3 code: HyperFormula)', {
        prebundled: ['exceljs/dist/exceljs.min.js'],
      }),
      new HtmlWebpackPlugin({
        template: path.resolve(__dirname, 'page/index.html'),
        filename: 'index.html',
        inject: 'body',
        scriptLoading: 'blocking',
        minify: false,
        // The add-in's own icon, served from dist/preview (no 404 for /favicon.ico either: the page names it).
        favicon: path.resolve(root, 'excel-addin/assets/icon-32.png'),
      }),
    ],
  },
];
