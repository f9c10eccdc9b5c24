/**
 * The journey's .xlsx as LibreOffice shows it after its own full recalculation (saved as .ods by one soffice call in
 * test/browser/journey.test.ts): each cell's shown text and each chart's data (test/cli/chart-oracle.ts), checked
 * against what the manager typed.
 */
import { odsCharts, odsSheets, type OdsChart, type OdsSheet } from '../cli/chart-oracle';
import { calendarQuarterLabel } from '../../shared/compiler/calendar-axis';

export interface JourneyTyped {
  /** Metric rows: theme, business metric, technical metric, baseline, current, target, … */
  metrics: string[][];
  /** Project rows: project, theme, impact, urgency, effort, risk. */
  projects: string[][];
  themes: string[];
  /** Roadmap items (name, theme, …) and the calendar quarters each covers ("Q3 2026"). */
  roadmap: Array<{ item: string[]; quarters: string[] }>;
  /** The preview's Strategy Document sheet (its engine's values). */
  document: unknown[][];
}

/**
 * The Strategy Document's lines whose text depends on today (TODAY() in the file: metric statuses, review findings on
 * past end and revisit dates). Found by writing the journey's file with TODAY() replaced by dates in 2025, 2027 and
 * 2028: no other line changed.
 */
const TODAYS_LINES = ['Open review findings', 'Current vs target', 'Open findings'];

/** Everything a reader of the file opened in LibreOffice sees of the journey, as typed. */
export async function expectLibreOfficeShows(ods: string, typed: JourneyTyped): Promise<void> {
  const sheets = new Map((await odsSheets(ods)).map((x) => [x.name, x]));
  expectShownAsTyped(sheets, typed.metrics);
  expect(shownErrors([...sheets.values()])).toEqual([]);
  // The Strategy Document LibreOffice computed from the file's formulas reads as the preview's, line for line, but for
  // the lines that count against today (LibreOffice's is the machine's day, the preview's the journey's 1 Dec 2026).
  const lines = (rows: unknown[][]) =>
    Array.from({ length: typed.document.length }, (_, r) => [0, 1, 2].map((c) => String(rows[r]?.[c] ?? ''))).filter(
      (line) => !TODAYS_LINES.includes(line[1]),
    );
  expect(lines(sheets.get('Strategy Document')!.rows)).toEqual(lines(typed.document));
  const charts = await odsCharts(ods);
  expectRoadmapOnItsQuarters(chartOn(charts, 'Roadmap', 'chart:bar'), typed);
  expectMatrixOfTheProjects(chartOn(charts, 'Prioritization', 'chart:scatter'), typed.projects);
}

/** A sheet's cells as LibreOffice shows them, by header: the column under `header` (data rows). */
function shownColumn(sheet: OdsSheet, header: string): string[] {
  const c = sheet.rows[0].indexOf(header);
  if (c < 0) throw new Error(`No column "${header}" on ${sheet.name}: ${sheet.rows[0].join(', ')}`);
  return sheet.rows.slice(1).map((r) => r[c] ?? '');
}

/** The metrics' values, the snapshot's "As Written" and the Strategy Document read as typed: "99.5%", "$1,200". */
function expectShownAsTyped(sheets: Map<string, OdsSheet>, metrics: string[][]): void {
  const dashboard = sheets.get('Metrics Dashboard')!;
  const typed = ['Technical Metric', 'Baseline', 'Current', 'Target'].map((h) =>
    shownColumn(dashboard, h).slice(0, metrics.length),
  );
  expect(metrics.map((_, i) => typed.map((col) => col[i]))).toEqual(metrics.map((m) => [m[2], m[3], m[4], m[5]]));
  const history = sheets.get('Progress History')!;
  const [names, asWritten] = ['Name', 'As Written'].map((h) => shownColumn(history, h));
  const written = (name: string) => asWritten[names.indexOf(name)];
  expect([written('Monthly uptime'), written('Cloud cost per account')]).toEqual(['99.5%', '$1,200']);
  const doc = sheets.get('Strategy Document')!;
  const shown = doc.rows.flatMap((r) => r.filter((_, c) => !doc.hiddenColumns.has(c))).join('\n');
  expect(shown).toContain('Availability (Monthly uptime): 99.5% → 99.9%');
  expect(shown).toContain('Cost per customer (Cloud cost per account): $1,200 → $900');
  expect(shown).not.toMatch(/0\.995|\b1200\b/);
}

/**
 * Every cell LibreOffice shows as an error, as "Sheet!A1: text". #N/A is a chart's gap where a hidden helper column
 * holds it (NA(): the quadrant and trend series skip a row); anywhere a reader sees it, it counts.
 */
export function shownErrors(sheets: OdsSheet[]): string[] {
  const error = /^(Err:\d+|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#NUM!|#NULL!|#N\/A)$/;
  const column = (c: number): string =>
    (c < 26 ? '' : column(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
  const a1 = (r: number, c: number): string => `${column(c)}${r + 1}`;
  return sheets.flatMap((s) =>
    s.rows.flatMap((row, r) =>
      row.flatMap((text, c) =>
        error.test(text) && !(text === '#N/A' && s.hiddenColumns.has(c)) ? [`${s.name}!${a1(r, c)}: ${text}`] : [],
      ),
    ),
  );
}

function chartOn(charts: OdsChart[], sheet: string, className: string): OdsChart {
  const c = charts.find((x) => x.sheet === sheet && x.className === className);
  if (!c) throw new Error(`No ${className} on ${sheet}: ${charts.map((x) => `${x.sheet} ${x.className}`).join(', ')}`);
  return c;
}

/**
 * The roadmap as LibreOffice draws it: row i is the item typed i-th, its bar starts at its quarter index (YEAR×4 +
 * quarter−1, plus the share of the quarter gone) and runs for its length in its theme's series, inside the axis;
 * the legend lists the three themes only.
 */
function expectRoadmapOnItsQuarters(chart: OdsChart, { roadmap, themes }: JourneyTyped): void {
  const { min, max } = chart.valueAxis;
  const drawn = chart.table.slice(1, 1 + roadmap.length).map((row) => {
    const slot = row.findIndex((v, k) => k >= 2 && typeof v === 'number' && v > 0);
    const [start, end] = [Number(row[1]), Number(row[1]) + Number(row[slot])];
    const quarters: string[] = [];
    for (let q = Math.floor(start); q < end; q++) quarters.push(calendarQuarterLabel(q));
    return { item: row[0], theme: chart.table[0][slot], quarters, inside: start >= min! && end <= max! };
  });
  expect(drawn).toEqual(
    roadmap.map(({ item, quarters }) => ({ item: item[0], theme: item[1], quarters, inside: true })),
  );
  expect(chart.table.slice(1 + roadmap.length).flatMap((r) => r.filter((v) => v !== null))).toEqual([]);
  expect(chart.legend).toEqual(themes);
}

/** The matrix as LibreOffice draws it: each project at (effort, impact) in one quadrant's series, labelled with its name. */
function expectMatrixOfTheProjects(matrix: OdsChart, projects: string[][]): void {
  const drawn = matrix.table.slice(1, 1 + projects.length).map((row, i) => {
    const series = row.findIndex((v, k) => k >= 2 && v !== null) - 2;
    return { x: row[1], y: row[2 + series], label: matrix.pointLabels[series]?.[i] };
  });
  expect(drawn).toEqual(projects.map((p) => ({ x: Number(p[4]), y: Number(p[2]), label: p[0] })));
  expect(matrix.table.slice(1 + projects.length).flatMap((r) => r.slice(1).filter((v) => v !== null))).toEqual([]);
}
