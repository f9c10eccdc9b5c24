/**
 * A second, independent reader opens the workbook: openpyxl (Debian's python3-openpyxl), a separate
 * implementation of the .xlsx format that reads every chart into typed objects and refuses values
 * outside the schema's (an unknown data-label position, axis position, marker…), and reads the print
 * names. It must read all five charts with the ranges the plan names, and report no warning but the
 * one it gives for any workbook with Excel 2010 data bars (ExcelJS writes them as an x14 extension
 * openpyxl does not keep: "Conditional Formatting extension is not supported", plus "Unknown extension"
 * for the rule's x14 id).
 *
 * Chosen over Gnumeric's ssconvert: 4 small packages instead of ~40 MB, and it reads DrawingML charts
 * against the schema's value types, where ssconvert reports valid elements it has no reader for
 * (c:showLegendKey) and cannot hold a print area of several ranges.
 */
import { spawnSync } from 'child_process';
import { describeNeeding } from '../harness/tools';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultTemplateIds } from '../../cli/catalog';
import { compileTemplate } from '../../shared/templates';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { fileChart } from '../../xlsx/chart-model';
import { printedCharts } from '../../xlsx/print-setup';
import { chartPages } from '../../shared/plan/print-area';

const PYTHON = '/usr/bin/python3';
const READER = `
import json, sys, warnings
warnings.simplefilter('always')
import openpyxl
with warnings.catch_warnings(record=True) as caught:
    wb = openpyxl.load_workbook(sys.argv[1])
def refs(chart):
    out = []
    for s in chart.series:
        for src in (s.xVal, s.yVal, s.cat, s.val):
            ref = src and (getattr(src, 'numRef', None) or getattr(src, 'strRef', None))
            if ref is not None: out.append(ref.f)
    return out
print(json.dumps({
  'warnings': sorted(set(str(w.message) for w in caught)),
  'sheets': [{
    'name': ws.title,
    'charts': [{'type': type(c).__name__, 'refs': refs(c)} for c in ws._charts],
    'printArea': ws.print_area,
    'printTitles': ws.print_title_rows,
  } for ws in wb.worksheets],
}))
`;

const describeReader = describeNeeding('openpyxl');

interface Read {
  warnings: string[];
  sheets: {
    name: string;
    charts: { type: string; refs: string[] }[];
    printArea: string[] | string | null;
    printTitles: string;
  }[];
}

describeReader('openpyxl opens the example workbook: charts, print names, no warning of its own', () => {
  let read: Read;
  const model = modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example: true })));

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-openpyxl-'));
    const file = path.join(dir, 'example.xlsx');
    fs.writeFileSync(file, await writeXlsx(ExcelJS, model));
    const r = spawnSync(PYTHON, ['-c', READER, file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`openpyxl could not open the workbook:\n${r.stderr}`);
    read = JSON.parse(r.stdout) as Read;
  });

  test('no warning but the data-bar extension openpyxl does not support', () => {
    expect(read.warnings).toEqual([
      'Conditional Formatting extension is not supported and will be removed',
      'Unknown extension is not supported and will be removed',
    ]);
  });

  test('every chart of the plan, of its type, reading the ranges the plan names', () => {
    const types = {
      stackedBar: 'BarChart',
      bar: 'BarChart',
      tornado: 'BarChart',
      scatter: 'ScatterChart',
      radar: 'RadarChart',
    } as const;
    for (const s of model.sheets) {
      const got = read.sheets.find((x) => x.name === s.name)!;
      expect(got.charts.map((c) => c.type)).toEqual(s.charts.map((c) => types[c.form!]));
      s.charts.forEach((c, i) => {
        const local = got.charts[i].refs.map((r) => r.replace(/^.*!/, '').replace(/\$/g, ''));
        for (const series of c.series ?? [])
          expect(local.some((r) => r.startsWith(series.values.split(':')[0]))).toBe(true);
      });
    }
  });

  test('print titles and print areas: the header row, the data block, then each chart (stacked ones by page, once they have data)', () => {
    for (const s of model.sheets) {
      const got = read.sheets.find((x) => x.name === s.name)!;
      expect(got.printTitles).toBe('$1:$1');
      const area =
        got.printArea === null ? [] : Array.isArray(got.printArea) ? got.printArea : got.printArea.split(',');
      // One area per chart, but stacked charts (Progress History's trends) share one per printed page, and
      // print only once the log holds snapshots (the example's is empty: its table alone).
      const charts = printedCharts(
        s,
        s.charts.map((c) => fileChart(c, s)),
      );
      expect(area).toHaveLength(1 + chartPages(charts).length);
      if (s.charts.some((c) => c.trendOf)) expect(area).toEqual(['$A$1:$E$51']);
    }
  });
});
