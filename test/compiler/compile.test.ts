/** The spec → render-plan compiler: layout, validations, names, formats, and plans that survive JSON. */
import { compileTemplate, TEMPLATES } from '../../shared/templates';
import { columnLetter, columnIndex, layoutSheet } from '../../shared/compiler/compile';
import { resolvePlan } from '../../shared/plan/resolve';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { loadPlan } from '../templates/loader';
import { gridRect } from '../../shared/a1/a1';

const ALL = TEMPLATES.flatMap((t) => [false, true].map((example) => ({ id: t.id, example })));

test('the catalogue lists sixteen templates, each compiling to the sheets it announces', () => {
  expect(TEMPLATES.map((t) => t.id).sort()).toEqual(
    [
      'business-context',
      'organization',
      'health-scorecard',
      'themes',
      'principles',
      'prioritization',
      'roadmap',
      'metrics',
      'velocity',
      'adr-log',
      'not-doing',
      'progress-dashboard',
      'strategy-review',
      'strategy-workbook',
      'technical-debt',
      'team-scoring',
    ].sort(),
  );
  for (const t of TEMPLATES) {
    expect(t.description.length).toBeGreaterThan(20);
    expect(compileTemplate(t.id, { example: false }).sheets.map((s) => s.name)).toEqual(t.sheets);
  }
  expect(TEMPLATES.find((t) => t.id === 'strategy-workbook')!.sheets).toHaveLength(18);
});

test('an unknown template id is refused by name', () => {
  expect(() => compileTemplate('roadmapp', { example: false })).toThrow('Unknown template "roadmapp"');
});

test('column letters round-trip', () => {
  for (const i of [0, 25, 26, 51, 52, 701, 702]) expect(columnIndex(columnLetter(i))).toBe(i);
  expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual(['A', 'Z', 'AA', 'ZZ']);
});

test.each(ALL)('$id (example $example): header row, frozen header, widths, serialisable', ({ id, example }) => {
  const plan = compileTemplate(id, { example });
  expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  for (const s of plan.sheets) {
    expect(s.headerRows).toBe(1);
    expect(s.frozenRows).toBe(1);
    const width = s.cells[0].length;
    expect(s.cells.every((r) => r.length === width)).toBe(true);
    expect(s.columnWidths).toHaveLength(width);
    expect(typeof s.cells[0][0]).toBe('string');
    // Every header cell over a column with data or formulas is text.
    for (let c = 0; c < width; c++) {
      const used = s.cells.slice(1).some((r) => r[c] !== null);
      if (used) expect(typeof s.cells[0][c]).toBe('string');
    }
  }
});

test.each(TEMPLATES.map((t) => t.id))('%s: blank and example plans have the same rows, formulas and rules', (id) => {
  const blank = compileTemplate(id, { example: false });
  const example = compileTemplate(id, { example: true });
  expect(example.sheets.map((s) => s.cells.length)).toEqual(blank.sheets.map((s) => s.cells.length));
  blank.sheets.forEach((s, i) => {
    const e = example.sheets[i];
    const formulas = (p: typeof s) =>
      p.cells.flatMap((r, ri) =>
        r.map((v, ci) => (typeof v === 'string' && v.startsWith('=') ? `${ri}:${ci}:${v}` : '')).filter(Boolean),
      );
    expect(formulas(e)).toEqual(formulas(s));
    expect(e.validations).toEqual(s.validations);
    expect(e.conditionalFormats).toEqual(s.conditionalFormats);
    expect(e.numberFormats).toEqual(s.numberFormats);
  });
});

test('the full strategy workbook comes first in the template list every host shows', () => {
  expect(TEMPLATES[0]).toMatchObject({ id: 'strategy-workbook', name: 'Full Strategy Workbook' });
});

test('prioritization: inputs validated 1–10 over all 50 data rows, helper columns hidden, settings beside the table', () => {
  const plan = compileTemplate('prioritization', { example: false });
  const s = plan.sheets[0];
  expect(s.cells[0].slice(0, 15)).toEqual([
    'Project',
    'Theme',
    'Business Impact',
    'Urgency',
    'Effort',
    'Risk',
    'Priority Score',
    'Rank',
    'Quadrant',
    'Planned Quarter',
    'Owner',
    'Low Effort',
    'High Effort',
    'Odds It Fits',
    'Commitment',
  ]);
  for (const range of ['C2:C51', 'D2:D51', 'E2:E51', 'F2:F51']) {
    expect(s.validations.find((v) => v.range === range)?.rule).toEqual({ kind: 'number', min: 1, max: 10 });
  }
  expect(s.cells).toHaveLength(51);
  // The score reads the values used (hidden columns; here the typed C–F: this template has no Team Scoring sheet).
  const L = layoutSheet(PRIORITIZATION_SHEET);
  const [i, u, e, k] = ['impactUsed', 'urgencyUsed', 'effortUsed', 'riskUsed'].map((key) => `${L.letters[key]}2`);
  expect(s.cells[1][6]).toBe(`=IF(COUNT(${i},${u},${e},${k})<4,"",${i}*2+${u}-${e}*0.5-${k})`);
  expect([i, u, e, k].map((a1) => s.cells[1][columnIndex(a1.replace('2', ''))])).toEqual(
    ['C2', 'D2', 'E2', 'F2'].map((a1) => `=IF(${a1}="","",${a1})`),
  );
  expect(s.hiddenColumns).toEqual(L.hidden);
  expect(Math.min(...L.hidden)).toBeGreaterThan(columnIndex(L.sideValueLetter!));
  expect(s.table?.range).toBe('A1:O51');
  // Standalone: no themes sheet, so the Theme column is free text and the note says how to get the drop-down.
  expect(s.validations.some((v) => v.range === 'B2:B51')).toBe(false);
  expect(s.note).toMatch(/Theme column is free text/);
  expect(plan.namedRanges).toEqual([]);
});

test('settings a user types are inputs; values computed from them are hidden helper columns, not settings', () => {
  const s = compileTemplate('prioritization', { example: false, now: new Date(2026, 11, 1, 12) }).sheets[0];
  const L = layoutSheet(PRIORITIZATION_SHEET);
  const labelCol = columnIndex(L.sideLabelLetter!);
  const labels = s.cells.map((row) => row[labelCol]).filter((x) => typeof x === 'string');
  expect(labels).toEqual([
    'Setting',
    'Quadrant threshold (1–10)',
    'Capacity per quarter (effort points)',
    'First quarter',
  ]);
  // Every value of the settings block is a constant the user can change (none is a formula).
  const valueCol = columnIndex(L.sideValueLetter!);
  // "First quarter" is the quarter of insertion with its year (never a bare "Q1", whose second year reads "Q1 Y2").
  expect(s.cells.slice(1, 4).map((row) => row[valueCol])).toEqual([5.5, 10, 'Q4 2026']);
  const inMarch = compileTemplate('prioritization', { example: false, now: new Date(2027, 2, 31, 12) }).sheets[0];
  expect(inMarch.cells[3][valueCol]).toBe('Q1 2027');
  for (const key of ['hStartQ', 'hStartYear']) expect(L.hidden).toContain(L.index[key]);
});

test('health: the summary sits under the table (seen without scrolling sideways), after one blank row', () => {
  const s = compileTemplate('health-scorecard', { example: true }).sheets[0];
  expect(s.table?.range).toBe('A1:G11');
  expect(s.cells[11].every((c) => c === null)).toBe(true);
  expect(s.cells.slice(12).map((row) => row.slice(0, 2))).toEqual([
    ['Summary', ''],
    ['Overall score', '=IF(COUNT($B$2:$B$11)=0,"",AVERAGE($B$2:$B$11))'],
    ['Overall status', expect.stringMatching(/^=IF\(\$B\$14="","",IF\(\$B\$14<2,"Critical"/)],
    ['Dimensions scored', '=COUNT($B$2:$B$11)'],
    ['Weakest dimension', expect.stringContaining('INDEX($A$2:$A$11,MATCH(MIN($B$2:$B$11)')],
  ]);
  expect(s.formats).toContainEqual({ range: 'A13:B13', style: expect.objectContaining({ bold: true }) });
  // No columns beside the table are used for it: the sheet is as wide as the table.
  expect(s.cells[0]).toHaveLength(7);
});

test('full workbook: theme names are a named range and every Theme column validates against it', () => {
  const plan = compileTemplate('strategy-workbook', { example: true });
  expect(plan.namedRanges).toEqual([
    { key: 'themeNames', name: 'ThemeNames', sheet: 'themes', range: 'A2:A51' },
    { key: 'initiativeNames', name: 'InitiativeNames', sheet: 'roadmap', range: 'A2:A51' },
  ]);
  // The roadmap's Depends On offers its own initiatives' names.
  const roadmap = plan.sheets.find((s) => s.key === 'roadmap')!;
  const dep = columnLetter(roadmap.cells[0].indexOf('Depends On'));
  expect(roadmap.validations.find((v) => v.range === `${dep}2:${dep}51`)).toMatchObject({
    rule: { kind: 'listFromRange', source: '{{name:initiativeNames}}' },
    strict: false,
  });
  const themed = plan.sheets.filter((s) => s.cells[0].includes('Theme') && s.key !== 'themes' && s.key !== 'dashboard');
  expect(themed.map((s) => s.key).sort()).toEqual([
    'adr',
    'debt',
    'metrics',
    'notDoing',
    'projects',
    'roadmap',
    'team',
  ]);
  for (const s of themed) {
    const col = columnLetter(s.cells[0].indexOf('Theme'));
    expect(s.validations.find((v) => v.range === `${col}2:${col}51`)?.rule).toEqual({
      kind: 'listFromRange',
      source: '{{name:themeNames}}',
    });
  }
  expect(plan.activate).toBe('start');
});

test('conditional formats cover data ranges and formula rules point at the first data row', () => {
  for (const t of TEMPLATES) {
    for (const s of compileTemplate(t.id, { example: false }).sheets) {
      for (const cf of s.conditionalFormats) {
        expect(cf.range).toMatch(/^[A-Z]+2:[A-Z]+\d+$/);
        if (cf.rule.kind === 'formula') expect(cf.rule.formula).toMatch(/^=.*\$[A-Z]+2\b/);
      }
    }
  }
  const metrics = compileTemplate('metrics', { example: false }).sheets[0];
  expect(metrics.conditionalFormats.map((c) => c.rule.kind)).toContain('dataBar');
});

test('resolving against a workbook that already has the names never reuses them, and formulas follow', () => {
  const plan = compileTemplate('strategy-workbook', { example: true });
  const { plan: resolved, resolution } = resolvePlan(plan, {
    sheets: ['Roadmap', 'Strategic Themes'],
    namedRanges: ['ThemeNames'],
  });
  expect(resolution.sheets.roadmap).toBe('Roadmap (2)');
  expect(resolution.names.themeNames).toBe('ThemeNames_2');
  const dash = resolved.sheets.find((s) => s.key === 'dashboard')!;
  expect(dash.cells[1][0]).toBe(`=IF('Strategic Themes (2)'!A2="","",'Strategic Themes (2)'!A2)`);
  // Every name placeholder is resolved; only Start Here's Sheets links keep {{gid:…}}, filled in by the Sheets executor.
  expect(JSON.stringify(resolved)).not.toMatch(/\{\{(?!gid:)/);
  const loaded = loadPlan(plan, { sheets: ['Roadmap', 'Strategic Themes'], namedRanges: ['ThemeNames'] });
  expect(loaded.at('dashboard', 'A2')).toBe('Enterprise-Ready Platform');
  loaded.destroy();
});

test('a table with wrapped text reads from the top of each row: every cell without an alignment of its own starts at the top', () => {
  // Excel and Google Sheets put a cell with no vertical alignment at the bottom of its row; a row that grew
  // for a wrapped neighbour would show the theme's name at the bottom, beside text that starts at the top.
  const cellAlign = (formats: { range: string; style: { vAlign?: string } }[], r: number, c: number) => {
    let v: string | undefined;
    for (const f of formats) {
      const g = gridRect(f.range);
      if (r >= g.top && r <= g.bottom && c >= g.left && c <= g.right && f.style.vAlign) v = f.style.vAlign;
    }
    return v ?? 'bottom';
  };
  const sheets = compileTemplate('strategy-workbook', { example: true }).sheets;
  const wrapped = sheets.filter((s) => s.formats.some((f) => f.style.wrap && gridRect(f.range).top > 0));
  expect(wrapped.map((s) => s.name)).toEqual(
    expect.arrayContaining(['Strategic Themes', 'ADR Log', 'Strategy Review', 'Strategy Document']),
  );
  for (const s of wrapped) {
    // The table: its header from column A up to the first blank header cell (settings and summaries beside it
    // are blocks of their own), without hidden helper columns.
    const width = s.cells[0].findIndex((h) => h === null || h === '');
    const table = [...Array(width < 0 ? s.cells[0].length : width).keys()].filter(
      (c) => !(s.hiddenColumns ?? []).includes(c),
    );
    const bottom = table.filter((c) => cellAlign(s.formats, 1, c) === 'bottom').map((c) => s.cells[0][c]);
    // A summary or settings block beside the table: its labels and values too.
    const side = s.cells.flatMap((row, r) =>
      r === 0
        ? []
        : row
            .map((v, c) => ({ v, r, c }))
            .filter((x) => x.c > table.length && x.v !== null && !(s.hiddenColumns ?? []).includes(x.c)),
    );
    const sideBottom = side.filter((x) => cellAlign(s.formats, x.r, x.c) === 'bottom').map((x) => x.v);
    expect({ sheet: s.name, atTheBottom: [...bottom, ...sideBottom] }).toEqual({ sheet: s.name, atTheBottom: [] });
  }
  // A sheet without wrapped text keeps the hosts' default.
  const plain = sheets.filter((s) => !wrapped.includes(s));
  expect(plain.map((s) => s.name)).toContain('Prioritization');
  for (const s of plain) expect(s.formats.filter((f) => f.style.vAlign === 'top')).toEqual([]);
});

test('a blank template carries no example text: cells, notes, help, validation messages, charts', () => {
  // The example's themes, owners and plan (the Roadmap's note once read "Q1 Foundation & Security…").
  const example = compileTemplate('strategy-workbook', { example: true });
  const themes = example.sheets
    .find((s) => s.key === 'themes')!
    .cells.slice(1)
    .map((r) => r[0]);
  const banned = [
    ...themes.filter((t): t is string => typeof t === 'string' && t !== ''),
    '(example)',
    'Foundation & Security',
    'Scale & Performance',
    'Developer Experience',
    'Data & Analytics',
  ];
  expect(banned.length).toBeGreaterThan(6);
  for (const t of TEMPLATES) {
    const blank = JSON.stringify(compileTemplate(t.id, { example: false }));
    for (const b of banned) expect(`${t.id}: ${blank.includes(b) ? b : ''}`).toBe(`${t.id}: `);
  }
});
