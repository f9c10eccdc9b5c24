/**
 * The server side of templates in Google Sheets: what the sidebar calls through google.script.run
 * (listTemplates, insertTemplate) and what the menu items call (insertFromMenu). Everything
 * returned is plain JSON.
 */
import { TEMPLATES, compileTemplate, type TemplateInfo } from '../../../shared/templates/index';
import { noSuchTemplate } from '../../../shared/core/messages';
import { hostErrorText, type InsertReport } from '../../../shared/plan/report';
import { PRODUCT } from '../ui';
import { withDocumentLock } from './document-lock';
import { applyPlanSheets } from './executor';

export function listTemplates(): TemplateInfo[] {
  return TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description, sheets: [...t.sheets] }));
}

/** Inserts a template into the active spreadsheet. Throws an Error with a readable message on failure. */
export function insertTemplate(id: string, options?: { example?: boolean }): InsertReport {
  if (!TEMPLATES.some((t) => t.id === id)) throw new Error(noSuchTemplate(String(id)));
  const plan = compileTemplate(id, { example: !!options?.example });
  // One insert at a time in this spreadsheet (a menu insert and a sidebar insert would pick the same names).
  return withDocumentLock(plan.title, () => applyPlanSheets(SpreadsheetApp.getActiveSpreadsheet(), plan));
}

/** Menu handler: inserts, then shows the result as a toast, or the error in an alert. */
export function insertFromMenu(id: string, example: boolean): InsertReport | undefined {
  try {
    const report = insertTemplate(id, { example });
    SpreadsheetApp.getActiveSpreadsheet().toast(report.message, PRODUCT, 10);
    return report;
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(PRODUCT, hostErrorText(e), ui.ButtonSet.OK);
    return undefined;
  }
}
