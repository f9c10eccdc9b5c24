/**
 * The strategy document from a workbook's sheets (as values), for every host: the CLI, both panels and the
 * preview call this after reading their sheets. Phases: sheets → StrategyData (read.ts) → document model
 * (model.ts) → Markdown (markdown.ts).
 */
import { ymdToSerial } from '../core/args';
import { renderMarkdown } from './markdown';
import { strategyDocument } from './model';
import { readStrategy, type ReadSheet } from './read';

/** The Markdown, or the required sheets the workbook lacks. `now` is read in the caller's calendar. */
export function strategyMarkdown(
  sheets: ReadSheet[],
  now: Date,
  title?: string,
): { markdown: string } | { missing: string[] } {
  const { data, missingRequired } = readStrategy(sheets, now);
  if (missingRequired.length > 0) return { missing: missingRequired };
  const today = ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
  return { markdown: renderMarkdown(strategyDocument(data, today, title)) };
}
