/** Pieces shared by the host webpack configs. */
const path = require('path');
const { require: tsxRequire } = require('tsx/cjs/api');

const root = path.resolve(__dirname, '..');

/** Loads a TypeScript module of ours at build time (for code generated from the registry). */
function loadTs(file) {
  return tsxRequire(path.resolve(root, file), __filename);
}

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: false } },
};

/** Emits files computed at build time (functions.json, manifests) as webpack assets. */
class EmitFilesPlugin {
  constructor(files) {
    this.files = files; // () => ({ 'name': 'content' })
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('EmitFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'EmitFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, content] of Object.entries(this.files()))
            compilation.emitAsset(name, new RawSource(content));
        },
      );
    });
  }
}

/** Common settings: readable output (Apps Script needs the JSDoc and parameter names), no eval. */
function base(mode) {
  return {
    mode: mode || 'production',
    devtool: false,
    module: { rules: [tsRule, { test: /\.css$/, type: 'asset/source' }] },
    resolve: { extensions: ['.ts', '.js'] },
    optimization: { minimize: false },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = { root, loadTs, base, EmitFilesPlugin };
