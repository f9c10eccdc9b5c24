/**
 * `npm run bench`: one call of every custom function over 10,000 rows through each BUILT bundle
 * (Sheets Code.js and Excel functions.js in a Node vm), median of several runs, plus bundle sizes.
 * Figures are for comparison between versions on the same machine, not absolute promises.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { REGISTRY } from '../shared/functions';
import { BENCH_INPUTS } from './bench-inputs';
import {
  DIST,
  excelResult,
  loadExcelBundle,
  loadSheetsBundle,
  sheetsResult,
  toExcelArg,
} from '../test/harness/bundles';

const ROWS = Number(process.env.BENCH_ROWS ?? 10000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f: () => unknown): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function main(): void {
  const missing = REGISTRY.filter((f) => !BENCH_INPUTS[f.name]).map((f) => f.name);
  if (missing.length) {
    console.error(`No benchmark inputs for: ${missing.join(', ')} (add them to scripts/bench-inputs.ts)`);
    process.exit(1);
  }
  const sheets = loadSheetsBundle();
  const excel = loadExcelBundle();
  console.log(`One call over ${ROWS.toLocaleString('en')} rows, median of ${RUNS} runs (ms)\n`);
  console.log(`${'function'.padEnd(18)} ${'Sheets'.padStart(9)} ${'Excel'.padStart(9)}  per row (µs)  check`);
  for (const f of REGISTRY) {
    const args = BENCH_INPUTS[f.name](ROWS);
    const excelArgs = Array.from({ length: f.params.length }, (_, i) => (i < args.length ? toExcelArg(args[i]) : null));
    const s = median(Array.from({ length: RUNS }, () => time(() => sheets.call(f.name, ...args))));
    const x = median(Array.from({ length: RUNS }, () => time(() => excel.call(f.name, ...excelArgs))));
    // Correctness guard: both bundles agree on the benchmark data and produce one result per row.
    const a = sheetsResult(sheets, f.name, args);
    const b = excelResult(excel, f.name, args, f.params.length);
    const same = JSON.stringify(a) === JSON.stringify(b);
    const errors = a.flat().filter((v) => typeof v === 'object').length;
    const check = `${a.length}×${a[0].length}${same ? ' same' : ' DIFFERENT'}${errors ? `, ${errors} errors` : ''}`;
    console.log(
      `${f.name.padEnd(18)} ${s.toFixed(1).padStart(9)} ${x.toFixed(1).padStart(9)}  ${((Math.max(s, x) * 1000) / ROWS).toFixed(2).padStart(12)}  ${check}`,
    );
    if (!same) process.exitCode = 1;
  }
  console.log('\nBundle sizes (bytes, gzip)');
  for (const rel of [
    'apps-script/Code.js',
    'apps-script/Sidebar.html',
    'excel-addin/functions.js',
    'excel-addin/taskpane.js',
    'excel-addin/functions.json',
  ]) {
    const file = path.join(DIST, rel);
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    console.log(`${rel.padEnd(28)} ${String(buf.length).padStart(9)} ${String(gzipSync(buf).length).padStart(8)}`);
  }
}

main();
