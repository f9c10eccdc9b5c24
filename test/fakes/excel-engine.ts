/**
 * Gives the Excel fake (excel.ts) a host engine (host-engine.ts): formulas are calculated as Excel would,
 * custom functions in the STRATEGY namespace included, so `range.values` reads computed results. Kept
 * apart from excel.ts, which also runs in the browser tests without the engine.
 */
import type { FakeExcelHost } from './excel';
import { HostEngine, type EngineBook, type HostEngineOptions } from './host-engine';

/** The workbook as the host engine loads it (defined names as absolute references). */
export function excelEngineBook(host: FakeExcelHost): EngineBook {
  return {
    sheets: host.state.sheets.map((sh) => ({
      name: sh.name,
      cells: [...sh.cells.entries()].map(([k, c]) => {
        const [row0, col0] = k.split(',').map(Number);
        // "" written through range.formulas leaves the cell empty (a spilled result may flow into it).
        return { row0, col0, content: c.formula === '' ? null : c.formula, text: c.numberFormat === '@' };
      }),
    })),
    names: host.state.names
      .filter((n) => n.reference.includes('!'))
      .map((n) => ({
        name: n.name,
        ref: n.reference
          .replace(/!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/, '!$$$1$$$2:$$$3$$$4')
          .replace(/!\$?([A-Z]+)\$?(\d+)$/, '!$$$1$$$2'), // a single cell (the self-check's marks)
      })),
  };
}

/** Calculates the host's formulas with an engine from now on. */
export function attachExcelEngine(host: FakeExcelHost, options: Pick<HostEngineOptions, 'tamper'> = {}): HostEngine {
  host.engine = new HostEngine(
    () => host.state.version,
    () => excelEngineBook(host),
    {
      ...options,
      functionPrefix: 'STRATEGY.',
    },
  );
  return host.engine;
}
