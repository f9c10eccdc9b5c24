/**
 * What "Add planned projects to the roadmap" writes, pure (shared/strategy/roadmap-append.ts, #25): from sheets built
 * in the test as a file reader hands them (the Prioritization's Quadrant and Planned Quarter as the sheet computed
 * them), which projects become roadmap rows, in which row and columns, with which quarter, first and last day and
 * status; what the message says; where the hosts write when the Roadmap grew meanwhile (lastFilledRow) and what the
 * sheets read once written (withAppended). Every expected value is written by hand from the rules in the module note.
 */
import { ymdToSerial } from '../../shared/core/args';
import { ROADMAP_NEEDED } from '../../shared/core/messages';
import type { ReadCell, ReadSheet } from '../../shared/strategy/read';
import {
  columnCells,
  columnFormat,
  lastFilledRow,
  planRoadmapAppend,
  withAppended,
  type RoadmapAppendPlan,
} from '../../shared/strategy/roadmap-append';

const NOW = new Date(2026, 11, 1, 12);
const TODAY = ymdToSerial(2026, 12, 1);
const day = (y: number, m: number, d: number) => ymdToSerial(y, m, d);

const HEADER = ['Initiative', 'Theme', 'Quarter', 'Owner', 'Start', 'End', 'Status', 'Duration (days)', 'Depends On'];

/** A Prioritization sheet: [project, theme, quadrant, planned quarter, owner] rows and its First quarter setting. */
function prioritization(rows: ReadCell[][], first: ReadCell = 'Q3 2026'): ReadSheet {
  return {
    name: 'Prioritization',
    rows: [['Project', 'Theme', 'Quadrant', 'Planned Quarter', 'Owner', '', 'First quarter', first], ...rows],
  };
}

const roadmapSheet = (rows: ReadCell[][], name = 'Roadmap'): ReadSheet => ({ name, rows: [HEADER, ...rows] });

const plan = (sheets: ReadSheet[], today = TODAY, now = NOW) => planRoadmapAppend(sheets, today, now);

/** The new rows as [initiative, theme, quarter, owner, start, end, status]. */
const lines = (p: RoadmapAppendPlan) =>
  p.rows.map((r) => [r.initiative, r.theme, r.quarter, r.owner, r.start, r.end, r.status]);

const Q3_2026 = [day(2026, 7, 1), day(2026, 9, 30)];
const Q4_2026 = [day(2026, 10, 1), day(2026, 12, 31)];
const Q1_2027 = [day(2027, 1, 1), day(2027, 3, 31)];
const Q2_2027 = [day(2027, 4, 1), day(2027, 6, 30)];

describe('which planned projects are added, with what', () => {
  const sheets = [
    prioritization([
      ['Analytics', ' Data ', 'Do Now', 'Q4 2026', ' Sam '],
      [' sso ', 'Platform', 'Do Now', 'Q3 2026', 'Dana'],
      ['GDPR', 'Platform', 'Plan Carefully', 'Q3 2026', 'Lars'],
      ['Refactor', 'Platform', " don't do ", 'Q3 2026', 'Ana'],
      ['Billing', 'Growth', 'Do When You Have Time', 'Q1 2027', ''],
      ['Search', 'Growth', 'Do Now', 'Q2 2027', 'Kim'],
      ['Data lake', 'Data', 'Do Now', 'Q2 Y2', 'Sam'],
      ['Mobile', 'Growth', 'Do Now', 'Q3 2027', 'Kim'],
      ['Legacy', 'Growth', "Don't Do", 'Q4 2027', 'Kim'],
      ['Too large', 'Growth', 'Plan Carefully', 'Too big for capacity', 'Kim'],
      ['Last year', 'Growth', 'Do Now', 'Q2 2026', 'Kim'],
      ['Unplanned', 'Growth', 'Do Now', '', 'Kim'],
      ['', 'Growth', 'Do Now', 'Q3 2026', 'Nobody named'],
      ['GDPR ', 'Platform', 'Do Now', 'Q4 2026', 'Lars'],
    ]),
    roadmapSheet([['SSO', 'Platform', 'Q1', 'Dana', day(2026, 7, 1), day(2026, 9, 30), 'Done']]),
  ];
  const p = plan(sheets);

  test('each project not on the roadmap and not "Don\'t Do", in its plan quarter (Q1 is the First quarter) with its days', () => {
    expect(lines(p)).toEqual([
      ['Analytics', 'Data', 'Q2', 'Sam', ...Q4_2026, 'Not started'],
      ['GDPR', 'Platform', 'Q1', 'Lars', ...Q3_2026, 'Not started'],
      ['Billing', 'Growth', 'Q3', '', ...Q1_2027, 'Not started'],
      ['Search', 'Growth', 'Q4', 'Kim', ...Q2_2027, 'Not started'],
      ['Data lake', 'Data', 'Q4', 'Sam', ...Q2_2027, 'Not started'],
    ]);
  });

  test('below the last row, in the Roadmap’s columns', () => {
    expect(p.sheet).toBe('Roadmap');
    expect(p.row).toBe(2);
    expect(p.columns).toEqual({ initiative: 0, theme: 1, quarter: 2, owner: 3, start: 4, end: 5, status: 6 });
  });

  test('the message names what was added and what was left out, and why', () => {
    expect(p.message).toBe(
      'Added 5 planned projects to "Roadmap": Analytics, GDPR, Billing, Search and Data lake; ' +
        '2 projects already on the roadmap; Refactor and Legacy are "Don\'t Do" (not added); ' +
        'Mobile planned past Q4 (not added).',
    );
  });

  test('run again once written: nothing to add', () => {
    const again = plan(withAppended(sheets, p));
    expect(again.rows).toEqual([]);
    expect(again.row).toBe(7);
    expect(again.message).toBe(
      'No planned project to add; 7 projects already on the roadmap; Refactor and Legacy are "Don\'t Do" (not added); ' +
        'Mobile planned past Q4 (not added).',
    );
  });

  test('no project at all', () => {
    const none = plan([prioritization([]), roadmapSheet([])]);
    expect(none).toEqual({
      sheet: 'Roadmap',
      row: 1,
      columns: { initiative: 0, theme: 1, quarter: 2, owner: 3, start: 4, end: 5, status: 6 },
      rows: [],
      message: 'No planned project to add.',
    });
  });

  test('one of each: singular wording', () => {
    const one = plan([
      prioritization([
        ['A', '', 'Do Now', 'Q3 2026', ''],
        ['B', '', "Don't Do", 'Q3 2026', ''],
        ['C', '', 'Do Now', 'Q4 2026', ''],
        ['D', '', 'Do Now', 'Q4 2027', ''],
      ]),
      roadmapSheet([['C', '', '', '', '', '', '']]),
    ]);
    expect(one.message).toBe(
      'Added 1 planned project to "Roadmap": A; 1 project already on the roadmap; B is "Don\'t Do" (not added); D planned past Q4 (not added).',
    );
  });
});

describe('the quarter’s days: the First quarter setting’s', () => {
  const projects = [
    ['First', '', 'Do Now', 'Q3', ''],
    ['Second', '', 'Do Now', 'Q4', ''],
    ['Fourth', '', 'Do Now', 'Q2 Y2', ''],
  ];

  test('a First quarter with its year: that quarter, whatever the roadmap’s dates or today', () => {
    const p = plan(
      [
        prioritization(
          [
            ['Next', '', 'Do Now', 'Q1 2028', ''],
            ['Then', '', 'Do Now', 'Q2 2028', ''],
          ],
          'Q4 2027',
        ),
        roadmapSheet([['Old', '', '', '', day(2025, 2, 3), day(2025, 3, 1), '']]),
      ],
      day(2030, 8, 8),
    );
    expect(lines(p)).toEqual([
      ['Next', '', 'Q2', '', day(2028, 1, 1), day(2028, 3, 31), 'Not started'],
      ['Then', '', 'Q3', '', day(2028, 4, 1), day(2028, 6, 30), 'Not started'],
    ]);
  });

  test('a blank First quarter is Q1 of the year of the reading', () => {
    const p = plan([prioritization([['A', '', 'Do Now', 'Q2 2026', '']], ''), roadmapSheet([])]);
    expect(lines(p)).toEqual([['A', '', 'Q2', '', day(2026, 4, 1), day(2026, 6, 30), 'Not started']]);
  });

  test('a First quarter that is no quarter adds nothing and names the setting to mend, as the sheet’s Planned Quarter does', () => {
    const long = `Q3 ${'x'.repeat(50000)}`; // a pasted text: named by its first 37 characters
    const shown: Record<string, string> = {
      'Q3 FY27': '"Q3 FY27"',
      soon: '"soon"',
      Q5: '"Q5"',
      [long]: `"Q3 ${'x'.repeat(34)}..."`,
    };
    for (const setting of Object.keys(shown)) {
      const p = plan(
        [prioritization(projects, setting), roadmapSheet([['Earliest', '', '', '', day(2026, 11, 5), '', '']])],
        day(2027, 8, 15),
      );
      expect(p).toEqual({
        row: 0,
        columns: {},
        rows: [],
        message: `Add planned projects to the roadmap needs a First quarter on the Prioritization sheet such as "Q3 2027" or "Q3" (got ${shown[setting]}): type one there, then add the planned projects again.`,
      });
    }
  });

  test('a quarter in the next year, and December’s last day', () => {
    const p = plan([
      prioritization(
        [
          ['Winter', '', 'Do Now', 'Q1 2028', ''],
          ['Autumn', '', 'Do Now', 'Q4 2027', ''],
        ],
        'Q3 2027',
      ),
      roadmapSheet([]),
    ]);
    expect(lines(p)).toEqual([
      ['Winter', '', 'Q3', '', day(2028, 1, 1), day(2028, 3, 31), 'Not started'],
      ['Autumn', '', 'Q2', '', day(2027, 10, 1), day(2027, 12, 31), 'Not started'],
    ]);
  });
});

describe('where the new rows go', () => {
  const one = prioritization([['New', 'T', 'Do Now', 'Q3 2026', 'Me']]);

  test('below the last row holding anything in an input column, past blank rows', () => {
    const p = plan([
      one,
      roadmapSheet([
        ['A', '', '', '', '', '', ''],
        [],
        ['', '', '', '', '', '', ''],
        ['', '', '', '', '', '', 'Blocked'],
        ['   ', '', '', '', '', '', ''],
        ['', '', '', '', '', '', '', 12],
        [undefined, null, '', '  ', '', '', ''],
      ]),
    ]);
    // Rows 1–7 below the header: the Status alone on row 4 counts, spaces, a Duration and empty cells do not.
    expect(p.row).toBe(5);
  });

  test('a title above the header is not a roadmap row', () => {
    const p = plan([one, { name: 'Roadmap', rows: [['Roadmap 2027', '', '', '', '', '', 'Draft'], [], HEADER] }]);
    expect(p.row).toBe(3);
    const sparse: ReadCell[][] = [['Roadmap 2027']];
    sparse[3] = HEADER;
    sparse[6] = ['B', '', '', '', '', '', ''];
    expect(plan([one, { name: 'Roadmap', rows: sparse }]).row).toBe(7);
  });

  test('the header as the fifth row is found; the sixth is too far down', () => {
    const fifth = plan([one, { name: 'Roadmap', rows: [['Roadmap'], [], [], [], HEADER] }]);
    expect([fifth.sheet, fifth.row, lines(fifth).length]).toEqual(['Roadmap', 5, 1]);
    const sixth = plan([one, { name: 'Roadmap', rows: [['Roadmap'], [], [], [], [], HEADER] }]);
    expect(sixth).toEqual({ row: 0, columns: {}, rows: [], message: ROADMAP_NEEDED });
  });

  test('moved columns, in any case and spacing, among others', () => {
    const header = [' status ', 'Notes', 'END', 'Owner', 'Initiative', 'Depends On', 'start', 'QUARTER', ' Theme'];
    const p = plan([
      one,
      {
        name: 'Roadmap',
        rows: [
          header,
          ['Done', 'x', day(2026, 8, 1), 'Dana', 'SSO', '', day(2026, 7, 1), 'Q1', 'Platform'],
          ['', 'a note'],
        ],
      },
    ]);
    expect(p.columns).toEqual({ initiative: 4, theme: 8, quarter: 7, owner: 3, start: 6, end: 2, status: 0 });
    expect(p.row).toBe(2);
    expect(lines(p)).toEqual([['New', 'T', 'Q1', 'Me', ...Q3_2026, 'Not started']]);
  });

  test('a Roadmap found by its headers under another name', () => {
    const p = plan([one, roadmapSheet([], 'Plan 2027')]);
    expect(p.sheet).toBe('Plan 2027');
    expect(p.message).toBe('Added 1 planned project to "Plan 2027": New.');
  });
});

describe('no plan to read', () => {
  test('no Prioritization sheet: nothing to add, said so', () => {
    const p = plan([roadmapSheet([['SSO', 'Platform', 'Q1', 'Dana', day(2026, 7, 1), day(2026, 9, 30), 'Done']])]);
    expect([p.sheet, p.row, p.rows, p.message]).toEqual(['Roadmap', 2, [], 'No planned project to add.']);
  });
});

describe('no Roadmap to append to', () => {
  const one = prioritization([['New', 'T', 'Do Now', 'Q3 2026', 'Me']]);
  const refused = { row: 0, columns: {}, rows: [], message: ROADMAP_NEEDED };

  test('no Roadmap sheet', () => {
    expect(plan([one])).toEqual(refused);
    expect(plan([one, { name: 'Notes', rows: [['Initiative', 'Owner']] }])).toEqual(refused);
  });

  test('a Roadmap sheet without one of the columns written, or without a header', () => {
    const noStatus = HEADER.filter((h) => h !== 'Status');
    expect(plan([one, { name: 'Roadmap', rows: [noStatus] }])).toEqual(refused);
    expect(plan([one, { name: 'Roadmap', rows: [] }])).toEqual(refused);
    expect(plan([one, { name: 'Roadmap', rows: [['SSO', 'Platform']] }])).toEqual(refused);
  });
});

describe('what the hosts write with the plan', () => {
  test('columnCells: one column’s new cells, one per row; columnFormat: dates as dates', () => {
    const p = plan([
      prioritization([
        ['A', 'T', 'Do Now', 'Q3 2026', 'Me'],
        ['B', 'U', 'Do Now', 'Q4 2026', 'You'],
      ]),
      roadmapSheet([]),
    ]);
    expect(columnCells(p, 'initiative')).toEqual([['A'], ['B']]);
    expect(columnCells(p, 'start')).toEqual([[Q3_2026[0]], [Q4_2026[0]]]);
    expect(columnCells(p, 'status')).toEqual([['Not started'], ['Not started']]);
    expect(columnFormat('start')).toBe('yyyy-mm-dd');
    expect(columnFormat('end')).toBe('yyyy-mm-dd');
    for (const key of ['initiative', 'theme', 'quarter', 'owner', 'status'] as const)
      expect(columnFormat(key)).toBeUndefined();
  });

  test('lastFilledRow: the last row with anything in one of the columns, -1 when none', () => {
    const sheet: ReadSheet = {
      name: 'Roadmap',
      rows: [HEADER, ['A', 'x'], ['', 'y', 0], ['  ', 'z'], [], [null, 'w', undefined]],
    };
    expect(lastFilledRow(sheet, [0])).toBe(1);
    expect(lastFilledRow(sheet, [2])).toBe(2);
    expect(lastFilledRow(sheet, [0, 2])).toBe(2);
    expect(lastFilledRow(sheet, [1])).toBe(5);
    expect(lastFilledRow(sheet, [7])).toBe(0);
    expect(lastFilledRow(sheet, [9])).toBe(-1);
    expect(lastFilledRow({ name: 'Roadmap', rows: [] }, [0])).toBe(-1);
    const sparse: ReadCell[][] = [['A']];
    sparse[4] = ['B'];
    sparse[7] = [];
    expect(lastFilledRow({ name: 'Roadmap', rows: sparse }, [0])).toBe(4);
  });

  test('withAppended: the Roadmap as it reads once written; its other cells and the other sheets as they were', () => {
    const prio = prioritization([
      ['A', 'T', 'Do Now', 'Q3 2026', 'Me'],
      ['B', 'U', 'Do Now', 'Q4 2026', 'You'],
    ]);
    const road: ReadSheet = {
      name: 'Roadmap',
      rows: [HEADER, ['Old', '', '', '', '', '', '', 5], [], ['', '', '', '', '', '', '', '=dur', 'keep']],
    };
    const p = plan([prio, road]);
    expect(p.row).toBe(2);
    const after = withAppended([prio, road], p);
    expect(after[0]).toBe(prio);
    expect(after[1].name).toBe('Roadmap');
    expect(after[1].rows).toEqual([
      HEADER,
      ['Old', '', '', '', '', '', '', 5],
      ['A', 'T', 'Q1', 'Me', ...Q3_2026, 'Not started'],
      ['B', 'U', 'Q2', 'You', ...Q4_2026, 'Not started', '=dur', 'keep'],
    ]);
    // The sheet read before is left as it was.
    expect(road.rows[2]).toEqual([]);
    expect(road.rows[3]).toEqual(['', '', '', '', '', '', '', '=dur', 'keep']);
  });

  test('withAppended past the sheet’s last row, and with moved columns', () => {
    const plan2: RoadmapAppendPlan = {
      sheet: 'Roadmap',
      row: 2,
      columns: { initiative: 2, theme: 7, quarter: 1, owner: 3, start: 4, end: 5, status: 6 },
      rows: [{ initiative: 'X', theme: 'T', quarter: 'Q1', owner: 'O', start: 1, end: 2, status: 'Not started' }],
      message: '',
    };
    const after = withAppended([{ name: 'Roadmap', rows: [['h']] }], plan2);
    // A Notes column first: the new row's first cell is left empty.
    expect(after[0].rows).toEqual([['h'], undefined, [undefined, 'Q1', 'X', 'O', 1, 2, 'Not started', 'T']]);
    expect(0 in after[0].rows[2]).toBe(false);
  });

  test('withAppended with a refused plan changes nothing', () => {
    const sheets: ReadSheet[] = [{ name: 'Notes', rows: [['a']] }];
    const after = withAppended(sheets, { row: 0, columns: {} as RoadmapAppendPlan['columns'], rows: [], message: '' });
    expect(after).toEqual(sheets);
    expect(after[0]).toBe(sheets[0]);
  });
});
