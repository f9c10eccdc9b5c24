/**
 * No silent skip (issue #25): a test that needs a system program either runs, fails naming the program (CI set,
 * as `.ci/run` sets it) or shows as a named skip in the summary; the bundle harness refuses a stale `dist/`;
 * sample-update modes fail after writing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertFresh } from '../harness/bundles';
import { failAfterUpdate, inCi, needsLabel, skippedTitle, TOOLS, toolRule, type ToolName } from '../harness/tools';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'test/fixtures' ? [] : files(rel);
    return /\.(ts|js)$/.test(e.name) ? [rel] : [];
  });
}

describe('one rule for a missing tool', () => {
  test('present runs; missing fails in CI and skips outside it', () => {
    expect(toolRule([], true)).toBe('run');
    expect(toolRule([], false)).toBe('run');
    expect(toolRule(['xmllint'], true)).toBe('fail');
    expect(toolRule(['xmllint'], false)).toBe('skip');
  });

  test('CI is read as CI services set it', () => {
    expect(inCi({ CI: 'true' })).toBe(true);
    expect(inCi({ CI: '1' })).toBe(true);
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: '' })).toBe(false);
    expect(inCi({ CI: 'false' })).toBe(false);
    expect(inCi({ CI: '0' })).toBe(false);
  });

  test('the skipped title names the tool and its Debian package', () => {
    const needs: ToolName[] = ['soffice', 'pdftotext'];
    const label = needsLabel(needs, [TOOLS.pdftotext.name]);
    expect(label).toBe('needs pdftotext (Debian poppler-utils)');
    expect(skippedTitle('LibreOffice draws', label)).toBe(
      'LibreOffice draws [skipped: needs pdftotext (Debian poppler-utils)]',
    );
  });

  test('no suite decides a skip on its own: .skip, xit, xdescribe and process.env.CI live in the tools harness only', () => {
    const allowed = new Set(['test/harness/tools.ts', 'test/foundation/no-silent-skip.test.ts']);
    const offenders = files('test')
      .filter((f) => !allowed.has(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter(({ line }) =>
            /\b(?:describe|test|it)\.skip\b|\bx(?:it|describe|test)\(|process\.env\.CI\b/.test(line),
          )
          .map(({ where }) => where),
      );
    expect(offenders).toEqual([]);
  });

  test('scripts/setup-system.sh installs the package of every tool the tests name', () => {
    const setup = fs.readFileSync(path.join(ROOT, 'scripts/setup-system.sh'), 'utf8');
    const installed = new Set([...setup.matchAll(/need\+=\(([\w.-]+)\)/g)].map((m) => m[1]));
    expect(Object.values(TOOLS).filter((t) => !installed.has(t.pkg))).toEqual([]);
  });

  test('.ci/run sets CI=true before the test command', () => {
    const run = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    expect(run.indexOf('export CI=true')).toBeGreaterThan(-1);
    expect(run.indexOf('export CI=true')).toBeLessThan(run.indexOf('bash -c "$cmd"'));
  });
});

describe('a suite run on a machine without its tool (jest in a child process)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-noskip-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  /** Runs test/tools/serve-excel.test.ts (one test needs openssl) with openssl hidden; the summary line kept apart. */
  function runWithoutOpenssl(ci: string) {
    const env = { ...process.env, CI: ci, TST_HIDE_TOOLS: 'openssl', FORCE_COLOR: '0' };
    const jest = path.join(ROOT, 'node_modules/jest/bin/jest.js');
    const r = spawnSync(process.execPath, [jest, 'test/tools/serve-excel.test.ts', '-w', '1', '--verbose'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    return { status: r.status, text: `${r.stdout}\n${r.stderr}` };
  }

  test('with CI set the run fails and names the tool', () => {
    const r = runWithoutOpenssl('true');
    expect(r.status).not.toBe(0);
    expect(r.text).toContain('needs openssl (Debian openssl): not found and CI is set');
    expect(r.text).toMatch(/jest: 1 passed, 1 failed/);
  }, 120000);

  test('without CI the skip is named in the summary, not counted as a pass', () => {
    const r = runWithoutOpenssl('');
    expect(r.status).toBe(0);
    expect(r.text).toMatch(/jest: 1 passed, 0 failed, 1 skipped/);
    expect(r.text).toContain('skipped, needs openssl (Debian openssl): 1 test in test/tools/serve-excel.test.ts');
  }, 120000);
});

describe('the bundle harness refuses a stale dist/', () => {
  const newest = { file: 'shared/scoring/priority.ts', mtimeMs: 2_000 };
  test('a bundle built after the newest source is accepted', () => {
    expect(() => assertFresh('apps-script/Code.js', 2_000, newest)).not.toThrow();
    expect(() => assertFresh('apps-script/Code.js', 3_000, newest)).not.toThrow();
  });
  test('a bundle older than a source is refused, naming the source and the command', () => {
    expect(() => assertFresh('apps-script/Code.js', 1_999, newest)).toThrow(
      'dist/apps-script/Code.js is older than shared/scoring/priority.ts: run `npm run build`',
    );
  });
});

test('a sample-update mode fails after writing, naming what it wrote', () => {
  expect(() => failAfterUpdate('UPDATE_SAMPLE', ['docs/strategy-example.md'])).toThrow(
    /UPDATE_SAMPLE is set: wrote docs\/strategy-example.md\. This run compared nothing/,
  );
});
