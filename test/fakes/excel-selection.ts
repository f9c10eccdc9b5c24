/**
 * Selection support for the Excel fake (test/fakes/excel.ts), added from outside so the base fake
 * stays as it is: `workbook.getSelectedRange()`, `range.load()` queuing a read of values and formulas
 * (readable after the next sync, as in Office.js), `range.getUsedRange()`, `worksheet.getUsedRange()`
 * and `range.getColumnsAfter()` whose bounds are worked out at sync, and `columnIndex`/`columnCount`.
 * Importing this module installs it; `selectExcel(host, sheet, a1)` plays the user selecting cells.
 *
 * Values: a formula cell reads as its computed value where the host has an engine (excel-engine.ts), as ""
 * otherwise (like the Sheets fake).
 */
import {
  cellValue,
  FakeExcelHost,
  FakeRange,
  FakeWorkbook,
  FakeWorksheet,
  type WorkbookState,
  type XChart,
} from './excel';

type Bounds = { row: number; col: number; rows: number; cols: number };

const selections = new WeakMap<WorkbookState, string>();
const loaded = new WeakMap<FakeRange, { values: unknown[][]; formulas: unknown[][] }>();
const pending = new WeakSet<FakeRange>();

/** The user activates `sheet` and selects `a1` on it. */
export function selectExcel(host: FakeExcelHost, sheet: string, a1: string): void {
  host.state.active = host.sheet(sheet);
  selections.set(host.state, a1);
}

function notLoaded(prop: string): Error {
  const e = new Error(
    `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  ) as Error & { code: string };
  e.code = 'PropertyNotLoaded';
  return e;
}

function itemNotFound(): Error {
  const e = new Error("The requested resource doesn't exist.") as Error & { code: string };
  e.name = 'RichApi.Error';
  e.code = 'ItemNotFound';
  return e;
}

function setBounds(r: FakeRange, b: Bounds): void {
  Object.assign(r as unknown as Bounds, b);
  pending.delete(r);
}

/** A range whose bounds are the filled cells inside `within()`, worked out at sync (ItemNotFound when none). */
function usedWithin(ws: FakeWorksheet, within: () => Bounds, label: string): FakeRange {
  const r = new FakeRange(ws, 0, 0, 1, 1, false);
  pending.add(r);
  ws.ctx.enqueue(label, () => {
    const w = within();
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of ws.state.cells) {
      if (c.formula === null || c.formula === '') continue;
      const [row, col] = k.split(',').map(Number);
      if (row < w.row || row >= w.row + w.rows || col < w.col || col >= w.col + w.cols) continue;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom < 0) throw itemNotFound();
    setBounds(r, { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 });
  });
  return r;
}

const ALL = Number.MAX_SAFE_INTEGER;

/** Excel's default row height in points: the fake lays rows out at this height. */
export const FAKE_ROW_PT = 15;

/** A loaded chart item: top and height in points (from setPosition's anchor row and the height set), its title,
 * `plotVisibleOnly`, and its series collection (load('items/name') then sync). */
function chartItem(ws: FakeWorksheet, c: XChart): Record<string, unknown> {
  const pos = c.ops.filter((o) => o.path === 'setPosition').pop()?.args?.[0];
  const row = typeof pos === 'string' ? Number(/\d+/.exec(pos)?.[0] ?? 1) : 1;
  const height = Number(c.ops.filter((o) => o.path === 'height').pop()?.value ?? 270);
  let seriesItems: Array<{ name: string }> | undefined;
  const series = {
    load: () => {
      ws.ctx.enqueue('series.load', () => (seriesItems = c.series.map((x) => ({ name: x.name }))));
      return series;
    },
    get items() {
      if (!seriesItems) throw notLoaded('items');
      return seriesItems;
    },
  };
  const title = c.ops.filter((o) => o.path === 'title.text').pop()?.value;
  return {
    top: (row - 1) * FAKE_ROW_PT,
    height,
    name: String(title ?? ''),
    plotVisibleOnly: c.plotVisibleOnly,
    series,
  };
}

function install(): void {
  const wb = FakeWorkbook.prototype as unknown as { getSelectedRange(this: FakeWorkbook): Excel.Range };
  wb.getSelectedRange = function () {
    const ws = new FakeWorksheet(this.ctx, this.ctx.state.active!, true);
    return ws.getRange(selections.get(this.ctx.state) ?? 'A1');
  };

  const wsProto = FakeWorksheet.prototype as unknown as {
    getUsedRange(this: FakeWorksheet, valuesOnly?: boolean): Excel.Range;
  };
  wsProto.getUsedRange = function () {
    return usedWithin(this, () => ({ row: 0, col: 0, rows: ALL, cols: ALL }), 'worksheet.getUsedRange').real();
  };

  // worksheet.charts.load('items/top,items/height'): a snapshot of the sheet's charts at sync.
  const chartsGetter = Object.getOwnPropertyDescriptor(FakeWorksheet.prototype, 'charts')!.get!;
  Object.defineProperty(FakeWorksheet.prototype, 'charts', {
    configurable: true,
    get(this: FakeWorksheet) {
      const collection = chartsGetter.call(this) as Record<string, unknown>;
      let items: Array<Record<string, unknown>> | undefined;
      collection.load = () => {
        this.ctx.enqueue('charts.load', () => (items = this.state.charts.map((c) => chartItem(this, c))));
        return collection;
      };
      Object.defineProperty(collection, 'items', {
        get: () => {
          if (!items) throw notLoaded('items');
          return items;
        },
      });
      return collection;
    },
  });

  const proto = FakeRange.prototype as unknown as Record<string, unknown>;
  proto.load = function (this: FakeRange): Excel.Range {
    this.ws.ctx.enqueue('range.load', () => {
      if (pending.has(this)) throw new Error('fake: range bounds not worked out before its load');
      const values: unknown[][] = [];
      const formulas: unknown[][] = [];
      for (let i = 0; i < this.rows; i++) {
        values.push([]);
        formulas.push([]);
        for (let j = 0; j < this.cols; j++) {
          const f = this.ws.state.cells.get(`${this.row + i},${this.col + j}`)?.formula ?? '';
          formulas[i].push(f === null ? '' : f);
          values[i].push(cellValue(this.ws, this.row + i, this.col + j));
        }
      }
      loaded.set(this, { values, formulas });
    });
    return this.real();
  };
  proto.getUsedRange = function (this: FakeRange): Excel.Range {
    const within = (): Bounds =>
      this.wholeColumns
        ? { row: 0, col: this.col, rows: ALL, cols: this.cols }
        : { row: this.row, col: this.col, rows: this.rows, cols: this.cols };
    return usedWithin(this.ws, within, 'range.getUsedRange').real();
  };
  proto.getColumnsAfter = function (this: FakeRange, count = 1): Excel.Range {
    const r = new FakeRange(this.ws, 0, 0, 1, 1, false);
    pending.add(r);
    this.ws.ctx.enqueue('range.getColumnsAfter', () =>
      setBounds(r, { row: this.row, col: this.col + this.cols, rows: this.rows, cols: count }),
    );
    return r.real();
  };

  const accessor = (name: string, read: (r: FakeRange) => unknown): void => {
    const base = Object.getOwnPropertyDescriptor(FakeRange.prototype, name);
    Object.defineProperty(FakeRange.prototype, name, {
      configurable: true,
      get(this: FakeRange) {
        return read(this);
      },
      set: base?.set,
    });
  };
  const readCells = (key: 'values' | 'formulas') => (r: FakeRange) => {
    const l = loaded.get(r);
    if (!l) throw notLoaded(key);
    return l[key];
  };
  accessor('values', readCells('values'));
  accessor('formulas', readCells('formulas'));
  accessor('address', (r) => {
    if (pending.has(r)) throw notLoaded('address');
    return `${r.ws.state.name}!${r.a1()}`;
  });
  accessor('columnIndex', (r) => {
    if (pending.has(r)) throw notLoaded('columnIndex');
    return r.col;
  });
  // Range.columnHidden: "true when all columns in a range are hidden … false when no columns … null when some".
  accessor('columnHidden', (r) => {
    if (!loaded.get(r)) throw notLoaded('columnHidden');
    const hidden = Array.from({ length: r.cols }, (_, j) => r.ws.state.hidden.has(r.col + j));
    return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
  });
  accessor('columnCount', (r) => {
    if (pending.has(r)) throw notLoaded('columnCount');
    return r.cols;
  });
}

install();
