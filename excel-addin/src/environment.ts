/**
 * Where the task pane runs, for the self-check's report: Office's host, platform and version
 * (`Office.context.diagnostics`), the highest ExcelApi requirement set the host supports
 * (`isSetSupported`), Office's content language, the decimal separator Excel uses (ExcelApi 1.11
 * `application.cultureInfo`, guarded; Intl of the content language otherwise) and the task pane's time zone.
 */
import type { SelfCheckEnvironment } from '../../shared/self-check/report';
import { localeTag } from '../../shared/plan/formula-syntax';
import { hostApiSupport } from './templates/requirements';

/** The highest ExcelApi 1.x the host supports (probed up to 1.30). */
export function highestExcelApi(): string {
  const supports = hostApiSupport();
  let best = '';
  for (let minor = 1; minor <= 30; minor++) if (supports(`1.${minor}`)) best = `1.${minor}`;
  return best || 'none';
}

interface OfficeContext {
  diagnostics?: { host?: string; platform?: string; version?: string };
  contentLanguage?: string;
  displayLanguage?: string;
}

function officeContext(): OfficeContext {
  const office = (globalThis as unknown as { Office?: { context?: OfficeContext } }).Office;
  return office?.context ?? {};
}

/** Excel's decimal separator: from its culture where ExcelApi 1.11 is there, else from the language. */
async function decimalSeparator(language: string): Promise<string> {
  if (hostApiSupport()('1.11')) {
    return Excel.run(async (ctx) => {
      const format = ctx.workbook.application.cultureInfo.numberFormat.load('numberDecimalSeparator');
      await ctx.sync();
      return format.numberDecimalSeparator;
    });
  }
  try {
    const parts = new Intl.NumberFormat(localeTag(language)).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

export async function excelEnvironment(): Promise<SelfCheckEnvironment> {
  const ctx = officeContext();
  const d = ctx.diagnostics ?? {};
  const language = ctx.contentLanguage ?? ctx.displayLanguage ?? 'unknown';
  const decimal = await decimalSeparator(language).catch(() => '?');
  return {
    host: `Excel${d.host && d.host !== 'Excel' ? ` (${d.host})` : ''}`,
    platform: d.platform ?? 'unknown',
    api: `Office ${d.version ?? 'unknown version'}; ExcelApi ${highestExcelApi()}`,
    locale: language,
    numbers: `decimal "${decimal}"; formulas written in en-US through Range.formulas (Excel shows them in its own syntax)`,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'unknown',
  };
}

/**
 * Office platforms where a download link in a task pane saves the file (`Office.context.diagnostics.platform`):
 * Office on the web (the browser downloads) and Windows desktop (the pane shows the download bar, office-js#1793).
 * On Mac desktop a download link does nothing, with no error (office-js#3385, #2700 "by design", #4681; Outlook
 * #6468); iOS, Android and an unknown platform are not documented, so they are not counted on either.
 */
export const DOWNLOADING_PLATFORMS: readonly string[] = ['OfficeOnline', 'PC'];

/** Does a download link in this task pane save the file? Read at the moment of the click. */
export function officeSavesDownloads(): boolean {
  return DOWNLOADING_PLATFORMS.includes(officeContext().diagnostics?.platform ?? '');
}
