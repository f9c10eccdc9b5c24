/**
 * Minimal recording fakes for the chart executors: a Sheets sheet whose EmbeddedChartBuilder records
 * every call, and an Excel worksheet whose charts record every property set and method call (paths
 * like "axes.valueAxis.minimum"). Typed against @types/google-apps-script and @types/office-js: the
 * member names used are checked with `satisfies`.
 */
import { checkBuilderArgs, checkChartOptions } from './sheets-chart-rules';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetsChartRecord {
  calls: Array<{ method: string; args: unknown[] }>;
}

export interface FakeSheetsRange {
  a1: string;
  sheet: string;
}

/** The builder methods the executor may call (checked against the real interface). */
const BUILDER_METHODS = [
  'setChartType',
  'addRange',
  'setPosition',
  'setOption',
  'setNumHeaders',
  'setHiddenDimensionStrategy',
  'build',
] as const satisfies ReadonlyArray<keyof GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>;

export class FakeSheetsSheet {
  charts: SheetsChartRecord[] = [];
  serviceCalls = 0;
  constructor(readonly name: string) {}

  private builder(calls: SheetsChartRecord['calls']): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    const b: Record<string, (...args: unknown[]) => unknown> = {};
    for (const m of BUILDER_METHODS) {
      b[m] = (...args: unknown[]) => {
        // The builder's refusals (test/fakes/sheets-chart-rules.ts): enum values, a Range, documented options.
        checkBuilderArgs(m, args, (v) => !!v && typeof v === 'object' && 'a1' in v && 'sheet' in v);
        if (m === 'build') checkChartOptions(calls);
        calls.push({ method: m, args });
        return m === 'build' ? ({ calls } satisfies SheetsChartRecord) : b;
      };
    }
    return b as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }

  api(): Sheet {
    const api = {
      getRange: (a1: string): GoogleAppsScript.Spreadsheet.Range => {
        this.serviceCalls++;
        return { a1, sheet: this.name } satisfies FakeSheetsRange as unknown as GoogleAppsScript.Spreadsheet.Range;
      },
      newChart: (): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder => {
        this.serviceCalls++;
        return this.builder([]);
      },
      insertChart: (chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void => {
        this.serviceCalls++;
        this.charts.push(chart as unknown as SheetsChartRecord);
      },
    } satisfies Pick<Sheet, 'newChart' | 'insertChart'> & {
      getRange(a1Notation: string): GoogleAppsScript.Spreadsheet.Range;
    };
    return api as unknown as Sheet;
  }
}

/** Installs a `Charts` global with the ChartType names (as Apps Script has). */
export function installChartsGlobal(): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = g.Charts;
  const names = [
    'AREA',
    'BAR',
    'BUBBLE',
    'COLUMN',
    'COMBO',
    'LINE',
    'PIE',
    'RADAR',
    'SCATTER',
    'TABLE',
    'TIMELINE',
  ] as const satisfies ReadonlyArray<keyof typeof GoogleAppsScript.Charts.ChartType>;
  const strategies = ['IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'] as const satisfies ReadonlyArray<
    keyof typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy
  >;
  g.Charts = {
    ChartType: Object.fromEntries(names.map((n) => [n, n])),
    ChartHiddenDimensionStrategy: Object.fromEntries(strategies.map((n) => [n, n])),
  };
  return () => {
    g.Charts = saved;
  };
}

export interface ExcelChartRecord {
  type: string;
  source: string;
  seriesBy?: string;
  ops: Array<{ path: string; value?: unknown; args?: unknown[] }>;
}

function recorder(chart: ExcelChartRecord, path: string): unknown {
  const target = function () {
    /* callable */
  };
  const plain = (v: unknown): unknown =>
    v && typeof v === 'object' && 'a1' in (v as object) ? (v as FakeSheetsRange).a1 : v;
  return new Proxy(target, {
    get: (_t, prop) => {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return recorder(chart, path ? `${path}.${prop}` : prop);
    },
    set: (_t, prop, value) => {
      chart.ops.push({ path: path ? `${path}.${String(prop)}` : String(prop), value: plain(value) });
      return true;
    },
    apply: (_t, _this, args: unknown[]) => {
      chart.ops.push({ path, args: args.map(plain) });
      return recorder(chart, `${path}()`);
    },
  });
}

export class FakeExcelWorksheet {
  charts: ExcelChartRecord[] = [];
  syncs = 0;
  constructor(readonly name: string) {}

  api(): Excel.Worksheet {
    const charts = {
      add: (type: unknown, sourceData: Excel.Range, seriesBy?: unknown): Excel.Chart => {
        const chart: ExcelChartRecord = {
          type: String(type),
          source: (sourceData as unknown as FakeSheetsRange).a1,
          seriesBy: seriesBy as string | undefined,
          ops: [],
        };
        this.charts.push(chart);
        return recorder(chart, '') as Excel.Chart;
      },
    } satisfies Pick<Excel.ChartCollection, 'add'>;
    const api = {
      getRange: (a1?: string): Excel.Range =>
        ({ a1: a1 ?? '', sheet: this.name }) satisfies FakeSheetsRange as unknown as Excel.Range,
      charts: charts as unknown as Excel.ChartCollection,
      // A chart executor must only queue: a sync here fails the test.
      context: {
        sync: async () => {
          this.syncs++;
        },
      } as unknown as Excel.RequestContext,
    } satisfies Pick<Excel.Worksheet, 'getRange' | 'charts' | 'context'>;
    return api as unknown as Excel.Worksheet;
  }
}

/** The recorded ops of one chart whose path matches. */
export function opsAt(chart: ExcelChartRecord, path: string): ExcelChartRecord['ops'] {
  return chart.ops.filter((o) => o.path === path);
}
