/**
 * `npm run release -- --base-url https://…/ [--out folder] [--skip-build]`: refuses a bad address or version before
 * anything is built or written; builds (npm run build); writes the release into a staging folder beside the
 * destination (scripts/release/assemble.ts), checks it as a store would (scripts/release/checks.ts), and only
 * when every check passes replaces the destination with it. Exit codes: 0 written, 1 build or checks failed,
 * 2 bad usage (address, option or version).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assembleRelease } from './assemble';
import { parseBaseUrl } from './base-url';
import { checkRelease } from './checks';
import * as msg from './messages';
import { officeVersion } from './office-version';

export const ROOT = path.resolve(__dirname, '../..');

export interface ReleaseIo {
  out(text: string): void;
  err(text: string): void;
  /** Runs npm run build; returns its exit status. */
  build(): number | null;
}

export const processIo: ReleaseIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // npm is npm.cmd on Windows, which Node starts only through a shell.
  build: () =>
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status,
};

interface Options {
  baseUrl?: string;
  out: string;
  skipBuild: boolean;
}

/** The options, or the usage problem. */
export function parseArgs(argv: string[]): Options | { problem: string } {
  const o: Options = { out: path.join(ROOT, 'dist/release'), skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (flag === '--skip-build' && inline === undefined) {
      o.skipBuild = true;
      continue;
    }
    if (flag !== '--base-url' && flag !== '--out') return { problem: msg.unknownOption(argv[i]) };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { problem: msg.needsValue(flag) };
    if (flag === '--base-url') o.baseUrl = value;
    else o.out = path.resolve(value);
  }
  return o;
}

export function runRelease(argv: string[], io: ReleaseIo = processIo, root = ROOT): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(`${msg.USAGE}\n`);
    return 0;
  }
  const options = parseArgs(argv);
  if ('problem' in options) return usage(io, options.problem);
  const url = parseBaseUrl(options.baseUrl);
  if ('problem' in url) return usage(io, url.problem);
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  const office = officeVersion(version);
  if (!office) return usage(io, msg.notOfficeVersion(version));
  if (!options.skipBuild) {
    const status = io.build();
    if (status !== 0) return fail(io, msg.buildFailed(status));
  }
  const stage = `${options.out}.staging-${process.pid}`;
  fs.rmSync(stage, { recursive: true, force: true });
  try {
    assembleRelease({ dist: path.join(root, 'dist'), root, out: stage, ...url, officeVersion: office });
    const problems = checkRelease({ out: stage, root, ...url });
    if (problems.length > 0) {
      io.err(msg.errorLine(msg.checksFailed(problems.length, options.out)));
      for (const p of problems) io.err(`  - ${p}\n`);
      return 1;
    }
    fs.rmSync(options.out, { recursive: true, force: true });
    fs.renameSync(stage, options.out);
  } catch (e) {
    return fail(io, e instanceof Error ? e.message : String(e));
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  io.out(`${msg.written(path.relative(process.cwd(), options.out) || '.', url.base)}\n`);
  return 0;
}

function usage(io: ReleaseIo, problem: string): number {
  io.err(msg.usageError(problem));
  return 2;
}

function fail(io: ReleaseIo, problem: string): number {
  io.err(msg.errorLine(problem));
  return 1;
}
