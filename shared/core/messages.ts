/**
 * Every sentence the core shows a user, built in one place (like the error-message module of a formula engine or
 * Vega-Lite's `src/log/message.ts`): small functions that take the parts (the argument's label, what is valid,
 * the value as shown) and return the text. The engine (functions/invoke.ts, core/args.ts), the registry entries,
 * chart-from-selection and the hosts' choice errors use them, so the same problem reads the same everywhere.
 *
 * The pattern of an argument error: `<Label> must be <what is valid> (got <the value as shown>)`,
 * e.g. `Impact must be a number from 1 to 10 (got "high")`.
 */

// ---------------------------------------------------------------------------------------------
// Arguments (the engine and the registry entries)

/** `Impact must be a number from 1 to 10 (got "high")`. `got` is the value as shown (see values.showValue). */
export function mustBe(label: string, expects: string, got: string): string {
  return `${label} must be ${expects} (got ${got})`;
}

/** A more specific problem than "must be …": `Impact is a number stored as text: "7"; it must be a number from 1 to 10`. */
export function mustBeBecause(label: string, detail: string, got: string, expects: string): string {
  return `${label} ${detail}: ${got}; it must be ${expects}`;
}

/** The detail for a number typed as text ("7" in a text-formatted cell). */
export const NUMBER_AS_TEXT = 'is a number stored as text; enter it as a number';

/** `Impact is required: PRIORITY_SCORE takes (impact, urgency, effort, risk, [weights])`. */
export function required(label: string, functionName: string, signature: string): string {
  return `${label} is required: ${functionName} takes ${signature}`;
}

/** 50000 → "50,000" (messages read the same in every locale). */
export function groupThousands(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return out;
}

/**
 * A text too long to be read (args.ts MAX_PARSED_TEXT): `Impact is too long to be a number from 1 to 10 (a text of
 * 50,000 characters; at most 1,000 are read)`.
 */
export function tooLong(label: string, expects: string, gotChars: number, maxChars: number): string {
  return `${label} is too long to be ${expects} (a text of ${groupThousands(gotChars)} characters; at most ${groupThousands(maxChars)} are read)`;
}

/**
 * Two ranges that should have the same size: `Impact is a 3×1 range but Urgency is a 2×1 range: give ranges of the
 * same size, or single cells` (without ", or single cells" where a single cell is not an option).
 */
export function shapeMismatch(a: string, aShape: string, b: string, bShape: string, singleCellsToo = true): string {
  return `${a} is ${aShape} but ${b} is ${bShape}: give ranges of the same size${singleCellsToo ? ', or single cells' : ''}`;
}

/** Two metric values of kinds that do not go together: `Baseline is a duration (800ms) but Target is money ($1M): …`. */
export function kindMismatch(
  a: string,
  aKind: string,
  aShown: string,
  b: string,
  bKind: string,
  bShown: string,
): string {
  return `${a} is ${aKind} (${aShown}) but ${b} is ${bKind} (${bShown}): give values of the same kind, or plain numbers`;
}

/** Two optional arguments given one without the other: `Start and Due go together: give both dates or neither (got only Due)`. */
export function goTogether(a: string, b: string, what: string, onlyGiven: string): string {
  return `${a} and ${b} go together: give both ${what} or neither (got only ${onlyGiven})`;
}

/** `Weights must have one number per rating: 6 ratings per row but 5 weights`. */
export function countMismatch(label: string, perWhat: string, expected: string, got: string): string {
  return `${label} must have one number per ${perWhat}: ${expected} but ${got}`;
}

/** `3 ratings`, `1 rating`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Weights that leave nothing to average. */
export const ZERO_WEIGHTS =
  'Weights of the rated dimensions add up to 0: give at least one rated dimension a weight above 0';

/** `Effort 12 is more than the capacity of 10 per quarter`. */
export function overCapacity(effort: string, capacity: string): string {
  return `Effort ${effort} is more than the capacity of ${capacity} per quarter`;
}

// ---------------------------------------------------------------------------------------------
// The engine's own safety net (never expected: a registry entry misbehaved)

/** A thrown exception turned into an error value: `Unexpected problem in PRIORITY_SCORE: …`. */
export function unexpected(where: string, detail: string): string {
  return `Unexpected problem in ${where}: ${detail}`;
}

export function noFiniteResult(functionName: string): string {
  return `${functionName} has no finite result for these inputs`;
}

export function noResult(functionName: string): string {
  return `${functionName} returned no value`;
}

export function noImplementation(functionName: string): string {
  return `${functionName} has no implementation`;
}

// ---------------------------------------------------------------------------------------------
// Choices made in a host UI (menus, sidebar, task pane)

/** `There is no template "nope". Choose one from the list.` */
export function noSuchTemplate(id: string): string {
  return `There is no template "${id}". Choose one from the list.`;
}

/** `There is no chart "pie". Choose one of: Roadmap timeline, Impact / Effort matrix, ….` */
export function noSuchChart(kind: string, names: readonly string[]): string {
  return `There is no chart "${kind}". Choose one of: ${names.join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Charts from a selection (chart-from-selection/chart-from-selection.ts and the hosts that read the selection)

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Nothing selected (Sheets: no active range). */
export function selectTableFirst(chart: string, hint: string): string {
  return `Select your table first (header row and data), then insert the ${chart}. ${hint}`;
}

/** The selection holds no cells with anything in them (Excel: getUsedRange of an empty selection). */
export function selectionEmpty(chart: string, hint: string): string {
  return `The selection is empty. Select your table (header row and data), then insert the ${chart}. ${hint}`;
}

export function notOneBlock(chart: string, address: string): string {
  return `Select one block of cells for the ${chart} (the selection "${address}" is not a single range).`;
}

export function needHeaderAndData(chart: string, range: string, rows: number): string {
  return `Select the header row and at least one row of data for the ${chart} (the selection ${range} has ${rows === 1 ? 'only one row' : 'no cells'}).`;
}

export function headerRowFirst(columnNames: readonly string[], found: string): string {
  return `The first row of the selection must be the header row, with column names such as ${listOf(columnNames)} (found: ${found}).`;
}

export function needColumns(columnNames: readonly string[], found: string): string {
  return `Select a range whose header row has ${listOf(columnNames)} columns (found: ${found}).`;
}

export function needNameColumn(chart: string, example: string, found: string): string {
  return `Select a range with a column of names for the ${chart}, e.g. "${example}" (found: ${found}).`;
}

/** `"Effort" (Effort, column E) must hold numbers: cell E4 has "high".` */
export function mustHold(
  column: string,
  what: 'numbers' | 'dates',
  cell: string,
  got: string,
  isText: boolean,
): string {
  const note = what === 'dates' && isText ? ' (text, not a date)' : '';
  return `${column} must hold ${what}: cell ${cell} has ${got}${note}.`;
}

export function nothingInRows(column: string, what: 'numbers' | 'dates', firstRow: number, lastRow: number): string {
  return `${column} has no ${what} in the selected rows ${firstRow}–${lastRow}.`;
}

export function emptyRows(chart: string): string {
  return `The selected rows below the header are empty: select the rows with your data for the ${chart}.`;
}

/** The roadmap's helper columns are taken (`false`) or could not be checked (`undefined`). */
export function helpersNotFree(chart: string, count: number, where: string, free: false | undefined): string {
  return (
    `The ${chart} needs ${count} empty columns right of the selection for its bar positions (${where}), and ${free === false ? 'those cells are not empty' : 'they could not be checked'}. ` +
    'Move what is there, or copy the table where it has two empty columns to its right, and try again. Nothing was changed.'
  );
}

/** The success message; `helperColumns` ("L:M") when helper formulas were written. */
export function chartInserted(
  chart: string,
  range: string,
  sheet: string,
  anchor: string,
  roles: string,
  helperColumns?: string,
): string {
  const helpers = helperColumns
    ? ` Bar positions are in the new columns ${helperColumns} (formulas; leave them in place).`
    : '';
  return `Inserted the ${chart} chart for ${range} on "${sheet}" at ${anchor} (${roles}).${helpers}`;
}

/** A host error while reading the selection. */
export function couldNotReadSelection(detail: string): string {
  return `Could not read the selection: ${detail}`;
}

// ---------------------------------------------------------------------------------------------
// The strategy document (shared/strategy/document.ts: the hosts' panels, the preview and the CLI)

/** What to do when the workbook lacks a sheet the document needs. */
/** A date cell whose number is no date (beyond year 9999, or before year 1): the number, said. */
export const notADate = (serial: number): string => `${serial} (not a date: dates run from year 1 to 9999)`;

export const DOCUMENT_SHEETS_ADVICE =
  'insert the Strategic Themes template, or the full strategy workbook, and fill it in';

/** `The strategy document needs the "Strategic Themes" sheet: insert the Strategic Themes template, …`. */
export function documentNeedsSheets(missing: readonly string[]): string {
  return `The strategy document needs the ${missing.map((m) => `"${m}"`).join(', ')} sheet: ${DOCUMENT_SHEETS_ADVICE}.`;
}

// ---- "Add planned projects to the roadmap" (shared/strategy/roadmap-append.ts) ----

export const ROADMAP_NEEDED =
  'Add planned projects to the roadmap needs a "Roadmap" sheet: insert the Roadmap template (or the full strategy workbook) first.';

/**
 * The First quarter setting is no quarter (parseQuarter), so no project has a place in the plan. `got` is the setting
 * as shown (values.showValue: quoted, a long text cut).
 */
export function firstQuarterUnknown(got: string): string {
  return `Add planned projects to the roadmap needs a First quarter on the Prioritization sheet such as "Q3 2027" or "Q3" (got ${got}): type one there, then add the planned projects again.`;
}

/** What the action appended, and what it left out (already on the roadmap, "Don't Do", planned past Q4). */
export function roadmapAppended(
  sheet: string,
  added: readonly string[],
  already: number,
  dontDo: readonly string[],
  later: readonly string[],
): string {
  const head =
    added.length === 0
      ? 'No planned project to add'
      : `Added ${plural(added.length, 'planned project')} to "${sheet}": ${listOf(added)}`;
  const parts = [
    already > 0 ? `${plural(already, 'project')} already on the roadmap` : '',
    dontDo.length > 0 ? `${listOf(dontDo)} ${dontDo.length === 1 ? 'is' : 'are'} "Don't Do" (not added)` : '',
    later.length > 0 ? `${listOf(later)} planned past Q4 (not added)` : '',
  ].filter(Boolean);
  return `${head}${parts.length > 0 ? `; ${parts.join('; ')}` : ''}.`;
}

// ---------------------------------------------------------------------------------------------
// Ownership and time (shared/self-check/ownership.ts, the snapshot writers)

const quotedList = (items: readonly string[]): string => items.map((s) => `"${s}"`).join(', ');

export const SELF_CHECK_BUDGET_NAME = 'Time budget';

/** What a self-check stopped at its time budget did not do. */
export function selfCheckSkipped(seconds: number, skipped: readonly string[]): string {
  return `stopped starting new checks after ${seconds} s (the budget that keeps it under Apps Script's 6 minutes) and cleaned up; not checked: ${skipped.join(', ')}. Run it again with fewer templates to check those.`;
}

export const LEFTOVERS_NAME = 'Leftovers of an interrupted self-check';

export function leftoversFound(sheets: readonly string[]): string {
  return `${quotedList(sheets)} ${sheets.length === 1 ? 'carries' : 'carry'} the self-check's own mark: an earlier check was stopped before its clean-up. They are not yours and nothing refers to them; press "Remove the leftovers" to remove them.`;
}

export function leftoversRemoved(sheets: readonly string[]): string {
  return `removed ${quotedList(sheets)}, left by an earlier check that was stopped before its clean-up (found by the self-check's own mark).`;
}

export function leftoversNotRemoved(sheets: readonly string[], error: string): string {
  return `could not remove ${quotedList(sheets)} (${error}); they carry the self-check's mark and can be deleted by hand.`;
}

/** The self-check found another one running in the same document (the document lock was held). */
export function selfCheckBusy(seconds: number): string {
  return `Another self-check or insert is running in this spreadsheet and did not finish within ${seconds} s; nothing was changed. Try again when it is done.`;
}

/** Metrics a snapshot recorded that get no trend chart: Progress History charts the first `slots` metrics. */
export function snapshotUntrended(names: string[], slots: number, helpersFound: boolean): string {
  const why = helpersFound
    ? 'the column right of its trend helper columns is not blank, so no chart could be added'
    : 'its trend helper columns are not where the template puts them, so its charts are left as they are';
  return ` No trend chart for ${quotedList(names)}: Progress History charts its first ${slots} metrics (in the order of their first snapshot) and ${why}; their values are kept in the log.`;
}

/** Snapshot rows written past the rows the trend charts read. */
export function snapshotPastCharts(lastChartedRow: number): string {
  return ` This snapshot reaches below row ${lastChartedRow}, where the trend charts end: the values below it are kept in the log but not charted.`;
}

/** Trend charts a snapshot could not extend to the grown History (changed or removed by someone). */
export function trendChartsLeft(names: string[]): string {
  return ` The trend chart${names.length === 1 ? '' : 's'} of ${quotedList(names)} ${names.length === 1 ? 'was' : 'were'} not found as Progress History made ${names.length === 1 ? 'it' : 'them'} (changed or removed), so ${names.length === 1 ? 'it stops' : 'they stop'} at the rows ${names.length === 1 ? 'it' : 'they'} had.`;
}

/** Another writer added rows to the History sheet between our reading it and our writing. */
export function snapshotMovedBelow(sheet: string): string {
  return ` Someone else added rows to "${sheet}" while this snapshot was being prepared: it was written below them, and their rows were kept.`;
}

export const CLEAN_UP_NAME = 'Everything the check created is removed; nothing else changed';

/** The clean-up passed; what others added meanwhile is named (kept). */
export function cleanedUp(
  removed: number,
  sheets: number,
  names: number,
  keptSheets: readonly string[],
  keptNames: readonly string[],
): string {
  const kept = [...keptSheets.map((s) => `sheet "${s}"`), ...keptNames.map((n) => `name "${n}"`)];
  const others = kept.length > 0 ? `; kept what someone else added meanwhile: ${kept.join(', ')}` : '';
  return `${removed} sheets removed; the workbook has its ${sheets} sheets and ${names} names as before${others}`;
}

/** The clean-up failed: what of ours is left, and what of the workbook's is missing. */
export function notCleanedUp(
  left: readonly string[],
  lostSheets: readonly string[],
  lostNames: readonly string[],
): string {
  const parts = [`left: ${left.length > 0 ? quotedList(left) : '(none)'}`];
  if (lostSheets.length > 0) parts.push(`sheets missing since the start: ${quotedList(lostSheets)}`);
  if (lostNames.length > 0) parts.push(`names missing since the start: ${quotedList(lostNames)}`);
  return parts.join('; ');
}

/** Another writer added rows to the Roadmap between our reading it and our writing. */
export function roadmapMovedBelow(sheet: string): string {
  return ` Someone else added rows to "${sheet}" meanwhile: the planned projects were written below them, and their rows were kept.`;
}

/** "Add planned projects to the roadmap" waited for the document lock too long. */
export function roadmapAppendBusy(_what: string, seconds: number): string {
  return `The planned projects were not added to the roadmap: another insert or snapshot in this spreadsheet (from the menu, the sidebar or another editor) was still running after ${seconds} seconds. Nothing was changed; add them again when that has finished.`;
}

/** A snapshot that waited for the document lock too long. */
export function snapshotBusy(_what: string, seconds: number): string {
  return `The snapshot was not recorded: another snapshot or insert in this spreadsheet (from the menu, the sidebar or another editor) was still running after ${seconds} seconds. Nothing was changed; record it again when that has finished.`;
}

// The self-check's probe of how Excel passes empty cells (shared/self-check/plan.ts)
export const EMPTY_CELLS_BLANK =
  'this Excel passes an empty cell of a range to a custom function as a blank (Excel on the web and current builds): empty rows are blank';
export const EMPTY_CELLS_ZERO =
  'this Excel passes an empty cell of a range as 0 (an older desktop build, office-js#4702): rows left wholly empty are still read as blank, but a partly filled row names the 0 it was given';
export function emptyCellsUnknown(got: string): string {
  return `could not tell how this Excel passes an empty cell of a range: =HEALTH_SCORE over a block with one empty cell gave ${got}, expected 4 (blank) or #VALUE! (0)`;
}

// ---------------------------------------------------------------------------------------------
// Templates: computed columns (issue #18, item 2)

/** The title of a computed column's note and prompt (Excel allows 32 characters). */
export const COMPUTED_TITLE = 'Calculated column';

/**
 * The note on a column computed by one of the add-in's own functions: live where the add-in runs, a snapshot in a
 * file opened without it (≤ 255 characters: Excel's prompt message).
 */
export function addInColumnNote(column: string, fn: string): string {
  return `"${column}" is ${fn} of the rows, calculated by the add-in. In a file opened without the add-in (the .xlsx) it holds the values of when the file was made: a snapshot that does not follow your edits.`;
}

/** The note on a computed column's header: what it is, where to type instead, what typing over it does. */
/** A number setting's help, with what a cleared cell reads as (the sheet's formulas and the document alike). */
export function settingHelp(help: string | undefined, fallback: number): string {
  return `${help ? `${help} ` : ''}Left blank, it counts as ${fallback}.`;
}

export function computedColumnNote(column: string): string {
  const what = column ? `"${column}" is` : 'This column is';
  return `${what} calculated by the template from the cells you fill in. Type in the white columns; typing here replaces the formula (Undo brings it back).`;
}

/** "Refresh charts": what was brought up to date (each chart by its title and sheet), or that there was nothing. */
export function chartsRefreshed(charts: ReadonlyArray<{ sheet: string; title: string }>): string {
  if (charts.length === 0)
    return "No chart to refresh: the roadmap chart (Roadmap sheet) and the impact/effort matrix (Prioritization sheet) were not found, or their sheets' columns were moved. Insert their templates first, or put the columns back.";
  const list = charts.map((c) => `"${c.title}" on "${c.sheet}"`).join(', ');
  return `Charts refreshed from the cells as they are: ${list}.`;
}

/**
 * The strategy document's weight-sensitivity line (shared/strategy/weight-sensitivity.ts; the Strategy Document sheet
 * builds the same text from formula parts passed in as the arguments, so no argument may hold a double quote).
 */
export const WEIGHT_SENSITIVITY_TEXT = {
  label: 'Weight sensitivity',
  placeholder: 'The decision that hangs most on the weights',
  least: (project: string, stays: string, topN: string, percent: string, tolerance: string): string =>
    `Most weight-sensitive decision: ${project} stays ${stays} the top ${topN} under ${percent} % of weight changes within ±${tolerance} %`,
  stayIn: 'in',
  stayOut: 'out of',
  holds: (topN: string, tolerance: string): string =>
    `The top ${topN} holds under every weight change within ±${tolerance} %`,
  tip: (move: string, weight: string, percent: string, topN: string): string =>
    `${move} ${weight}'s weight alone by ${percent} % changes the top ${topN}`,
  raise: 'raising',
  lower: 'lowering',
  noTip: (topN: string): string => `no single weight changes the top ${topN} within ±100 %`,
} as const;
