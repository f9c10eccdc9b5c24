/** Pieces shared by the host webpack configs. */
const fs = require('fs');
const path = require('path');
const { require: tsxRequire } = require('tsx/cjs/api');
const { LicenseWebpackPlugin } = require('license-webpack-plugin');

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

/** The notices file of a compilation, beside its bundle: `third-party-notices.<name>.txt`. */
function noticesFile(name) {
  return `third-party-notices.${name}.txt`;
}

/** "…/node_modules/@scope/name/lib/x.js" → "@scope/name" (the innermost node_modules folder). */
function packageOfPath(file) {
  const i = file.lastIndexOf('node_modules/');
  if (i < 0) return undefined;
  const parts = file.slice(i + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * The packages inside an already-bundled file of a dependency (exceljs/dist/exceljs.min.js is exceljs' own
 * browserify build, with jszip, saxes, readable-stream … inside), read from its source map's sources.
 */
function prebundledPackages(file) {
  const map = JSON.parse(fs.readFileSync(require.resolve(`${file}.map`, { paths: [root] }), 'utf8'));
  return [...new Set(map.sources.map(packageOfPath).filter(Boolean))].sort();
}

/** Name, version, licence and licence text of an installed package (resolved from `from`), or undefined. */
function installedPackage(name, from) {
  let dir;
  try {
    dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [from] }));
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenseFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const license = typeof pkg.license === 'string' ? pkg.license : pkg.license && pkg.license.type;
  return {
    version: pkg.version,
    license,
    text: licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8') : undefined,
  };
}

const RULE = '='.repeat(78);

function packageSection(name, version, license, repo, text) {
  return [
    RULE,
    `${name}${version ? ` ${version}` : ''}`,
    `License: ${license || 'unknown'}`,
    ...(repo ? [`Source: ${repo}`] : []),
    '',
    (text || `(the package ships no licence file; its package.json declares ${license || 'no licence'})`).trim(),
    '',
  ].join('\n');
}

/** The section for the packages inside a pre-bundled file of a dependency. */
function prebundledSection(file) {
  const owner = packageOfPath(`node_modules/${file}`);
  const from = path.dirname(require.resolve(`${owner}/package.json`, { paths: [root] }));
  const names = prebundledPackages(file);
  const lines = [
    RULE,
    `Inside ${file} (${owner}'s own browser build; the licence banners of these packages are also kept in that file):`,
    names.join(', '),
    '',
  ];
  for (const name of names) {
    const p = installedPackage(name, from);
    if (p) lines.push(packageSection(name, p.version, p.license, undefined, p.text));
    else
      lines.push(
        RULE,
        name,
        `(not installed here, so its licence text cannot be copied at build time: see https://www.npmjs.com/package/${name})`,
        '',
      );
  }
  return lines.join('\n');
}

/**
 * Writes the third-party notices of one compilation (license-webpack-plugin): for every npm package whose
 * code is in the bundle, its name, version, licence and the licence text from the package; for a dependency's
 * pre-bundled file (`prebundled`), the packages inside it too. A bundle with no third-party code gets a notices
 * file that says so, so every bundle has one.
 */
function thirdPartyNotices(name, what, { prebundled = [] } = {}) {
  const render = (modules) => {
    const sorted = [...modules].sort((a, b) => a.name.localeCompare(b.name));
    const head = [
      `Third-party software in ${what}`,
      `(generated by license-webpack-plugin when the bundle is built; Tech Strategy Toolkit itself is MIT-licensed, see LICENSE)`,
      '',
    ];
    if (sorted.length === 0) return [...head, 'This bundle contains no third-party code.', ''].join('\n');
    const body = sorted.map((m) => {
      const pkg = m.packageJson || {};
      const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && pkg.repository.url;
      return packageSection(m.name, pkg.version, m.licenseId, repo, m.licenseText);
    });
    const inner = prebundled.map(prebundledSection);
    return [...head, `${sorted.length} packages: ${sorted.map((m) => m.name).join(', ')}`, '', ...body, ...inner].join(
      '\n',
    );
  };
  // license-webpack-plugin reads modules merged into another (module concatenation) from webpack's stats, whose
  // identifiers ("javascript/esm|/…/node_modules/@kurkle/color/…") it cannot map to a package, so such packages
  // would be missing: every module's package, merged ones included, is handed to it as well.
  const additional = [];
  const license = new LicenseWebpackPlugin({
    perChunkOutput: false,
    outputFilename: noticesFile(name),
    renderLicenses: render,
    addBanner: false,
    additionalModules: additional,
    stats: { warnings: false, errors: true },
  });
  return {
    apply(compiler) {
      compiler.hooks.thisCompilation.tap('ThirdPartyNotices', (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: 'ThirdPartyNotices', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => {
            additional.length = 0;
            for (const m of bundledModulePackages(compilation)) additional.push(m);
          },
        );
      });
      license.apply(compiler);
    },
  };
}

/** The packages of every module in a compilation, those merged into a concatenated module included. */
function bundledModulePackages(compilation) {
  const found = new Map();
  const visit = (m) => {
    if (m.modules) for (const inner of m.modules) visit(inner);
    const file = m.resource;
    if (!file || !file.includes(`${path.sep}node_modules${path.sep}`)) return;
    const name = packageOfPath(file.split(path.sep).join('/'));
    const at = file.lastIndexOf(`node_modules${path.sep}`) + `node_modules${path.sep}`.length;
    const directory = path.join(file.slice(0, at), ...name.split('/'));
    if (fs.existsSync(path.join(directory, 'package.json'))) found.set(name, { name, directory });
  };
  for (const m of compilation.modules) visit(m);
  return [...found.values()];
}

module.exports = {
  root,
  loadTs,
  base,
  EmitFilesPlugin,
  thirdPartyNotices,
  noticesFile,
  packageOfPath,
  prebundledPackages,
};
