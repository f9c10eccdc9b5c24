/**
 * Excel's 1900 date system counts a day that never was: serial 60 is 29 February 1900 (kept from Lotus 1-2-3,
 * "Excel incorrectly assumes that the year 1900 is a leap year", Microsoft Learn, kb 214326). From serial 61
 * (1 March 1900) its serials are the core's (days since 1899-12-30, as in Google Sheets); below 60 Excel's serial
 * N is the core's N + 1 (Excel's 1 is 1900-01-01, the core's 1 is 1899-12-31).
 */

/** Excel's serial of its fictitious 29 February 1900. */
export const EXCEL_FICTITIOUS_DAY = 60;

/**
 * An Excel serial (a time of day as the fraction) as the core's serial of the same calendar day and time.
 * Excel's 29 February 1900 has no core day: it comes back as the text "1900-02-29", which the date reader refuses
 * by name (`got "1900-02-29"`) rather than reading it as a neighbouring day. Other values pass unchanged.
 */
export function excelSerialToCore(v: number): number | string {
  if (!Number.isFinite(v) || v < 1 || v >= EXCEL_FICTITIOUS_DAY + 1) return v;
  if (v >= EXCEL_FICTITIOUS_DAY) return '1900-02-29';
  return v + 1;
}
