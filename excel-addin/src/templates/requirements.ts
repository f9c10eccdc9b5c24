/**
 * ExcelApi requirement sets the template and chart executors rely on (see docs/host-api-notes.md for
 * the member-by-member table, taken from the `[Api set: …]` remarks of @types/office-js).
 *
 * - 1.8 is REQUIRED and declared in manifest.xml (<Set Name="ExcelApi" MinVersion="1.8"/>), so Office
 *   does not activate the add-in on an older host: Range.dataValidation, ChartAxis.numberFormat,
 *   ChartAxis.setPositionAt, ChartAxis.position, ChartSeries.dataLabels, ChartDataLabel.formula are 1.8;
 *   conditional formats 1.6; freeze panes, tab colour, getRangeByIndexes, series.add/setValues 1.7.
 * - Anything newer is OPTIONAL and guarded at run time: ChartAxis.linkNumberFormat (1.9) is only set
 *   where `Office.context.requirements.isSetSupported('ExcelApi', '1.9')` says so. Without it the axis
 *   keeps the explicit number format it was given (the format just is not unlinked from the cells).
 *   Worksheet.pageLayout (1.9) likewise: without it a sheet prints with Excel's defaults (print-layout.ts).
 */

/** The ExcelApi version every insert needs (must equal the manifest's MinVersion; a test checks it). */
export const EXCEL_API_REQUIRED = '1.8';

/** ChartAxis.linkNumberFormat. */
export const EXCEL_API_LINK_NUMBER_FORMAT = '1.9';

/** Worksheet.pageLayout: orientation, fit to pages, print area, print titles (print-layout.ts). */
export const EXCEL_API_PAGE_LAYOUT = '1.9';

/** Whether the host supports ExcelApi `version`. */
export type ApiSupport = (version: string) => boolean;

/**
 * The running host's support, from `Office.context.requirements.isSetSupported`. Where Office is not
 * there (unit tests calling the executor directly) everything is assumed supported: the manifest is
 * what keeps the add-in off hosts without the required set.
 */
export function hostApiSupport(): ApiSupport {
  const office = (
    globalThis as {
      Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } };
    }
  ).Office;
  const requirements = office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return () => true;
  return (version) => requirements.isSetSupported!('ExcelApi', version) === true;
}
