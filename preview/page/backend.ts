/**
 * The panel's preview backend: the same task pane as in Sheets and Excel (ui/panel.ts), its Templates
 * tab inserting through the preview executor and its Charts tab building charts from the grid's
 * selection with the hosts' core. Both go through the grid's undo history.
 */
import { functionDocs } from '../../shared/docs/reference';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { TEMPLATES, compileTemplate } from '../../shared/templates';
import type { PanelBackend } from '../../ui/panel';
import { chartForSelection } from '../chart-insert';
import { insertTemplate } from '../commands';
import type { Grid } from './grid';
import { addPlannedToRoadmapPreview, previewStrategyMarkdown, recordPreviewSnapshot } from '../snapshot';

function sheetsText(sheets: string[]): string {
  return `${sheets.length === 1 ? 'sheet' : 'sheets'} ${sheets.join(', ')}`;
}

/**
 * `now` is the moment of insertion (the example's dates are placed from its day); the page passes the
 * clock, tests a fixed day.
 */
export function previewBackend(grid: Grid, now: () => Date = () => new Date()): PanelBackend {
  return {
    host: 'preview',
    functionPrefix: '',
    functions: functionDocs(),
    listTemplates: async () => TEMPLATES.map((t) => ({ ...t })),
    insertTemplate: async (id, options) => {
      const started = performance.now();
      const name = TEMPLATES.find((t) => t.id === id)?.name ?? id;
      const before = new Set(grid.wb.sheetNames());
      let notes: string[] = [];
      const ok = grid.run(
        insertTemplate(
          `Insert ${name}`,
          compileTemplate(id, { ...options, now: now() }),
          grid.activeSheet,
          (_a, n) => (notes = n),
        ),
      );
      if (!ok) throw new Error(`${name} was not inserted: see the status line under the sheet.`);
      const added = grid.wb.sheetNames().filter((n) => !before.has(n));
      const ms = Math.round(performance.now() - started);
      return {
        sheets: added,
        message: `Added ${sheetsText(added)} in ${ms} ms. Ctrl+Z in the sheet undoes it.${notes.length ? ` ${notes[0]}` : ''}`,
      };
    },
    insertChartFromSelection: async (kind) => {
      const { sheet, rect } = grid.selection();
      const built = chartForSelection(grid.wb, sheet, rect, kind);
      if (!built.ok) throw new Error(built.error);
      const name = CHART_CATALOG.find((c) => c.kind === kind)?.name ?? kind;
      if (!grid.run(built.command, false))
        throw new Error(`The ${name} was not inserted: see the status line under the sheet.`);
      grid.focusGrid();
      return { sheets: [sheet], message: built.message, anchor: built.anchor };
    },
    // preview/snapshot.ts: appends to the Progress History sheet; the strategy document as Markdown.
    recordSnapshot: async () => {
      const r = recordPreviewSnapshot(grid.wb);
      grid.show(r.sheets[0]);
      return r;
    },
    addPlannedToRoadmap: async () => {
      const r = addPlannedToRoadmapPreview(grid.wb);
      grid.show(r.sheets[0]);
      return r;
    },
    strategyMarkdown: async () => previewStrategyMarkdown(grid.wb),
  };
}
