/**
 * The strategy reader (shared/strategy/read.ts readStrategy): the workbook's sheets, as plain cell arrays built here
 * the way a person leaves them, read into the StrategyData the Strategy Review, the Strategy Document and the snapshot
 * use. Sheets found by name in any case, with a " (2)" suffix, or by their headers; the header row among the first
 * five; columns moved, extra, doubled; blank rows; numbers, texts, dates, errors and booleans in each kind of column;
 * the computed columns as the file cached them or as the rules compute them; the side-block settings; the plan's first
 * quarter and Top N; Team Scoring's scores under "Use team scores"; what the ReadResult says of missing sheets. Every
 * expected value is written by hand from the rule. Pure jest: no formula engine.
 */
import { readStrategy, sheetsToRead, type ReadCell, type ReadSheet } from '../../shared/strategy/read';

/** Today for the values that depend on it: 6 December 2026, noon (local), serial day 46362. */
const NOW = new Date(2026, 11, 6, 12);

const THEMES = 'Strategic Themes';
const THEME_HEADERS = ['Theme', 'Business Driver', 'Technical Implication', 'Success Criteria', 'Timeline', 'Owner'];
const PROJECT_HEADERS = ['Project', 'Theme', 'Business Impact', 'Urgency', 'Effort', 'Risk', 'Priority Score'];
const MORE_PROJECT_HEADERS = ['Quadrant', 'Planned Quarter', 'Owner', 'Low Effort', 'High Effort', 'Commitment'];

/** A sheet as a file holds it. */
const sheet = (name: string, rows: ReadCell[][], shown?: (string | undefined)[][]): ReadSheet => ({
  name,
  rows,
  ...(shown ? { shown } : {}),
});

/** A Strategic Themes sheet naming these themes (nothing else typed). */
const themesSheet = (...names: string[]): ReadSheet => sheet(THEMES, [['Theme', 'Owner'], ...names.map((n) => [n])]);

/** The workbook read as of NOW, with a Strategic Themes sheet unless one is given. */
function read(...sheets: ReadSheet[]) {
  const withThemes = sheets.some((s) => s.name === THEMES) ? sheets : [themesSheet('Speed'), ...sheets];
  return readStrategy(withThemes, NOW);
}

/** A Prioritization sheet: the headers, then each project row; settings to the right of the header row. */
function prioritization(rows: ReadCell[][], settings: [string, ReadCell][] = [], name = 'Prioritization'): ReadSheet {
  const header: ReadCell[] = [...PROJECT_HEADERS, ...MORE_PROJECT_HEADERS];
  const grid = [header, ...rows.map((r) => [...r])];
  settings.forEach(([label, value], i) => {
    const row = (grid[i] ??= []);
    row[15] = label;
    row[16] = value;
  });
  return sheet(name, grid);
}

/** The projects read, each as [name, score, quadrant, planned quarter]. */
const planOf = (s: ReadSheet, ...more: ReadSheet[]) =>
  read(s, ...more).data.projects.map((p) => [p.project, p.score, p.quadrant, p.quarter]);

describe('the sheets, found by name or by their headers', () => {
  test('an empty workbook: every sheet missing, Strategic Themes required', () => {
    const r = readStrategy([], NOW);
    expect(r.found).toEqual({});
    expect(r.missingRequired).toEqual([THEMES]);
    expect(r.missing).toEqual([
      THEMES,
      'Business Context',
      'Technical Health',
      'Technical Principles',
      'Prioritization',
      'Roadmap',
      'Metrics Dashboard',
      'Engineering Velocity',
      'ADR Log',
      "What We're Not Doing",
      'Progress History',
      'Organization & Ways of Working',
      'Team Scoring',
      'Technical Debt',
    ]);
    expect(r.data.themes).toEqual([]);
    expect(r.data.planStart).toBeUndefined();
    expect(r.data.topN).toBeUndefined();
  });

  test('a workbook with only the themes: nothing required is missing, the optional sheets are listed', () => {
    const r = readStrategy([themesSheet('Speed')], NOW);
    expect(r.missingRequired).toEqual([]);
    expect(r.missing).toHaveLength(13);
    expect(r.missing).not.toContain(THEMES);
    expect(r.found).toEqual({ themes: THEMES });
    expect(r.data.themes.map((t) => t.name)).toEqual(['Speed']);
    // The plan's settings come from the Prioritization sheet only.
    expect([r.data.planStart, r.data.topN]).toEqual([undefined, undefined]);
  });

  test('a name typed in another case and with extra spaces is the sheet', () => {
    const r = readStrategy([sheet('  strategic   THEMES ', [['Theme'], ['Speed']])], NOW);
    expect(r.found.themes).toBe('  strategic   THEMES ');
    expect(r.data.themes.map((t) => t.name)).toEqual(['Speed']);
    expect(r.missingRequired).toEqual([]);
  });

  test('"Roadmap (2)" is the Roadmap when there is no "Roadmap"; "Roadmap" wins when both are there', () => {
    const copy = sheet('Roadmap (2)', [['Initiative'], ['From the copy']]);
    const original = sheet('Roadmap', [['Initiative'], ['From the original']]);
    expect(read(copy).found.roadmap).toBe('Roadmap (2)');
    expect(read(copy).data.roadmap.map((i) => i.initiative)).toEqual(['From the copy']);
    expect(read(copy, original).found.roadmap).toBe('Roadmap');
    expect(read(copy, original).data.roadmap.map((i) => i.initiative)).toEqual(['From the original']);
    expect(read(sheet('roadmap(12)', [['Initiative'], ['X']])).found.roadmap).toBe('roadmap(12)');
  });

  test('a name that is neither the sheet\'s nor a copy\'s ("Roadmap (2) old", "Roadmap copy") is not it', () => {
    const names = [
      'Roadmap (2) old',
      'Roadmap copy',
      'Old Roadmap',
      'Roadmap ()',
      'Roadmap (two)',
      'Road (2)map',
      'Road map',
    ];
    for (const name of names) {
      const r = read(sheet(name, [['Initiative'], ['X']]));
      expect([name, r.found.roadmap]).toEqual([name, undefined]);
      expect(r.missing).toContain('Roadmap');
      expect(r.data.roadmap).toEqual([]);
    }
  });

  test('a renamed sheet is found by its headers when at least half of them (and three) are there', () => {
    // Roadmap has 9 headers a reader looks for: 5 are needed.
    const five = sheet('Our bets', [
      ['Initiative', 'Theme', 'Quarter', 'Owner', 'Status'],
      ['Faster CI', 'Speed', 'Q1'],
    ]);
    const four = sheet('Our bets', [
      ['Initiative', 'Quarter', 'Owner', 'Status'],
      ['Faster CI', 'Q1'],
    ]);
    expect(read(five).found.roadmap).toBe('Our bets');
    expect(read(five).data.roadmap).toEqual([
      { initiative: 'Faster CI', theme: 'Speed', quarter: 'Q1', owner: '', status: '', dependsOn: '' },
    ]);
    expect(read(four).found.roadmap).toBeUndefined();
    expect(read(four).missing).toContain('Roadmap');
  });

  test('a sheet of few headers needs three of them to be found by them (Technical Principles has four)', () => {
    const two = sheet('Beliefs', [
      ['Principle', 'Stance / Trade-off', 'Notes', 'Links'],
      ['Boring tech', 'Fewer surprises'],
    ]);
    const three = sheet('Beliefs', [
      ['Principle', 'Stance / Trade-off', 'What It Means in Practice'],
      ['Boring tech', 'Fewer surprises', 'Postgres'],
    ]);
    expect(read(two).found.principles).toBeUndefined();
    expect(read(two).data.principles).toEqual([]);
    expect(read(three).found.principles).toBe('Beliefs');
    expect(read(three).data.principles).toEqual([
      { principle: 'Boring tech', stance: 'Fewer surprises', practice: 'Postgres' },
    ]);
  });

  test('of several renamed sheets, the one whose headers match best; on a tie the first', () => {
    const some = sheet('Some', [THEME_HEADERS.slice(0, 3), ['From some']]);
    const all = sheet('All', [THEME_HEADERS, ['From all']]);
    const again = sheet('Again', [THEME_HEADERS, ['From again']]);
    expect(readStrategy([some, all], NOW).found.themes).toBe('All');
    expect(readStrategy([all, some], NOW).found.themes).toBe('All');
    expect(readStrategy([all, again], NOW).found.themes).toBe('All');
    expect(readStrategy([again, all], NOW).data.themes.map((t) => t.name)).toEqual(['From again']);
  });

  test('headers found below the first five rows do not make a sheet', () => {
    const rows: ReadCell[][] = [['Notes'], [], [], [], [], ['Theme', 'Business Driver', 'Owner'], ['Speed']];
    const r = readStrategy([sheet('Ideas', rows)], NOW);
    expect(r.found.themes).toBeUndefined();
    expect(r.missingRequired).toEqual([THEMES]);
  });

  test('sheetsToRead names the sheets the reader would read from their first rows, and no other', () => {
    const heads = [
      sheet('Strategic Themes', [['Theme']]),
      sheet('Roadmap (2)', []),
      sheet('Notes', [['Anything', 'Else']]),
      sheet('Beliefs', [['Principle', 'Stance / Trade-off', 'What It Means in Practice']]),
    ];
    expect([...sheetsToRead(heads)].sort()).toEqual(['Beliefs', 'Roadmap (2)', 'Strategic Themes']);
    expect(sheetsToRead([])).toEqual(new Set());
  });
});

describe('the header row and the columns', () => {
  test('the header row is found below a title and a help line; the rows above it are not data', () => {
    const rows: ReadCell[][] = [
      ['Strategic Themes'],
      ['Type one theme a row. Owner: who answers for it.'],
      [],
      THEME_HEADERS,
      ['Speed', 'Churn', 'CI', 'Deploy daily', '2027', 'Ann'],
    ];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes).toEqual([
      { name: 'Speed', driver: 'Churn', implication: 'CI', criteria: 'Deploy daily', timeline: '2027', owner: 'Ann' },
    ]);
  });

  test('the header may be in row 5, not below', () => {
    const at = (r: number): ReadCell[][] => [...Array.from({ length: r }, () => ['Intro']), ['Theme'], ['Speed']];
    expect(readStrategy([sheet(THEMES, at(4))], NOW).data.themes.map((t) => t.name)).toEqual(['Speed']);
    // Below the first five rows no header is found: the sheet is there, its rows are not read.
    const late = readStrategy([sheet(THEMES, at(5))], NOW);
    expect(late.found.themes).toBe(THEMES);
    expect(late.data.themes).toEqual([]);
  });

  test('a title holding one header word does not win over the header row', () => {
    const rows: ReadCell[][] = [['Theme'], ['Owner', 'Theme', 'Timeline'], ['Ann', 'Speed', 'H1']];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes).toEqual([
      { name: 'Speed', driver: '', implication: '', criteria: '', timeline: 'H1', owner: 'Ann' },
    ]);
  });

  test('a header row typed twice: the first is the header, the copy below reads as a row', () => {
    const rows: ReadCell[][] = [
      ['Theme', 'Owner'],
      ['Theme', 'Owner'],
      ['Speed', 'Ann'],
    ];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes.map((t) => [t.name, t.owner])).toEqual([
      ['Theme', 'Owner'],
      ['Speed', 'Ann'],
    ]);
  });

  test('columns moved, headers in another case and spacing, extra and doubled columns', () => {
    const rows: ReadCell[][] = [
      ['Notes', ' OWNER ', '', 'success   criteria', 'theme', 'Owner', 'Extra'],
      ['a note', 'Ann', 'x', 'Deploy daily', 'Speed', 'Bo', 'y'],
    ];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes).toEqual([
      { name: 'Speed', driver: '', implication: '', criteria: 'Deploy daily', timeline: '', owner: 'Ann' },
    ]);
  });

  test('blank rows between rows, rows of spaces and missing rows are skipped', () => {
    const rows: ReadCell[][] = [['Theme', 'Owner'], ['Speed'], [], ['  ', ' '], [undefined, null], ['Cost', 'Bo']];
    rows[7] = ['Trust'];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes.map((t) => [t.name, t.owner])).toEqual([
      ['Speed', ''],
      ['Cost', 'Bo'],
      ['Trust', ''],
    ]);
  });

  test("rows typed below the template's last row are read (a sheet of 50 themes holding 51)", () => {
    const names = Array.from({ length: 51 }, (_, i) => `Theme ${i + 1}`);
    const rows: ReadCell[][] = [['Theme'], ...names.map((n) => [n])];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes.map((t) => t.name)).toEqual(names);
  });

  test('a row with only a computed column filled is not a row; one with only an owner is', () => {
    const s = prioritization([
      [],
      ['', '', '', '', '', '', 12.5, 'Do Now'],
      ['', '', '', '', '', '', '', '', '', 'Ann'],
    ]);
    expect(read(s).data.projects.map((p) => [p.project, p.owner, p.score])).toEqual([['', 'Ann', undefined]]);
  });
});

describe('cell values in each kind of column', () => {
  test('a text column: numbers, booleans and dates as text, spaces trimmed, an error blank', () => {
    const rows: ReadCell[][] = [
      ['Theme', 'Timeline', 'Owner'],
      [' Speed ', 2027, true],
      ['Cost', new Date(Date.UTC(2026, 0, 15)), false],
      ['Trust', { error: '#N/A' }, null],
      [0, 1.5, 'Ann'],
    ];
    expect(readStrategy([sheet(THEMES, rows)], NOW).data.themes.map((t) => [t.name, t.timeline, t.owner])).toEqual([
      ['Speed', '2027', 'TRUE'],
      ['Cost', '46037', 'FALSE'], // 15 January 2026 is serial day 46037
      ['Trust', '', ''],
      ['0', '1.5', 'Ann'],
    ]);
  });

  test('a number column: numbers and dates, nothing else', () => {
    const rows: ReadCell[][] = [
      ['Section', 'Item', 'Count', 'Amount', 'Date'],
      ['Teams', 'Platform', 6, '6', new Date(Date.UTC(2026, 0, 15))],
      ['Teams', 'Mobile', { error: '#REF!' }, true, 'next year'],
      ['Teams', 'Web', Infinity, NaN, new Date(Number.NaN)],
    ];
    const org = read(sheet('Organization & Ways of Working', rows)).data.org;
    expect(org.map((o) => [o.item, o.count, o.amount, o.date])).toEqual([
      ['Platform', 6, undefined, 46037],
      ['Mobile', undefined, undefined, undefined],
      ['Web', undefined, undefined, undefined],
    ]);
  });

  test('a metric column: a number stays a number unless the host gave its display text; a text stays text', () => {
    const header = ['Business Metric', 'Baseline', 'Current', 'Target'];
    const rows: ReadCell[][] = [header, ['Uptime', 0.99, 0.995, 0.999], ['Revenue', '$1M', 2000000, '<200ms']];
    const shown = [header, ['Uptime', '99%', '  ', '99.9%'], ['Revenue', '$1.0M', '$2,000,000', 'less']];
    const metrics = read(sheet('Metrics Dashboard', rows, shown)).data.metrics;
    expect(metrics.map((m) => [m.business, m.baseline, m.current, m.target])).toEqual([
      ['Uptime', '99%', 0.995, '99.9%'],
      ['Revenue', '$1M', '$2,000,000', '<200ms'],
    ]);
    const bare = read(sheet('Metrics Dashboard', rows)).data.metrics;
    expect(bare.map((m) => [m.baseline, m.current, m.target])).toEqual([
      [0.99, 0.995, 0.999],
      ['$1M', 2000000, '<200ms'],
    ]);
  });

  test("a display text is read from the cell's own row and column, wherever the header is", () => {
    const rows: ReadCell[][] = [['Dashboard'], ['Current', 'Business Metric'], [0.5, 'Adoption'], [0.25, 'Reach']];
    rows[5] = [0.75, 'Retention']; // after a missing row, and no display text given for either
    const shown = [[], ['Current', 'Business Metric'], ['50%', 'Adoption'], [undefined, 'Reach']];
    const metrics = read(sheet('Metrics Dashboard', rows, shown)).data.metrics;
    expect(metrics.map((m) => [m.business, m.current])).toEqual([
      ['Adoption', '50%'],
      ['Reach', 0.25],
      ['Retention', 0.75],
    ]);
  });

  test('a date column reads a date as its serial day', () => {
    const rows: ReadCell[][] = [
      ['ADR #', 'Title', 'Date', 'Review Date'],
      ['ADR-1', 'Use Postgres', new Date(Date.UTC(2026, 0, 15)), 46100],
      ['ADR-2', 'Use queues', '2026-01-15', undefined],
    ];
    const adrs = read(sheet('ADR Log', rows)).data.adrs;
    expect(adrs.map((a) => [a.number, a.title, a.date, a.review])).toEqual([
      ['ADR-1', 'Use Postgres', 46037, 46100],
      ['ADR-2', 'Use queues', undefined, undefined],
    ]);
  });

  test('Progress History keeps only the lines that have a date', () => {
    const rows: ReadCell[][] = [
      ['Date', 'What', 'Name', 'Value', 'As Written'],
      [46300, 'Metric', 'Uptime', 0.99, '99%'],
      ['', 'Metric', 'Uptime', 0.98, '98%'],
      ['yesterday', 'Metric', 'Uptime', 0.97, '97%'],
      [46310, 'Theme', 'Speed', 0.4, 0.4],
    ];
    const shown = [[], [], [], [], ['2026-10-07', '', '', '40%', '40%']];
    expect(read(sheet('Progress History', rows, shown)).data.history).toEqual([
      { date: 46300, kind: 'Metric', name: 'Uptime', value: 0.99, shown: '99%' },
      { date: 46310, kind: 'Theme', name: 'Speed', value: 0.4, shown: '40%' },
    ]);
  });
});

describe('Prioritization: computed columns as cached, else as the rules compute them', () => {
  // Priority Score = Impact × 2 + Urgency − Effort × 0.5 − Risk; quadrant at threshold 5.5 (impact, effort);
  // the plan fills quarters of 10 effort points in score order from the First quarter (blank: Q1 of this year).
  const A = ['A', 'Speed', 8, 6, 4, 2]; // 18, impact high, effort low: Do Now
  const B = ['B', 'Speed', 3, 2, 9, 5]; // −1.5, impact low, effort high: Don't Do
  const C = ['C', 'Speed', 6, 7, 7, 3]; // 12.5, both high: Plan Carefully

  test('no cached values: score, quadrant, planned quarter and commitment computed', () => {
    const r = read(prioritization([A, B, C]));
    expect(r.data.projects.map((p) => [p.project, p.score, p.quadrant, p.quarter, p.commitment])).toEqual([
      ['A', 18, 'Do Now', 'Q1 2026', 'Commit'],
      ['B', -1.5, "Don't Do", 'Q3 2026', "Won't fit"],
      ['C', 12.5, 'Plan Carefully', 'Q2 2026', "Won't fit"],
    ]);
    expect(r.data.projects[0]).toMatchObject({ theme: 'Speed', impact: 8, urgency: 6, effort: 4, risk: 2 });
    expect(r.data.planStart).toBe('Q1 2026');
    expect(r.data.topN).toBe(3);
    expect(r.found.projects).toBe('Prioritization');
  });

  test("cached scores are the sheet's: the plan orders by them, not by the inputs", () => {
    const s = prioritization([
      [...A, 5],
      [...B, 20],
    ]);
    expect(planOf(s)).toEqual([
      ['A', 5, 'Do Now', 'Q2 2026'],
      ['B', 20, "Don't Do", 'Q1 2026'],
    ]);
  });

  test('cached quadrants and quarters are kept; an error, a blank or a missing value is computed', () => {
    const s = prioritization([
      [...A, 18, 'Plan Carefully', 'Q4 2027'],
      [...B, { error: '#VALUE!' }, null, { error: '#N/A' }],
      [...C, undefined, undefined, undefined],
    ]);
    expect(planOf(s)).toEqual([
      ['A', 18, 'Plan Carefully', 'Q4 2027'],
      ['B', -1.5, "Don't Do", 'Q3 2026'],
      ['C', 12.5, 'Plan Carefully', 'Q2 2026'],
    ]);
  });

  test('a cached boolean reads as its text, a cached number in a text column as its digits, a date as its day', () => {
    const s = prioritization([
      [...A, 'n/a', true, 2027],
      [...B, new Date(Date.UTC(2026, 0, 15)), false, 7],
    ]);
    expect(planOf(s)).toEqual([
      ['A', undefined, 'TRUE', '2027'],
      ['B', 46037, 'FALSE', '7'],
    ]);
  });

  test('a project without numbers has no score, quadrant, quarter or commitment', () => {
    const r = read(prioritization([['D', 'Speed'], A]));
    expect(r.data.projects.map((p) => [p.project, p.score, p.quadrant, p.quarter, p.commitment])).toEqual([
      ['D', undefined, '', '', ''],
      ['A', 18, 'Do Now', 'Q1 2026', 'Commit'],
    ]);
  });

  test('Low and High Effort: out of order leaves the commitment blank; a wide range around 4 still commits', () => {
    const s = prioritization([
      [...A, undefined, undefined, undefined, '', 5, 12], // Low 5 > Effort 4
      ['E', '', 8, 6, 4, 2, undefined, undefined, undefined, '', 2, 12],
    ]);
    expect(read(s).data.projects.map((p) => [p.project, p.commitment])).toEqual([
      ['A', ''],
      ['E', 'Commit'],
    ]);
  });

  test('the settings beside the table: threshold, capacity, first quarter and Top N', () => {
    const s = prioritization(
      [A, B],
      [
        ['Quadrant threshold (1–10)', 9],
        ['Capacity per quarter (effort points)', 4],
        ['First quarter', 'Q3'],
        ['Top N (rank stability)', 5],
      ],
    );
    const r = read(s);
    // Threshold 9: A (impact 8, effort 4) is low on both; B (3, 9) high effort only. Capacity 4: B's 9 never fits.
    expect(r.data.projects.map((p) => [p.project, p.quadrant, p.quarter, p.commitment])).toEqual([
      ['A', 'Do When You Have Time', 'Q3 2026', 'Commit'],
      ['B', "Don't Do", 'Too big for capacity', "Won't fit"],
    ]);
    expect(r.data.planStart).toBe('Q3 2026');
    expect(r.data.topN).toBe(5);
    // Capacity 3: A's effort of 4 fits no quarter, and its odds of fitting are nil.
    const three = read(prioritization([A], [['Capacity per quarter (effort points)', 3]])).data.projects;
    expect(three.map((p) => [p.project, p.quarter, p.commitment])).toEqual([
      ['A', 'Too big for capacity', "Won't fit"],
    ]);
  });

  test("a setting's label in another case and spacing, anywhere on the sheet; the first of two labels counts", () => {
    const s = prioritization([A, B]);
    const far = (...cells: ReadCell[]): ReadCell[] => [...Array<ReadCell>(14).fill(''), ...cells];
    s.rows.push([], far('', '', '  quadrant   THRESHOLD (1–10) ', 9), far('first quarter', 'q2 2027'));
    s.rows.push(far('Quadrant threshold (1–10)', 1));
    s.rows[s.rows.length + 1] = far(new Date(Date.UTC(2026, 0, 1)), 'First quarter', 'Q4'); // after a missing row
    const r = read(s);
    expect(r.data.projects.map((p) => [p.project, p.quadrant, p.quarter])).toEqual([
      ['A', 'Do When You Have Time', 'Q2 2027'],
      ['B', "Don't Do", 'Q3 2027'],
    ]);
    expect(r.data.planStart).toBe('Q2 2027');
  });

  test('blank or unreadable settings take their defaults (threshold 5.5, capacity 10, Q1, Top N 3)', () => {
    const s = prioritization(
      [A, B],
      [
        ['Quadrant threshold (1–10)', ''],
        ['Capacity per quarter (effort points)', 'lots'],
        ['First quarter', '  '],
        ['Top N (rank stability)', 'five'],
      ],
    );
    const r = read(s);
    expect(r.data.projects.map((p) => [p.project, p.quadrant, p.quarter])).toEqual([
      ['A', 'Do Now', 'Q1 2026'],
      ['B', "Don't Do", 'Q2 2026'],
    ]);
    expect([r.data.planStart, r.data.topN]).toEqual(['Q1 2026', 3]);
  });

  test("the First quarter's year: a bare quarter is of the reader's year, a typed year is kept", () => {
    const bare = prioritization([A], [['First quarter', 'q3']]);
    expect(readStrategy([themesSheet('Speed'), bare], new Date(2027, 0, 1, 12)).data.planStart).toBe('Q3 2027');
    expect(readStrategy([themesSheet('Speed'), bare], new Date(2027, 0, 1, 12)).data.projects[0].quarter).toBe(
      'Q3 2027',
    );
    expect(read(prioritization([A], [['First quarter', '2028 Q2']])).data.planStart).toBe('Q2 2028');
  });

  test('a Prioritization sheet with no project still gives its settings', () => {
    const r = read(
      prioritization(
        [],
        [
          ['First quarter', 'Q3'],
          ['Top N (rank stability)', 5],
        ],
      ),
    );
    expect(r.data.projects).toEqual([]);
    expect([r.data.planStart, r.data.topN]).toEqual(['Q3 2026', 5]);
  });
});

/** Team Scoring's headers: Project, Theme, the four raters' columns per criterion, the team scores, Discuss. */
const CRITERIA = ['Impact', 'Urgency', 'Effort', 'Risk'];
const TEAM_HEADERS = [
  'Project',
  'Theme',
  ...CRITERIA.flatMap((c) => [1, 2, 3, 4].map((n) => `${c} R${n}`)),
  ...CRITERIA.map((c) => `Team ${c}`),
  'Discuss',
];

/** A Team Scoring row: four ratings per criterion (blank where not given), then the cached team scores and flag. */
const teamRow = (project: string, ratings: ReadCell[][], cached: ReadCell[] = []): ReadCell[] => [
  project,
  '',
  ...ratings.flatMap((r) => [0, 1, 2, 3].map((i) => r[i])),
  ...cached,
];

/** A Team Scoring sheet: its rows, and its settings (label, value) far right of the first rows. */
function teamSheet(rows: ReadCell[][], settings: [string, ReadCell][] = [], name = 'Team Scoring'): ReadSheet {
  const grid = [[...TEAM_HEADERS], ...rows.map((r) => [...r])];
  settings.forEach(([label, value], i) => {
    const row = (grid[i] ??= []);
    row[26] = label;
    row[27] = value;
  });
  return sheet(name, grid);
}

describe('Team Scoring and "Use team scores"', () => {
  const typedA = ['A', 'Speed', 2, 2, 2, 2]; // typed: 4 + 2 − 1 − 2 = 3, Do When You Have Time
  const typedB = ['B', 'Speed', 3, 2, 9, 5]; // −1.5
  // The team's medians for A: impact (7, 8, 9) 8, urgency (6, 6) 6, effort (4) 4, risk (1, 2, 2, 3) 2: score 18.
  const teamA = teamRow('A', [
    [9, 7, 8],
    [6, undefined, 6],
    [undefined, 4],
    [2, 1, 3, 2],
  ]);
  const useTeam = (v: ReadCell) => prioritization([typedA, typedB], [['Use team scores', v]]);
  const scores = (...sheets: ReadSheet[]) => read(...sheets).data.projects.map((p) => [p.project, p.score, p.quadrant]);

  test('"Yes": a project the team scored takes the team\'s median of each criterion; another keeps its own', () => {
    const r = read(useTeam('Yes'), teamSheet([teamA]));
    expect(r.data.projects.map((p) => [p.project, p.score, p.quadrant])).toEqual([
      ['A', 18, 'Do Now'],
      ['B', -1.5, "Don't Do"],
    ]);
    // What was typed is still what the project row says.
    expect(r.data.projects[0]).toMatchObject({ impact: 2, urgency: 2, effort: 2, risk: 2 });
    expect(r.data.projects[0]).toMatchObject({ impactUsed: 8, urgencyUsed: 6, effortUsed: 4, riskUsed: 2 });
  });

  test('"No", a blank setting or none: the typed scores', () => {
    for (const s of [useTeam('No'), useTeam(''), prioritization([typedA, typedB])]) {
      expect(scores(s, teamSheet([teamA]))).toEqual([
        ['A', 3, 'Do When You Have Time'],
        ['B', -1.5, "Don't Do"],
      ]);
    }
  });

  test('"Yes" without a Team Scoring sheet: the typed scores', () => {
    expect(scores(useTeam('Yes'))).toEqual([
      ['A', 3, 'Do When You Have Time'],
      ['B', -1.5, "Don't Do"],
    ]);
  });

  test('the team scores the file cached are used; an error cached is the median again', () => {
    const cached = teamRow(
      'A',
      [
        [9, 7, 8],
        [6, undefined, 6],
        [undefined, 4],
        [2, 1, 3, 2],
      ],
      [10, { error: '#N/A' }],
    );
    // Impact 10 (cached), urgency 6, effort 4, risk 2: 20 + 6 − 2 − 2 = 22.
    expect(scores(useTeam('Yes'), teamSheet([cached]))).toEqual([
      ['A', 22, 'Do Now'],
      ['B', -1.5, "Don't Do"],
    ]);
  });

  test('a Team Scoring sheet named "Team Scoring (2)" is the team\'s', () => {
    const r = read(useTeam('Yes'), teamSheet([teamA], [], 'team scoring (2)'));
    expect(r.found.team).toBe('team scoring (2)');
    expect(r.data.projects.map((p) => p.score)).toEqual([18, -1.5]);
  });

  test('the Discuss flag: the widest spread at the threshold names the raters; a cached flag is kept', () => {
    const split = teamRow('A', [
      [9, 3],
      [5, 5],
    ]); // impact 9 (rater 1) vs 3 (rater 2): a spread of 6
    const settings: [string, ReadCell][] = [
      ['Rater 1', 'Ann'],
      ['Rater 2', 'Bo'],
    ];
    const flag = (s: ReadSheet) => read(s).data.team.map((t) => [t.project, t.discuss]);
    expect(flag(teamSheet([split], settings))).toEqual([['A', 'Discuss impact: Ann vs Bo']]);
    expect(flag(teamSheet([split], [...settings, ['Discuss at a spread of', 6]]))).toEqual([
      ['A', 'Discuss impact: Ann vs Bo'],
    ]);
    expect(flag(teamSheet([split], [...settings, ['Discuss at a spread of', 7]]))).toEqual([['A', '']]);
    const cached = teamRow('A', [[9, 3], [], [], []], [undefined, undefined, undefined, undefined, 'Discuss later']);
    expect(flag(teamSheet([cached], settings))).toEqual([['A', 'Discuss later']]);
    expect(read(teamSheet([split], settings)).data.team[0]).toMatchObject({ i1: 9, i2: 3, u1: 5, u2: 5 });
  });
});

describe("the other sheets' computed columns", () => {
  const DEBT_HEADERS = ['Area', 'Theme', 'Hours Lost / Week', 'Fix Effort (hours)', 'Payback (weeks)', 'Decision'];
  const debt = (rows: ReadCell[][], weeks?: ReadCell): ReadSheet => {
    const grid = [[...DEBT_HEADERS, '', 'Working weeks per year', weeks], ...rows];
    return sheet('Technical Debt', grid);
  };
  const decisions = (s: ReadSheet) => read(s).data.debt.map((d) => [d.area, d.payback, d.decision]);

  test('Technical Debt: payback in weeks and the decision (a quarter of 46 working weeks: address now)', () => {
    const rows = [
      ['CI', '', 5, 20], // 4 weeks
      ['Mid', '', 1, 30], // 30 weeks: within the year
      ['Old', '', 0, 20], // no time lost: never pays back
      ['Big', '', 1, 1000],
      ['Half', '', 5],
    ];
    expect(decisions(debt(rows))).toEqual([
      ['CI', 4, 'Address now'],
      ['Mid', 30, 'Plan'],
      ['Old', undefined, 'Live with it'],
      ['Big', 1000, 'Live with it'],
      ['Half', undefined, ''],
    ]);
    // 8 working weeks: a quarter is 2 weeks.
    expect(decisions(debt(rows.slice(0, 2), 8))).toEqual([
      ['CI', 4, 'Plan'],
      ['Mid', 30, 'Live with it'],
    ]);
    expect(decisions(debt([['CI', '', 5, 20, 2.5, 'Live with it']]))).toEqual([['CI', 2.5, 'Live with it']]);
  });

  test("Metrics Dashboard: progress and status as of the reader's day; cached ones kept", () => {
    const header = ['Business Metric', 'Baseline', 'Current', 'Target', 'Start', 'Due', 'Progress', 'Status'];
    const rows: ReadCell[][] = [
      header,
      ['Year', 0, 50, 100, 46023, 46387], // half way, 1 Jan – 31 Dec 2026
      ['Typed', '0', '50', '100'],
      ['Words', 'lots', 'more', 'most'],
      ['Cached', 0, 50, 100, 46023, 46387, new Date(Date.UTC(2026, 0, 1)), 'At risk'],
    ];
    const status = (now: Date) =>
      readStrategy([themesSheet('Speed'), sheet('Metrics Dashboard', rows)], now).data.metrics.map((m) => [
        m.business,
        m.progress,
        m.status,
      ]);
    // 6 Dec 2026: 339 of 364 days gone, 0.5 done trails by more than 0.25.
    expect(status(NOW)).toEqual([
      ['Year', 0.5, 'Off track'],
      ['Typed', 0.5, 'No due date'],
      ['Words', undefined, ''],
      ['Cached', 46023, 'At risk'],
    ]);
    // 1 Mar 2026: 59 of 364 days gone.
    expect(status(new Date(2026, 2, 1, 12))[0]).toEqual(['Year', 0.5, 'On track']);
  });

  test('Engineering Velocity: the Level is read as the sheet shows it, never computed', () => {
    const rows: ReadCell[][] = [
      ['DORA Metric', 'Current Value', 'Level'],
      ['Deployment frequency', 'daily', 'Elite'],
      ['Lead time for changes', '2 days', undefined],
    ];
    expect(read(sheet('Engineering Velocity', rows)).data.velocity).toEqual([
      { metric: 'Deployment frequency', current: 'daily', level: 'Elite', targetLevel: '' },
      { metric: 'Lead time for changes', current: '2 days', level: '', targetLevel: '' },
    ]);
  });

  test('Technical Health: the ten dimension rows only, not the summary below them', () => {
    const header = ['Dimension', 'Score (1–5)', 'Status', 'Evidence', 'Business Impact', 'Target (1–5)', 'Gap'];
    const dims = Array.from({ length: 10 }, (_, i) => [`D${i + 1}`, 3]);
    const rows: ReadCell[][] = [['Technical Health'], [], header, ...dims, ['Overall score', 3.2], ['Weakest', 'D1']];
    const health = read(sheet('Technical Health', rows)).data.health;
    expect(health.map((h) => h.dimension)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10']);
    expect(health[9]).toEqual({ dimension: 'D10', rating: 3, evidence: '', impact: '', target: undefined });
  });
});
