/**
 * Protected ranges in the Google Sheets fake, as documented in the Apps Script reference, Class Protection
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection) and Class Range `protect()`:
 *  - `Range.protect()` "Creates an object that can protect the range from being edited except by users who have
 *    permission"; until it is changed, the protection is owner-only: other editors cannot edit the range.
 *  - `setWarningOnly(true)`: "Warning-based protection means that every user can edit data in the area, except
 *    editing prompts a warning asking the user to confirm the edit." (Sheets API ProtectedRange.warningOnly says
 *    the same; "Editors are not supported with warning_only protection".)
 *  - `setDescription(text)` is what the Protected sheets and ranges pane lists.
 * `FakeSheet.userTypes` (sheets.ts) plays a person typing into a cell in the Sheets UI: a warning-only range asks,
 * and the value is written only when the person confirms; an owner-only range refuses anyone but its owner.
 */
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** What a protection needs of the fake's range (sheets.ts FakeRange), without importing it (no import cycle). */
interface GuardedRange {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly sheet: {
    ss: { recorder: { record(kind: 'service', target: string, method: string, args: unknown[]): void } };
  };
  a1(): string;
  real(): GoogleAppsScript.Spreadsheet.Range;
}

export class FakeProtection implements Pick<
  Protection,
  'setWarningOnly' | 'isWarningOnly' | 'setDescription' | 'getDescription' | 'getRange'
> {
  private warningOnly = false;
  private description = '';

  constructor(readonly range: GuardedRange) {}

  setWarningOnly(warningOnly: boolean): Protection {
    this.range.sheet.ss.recorder.record('service', `Protection(${this.range.a1()})`, 'setWarningOnly', [warningOnly]);
    this.warningOnly = warningOnly;
    return this as unknown as Protection;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDescription(description: string): Protection {
    this.range.sheet.ss.recorder.record('service', `Protection(${this.range.a1()})`, 'setDescription', [description]);
    this.description = description;
    return this as unknown as Protection;
  }
  getDescription(): string {
    return this.description;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.range.real();
  }
  covers(row: number, col: number): boolean {
    const r = this.range;
    return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
  }
}

/** What happened when a person typed into a cell: written, written after confirming the warning, or refused. */
export type UserEdit = 'written' | 'asked and written' | 'asked and kept' | 'refused';
