/**
 * LibreOffice as a recalculation oracle: converts .xlsx files to one CSV per sheet with
 * `soffice --headless` under a private profile that forces recalculation on load
 * (OOXMLRecalcMode=0), so every value comes from LibreOffice's own formula engine.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function sofficePath(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const p = r.stdout.trim().split('\n')[0];
  return p ? p : undefined;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Converts files with one soffice call (batching saves ~4 s a file) under a private profile that
 * forces recalculation on load: `filter` is a --convert-to target ("ods", "pdf", "xlsx", a CSV filter).
 */
export function convert(soffice: string, files: string[], filter: string, outDir: string, workDir: string): void {
  const profile = path.join(workDir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...files,
    ],
    { stdio: 'pipe', timeout: 120000, env: { ...process.env, HOME: workDir } },
  );
}

/** Every sheet of every file as CSV: returns file → sheet name → rows of cell texts. */
export function recalculateToCsv(
  soffice: string,
  files: string[],
  workDir: string,
): Map<string, Map<string, string[][]>> {
  const outDir = path.join(workDir, 'csv');
  // Field separator 44 (,), text delimiter 34 ("), UTF-8, values not "as shown", sheet -1 = every sheet.
  convert(
    soffice,
    files,
    'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1',
    outDir,
    workDir,
  );
  const out = new Map<string, Map<string, string[][]>>();
  for (const f of files) {
    const base = path.basename(f, '.xlsx');
    const sheets = new Map<string, string[][]>();
    for (const csv of fs.readdirSync(outDir)) {
      if (!csv.startsWith(`${base}-`) || !csv.endsWith('.csv')) continue;
      sheets.set(csv.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(outDir, csv), 'utf8')));
    }
    out.set(f, sheets);
  }
  return out;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens an .xlsx in LibreOffice and saves it again as .xlsx (recalculated, so every formula cell now holds a
 * cached result, as in a file a person saved): returns the path of the re-saved copy in `workDir`.
 */
export function resaveXlsx(soffice: string, file: string, workDir: string): string {
  const outDir = path.join(workDir, 'resaved');
  convert(soffice, [file], 'xlsx:Calc MS Excel 2007 XML', outDir, workDir);
  return path.join(outDir, path.basename(file));
}
