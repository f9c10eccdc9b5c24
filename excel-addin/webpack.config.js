/**
 * Builds the Excel add-in into dist/excel-addin/: functions.js + functions.json (custom functions),
 * taskpane.html (+ taskpane.js) loading both bundles in one shared runtime, the icons, and the support page and
 * privacy statement (pages/, served beside the task pane; `{{VERSION}}` becomes package.json's version).
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { root, loadTs, base, EmitFilesPlugin, thirdPartyNotices } = require('../build/webpack-common');

module.exports = (env = {}) => {
  const { metadataJson } = loadTs('excel-addin/build/metadata.ts');
  const assets = path.resolve(__dirname, 'assets');
  const pages = path.resolve(__dirname, 'pages');
  const { version } = JSON.parse(fs.readFileSync(path.resolve(root, 'package.json'), 'utf8'));
  return [
    {
      ...base(env.mode),
      name: 'excel-addin',
      target: ['web', 'es2019'],
      entry: {
        functions: path.resolve(__dirname, 'src/functions/functions.ts'),
        taskpane: path.resolve(__dirname, 'src/taskpane/taskpane.ts'),
      },
      output: {
        path: path.resolve(root, 'dist/excel-addin'),
        filename: '[name].js',
        pathinfo: true,
        compareBeforeEmit: false, // every build rewrites its files, so test/harness/bundles.ts can tell a stale dist/
      },
      plugins: [
        thirdPartyNotices('excel-addin', 'functions.js and taskpane.js (the Excel add-in)'),
        new HtmlWebpackPlugin({
          template: path.resolve(__dirname, 'src/taskpane/taskpane.html'),
          filename: 'taskpane.html',
          chunks: ['functions', 'taskpane'],
          chunksSortMode: 'manual',
          inject: 'body',
          scriptLoading: 'blocking',
          minify: false,
        }),
        new EmitFilesPlugin(() => {
          const files = {
            'functions.json': metadataJson(),
            'manifest.xml': fs.readFileSync(path.resolve(root, 'manifest.xml'), 'utf8'),
          };
          for (const f of fs.readdirSync(assets)) files[`assets/${f}`] = fs.readFileSync(path.join(assets, f));
          for (const f of fs.readdirSync(pages))
            files[f] = fs.readFileSync(path.join(pages, f), 'utf8').split('{{VERSION}}').join(version);
          return files;
        }),
      ],
    },
  ];
};
