/**
 * Renders every chart of the example templates to docs/images/chart-<kind in kebab-case>.png, the way a person
 * sees it: the template is compiled and its formulas computed by the formula engine (HyperFormula,
 * dev only), then the chart's ranges are read and drawn by the same Chart.js renderer the preview
 * uses (ui/charts, bundled with esbuild, no CDN) in headless Chromium (playwright-core + the system
 * chromium). Usage: npm run charts:render [-- --out <dir>]
 */
import * as fs from 'fs';
import * as path from 'path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { TEMPLATES, compileTemplate } from '../shared/templates/index';
import type { ChartOp } from '../shared/plan/plan';
import { parseRange, cellA1, rangeA1 } from '../shared/a1/a1';
import { loadPlan, isEngineError } from '../test/templates/loader';
import { previewWithSnapshots } from '../test/fixtures/snapshots';

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChartJob {
  templateId: string;
  sheet: string;
  op: ChartOp;
  /** Values of every range the chart reads, by A1. */
  data: Record<string, unknown[][]>;
}

function rangesOf(op: ChartOp): string[] {
  const out = new Set<string>();
  if (op.categories) out.add(op.categories);
  for (const s of op.series ?? []) {
    out.add(s.values);
    if (s.xValues) out.add(s.xValues);
    if (s.pointLabels) out.add(s.pointLabels);
    if (op.source) {
      const r = parseRange(s.values);
      out.add(rangeA1({ top: r.top - 1, bottom: r.top - 1, left: r.left, right: r.left }));
    }
  }
  if (op.titleCell) out.add(op.titleCell);
  // The roadmap's calendar: its Start, End and Theme cells (the quarters and the legend follow them).
  if (op.calendar) for (const a1 of [op.calendar.start, op.calendar.end, op.calendar.theme]) out.add(a1);
  return [...out];
}

/**
 * A metric's trend: the example's Progress History is empty (its review flags "no snapshot"), so the image
 * shows p95 latency after three snapshots recorded in the preview's workbook (test/fixtures/snapshots.ts).
 */
function trendJob(): ChartJob {
  const wb = previewWithSnapshots();
  const sheet = 'Progress History';
  const op = wb.metaOf(sheet).charts[1];
  const data = Object.fromEntries(rangesOf(op).map((a1) => [a1, wb.rangeValues(sheet, a1)]));
  return { templateId: 'strategy-workbook', sheet, op, data };
}

/** Every chart of every example template, once per kind, with the values its ranges hold. */
export function collectJobs(): ChartJob[] {
  const jobs: ChartJob[] = [];
  const seen = new Set<string>();
  for (const t of TEMPLATES) {
    const loaded = loadPlan(compileTemplate(t.id, { example: true }));
    for (const s of loaded.plan.sheets) {
      for (const op of s.charts) {
        if (seen.has(op.kind) || op.kind === 'metricTrend') continue;
        seen.add(op.kind);
        const data: Record<string, unknown[][]> = {};
        for (const a1 of rangesOf(op)) {
          const r = parseRange(a1);
          const rows: unknown[][] = [];
          for (let row = r.top; row <= r.bottom; row++) {
            const line: unknown[] = [];
            for (let col = r.left; col <= r.right; col++) {
              const v = loaded.at(s.key, cellA1(row, col));
              line.push(isEngineError(v) ? null : v);
            }
            rows.push(line);
          }
          data[a1] = rows;
        }
        jobs.push({ templateId: t.id, sheet: s.name, op, data });
      }
    }
  }
  jobs.push(trendJob());
  return jobs;
}

async function bundle(): Promise<string> {
  const out = await build({
    stdin: {
      // The page gets the renderer and returns what is drawn wrong (labels off their bars, points cut): an image is
      // only written when the chart's own geometry is right.
      contents: `import { renderChart, chartGeometry, geometryProblems } from './ui/charts/render';
(window as any).renderChart = (c: any, op: any, read: any) => geometryProblems(chartGeometry(renderChart(c, op, read))).join('; ');\n`,
      resolveDir: ROOT,
      sourcefile: 'render-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

async function main(): Promise<void> {
  const outArg = process.argv.indexOf('--out');
  const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'docs', 'images');
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const jobs = collectJobs();
  const script = await bundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await (await browser.newContext({ deviceScaleFactor: 1 })).newPage();
    // Offline by construction: the page gets everything inline; any request would be a bug.
    await page.route('**/*', (r) => r.abort());
    for (const job of jobs) {
      const html = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff}canvas{display:block}</style></head><body><canvas id="c"></canvas></body></html>`;
      await page.setContent(html);
      await page.addScriptTag({ content: script });
      const problem = await page.evaluate(
        ({ op, data }) => {
          try {
            const canvas = document.getElementById('c') as HTMLCanvasElement;
            const w = window as unknown as {
              renderChart: (c: HTMLCanvasElement, o: unknown, r: (a1: string) => unknown[][]) => string;
            };
            return w.renderChart(canvas, op, (a1: string) => {
              if (!(a1 in data)) throw new Error(`range ${a1} not collected`);
              return data[a1];
            });
          } catch (e) {
            return String(e);
          }
        },
        { op: job.op, data: job.data },
      );
      if (problem) throw new Error(`${job.op.kind}: ${problem}`);
      const file = path.join(outDir, `chart-${job.op.kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.png`);
      await page.locator('#c').screenshot({ path: file });
      console.log(
        `${path.relative(ROOT, file)}  (${job.templateId}, sheet "${job.sheet}", ${job.op.widthPx}×${job.op.heightPx})`,
      );
    }
  } finally {
    await browser.close();
  }
  console.log(`${jobs.length} charts in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
