/**
 * Cells as the clipboard carries them between spreadsheets and other applications: tab-separated rows,
 * one line per row; a cell holding a tab, a line break or a double quote is quoted ("a ""b"""), as Excel
 * and Google Sheets write and read it. Linear in the text's length.
 */

function quote(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Rows of cell texts → clipboard text (no trailing line break: Sheets and Excel both read it). */
export function toClipboardText(rows: string[][]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\n');
}

/** Clipboard text → rows of cell texts; a trailing line break ends the last row, it does not add one. */
export function fromClipboardText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false; // inside a quoted cell
  let wasQuoted = false; // the cell began with a quote (text after its closing quote is dropped)
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === '' && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (ch === '\t') {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else if (!wasQuoted) cell += ch;
  }
  if (cell !== '' || row.length > 0 || wasQuoted) {
    endCell();
    rows.push(row);
  }
  return rows;
}
