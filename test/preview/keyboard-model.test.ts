/**
 * The preview grid's behaviour without a browser: the key table (one key, one action, per mode), the
 * selection moves (Tab runs and Enter back to the run's first column, Ctrl+arrow to the data's edge,
 * hidden columns skipped), the name box's references, and the refusal sentences of validation.
 */
import { keyAction, type KeyInput, type Mode } from '../../preview/keymap';
import { enter, jump, moveBy, selectionRect, single, step, tab, type Bounds } from '../../preview/selection';
import { gotoTarget, type GotoContext } from '../../preview/goto';
import { refusal } from '../../preview/refusal';
import { replacesComputed } from '../../preview/computed-cells';
import { overwriteQuestion } from '../../preview/messages';
import { ROADMAP_SHEET, ROADMAP_STATUS, ROADMAP_STATUSES } from '../../shared/catalogue/roadmap';

const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ...mods });

describe('key table', () => {
  const cases: [Mode, KeyInput, unknown][] = [
    ['ready', k('7'), { type: 'type', text: '7' }],
    ['ready', k('='), { type: 'type', text: '=' }],
    ['ready', k('Enter'), { type: 'edit', enter: true }],
    ['ready', k('F2'), { type: 'edit' }],
    ['ready', k('Enter', { shift: true }), { type: 'enter', up: true }],
    ['ready', k('Tab'), { type: 'tab', back: false }],
    ['ready', k('Tab', { shift: true }), { type: 'tab', back: true }],
    ['ready', k('ArrowRight'), { type: 'move', dr: 0, dc: 1, extend: false }],
    ['ready', k('ArrowDown', { shift: true }), { type: 'move', dr: 1, dc: 0, extend: true }],
    ['ready', k('ArrowLeft', { ctrl: true }), { type: 'jump', dr: 0, dc: -1, extend: false }],
    ['ready', k('ArrowDown', { alt: true }), { type: 'openList' }],
    // Sheets and links by keyboard (the journey's stalls): Excel's Ctrl+PageDown/Up, Sheets' Ctrl+Shift+PageDown/Up,
    // Sheets' Alt+Enter on a link; PageDown alone still pages.
    ['ready', k('PageDown', { ctrl: true }), { type: 'sheet', step: 1 }],
    ['ready', k('PageUp', { ctrl: true }), { type: 'sheet', step: -1 }],
    ['ready', k('PageDown', { ctrl: true, shift: true }), { type: 'sheet', step: 1 }],
    ['ready', k('PageDown'), { type: 'page', dr: 1, extend: false }],
    ['ready', k('Enter', { alt: true }), { type: 'followLink' }],
    ['ready', k('g', { ctrl: true }), { type: 'goto' }],
    ['enter', k('PageDown', { ctrl: true }), { type: 'pass' }],
    ['ready', k('Home', { ctrl: true }), { type: 'home' }],
    ['ready', k('Home'), { type: 'rowStart' }],
    ['ready', k('End', { ctrl: true }), { type: 'end' }],
    ['ready', k('Delete'), { type: 'clear' }],
    ['ready', k('Backspace'), { type: 'clear' }],
    ['ready', k('z', { ctrl: true }), { type: 'undo' }],
    ['ready', k('y', { ctrl: true }), { type: 'redo' }],
    ['ready', k('Z', { ctrl: true, shift: true }), { type: 'redo' }],
    ['ready', k('a', { ctrl: true }), { type: 'selectAll' }],
    ['ready', k('Escape'), { type: 'cancel' }],
    ['ready', k('c', { ctrl: true }), { type: 'pass' }],
    ['ready', k('v', { ctrl: true }), { type: 'pass' }],
    ['enter', k('Enter'), { type: 'commit', then: 'down' }],
    ['enter', k('Enter', { shift: true }), { type: 'commit', then: 'up' }],
    ['enter', k('Tab'), { type: 'commit', then: 'right' }],
    ['enter', k('Tab', { shift: true }), { type: 'commit', then: 'left' }],
    ['enter', k('ArrowDown'), { type: 'commit', then: 'stay', dr: 1, dc: 0 }],
    ['enter', k('ArrowLeft'), { type: 'commit', then: 'stay', dr: 0, dc: -1 }],
    ['enter', k('Escape'), { type: 'cancel' }],
    ['enter', k('F2'), { type: 'toEdit' }],
    ['enter', k('x'), { type: 'pass' }],
    ['edit', k('ArrowLeft'), { type: 'pass' }],
    ['edit', k('Home'), { type: 'pass' }],
    ['edit', k('z', { ctrl: true }), { type: 'pass' }],
    ['edit', k('Enter'), { type: 'commit', then: 'down' }],
    ['edit', k('Tab'), { type: 'commit', then: 'right' }],
    ['edit', k('Escape'), { type: 'cancel' }],
    ['list', k('ArrowDown'), { type: 'pass' }],
    ['list', k('Enter'), { type: 'commit', then: 'down' }],
  ];
  test.each(cases)('%s mode: %j → %j', (mode, key, action) => {
    expect(keyAction(key, mode)).toEqual(action);
  });
});

describe('selection moves', () => {
  // Columns 0..6 with 3 and 4 hidden (helper columns).
  const b: Bounds = { rows: 60, cols: [0, 1, 2, 5, 6] };

  test('Tab, Tab, Tab then Enter goes to the next row of the column where the Tabs began', () => {
    let s = single({ row: 1, col: 1 });
    s = tab(s, false, b);
    s = tab(s, false, b);
    s = tab(s, false, b);
    expect(s.anchor).toEqual({ row: 1, col: 6 }); // 1 → 2 → 5 (3 and 4 hidden) → 6
    s = enter(s, false, b);
    expect(s).toEqual(single({ row: 2, col: 1 }));
    // Without a Tab run, Enter goes straight down.
    expect(enter(single({ row: 4, col: 5 }), false, b)).toEqual(single({ row: 5, col: 5 }));
    expect(enter(single({ row: 4, col: 5 }), true, b)).toEqual(single({ row: 3, col: 5 }));
  });

  test('moves stop at the edges and Shift extends from the anchor', () => {
    expect(step({ row: 0, col: 0 }, -1, -1, b)).toEqual({ row: 0, col: 0 });
    expect(step({ row: 59, col: 6 }, 1, 1, b)).toEqual({ row: 59, col: 6 });
    const s = moveBy(moveBy(single({ row: 2, col: 1 }), 2, 0, b, true), 0, 1, b, true);
    expect(selectionRect(s)).toEqual({ top: 2, bottom: 4, left: 1, right: 2 });
    expect(s.anchor).toEqual({ row: 2, col: 1 });
  });

  test('Ctrl+arrow goes to the edge of the filled block, then to the next filled cell', () => {
    const filled = (p: { row: number; col: number }): boolean => p.col === 0 && (p.row <= 5 || p.row === 20);
    const down = (row: number): number => jump({ row, col: 0 }, 1, 0, b, filled).row;
    expect(down(0)).toBe(5);
    expect(down(5)).toBe(20);
    expect(down(20)).toBe(59);
  });
});

describe('name box', () => {
  const ctx: GotoContext = {
    sheet: 'Sheet1',
    sheetNames: ['Sheet1', 'Roadmap', "Q1 'plan'"],
    nameFormula: (n) => (n === 'ThemeNames' ? "='Strategic Themes'!$A$2:$A$51" : undefined),
  };
  test.each([
    ['A2', { ok: true, sheet: 'Sheet1', rect: { top: 1, bottom: 1, left: 0, right: 0 } }],
    ['  c5 ', { ok: true, sheet: 'Sheet1', rect: { top: 4, bottom: 4, left: 2, right: 2 } }],
    ['$B$2:D5', { ok: true, sheet: 'Sheet1', rect: { top: 1, bottom: 4, left: 1, right: 3 } }],
    ['Roadmap!C5', { ok: true, sheet: 'Roadmap', rect: { top: 4, bottom: 4, left: 2, right: 2 } }],
    ['roadmap!c5', { ok: true, sheet: 'Roadmap', rect: { top: 4, bottom: 4, left: 2, right: 2 } }],
    ["'Q1 ''plan'''!AA10", { ok: true, sheet: "Q1 'plan'", rect: { top: 9, bottom: 9, left: 26, right: 26 } }],
  ])('%p', (text, want) => {
    expect(gotoTarget(text, ctx)).toEqual(want);
  });
  test('a workbook name goes to its range; unknown sheets and nonsense say so', () => {
    expect(gotoTarget('ThemeNames', { ...ctx, sheetNames: [...ctx.sheetNames, 'Strategic Themes'] })).toEqual({
      ok: true,
      sheet: 'Strategic Themes',
      rect: { top: 1, bottom: 50, left: 0, right: 0 },
    });
    expect(gotoTarget('Nope!A1', ctx)).toEqual({
      ok: false,
      error: 'There is no sheet called "Nope" in this workbook.',
    });
    expect(gotoTarget('hello', ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^"hello" is not a cell/),
    });
    expect(gotoTarget('A0', ctx).ok).toBe(false);
    expect(gotoTarget('A99999', ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/outside the preview's grid/),
    });
  });
});

describe('validation refusals in words', () => {
  const scale = { kind: 'number' as const, min: 1, max: 10 };
  test.each([
    [scale, '42', 'Business Impact', '42 is not allowed here: Business Impact takes a number from 1 to 10.'],
    [scale, 'high', 'Business Impact', '"high" is not allowed here: Business Impact takes a number from 1 to 10.'],
    [
      { kind: 'number' as const, min: 0.5 },
      '0',
      'Capacity',
      '0 is not allowed here: Capacity takes a number of at least 0.5.',
    ],
    [
      { kind: 'number' as const, min: 1, integer: true },
      '1.5',
      'Rank',
      '1.5 is not allowed here: Rank takes a whole number of at least 1.',
    ],
    [
      { kind: 'list' as const, values: ['Proposed', 'Accepted'] },
      'Maybe',
      'Status',
      '"Maybe" is not allowed here: Status takes one of: Proposed, Accepted.',
    ],
    [
      { kind: 'date' as const },
      'next week',
      'Start',
      '"next week" is not allowed here: Start takes a date, written like 2027-03-31.',
    ],
  ])('%j refuses %p', (rule, text, subject, message) => {
    expect(refusal(rule, text, subject)).toBe(message);
  });
  test('values that fit, blanks and formulas are not refused', () => {
    expect(refusal(scale, '7', 'Impact')).toBeUndefined();
    expect(refusal(scale, ' ', 'Impact')).toBeUndefined();
    expect(refusal(scale, '=A1*100', 'Impact')).toBeUndefined();
    expect(refusal({ kind: 'date' }, '2027-02-28', 'Start')).toBeUndefined();
    expect(refusal({ kind: 'date' }, '2027-02-30', 'Start')).toMatch(/takes a date/);
    expect(refusal({ kind: 'listFromRange', source: '=ThemeNames' }, 'Growth', 'Theme', ['Growth'])).toBeUndefined();
    expect(refusal({ kind: 'listFromRange', source: '=ThemeNames' }, 'X', 'Theme', [])).toBe(
      '"X" is not allowed here: Theme takes a value from its list, which is empty for now.',
    );
  });

  // As Excel (OfficeDev/office-js#972, "by design"; docs/host-api-notes.md "List validation and letter case").
  test('the Roadmap Status list takes its words case included, and says how to type one typed in another case', () => {
    const status = { kind: 'list' as const, values: ROADMAP_STATUSES };
    expect(ROADMAP_SHEET.columns.find((c) => c.key === 'status')!.validation).toEqual(status);
    expect(refusal(status, 'In Progress', 'Status')).toBe(
      '"In Progress" is not allowed here: Status takes one of: Not started, In progress, Done, At risk, Blocked' +
        ` (type it as "${ROADMAP_STATUS.inProgress}").`,
    );
    expect(refusal(status, 'In progress', 'Status')).toBeUndefined();
    expect(refusal(status, 'Stalled', 'Status')).not.toMatch(/type it as/);
  });

  test('a list taken from a range (Theme) takes a value whatever its case, as Excel does', () => {
    const themes = { kind: 'listFromRange' as const, source: '=ThemeNames' };
    expect(refusal(themes, 'enterprise-ready platform', 'Theme', ['Enterprise-Ready Platform'])).toBeUndefined();
    expect(refusal(themes, 'Enterprise platform', 'Theme', ['Enterprise-Ready Platform'])).toMatch(/not allowed/);
  });
});

describe('computed cells are guarded (typing over a template formula asks first)', () => {
  test('only a formula on a template sheet, replaced by something else, asks', () => {
    expect(replacesComputed('=IF(B2="","",B2*2)', 'Mine', true)).toBe(true);
    expect(replacesComputed('=IF(B2="","",B2*2)', '=IF(B2="","",B2*2)', true)).toBe(false); // F2 then Enter
    expect(replacesComputed('=A1', 'x', false)).toBe(false); // the user's own sheet
    expect(replacesComputed('7', 'x', true)).toBe(false); // an input cell
    expect(overwriteQuestion('C2', 'Status')).toEqual({
      title: 'Replace the formula in C2?',
      text: '"Status" is calculated by the template. What you typed would replace its formula (Undo, Ctrl+Z, brings it back). Keep the formula to leave the cell as it is.',
      confirm: 'Replace',
    });
  });
});
