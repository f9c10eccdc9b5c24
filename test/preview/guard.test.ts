/**
 * The preview's guard in front of the engine (preview/engine/guard.ts): formulas whose ranges, spilled
 * results or texts would exhaust memory and crash the tab give a #VALUE! cell error saying why, in the
 * preview's words (preview/messages.ts), while the formula typed is kept: shown for editing, undone and
 * redone, written to the download. Ordinary formulas, and texts that only look like large ranges, compute.
 */
import { DetailedCellError } from 'hyperformula';
import { PreviewWorkbook } from '../../preview/workbook';
import { History } from '../../preview/history';
import { setCells } from '../../preview/commands';
import {
  BLOCK_BUDGET,
  BlockCost,
  CELL_BUDGET,
  SPILL_BUDGET,
  TEXT_BUDGET,
  FORMULA_BUDGET,
  formulaProblem,
  guardFormula,
  userFormula,
} from '../../preview/engine/guard';
import * as msg from '../../preview/messages';

function errorAt(wb: PreviewWorkbook, row: number, col: number): { value: string; message: string } {
  const v = wb.value('Sheet1', row, col);
  expect(v).toBeInstanceOf(DetailedCellError);
  const e = v as DetailedCellError;
  return { value: e.value, message: e.message };
}

describe('formulas that would exhaust the engine give a cell error and are kept as typed', () => {
  const cases: [string, string][] = [
    ['=REPT("x",100000000)', msg.textTooLong('REPT', 100_000_000, TEXT_BUDGET)],
    ['=SUM(A3:XFD39999)', msg.rangeTooLarge(['A3:XFD39999'], 16384 * 39997, CELL_BUDGET)],
    ['=COUNT(Sheet1!$A$1:$Z$40000)', msg.rangeTooLarge(['A1:Z40000'], 26 * 40000, CELL_BUDGET)],
    ['=SUM(A:XFD)', msg.rangeTooLarge(['A:XFD'], 16384 * 40000, CELL_BUDGET)],
    ['=SUM(1:100)', msg.rangeTooLarge(['1:100'], 100 * 18278, CELL_BUDGET)],
    ['=SEQUENCE(10000,10000)', msg.arrayTooLarge('SEQUENCE(10000,10000)', 100_000_000, SPILL_BUDGET)],
    ['=SUM(A1:N40000)+SUM(B1:O40000)', msg.rangeTooLarge(['A1:N40000', 'B1:O40000'], 2 * 14 * 40000, CELL_BUDGET)],
  ];
  test.each(cases)('%s', (formula, message) => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInput('Sheet1', 0, 30, formula);
    expect(errorAt(wb, 0, 30)).toEqual({ value: '#VALUE!', message });
    expect(wb.inputOf('Sheet1', 0, 30)).toBe(formula);
    const row = wb.toModel().sheets[0].cells[0];
    expect(row[30]).toBe(formula);
  });

  test('the messages say what was asked, what the preview allows and how to fix it', () => {
    expect(formulaProblem('=SUM(A3:XFD39999)')).toBe(
      'A3:XFD39999 covers 655,310,848 cells: a formula in the preview may read at most 1,000,000 cells (narrow the range to the rows and columns that hold data)',
    );
    expect(formulaProblem('=REPT("x",100000000)')).toBeUndefined(); // the text is capped when computed
    expect(formulaProblem(`="${'x'.repeat(FORMULA_BUDGET)}"`)).toBe(
      msg.formulaTooLong(FORMULA_BUDGET + 3, FORMULA_BUDGET),
    );
  });

  test('MUNIT, which the engine lacks, is an error too, not a crash', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInput('Sheet1', 0, 0, '=MUNIT(20000)');
    expect(errorAt(wb, 0, 0).value).toBe('#NAME?');
  });
});

describe('what the guard lets through', () => {
  test('ordinary formulas compute; a text that looks like a large range stays a text', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInputs('Sheet1', 0, 0, [
      ['1', '2'],
      ['3', '4'],
      ['=SUM(A1:B2)', '=REPT("ab",3)'],
      ['="A1:XFD99999"', "=COUNTIF('A1:XFD99999 notes'!A1:A2,1)"],
    ]);
    wb.setInputs('Sheet1', 0, 3, [['=SUM(A:A)', '', '=SEQUENCE(3,2)']]);
    expect(wb.value('Sheet1', 2, 0)).toBe(10);
    expect(wb.value('Sheet1', 2, 1)).toBe('ababab');
    expect(wb.value('Sheet1', 3, 0)).toBe('A1:XFD99999');
    expect(wb.value('Sheet1', 0, 3)).toBe(1 + 3 + 10);
    expect(wb.value('Sheet1', 2, 6)).toBe(6);
  });

  test('a text of exactly the cap is made; one character more is refused', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInputs('Sheet1', 0, 0, [[`=REPT("x",${TEXT_BUDGET})`, `=REPT("x",${TEXT_BUDGET + 1})`, '=REPT("x",-1)']]);
    expect((wb.value('Sheet1', 0, 0) as string).length).toBe(TEXT_BUDGET);
    expect(errorAt(wb, 0, 1).message).toBe(msg.textTooLong('REPT', TEXT_BUDGET + 1, TEXT_BUDGET));
    expect(errorAt(wb, 0, 2).message).toBe(msg.NEGATIVE_COUNT);
  });

  test('a text doubled from cell to cell stops at the cap with a cell error; the engine goes on', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInput('Sheet1', 0, 0, `=REPT("x",${TEXT_BUDGET})`);
    // Without the cap the 15th doubling passes V8's longest string and the engine throws mid-way.
    wb.setInputs(
      'Sheet1',
      1,
      0,
      Array.from({ length: 20 }, (_, i) => [`=A${i + 1}&A${i + 1}`]),
    );
    expect(errorAt(wb, 1, 0)).toEqual({
      value: '#VALUE!',
      message: msg.textTooLong('This formula', 2 * TEXT_BUDGET, TEXT_BUDGET),
    });
    expect(errorAt(wb, 20, 0).value).toBe('#VALUE!');
    wb.setInputs('Sheet1', 0, 2, [['=CONCATENATE(A1,"!")', '=LEN(A1)&"."']]);
    expect(errorAt(wb, 0, 2).message).toBe(msg.textTooLong('This formula', TEXT_BUDGET + 1, TEXT_BUDGET));
    expect(wb.value('Sheet1', 0, 3)).toBe(`${TEXT_BUDGET}.`);
    wb.setInput('Sheet1', 0, 0, 'short');
    // Row 13 holds 'short' doubled 12 times (20,480 characters); row 14 would hold 40,960.
    expect(wb.value('Sheet1', 12, 0)).toBe('short'.repeat(2 ** 12));
    expect(errorAt(wb, 13, 0).message).toBe(msg.textTooLong('This formula', 5 * 2 ** 13, TEXT_BUDGET));
  });

  test('a refused formula round-trips through the engine, quotes included', () => {
    const f = '=SUM(A1:XFD40000)&"say ""hi"""';
    const held = guardFormula(f);
    expect(held).not.toBe(f);
    expect(userFormula(held)).toBe(f);
    expect(guardFormula(held)).toBe(held);
    expect(userFormula('=SUM(A1:B2)')).toBe('=SUM(A1:B2)');
  });
});

test('undo and redo of a refused formula, and an edit that narrows it computes', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const h = new History(wb);
  wb.setInputs('Sheet1', 0, 0, [['5'], ['6']]);
  h.run(setCells('Edit C1', 'Sheet1', 0, 2, [['=SUM(A1:XFD39999)']]));
  expect(errorAt(wb, 0, 2).value).toBe('#VALUE!');
  h.run(setCells('Edit C1', 'Sheet1', 0, 2, [['=SUM(A1:A39999)']]));
  expect(wb.value('Sheet1', 0, 2)).toBe(11);
  h.undo();
  expect(wb.inputOf('Sheet1', 0, 2)).toBe('=SUM(A1:XFD39999)');
  expect(errorAt(wb, 0, 2).value).toBe('#VALUE!');
  h.undo();
  expect(wb.inputOf('Sheet1', 0, 2)).toBe('');
  h.redo();
  expect(wb.inputOf('Sheet1', 0, 2)).toBe('=SUM(A1:XFD39999)');
});

describe('a paste of many formulas is guarded as a whole', () => {
  test('formulas past the block budget are refused for the block, kept as typed; those before compute', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    // Each reads 280,014 cells from a different first row: the engine builds each range whole
    // (10 take 3 s, 100 take 27 s and 700 MB).
    const block = Array.from({ length: 100 }, (_, i) => [`=SUM(A${i + 1}:N${i + 20001})`]);
    wb.setInputs('Sheet1', 0, 20, block);
    const fits = Math.floor(BLOCK_BUDGET / (14 * 20001));
    expect(wb.value('Sheet1', fits - 1, 20)).toBe(0);
    expect(errorAt(wb, fits, 20)).toEqual({ value: '#VALUE!', message: msg.blockTooLarge(BLOCK_BUDGET) });
    expect(errorAt(wb, 99, 20).value).toBe('#VALUE!');
    expect(wb.inputOf('Sheet1', 99, 20)).toBe('=SUM(A100:N20100)');
    expect(wb.toModel().sheets[0].cells[99][20]).toBe('=SUM(A100:N20100)');
  });

  test('running totals cost the engine their longest range, and compute', () => {
    const running = new BlockCost();
    for (let i = 1; i <= 40_000; i++) running.add(`=SUM($B$2:B${i + 1})`);
    expect(running.total).toBe(40_000);
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.setInputs(
      'Sheet1',
      0,
      0,
      Array.from({ length: 2000 }, (_, i) => ['1', `=SUM($A$1:A${i + 1})`]),
    );
    expect(wb.value('Sheet1', 1999, 1)).toBe(2000);
  });

  test('undo writes back cells typed one by one even when together they pass the block budget', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    const h = new History(wb);
    const typed = ['=SUM(A:Y)', '=SUM(B:Z)', '=SUM(C:AA)', '=SUM(D:AB)']; // 1,000,000 cells each, counted
    typed.forEach((f, i) => h.run(setCells('Edit', 'Sheet1', 0, 40 + i, [[f]])));
    expect(typed.map((_, i) => wb.value('Sheet1', 0, 40 + i))).toEqual([0, 0, 0, 0]);
    h.run(setCells('Clear', 'Sheet1', 0, 40, [['', '', '', '']]));
    h.undo();
    expect(typed.map((_, i) => wb.value('Sheet1', 0, 40 + i))).toEqual([0, 0, 0, 0]);
    // The same four pasted as one block: the fourth is refused for the block.
    wb.setInputs('Sheet1', 1, 40, [typed]);
    expect(errorAt(wb, 1, 43).message).toBe(msg.blockTooLarge(BLOCK_BUDGET));
    h.redo();
    h.undo();
    expect(wb.value('Sheet1', 0, 43)).toBe(0);
  });
});
