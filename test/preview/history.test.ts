/**
 * Undo and redo in the preview: every change is a command whose inverse undoes it exactly — cell
 * edits, clears, pastes made with the engine's reference-shifting copy, template inserts (sheets and
 * workbook names), sheets added, renamed and deleted (back in their place, references whole again),
 * charts. Also the clipboard's tab-separated text, both ways.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { PreviewWorkbook } from '../../preview/workbook';
import {
  type Command,
  addChart,
  addSheet,
  clearCells,
  compound,
  insertTemplate,
  recorded,
  removeSheets,
  renameSheet,
  setCells,
} from '../../preview/commands';
import { CELL_LIMIT, History, LIMIT } from '../../preview/history';
import { nothingMoreToUndo, undoDropped } from '../../preview/messages';
import { fromClipboardText, toClipboardText } from '../../preview/clipboard-text';
import { compileTemplate } from '../../shared/templates';
import { WORKBOOK_PLAN } from '../cli/fixture-plans';
import { usersOf } from '../../preview/sheet-references';
import { deleteSheetQuestion } from '../../preview/messages';

function fresh(): { wb: PreviewWorkbook; h: History } {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  return { wb, h: new History(wb) };
}

test('an edit, undone and redone, with the cells it touched as the place to look', () => {
  const { wb, h } = fresh();
  wb.setInput('Sheet1', 0, 0, '9');
  const step = h.run(setCells('Edit B1', 'Sheet1', 0, 1, [['=A1*2']]));
  expect(step.focus).toEqual({ sheet: 'Sheet1', rect: { top: 0, bottom: 0, left: 1, right: 1 } });
  expect(wb.value('Sheet1', 0, 1)).toBe(18);
  expect(h.undo()?.label).toBe('Edit B1');
  expect(wb.inputOf('Sheet1', 0, 1)).toBe('');
  expect(h.canUndo()).toBe(false);
  h.redo();
  expect(wb.inputOf('Sheet1', 0, 1)).toBe('=A1*2');
  expect(h.redo()).toBeUndefined();
});

test('a clear of a block restores every cell on undo, texts that look like numbers included', () => {
  const { wb, h } = fresh();
  wb.setInputs('Sheet1', 0, 0, [
    ["'10", '=1/4', 'x'],
    ['2027-03-31', 'TRUE', ''],
  ]);
  const before = wb.inputs('Sheet1', { top: 0, bottom: 1, left: 0, right: 2 });
  h.run(clearCells('Clear', 'Sheet1', { top: 0, bottom: 1, left: 0, right: 2 }));
  expect(
    wb
      .inputs('Sheet1', { top: 0, bottom: 1, left: 0, right: 2 })
      .flat()
      .every((c) => c === ''),
  ).toBe(true);
  h.undo();
  expect(wb.inputs('Sheet1', { top: 0, bottom: 1, left: 0, right: 2 })).toEqual(before);
  expect(wb.value('Sheet1', 0, 0)).toBe('10');
  expect(wb.value('Sheet1', 0, 1)).toBe(0.25);
});

test('a new change after an undo drops the redo; the history keeps the last LIMIT steps', () => {
  const { wb, h } = fresh();
  h.run(setCells('a', 'Sheet1', 0, 0, [['1']]));
  h.undo();
  h.run(setCells('b', 'Sheet1', 0, 0, [['2']]));
  expect(h.canRedo()).toBe(false);
  const told: string[] = [];
  for (let i = 0; i < LIMIT + 5; i++) {
    const step = h.run(setCells(`e${i}`, 'Sheet1', 1, 0, [[String(i)]]));
    if (step.dropped) told.push(step.dropped);
  }
  expect(LIMIT).toBeGreaterThanOrEqual(1000); // docs/preview.md states it
  // The user is told each time the oldest step goes (b, then e0 … e4), never silently.
  expect(told).toEqual(['b', 'e0', 'e1', 'e2', 'e3', 'e4'].map((l) => undoDropped(LIMIT, CELL_LIMIT, l)));
  expect(told[0]).toBe(
    'Undo keeps the last 1,000 steps (and 5,000,000 cells of earlier contents): the oldest, "b", can no longer be undone.',
  );
  let undone = 0;
  while (h.undo()) undone++;
  expect(undone).toBe(LIMIT);
  expect(h.droppedSteps).toBe(6); // "b" and the first five edits
  expect(wb.inputOf('Sheet1', 1, 0)).toBe('4');
  expect(h.nothingToUndo()).toBe(nothingMoreToUndo(6, LIMIT));
  expect(h.nothingToUndo()).toBe(
    'Nothing more to undo: the 6 steps before these were let go (undo keeps the last 1,000).',
  );
  expect(fresh().h.nothingToUndo()).toBe('Nothing to undo.');
});

test('large pastes count by their cells: the oldest go once the kept contents pass CELL_LIMIT, the newest always stays', () => {
  const { wb, h } = fresh();
  const block = Array.from({ length: 40_000 }, () => Array<string>(14).fill('x'));
  expect(setCells('Paste', 'Sheet1', 0, 0, block).cells).toBe(560_000);
  // A paste that size takes seconds in the engine: these steps write one cell and weigh what such a paste weighs.
  const paste = (label: string, cells: number): Command => ({
    label,
    cells,
    apply(w) {
      const done = setCells(label, 'Sheet1', 0, 0, [[label]]).apply(w);
      return { inverse: { ...done.inverse, cells }, focus: done.focus };
    },
  });
  const fits = Math.floor(CELL_LIMIT / 560_000);
  const told: string[] = [];
  for (let i = 0; i <= fits; i++) {
    const step = h.run(paste(`Paste ${i}`, 560_000));
    if (step.dropped) told.push(step.dropped);
  }
  expect(told).toEqual([undoDropped(LIMIT, CELL_LIMIT, 'Paste 0')]);
  h.run(paste('Huge', CELL_LIMIT * 2)); // bigger than the budget alone: kept, everything before goes
  let undone = 0;
  while (h.undo()) undone++;
  expect(undone).toBe(1);
  expect(wb.inputOf('Sheet1', 0, 0)).toBe(`Paste ${fits}`);
  expect(h.nothingToUndo()).toBe(nothingMoreToUndo(fits + 1, LIMIT));
});

test('the undo limit is a working session’s worth, and docs/preview.md states it', () => {
  expect(LIMIT).toBeGreaterThanOrEqual(1000);
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'preview.md'), 'utf8');
  expect(doc).toContain(`the last ${LIMIT.toLocaleString('en-US')} steps are kept`);
});

test('a paste between sheets shifts relative references like a spreadsheet, and undoes', () => {
  const { wb, h } = fresh();
  wb.addUserSheet('Other');
  wb.setInputs('Sheet1', 0, 0, [['1', '2', '=A1+B1', '=$A$1*10']]);
  const dest = { top: 4, bottom: 4, left: 1, right: 4 };
  h.run(
    recorded('Paste', [{ sheet: 'Other', rect: dest }], (w) => {
      w.hf.copy({
        start: { sheet: w.sheetId('Sheet1'), row: 0, col: 0 },
        end: { sheet: w.sheetId('Sheet1'), row: 0, col: 3 },
      });
      w.hf.paste({ sheet: w.sheetId('Other'), row: 4, col: 1 });
    }),
  );
  expect(wb.inputs('Other', dest)).toEqual([['1', '2', '=B5+C5', '=$A$1*10']]);
  expect(wb.value('Other', 4, 3)).toBe(3);
  h.undo();
  expect(wb.inputs('Other', dest)).toEqual([['', '', '', '']]);
  h.redo();
  expect(wb.inputs('Other', dest)).toEqual([['1', '2', '=B5+C5', '=$A$1*10']]);
});

test('a template insert undoes to exactly the workbook before it and redoes to the same sheets and names', () => {
  const { wb, h } = fresh();
  const step = h.run(insertTemplate('Insert', WORKBOOK_PLAN, 'Sheet1'));
  expect(step.focus.sheet).toBe('Projects');
  // The new workbook's empty "Sheet1" is replaced by the first template (issue #18, item 7); undo brings it back.
  expect(wb.sheetNames()).toEqual(['Themes', 'Projects']);
  expect(h.undo()?.focus.sheet).toBe('Sheet1');
  expect(wb.sheetNames()).toEqual(['Sheet1']);
  expect(wb.hf.listNamedExpressions()).toEqual([]);
  h.redo();
  expect(wb.sheetNames()).toEqual(['Themes', 'Projects']);
  expect(wb.hf.listNamedExpressions()).toEqual(['ThemeNames']);
  expect(wb.value('Projects', 1, 6)).toBe(17.5);
  expect(wb.evaluateList('Projects', '=ThemeNames')).toEqual(['Platform', 'Growth', 'Security']);
  expect(wb.metaOf('Projects').validations.length).toBe(3);
});

test('the full workbook inserts, undoes and redoes with every formula computing again', () => {
  const { wb, h } = fresh();
  h.run(insertTemplate('Insert', compileTemplate('strategy-workbook', { example: true }), 'Sheet1'));
  const names = wb.sheetNames();
  const values = names.map((n) => JSON.stringify(wb.hf.getSheetValues(wb.sheetId(n))));
  h.undo();
  h.redo();
  expect(wb.sheetNames()).toEqual(names);
  expect(names.map((n) => JSON.stringify(wb.hf.getSheetValues(wb.sheetId(n))))).toEqual(values);
});

test('a deleted sheet comes back in its place on undo, and formulas that read it read it again', () => {
  const { wb, h } = fresh();
  h.run(addSheet('Add', 'Data', 'Sheet1'));
  h.run(addSheet('Add', 'Report', 'Data'));
  wb.setInput('Data', 0, 0, '41');
  wb.setInput('Report', 0, 0, '=Data!A1+1');
  expect(wb.value('Report', 0, 0)).toBe(42);
  h.run(removeSheets('Delete Data', ['Data'], 'Report'));
  expect(wb.sheetNames()).toEqual(['Sheet1', 'Report']);
  expect(wb.value('Report', 0, 0)).toMatchObject({ value: '#REF!' });
  h.undo();
  expect(wb.sheetNames()).toEqual(['Sheet1', 'Data', 'Report']);
  expect(wb.value('Report', 0, 0)).toBe(42);
});

test('a template sheet may be deleted like any other: the dialog names what breaks, undo restores every value', () => {
  const { wb, h } = fresh();
  h.run(insertTemplate('Insert', compileTemplate('strategy-workbook', { example: true }), 'Sheet1'));
  const names = wb.sheetNames();
  const values = () =>
    names.filter((n) => wb.hasSheet(n)).map((n) => JSON.stringify(wb.hf.getSheetValues(wb.sheetId(n))));
  const before = values();
  const users = usersOf(wb, 'Strategic Themes');
  expect(users).toEqual({
    sheets: ['Start Here', 'Progress Dashboard', 'Strategy Review', 'Strategy Document'],
    names: ['ThemeNames'],
  });
  expect(deleteSheetQuestion('Strategic Themes', users).text).toMatch(
    /So does the name ThemeNames .* Formulas on "Start Here", "Progress Dashboard", "Strategy Review" and "Strategy Document" read this sheet: they will show #REF!/,
  );
  // A sheet nobody reads says only what goes; apostrophes in names are matched as formulas quote them.
  expect(usersOf(wb, 'Start Here')).toEqual({ sheets: [], names: [] });
  // Start Here's link to the document names it (a deleted sheet leaves the link going nowhere).
  expect(usersOf(wb, 'Strategy Document')).toEqual({ sheets: ['Start Here'], names: [] });
  expect(usersOf(wb, "What We're Not Doing").sheets).toEqual(['Strategy Review', 'Strategy Document']);
  expect(deleteSheetQuestion('Notes', { sheets: [], names: [] }).text).toBe(
    'Its cells and charts go with it. Undo (Ctrl+Z) brings it all back.',
  );
  h.run(removeSheets('Delete', ['Strategic Themes'], 'Technical Principles'));
  // ThemeNames went with its sheet; the Roadmap's InitiativeNames stays.
  expect(wb.hf.listNamedExpressions()).toEqual(['InitiativeNames']);
  expect(wb.value('Progress Dashboard', 1, 0)).toMatchObject({ value: '#REF!' });
  h.undo();
  expect(wb.sheetNames()).toEqual(names);
  expect(values()).toEqual(before);
  expect(wb.evaluateList('Roadmap', '=ThemeNames').length).toBe(4);
});

test('a rename is followed by the formulas and names that refer to the sheet, and undoes', () => {
  const { wb, h } = fresh();
  wb.setInput('Sheet1', 1, 1, 'mine'); // a sheet with something in it stays when a template is inserted
  h.run(insertTemplate('Insert', WORKBOOK_PLAN, 'Sheet1'));
  wb.setInput('Sheet1', 0, 0, '=COUNTA(ThemeNames)&" in "&Themes!A1');
  h.run(renameSheet('Rename', 'Themes', 'Our themes'));
  expect(wb.inputOf('Sheet1', 0, 0)).toBe(`=COUNTA(ThemeNames)&" in "&'Our themes'!A1`);
  expect(wb.evaluateList('Projects', '=ThemeNames')).toEqual(['Platform', 'Growth', 'Security']);
  expect(wb.metaOf('Our themes').name).toBe('Our themes');
  h.undo();
  expect(wb.sheetNames()).toEqual(['Sheet1', 'Themes', 'Projects']);
  expect(wb.inputOf('Sheet1', 0, 0)).toBe('=COUNTA(ThemeNames)&" in "&Themes!A1');
});

test('a chart with its helper cells is one step', () => {
  const { wb, h } = fresh();
  const op = {
    kind: 'themeProgress' as const,
    title: 'T',
    anchor: 'E2',
    widthPx: 10,
    heightPx: 10,
  };
  h.run(
    compound('Insert chart', [setCells('helpers', 'Sheet1', 1, 2, [['=1'], ['=2']]), addChart('chart', 'Sheet1', op)]),
  );
  expect(wb.metaOf('Sheet1').charts).toEqual([op]);
  h.undo();
  expect(wb.metaOf('Sheet1').charts).toEqual([]);
  expect(wb.inputs('Sheet1', { top: 1, bottom: 2, left: 2, right: 2 })).toEqual([[''], ['']]);
  h.redo();
  expect(wb.metaOf('Sheet1').charts).toEqual([op]);
  expect(wb.value('Sheet1', 2, 2)).toBe(2);
});

describe('clipboard text', () => {
  test('tab-separated rows, quoted where a cell holds a tab, a line break or a quote', () => {
    const rows = [
      ['Project', 'Impact'],
      ['SSO "v2"', '9'],
      ['two\nlines', 'a\tb'],
    ];
    const text = toClipboardText(rows);
    expect(text).toBe('Project\tImpact\n"SSO ""v2"""\t9\n"two\nlines"\t"a\tb"');
    expect(fromClipboardText(text)).toEqual(rows);
  });

  test('what Excel and Sheets put on the clipboard: CRLF line ends, a trailing line break, empty cells', () => {
    expect(fromClipboardText('a\tb\r\n1\t\r\n')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(fromClipboardText('42')).toEqual([['42']]);
    expect(fromClipboardText('')).toEqual([]);
  });

  test('any block of texts survives the round trip', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '"', '\t', '\n', '\r', 'é', '=') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (w, rows) => {
          const block = rows.map((r) => r.slice(0, w));
          const back = fromClipboardText(toClipboardText(block));
          // A last row of one empty cell is an empty line: it reads back as no row (as in every spreadsheet).
          const expected = w === 1 && block[block.length - 1][0] === '' ? block.slice(0, -1) : block;
          expect(back).toEqual(expected);
        },
      ),
    );
  });
});
