/**
 * The Strategy Document sheet: its native formulas (evaluated by HyperFormula) write the lines the core's
 * document model holds for the same workbook: themes, objectives, each quarter's initiatives with owners,
 * the not-doing list, every metric current → target with its status, and the review's open findings.
 */
import { compileTemplate } from '../../shared/templates';
import { DOCUMENT_LINES } from '../../shared/templates/specs/document';
import { readStrategy } from '../../shared/strategy/read';
import { strategyDocument } from '../../shared/strategy/model';
import { todaySerial } from '../../shared/functions/metrics';
import { loadPlan, type LoadedPlan } from '../templates/loader';
import { column, layoutOf } from '../templates/engine-helpers';
import { engineSheets } from './workbook-source';

const NOW = new Date();
let loaded: LoadedPlan;
let line: (label: string, nth?: number) => unknown;
beforeAll(() => {
  loaded = loadPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  const content = column(loaded, layoutOf('strategy-workbook', 'document'), 'content');
  line = (label, nth = 0) => {
    const i = DOCUMENT_LINES.map((l, k) => [l.label, k] as const).filter(([l]) => l === label)[nth][1];
    return content[i];
  };
});
afterAll(() => loaded.destroy());

test('each line equals the core document model of the same workbook', () => {
  const { data } = readStrategy(engineSheets(loaded, true), NOW);
  const doc = strategyDocument(data, todaySerial({ now: () => NOW }));
  expect(line('Strategic themes')).toBe(doc.themes.map((t) => t.name).join('; '));
  expect(line('Objectives')).toBe(doc.objectives.map((o) => o.item).join('; '));
  expect(line('Critical metrics')).toBe(doc.criticalMetrics.join('; '));
  for (const q of doc.quarters)
    expect(line(q.quarter)).toBe(q.items.map((i) => `${i.initiative}${i.owner ? ` (${i.owner})` : ''}`).join('; '));
  expect(line('Not doing')).toBe(doc.notDoing.map((n) => `${n.item} — ${n.why}`).join('; '));
  expect(line('Current vs target')).toBe(
    doc.metrics.map((m) => `${m.name}: ${m.current} → ${m.target} (${m.status})`).join('; '),
  );
  expect(line('Open findings')).toBe(
    doc.findings.map((f) => `${f.status} ${f.check} (${f.count}): ${f.items}`).join('; '),
  );
  expect(line('Current state')).toBe('Technical health 3/5 (Healthy)');
  expect(line('Theme 1')).toBe('Enterprise-Ready Platform — owner Dana Okafor (example), 6 months');
  expect(line('   Metrics', 1)).toBe('p95 latency 350ms → <200ms');
  expect(line('Theme 5')).toBe(''); // four themes: the fifth slot stays empty
  expect(line('Hiring plan')).toBe('[Roles and timeline: not in the workbook yet]');
});

test('a blank workbook shows placeholders, not errors', () => {
  const blank = loadPlan(compileTemplate('strategy-workbook', { example: false, now: NOW }));
  const content = column(blank, layoutOf('strategy-workbook', 'document'), 'content');
  expect(content[0]).toBe('[3–5 themes: not in the workbook yet]');
  expect(content.filter((v) => v !== null && typeof v === 'object')).toEqual([]);
  blank.destroy();
});
