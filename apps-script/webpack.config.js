/** Builds the Google Sheets add-on into dist/apps-script/ (Code.js, Sidebar.html, appsscript.json), ready for clasp push. */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');
const { root, loadTs, base, EmitFilesPlugin, thirdPartyNotices } = require('../build/webpack-common');

const out = path.resolve(root, 'dist/apps-script');

module.exports = (env = {}) => {
  const { generateStubs, LIBRARY_NAME } = loadTs('apps-script/build/stubs.ts');
  return [
    {
      ...base(env.mode),
      name: 'apps-script',
      target: ['web', 'es2019'],
      entry: { Code: path.resolve(__dirname, 'src/main.ts') },
      output: {
        path: out,
        filename: '[name].js',
        library: { name: LIBRARY_NAME, type: 'var' },
        clean: false,
        compareBeforeEmit: false, // every build rewrites its files, so test/harness/bundles.ts can tell a stale dist/
        pathinfo: true, // module paths as comments: which packages are in the bundle can be read from it
      },
      plugins: [
        thirdPartyNotices('apps-script', 'Code.js (the Google Sheets add-on)'),
        new webpack.BannerPlugin({ banner: generateStubs(), raw: true, footer: true, entryOnly: true }),
        new EmitFilesPlugin(() => ({
          'appsscript.json': fs.readFileSync(path.resolve(root, 'appsscript.json'), 'utf8'),
        })),
      ],
    },
    {
      ...base(env.mode),
      name: 'apps-script-sidebar',
      target: ['web', 'es2019'],
      entry: { sidebar: path.resolve(__dirname, 'sidebar/sidebar.ts') },
      output: { path: out, filename: '[name].js', pathinfo: true, compareBeforeEmit: false },
      plugins: [
        thirdPartyNotices('apps-script-sidebar', 'Sidebar.html (the Google Sheets sidebar)'),
        new HtmlWebpackPlugin({
          template: path.resolve(__dirname, 'sidebar/sidebar.html'),
          filename: 'Sidebar.html',
          inject: 'body',
          minify: false,
        }),
        new HtmlInlineScriptPlugin(),
      ],
    },
  ];
};
