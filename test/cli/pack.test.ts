/**
 * The CLI as users get it (issue #11): `npm pack` (its prepack script compiles cli/ and everything it
 * imports to dist/cli/), installed into an empty folder with production dependencies only, then exactly
 * `npx tech-strategy-toolkit workbook --example --out f.xlsx`. The tarball holds compiled JavaScript only,
 * no development dependency is installed, and the workbook it writes opens with every template's sheet.
 *
 * The install needs no network: installing a tarball by itself makes npm ask the registry for the metadata of
 * each dependency (the cache `npm ci` fills holds only the tarballs the lockfile names, so an offline CI fails
 * with ENOTCACHED), so the empty folder gets a lockfile instead: the tarball, then every package the repository's
 * package-lock.json does not mark `dev` (the production closure, as the user's install resolves it), installed
 * with `npm ci --omit=dev --prefer-offline` from the cache `npm ci` filled. A runtime dependency moved to
 * devDependencies is marked `dev`, so it is missing here and the command fails, as it would for a user.
 */
import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEMPLATES } from '../../shared/templates';

const REPO = path.resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment without npm's per-run variables (a test run under `npm test` must not steer the child npm). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

/**
 * An empty project that depends on the tarball only, with a lockfile: the tarball's entry (its dependencies and
 * bin as packed) and every package of the repository's lockfile that is not `dev` (where the repository has them).
 */
function writeApp(dir: string, tarball: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
  const root = { name: 'try-it', version: '1.0.0', private: true, dependencies: { [pkg.name]: tarball } };
  const packages: Record<string, unknown> = {
    '': root,
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: tarball,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
    },
  };
  for (const [at, entry] of Object.entries(lock.packages as Record<string, { dev?: boolean }>))
    if (at !== '' && !entry.dev) packages[at] = entry;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(root));
  fs.writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({ name: root.name, version: root.version, lockfileVersion: 3, requires: true, packages }),
  );
}

let work: string;
let tarball: string;
let packed: string[];
let app: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-pack-'));
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', work], {
    cwd: REPO,
    env: cleanEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string; files: { path: string }[] }>;
  tarball = path.join(work, info[0].filename);
  packed = info[0].files.map((f) => f.path);
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  writeApp(app, `file:../${path.basename(tarball)}`);
  execFileSync(NPM, ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    env: cleanEnv(),
    stdio: 'ignore',
  });
}, 240000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the tarball holds the bin script and compiled JavaScript, no TypeScript sources', () => {
  expect(packed).toContain('bin/tech-strategy-toolkit.js');
  expect(packed).toContain('dist/cli/cli/bin.js');
  expect(packed.filter((f) => f.endsWith('.ts'))).toEqual([]);
  for (const f of packed) expect(f).toMatch(/^(bin\/|dist\/cli\/|package\.json$|README\.md$|LICENSE$)/);
});

test('installed with production dependencies only: none of the development tools are there', () => {
  const installed = fs.readdirSync(path.join(app, 'node_modules'));
  expect(installed).toContain('exceljs');
  for (const dev of ['tsx', 'typescript', 'jest', 'webpack', 'hyperformula', 'esbuild'])
    expect(installed).not.toContain(dev);
});

test('`npx tech-strategy-toolkit workbook --example --out f.xlsx` writes the full workbook', async () => {
  const r = spawnSync(NPX, ['tech-strategy-toolkit', 'workbook', '--example', '--out', 'f.xlsx'], {
    cwd: app,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const sheets = TEMPLATES.find((t) => t.id === 'strategy-workbook')!.sheets.length;
  expect(r.stdout).toMatch(new RegExp(`^Wrote f\\.xlsx \\(${sheets} sheets, with the example: `));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(app, 'f.xlsx'));
  const names = wb.worksheets.map((w) => w.name);
  const full = TEMPLATES.find((t) => t.id === 'strategy-workbook')!;
  for (const sheet of full.sheets) expect(names).toContain(sheet);
  expect(wb.getWorksheet('Prioritization')!.getCell('G2').formula).toBeTruthy();

  // The installed command refuses to overwrite without --force, and overwrites with it.
  const again = spawnSync(NPX, ['tech-strategy-toolkit', 'workbook', '--out', 'f.xlsx'], {
    cwd: app,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('f.xlsx already exists');

  // The installed command turns the workbook into the strategy document.
  const doc = spawnSync(NPX, ['tech-strategy-toolkit', 'document', 'f.xlsx', '--out', 'strategy.md'], {
    cwd: app,
    env: cleanEnv(),
    encoding: 'utf8',
  });
  expect(doc.stderr).toBe('');
  expect(doc.status).toBe(0);
  expect(fs.readFileSync(path.join(app, 'strategy.md'), 'utf8')).toContain('## Strategy Review: Open Findings');
}, 120000);
