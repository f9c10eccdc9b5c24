/**
 * Hand-built render plans used by the CLI and preview tests independently of the template
 * catalogue: two sheets cross-linked through a named range, native formulas, validations,
 * conditional formats, number formats, a hidden helper column and a chart.
 */
import type { RenderPlan } from '../../shared/plan/plan';

export const THEMES_PLAN: RenderPlan = {
  templateId: 'fixture-themes',
  title: 'Themes',
  activate: 'themes',
  namedRanges: [{ key: 'themeNames', name: 'ThemeNames', sheet: 'themes', range: 'A2:A4' }],
  sheets: [
    {
      key: 'themes',
      name: 'Themes',
      cells: [
        ['Theme', 'Owner'],
        ['Platform', 'Ana'],
        ['Growth', 'Bo'],
        ['Security', 'Cy'],
      ],
      headerRows: 1,
      frozenRows: 1,
      frozenColumns: 0,
      columnWidths: [160, 100],
      formats: [{ range: 'A1:B1', style: { bold: true, fill: '#1f4e79', fontColor: '#ffffff' } }],
      numberFormats: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
    },
  ],
};

export const PROJECTS_PLAN: RenderPlan = {
  templateId: 'fixture-projects',
  title: 'Projects',
  activate: 'projects',
  namedRanges: [],
  sheets: [
    {
      key: 'projects',
      name: 'Projects',
      tabColor: '#2e75b6',
      cells: [
        ['Project', 'Theme', 'Impact', 'Urgency', 'Effort', 'Risk', 'Priority', 'Quadrant', 'Rank', 'Helper'],
        [
          'SSO',
          'Security',
          9,
          8,
          5,
          6,
          '=C2*2+D2-E2*0.5-F2',
          '=IF(C2>=6,IF(E2<=5,"Do Now","Plan Carefully"),IF(E2<=5,"Do When You Have Time","Don\'t Do"))',
          '=COUNTIF($G$2:$G$5,">"&G2)+1',
          '=COUNTIF({{name:themeNames}},B2)',
        ],
        [
          'Dark mode',
          'Growth',
          3,
          2,
          2,
          1,
          '=C3*2+D3-E3*0.5-F3',
          '=IF(C3>=6,IF(E3<=5,"Do Now","Plan Carefully"),IF(E3<=5,"Do When You Have Time","Don\'t Do"))',
          '=COUNTIF($G$2:$G$5,">"&G3)+1',
          '=COUNTIF({{name:themeNames}},B3)',
        ],
        [
          'Rewrite',
          'Platform',
          8,
          5,
          9,
          8,
          '=C4*2+D4-E4*0.5-F4',
          '=IF(C4>=6,IF(E4<=5,"Do Now","Plan Carefully"),IF(E4<=5,"Do When You Have Time","Don\'t Do"))',
          '=COUNTIF($G$2:$G$5,">"&G4)+1',
          '=COUNTIF({{name:themeNames}},B4)',
        ],
        [
          'Audit logs',
          'Security',
          6,
          7,
          3,
          2,
          '=C5*2+D5-E5*0.5-F5',
          '=IF(C5>=6,IF(E5<=5,"Do Now","Plan Carefully"),IF(E5<=5,"Do When You Have Time","Don\'t Do"))',
          '=COUNTIF($G$2:$G$5,">"&G5)+1',
          '=COUNTIF({{name:themeNames}},B5)',
        ],
        [
          'Total',
          null,
          null,
          null,
          null,
          null,
          '=SUM(G2:G5)',
          '=COUNTIF(H2:H5,"Do Now")&" to do now"',
          null,
          '=SUM(J2:J5)&" of "&ROWS({{sheet:projects}}!A2:A5)&" linked to "&COUNTA({{sheet:themes_ref}}!A2:A4)',
        ],
      ],
      headerRows: 1,
      frozenRows: 1,
      frozenColumns: 1,
      columnWidths: [140, 110, 70, 70, 70, 70, 80, 170, 60, 60],
      hiddenColumns: [9],
      formats: [{ range: 'A1:J1', style: { bold: true, fill: '#1f4e79', fontColor: '#ffffff', wrap: true } }],
      numberFormats: [{ range: 'G2:G6', format: '0.0' }],
      validations: [
        {
          range: 'B2:B5',
          rule: { kind: 'listFromRange', source: '={{name:themeNames}}' },
          help: 'Pick a theme from the Themes sheet',
          strict: true,
        },
        { range: 'C2:F5', rule: { kind: 'number', min: 1, max: 10 }, help: '1 (low) to 10 (high)', strict: true },
        {
          range: 'H2:H5',
          rule: { kind: 'list', values: ['Do Now', 'Plan Carefully', 'Do When You Have Time', "Don't Do"] },
          strict: false,
        },
      ],
      conditionalFormats: [
        { range: 'A2:J5', rule: { kind: 'formula', formula: '=$H2="Do Now"' }, style: { fill: '#e2efda' } },
        {
          range: 'G2:G5',
          rule: {
            kind: 'colorScale',
            min: { value: -12, color: '#f8696b' },
            mid: { value: 8, color: '#ffeb84' },
            max: { value: 28.5, color: '#63be7b' },
          },
        },
      ],
      charts: [
        {
          kind: 'impactEffortMatrix',
          title: 'Impact vs effort',
          anchor: 'L2',
          widthPx: 480,
          heightPx: 320,
          form: 'scatter',
          series: [{ name: 'Projects', values: 'C2:C5', xValues: 'E2:E5', pointLabels: 'A2:A5', color: '#2e75b6' }],
          axes: { value: { title: 'Impact', min: 0, max: 10 }, category: { title: 'Effort', min: 0, max: 10 } },
          quadrants: {
            x: 5.5,
            y: 5.5,
            topLeft: 'Do Now',
            topRight: 'Plan Carefully',
            bottomLeft: 'Do When You Have Time',
            bottomRight: "Don't Do",
          },
        },
      ],
    },
  ],
};

/** The projects plan refers to the themes sheet by key; compile both into one plan as a workbook would. */
export const WORKBOOK_PLAN: RenderPlan = {
  templateId: 'fixture-workbook',
  title: 'Fixture workbook',
  activate: 'projects',
  namedRanges: THEMES_PLAN.namedRanges,
  sheets: [
    THEMES_PLAN.sheets[0],
    {
      ...PROJECTS_PLAN.sheets[0],
      cells: PROJECTS_PLAN.sheets[0].cells.map((row) =>
        row.map((c) => (typeof c === 'string' ? c.replace('{{sheet:themes_ref}}', '{{sheet:themes}}') : c)),
      ),
    },
  ],
};

/** The expected Priority per example row, from the formula (Impact × 2) + Urgency − (Effort × 0.5) − Risk. */
export const FIXTURE_ROWS = [
  { project: 'SSO', impact: 9, urgency: 8, effort: 5, risk: 6 },
  { project: 'Dark mode', impact: 3, urgency: 2, effort: 2, risk: 1 },
  { project: 'Rewrite', impact: 8, urgency: 5, effort: 9, risk: 8 },
  { project: 'Audit logs', impact: 6, urgency: 7, effort: 3, risk: 2 },
];
