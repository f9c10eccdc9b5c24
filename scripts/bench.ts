/**
 * `npm run bench`: one call of every custom function over 10,000 rows through each BUILT bundle
 * (Sheets Code.js and Excel functions.js in a Node vm), median of several runs; the worst time of one
 * call with a hostile text (test/harness/hostile-texts.ts) in any argument, per bundle; bundle sizes.
 * Figures are for comparison between versions on the same machine, not absolute promises.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { REGISTRY } from '../shared/functions';
import { MAX_PARSED_TEXT } from '../shared/core/args';
import { isRangeParam } from '../shared/functions/spec';
import { BENCH_INPUTS } from './bench-inputs';
import { HOSTILE_TEXTS } from '../test/harness/hostile-texts';
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
  hostileTexts(sheets, excel);
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

/** A valid row of arguments for `name` with argument i (its first cell, for a row or column) replaced by `text`. */
function withText(name: string, i: number, text: string): unknown[] {
  const args = BENCH_INPUTS[name](1);
  args[i] = Array.isArray(args[i]) ? [[text, ...(args[i] as unknown[][])[0].slice(1)]] : text;
  return args;
}

/**
 * The slowest single call with a hostile text in any (cell) argument, per bundle: at 50,000 characters (a
 * cell's maximum in Sheets; refused by length) and at MAX_PARSED_TEXT characters (the longest text parsed).
 */
function hostileTexts(sheets: ReturnType<typeof loadSheetsBundle>, excel: ReturnType<typeof loadExcelBundle>): void {
  console.log('\nWorst time of one call with a hostile text in any argument (ms, median of 5)');
  for (const length of [50000, MAX_PARSED_TEXT]) {
    const worst = { Sheets: { ms: 0, where: '' }, Excel: { ms: 0, where: '' } };
    for (const f of REGISTRY) {
      f.params.forEach((p, i) => {
        if (isRangeParam(p)) return;
        for (const [family, make] of Object.entries(HOSTILE_TEXTS)) {
          const args = withText(f.name, i, make(length));
          const excelArgs = Array.from({ length: f.params.length }, (_, k) => toExcelArg(args[k]));
          const where = `${f.name}(${p.name}): ${family}`;
          const runs = {
            Sheets: () => sheetsResult(sheets, f.name, args),
            Excel: () => excel.call(f.name, ...excelArgs),
          };
          for (const host of ['Sheets', 'Excel'] as const) {
            const ms = median(Array.from({ length: 5 }, () => time(runs[host])));
            if (ms > worst[host].ms) worst[host] = { ms, where };
          }
        }
      });
    }
    for (const host of ['Sheets', 'Excel'] as const)
      console.log(
        `${`${host}, ${length.toLocaleString('en')} chars`.padEnd(28)} ${worst[host].ms.toFixed(3).padStart(9)}  ${worst[host].where}`,
      );
  }
}

main();
