/**
 * The system programs the tests drive, and the one rule for a missing one (issue #25):
 *  - present: the suite runs;
 *  - missing with `CI` set (`.ci/run` sets `CI=true`): the suite is replaced by one failing test whose title and
 *    error name the tool and the Debian package that gives it (scripts/setup-system.sh installs them all);
 *  - missing outside CI: a visible, named skip (`describe.skip` / `test.skip` titled "… [skipped: needs xmllint]"),
 *    listed by name in the closing summary (test/setup/summary-reporter.js), never a `return` that passes.
 * No suite decides a skip on its own: test/foundation/no-silent-skip.test.ts refuses `.skip` and `process.env.CI`
 * outside this file and test/browser/chromium.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';

export interface Tool {
  /** The program as a user types it (what the failure and the skip name). */
  name: string;
  /** The Debian package scripts/setup-system.sh installs for it. */
  pkg: string;
  present: () => boolean;
}

const runs = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const onPath = (cmd: string): boolean => runs('sh', ['-c', `command -v ${cmd}`]);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const TOOLS = {
  xmllint: { name: 'xmllint', pkg: 'libxml2-utils', present: () => onPath('xmllint') },
  openssl: { name: 'openssl', pkg: 'openssl', present: () => onPath('openssl') },
  soffice: { name: 'soffice', pkg: 'libreoffice-calc', present: () => onPath('soffice') || onPath('libreoffice') },
  pdftotext: { name: 'pdftotext', pkg: 'poppler-utils', present: () => onPath('pdftotext') },
  pdffonts: { name: 'pdffonts', pkg: 'poppler-utils', present: () => onPath('pdffonts') },
  openpyxl: {
    name: 'openpyxl (/usr/bin/python3)',
    pkg: 'python3-openpyxl',
    present: () => runs('/usr/bin/python3', ['-c', 'import openpyxl']),
  },
  chromium: { name: `chromium (${CHROMIUM})`, pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

/** `CI` as CI services set it ("true", "1"); unset, empty, "false" or "0" is a developer's machine. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

export type ToolRule = 'run' | 'fail' | 'skip';

/** What a suite needing tools does: run when none is missing, else fail in CI, else skip by name. */
export function toolRule(missing: readonly string[], ci: boolean): ToolRule {
  if (missing.length === 0) return 'run';
  return ci ? 'fail' : 'skip';
}

const seen = new Map<ToolName, boolean>();

/**
 * `TST_HIDE_TOOLS=openssl,xmllint` plays a machine without those tools (test/foundation/no-silent-skip.test.ts
 * runs a suite so, with and without CI); a tool really missing needs no variable.
 */
function hidden(): string[] {
  return (process.env.TST_HIDE_TOOLS ?? '').split(',').map((t) => t.trim());
}

/** The names (as a user types them) of the tools among `needs` this machine lacks. */
export function missingTools(needs: readonly ToolName[]): string[] {
  return needs
    .filter((n) => {
      if (!seen.has(n)) seen.set(n, !hidden().includes(n) && TOOLS[n].present());
      return !seen.get(n);
    })
    .map((n) => TOOLS[n].name);
}

/** "needs xmllint (Debian libxml2-utils)" for each missing tool. */
export function needsLabel(needs: readonly ToolName[], missing: readonly string[]): string {
  const pkgs = needs
    .filter((n) => missing.includes(TOOLS[n].name))
    .map((n) => `${TOOLS[n].name} (Debian ${TOOLS[n].pkg})`);
  return `needs ${[...new Set(pkgs)].join(', ')}`;
}

/** The skipped title: the suite's own title and, in brackets, the tools it needs. */
export function skippedTitle(title: string, label: string): string {
  return `${title} [skipped: ${label}]`;
}

function missingError(label: string): Error {
  return new Error(`${label}: not found and CI is set, so this is a failure, not a skip. Run scripts/setup-system.sh.`);
}

type Body = jest.ProvidesCallback;

/** `describe` for a suite that drives system programs, following the rule above. */
export function describeNeeding(...needs: ToolName[]): (title: string, fn: () => void) => void {
  const missing = missingTools(needs);
  const rule = toolRule(missing, inCi());
  if (rule === 'run') return describe;
  const label = needsLabel(needs, missing);
  if (rule === 'skip') return (title, fn) => describe.skip(skippedTitle(title, label), fn);
  return (title) =>
    describe(title, () => {
      test(`${label}: missing in CI`, () => {
        throw missingError(label);
      });
    });
}

/** `test` for one test that drives system programs, following the rule above. */
export function testNeeding(...needs: ToolName[]): (title: string, fn: Body, timeout?: number) => void {
  const missing = missingTools(needs);
  const rule = toolRule(missing, inCi());
  if (rule === 'run') return test;
  const label = needsLabel(needs, missing);
  if (rule === 'skip') return (title, fn, timeout) => test.skip(skippedTitle(title, label), fn, timeout);
  return (title) =>
    test(`${title} (${label}: missing in CI)`, () => {
      throw missingError(label);
    });
}

/**
 * Sample-update modes (`UPDATE_SAMPLE=1`, `UPDATE_SCREENSHOTS=1`) rewrite committed files from this run's output:
 * the test writes them, then fails saying so, so a run that rewrote its own reference is never read as a check.
 */
export function failAfterUpdate(envVar: string, written: readonly string[]): void {
  if (written.length === 0) return;
  throw new Error(
    `${envVar} is set: wrote ${written.join(', ')}. This run compared nothing; review the diff, then run again without ${envVar}.`,
  );
}
