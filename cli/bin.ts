/** Entry point of the `tech-strategy-toolkit` command (bin/tech-strategy-toolkit.js loads it through tsx). */
import ExcelJS from 'exceljs';
import { catalog } from './catalog';
import { run } from './main';

export function main(argv: string[]): Promise<number> {
  return run(argv, catalog, ExcelJS, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}
