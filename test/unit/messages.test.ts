/**
 * The message builders (shared/core/messages.ts) and the rule that keeps them the one place where the core writes
 * a sentence for a user. The texts themselves are asserted where users meet them (bad-input, metrics, selection …);
 * here: the shared patterns, and that no module of the engine, the registry or chart-from-selection builds one inline.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as msg from '../../shared/core/messages';
import { errorOf } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

describe('one pattern for an argument error', () => {
  test('Label must be <valid> (got <value>), whatever the cause', () => {
    expect(msg.mustBe('Impact', 'a number from 1 to 10', '"high"')).toBe(
      'Impact must be a number from 1 to 10 (got "high")',
    );
    expect(errorOf('PRIORITY_SCORE', 'high', 5, 5, 5)).toBe(msg.mustBe('Impact', 'a number from 1 to 10', '"high"'));
    expect(errorOf('PRIORITY_SCORE', '', 5, 5, 5)).toBe(msg.mustBe('Impact', 'a number from 1 to 10', 'a blank cell'));
    expect(errorOf('PRIORITY_QUADRANT', 5, 5, [[5], [6]])).toBe(
      msg.mustBe('Threshold', 'a single cell', 'a 2×1 range'),
    );
  });

  test('a number typed as text says how to fix it, then what is valid', () => {
    expect(errorOf('PRIORITY_SCORE', '7', 5, 5, 5)).toBe(
      'Impact is a number stored as text; enter it as a number: "7"; it must be a number from 1 to 10',
    );
  });

  test('a missing argument shows the parameter list', () => {
    expect(errorOf('PRIORITY_SCORE', 5)).toBe(
      msg.required('Urgency', 'PRIORITY_SCORE', '(impact, urgency, effort, risk, [weights])'),
    );
  });

  test('ranges of different sizes name both arguments and both shapes', () => {
    expect(errorOf('PRIORITY_SCORE', [[1], [2], [3]], [[1], [2]], 5, 5)).toBe(
      'Impact is a 3×1 range but Urgency is a 2×1 range: give ranges of the same size, or single cells',
    );
    expect(msg.shapeMismatch('Score', 'a 3×1 range', 'Effort', 'a 2×1 range', false)).toBe(
      'Score is a 3×1 range but Effort is a 2×1 range: give ranges of the same size',
    );
  });

  test('a text that is too long says how long it may be and how long it is', () => {
    expect(msg.tooLong('Value', 'a number', 50000, 1000)).toBe(
      'Value is too long to be a number (a text of 50,000 characters; at most 1,000 are read)',
    );
  });

  test('lists read as English', () => {
    expect(msg.listOf([])).toBe('');
    expect(msg.listOf(['Effort'])).toBe('Effort');
    expect(msg.listOf(['Effort', 'Impact'])).toBe('Effort and Impact');
    expect(msg.listOf(['Start', 'End', 'Initiative'])).toBe('Start, End and Initiative');
    expect(msg.plural(1, 'rating')).toBe('1 rating');
    expect(msg.plural(6, 'rating')).toBe('6 ratings');
  });
});

/** Files whose user-facing sentences must come from messages.ts. */
const RULED = [
  'shared/core/args.ts',
  'shared/core/grid.ts',
  'shared/core/values.ts',
  'shared/functions/invoke.ts',
  'shared/functions/prioritization.ts',
  'shared/functions/health.ts',
  'shared/functions/metrics.ts',
  'shared/functions/dates.ts',
  'shared/chart-from-selection/chart-from-selection.ts',
  'shared/chart-from-selection/selection-read.ts',
  'shared/chart-from-selection/selection-roles.ts',
  'shared/chart-from-selection/selection-build.ts',
  'shared/strategy/document.ts',
  'shared/self-check/charts.ts',
  'shared/self-check/columns.ts',
  'shared/self-check/plan.ts',
  'shared/self-check/report.ts',
  'preview/engine/guard.ts',
  'preview/history.ts',
  'preview/selection-budget.ts',
  'preview/workbook-store.ts',
  'preview/page/autosave.ts',
];

test('the engine, the registry entries and chart-from-selection build no error sentence inline', () => {
  const inline: string[] = [];
  for (const file of RULED) {
    const text = fs
      .readFileSync(path.join(ROOT, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    // An error value or a selection refusal made from a literal: new CellError(`…`), refuse('…'), { error: `…` }.
    for (const m of text.matchAll(/(new CellError|fail|refuse|error:)\(?\s*[`'"]/g)) inline.push(`${file}: ${m[0]}`);
    // The shape of an argument error written by hand.
    for (const m of text.matchAll(/`[^`\n]*must be[^`\n]*\(got [^`\n]*`/g)) inline.push(`${file}: ${m[0]}`);
  }
  expect(inline).toEqual([]);
});

/** The preview grid's status line and undo steps take their words from preview/messages.ts. */
test('the preview grid and its keyboard, mouse and clipboard modules write no status sentence inline', () => {
  const files = [
    'grid.ts',
    'edit-session.ts',
    'computed-confirm.ts',
    'cell-rules.ts',
    'grid-drawing.ts',
    'sheet-actions.ts',
    'keyboard.ts',
    'mouse.ts',
    'clipboard.ts',
  ].map((f) => `preview/page/${f}`);
  const inline: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // A status sentence or an undo step's name made from a literal: say(`…`), refused('Paste', …), setCells(`Edit …`, …).
    for (const m of text.matchAll(
      /\b(say|refused|setCells|recorded|addSheet|renameSheet|removeSheets)\(\s*[`'"][^`'"]*[A-Za-z]{3}/g,
    ))
      inline.push(`${file}: ${m[0]}`);
    for (const m of text.matchAll(/\bh\((['"])(strong|code|span|p)\1, \{\}, [`'"]/g)) inline.push(`${file}: ${m[0]}`);
  }
  expect(inline).toEqual([]);
});

/** The preview's questions (replace a computed cell, delete a sheet) and its dialog's buttons are worded in preview/messages.ts. */
test("the preview's questions and dialog buttons are worded in its messages module", () => {
  const files = ['preview/computed-cells.ts', 'preview/sheet-references.ts', 'preview/page/dialog.ts'];
  const inline: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // A question's title or text, or a button's default label, made from a literal.
    for (const m of text.matchAll(/\b(title|text|confirm):\s*[`'"][^`'"]*[A-Za-z]{3}|\?\?\s*[`'"][A-Za-z]{3}/g))
      inline.push(`${file}: ${m[0]}`);
  }
  expect(inline).toEqual([]);
});

/** The command line's sentences come from cli/messages.ts, so both commands say the same problem the same way. */
test('the CLI commands write no error sentence inline', () => {
  const files = fs
    .readdirSync(path.join(ROOT, 'cli'))
    .filter((f) => f.endsWith('.ts') && f !== 'messages.ts')
    .map((f) => `cli/${f}`);
  const inline: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    // A line for standard error or a usage complaint made from a literal: io.err(`Error: …`), new UsageError('…').
    for (const m of text.matchAll(/(io\.err|usage|UsageError)\(\s*[`'"]/g)) inline.push(`${file}: ${m[0]}`);
  }
  expect(files).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/document.ts']));
  expect(inline).toEqual([]);
});

/** `npm run release` and `npm version`'s script say every problem with a sentence from scripts/release/messages.ts. */
test('the release command and its checks write no sentence inline', () => {
  const dir = path.join(ROOT, 'scripts/release');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'messages.ts');
  const inline: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // A problem, an error or a line for the terminal whose words are written here, not in messages.ts.
    for (const m of text.matchAll(
      /(io\.(err|out)\(|(usage|fail)\(io,\s*|new Error\(|problems?\.push\(|problem:\s*|std(err|out)\.write\()[`'"][^`'"$]*[A-Za-z]{3}/g,
    ))
      inline.push(`${file}: ${m[0]}`);
  }
  expect(files).toEqual(expect.arrayContaining(['command.ts', 'checks.ts', 'base-url.ts', 'set-version.ts']));
  expect(inline).toEqual([]);
});
