/**
 * The preview's "Record snapshot" and strategy document: the snapshot is appended to the Progress History
 * sheet below its last row, nothing else in the workbook changes, a second snapshot goes below the first;
 * the document read from the preview's computed values is the CLI's sample document.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PreviewWorkbook } from '../../preview/workbook';
import { previewStrategyMarkdown, recordPreviewSnapshot } from '../../preview/snapshot';
import { compileTemplate } from '../../shared/templates';

const NOW = new Date(2026, 11, 1, 12);

function everyCell(wb: PreviewWorkbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of wb.sheetNames())
    wb.hf.getSheetSerialized(wb.sheetId(name)).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) out.set(`${name}!${r},${c}`, v);
      }),
    );
  return out;
}

test('appends below the last row and changes nothing else; a second snapshot goes below the first', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.setInput('Sheet1', 0, 0, 'my notes');
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  const before = everyCell(wb);
  const r = recordPreviewSnapshot(wb, NOW);
  expect(r.sheets).toEqual(['Progress History']);
  const after = everyCell(wb);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
  expect(changed.every((k) => k.startsWith('Progress History!'))).toBe(true);
  expect(changed).toHaveLength(9 * 5);
  expect(wb.value('Progress History', 1, 0)).toBe(46357); // 2026-12-01
  expect(wb.value('Progress History', 2, 2)).toBe('p95 latency');
  expect(wb.value('Progress History', 2, 3)).toBe(350);
  expect(wb.value('Progress History', 9, 4)).toBe('3.0 (Healthy)');
  expect(wb.metaOf('Progress History').numberFormats).toContainEqual({ range: 'A2:A10', format: 'yyyy-mm-dd' });
  recordPreviewSnapshot(wb, NOW);
  const again = everyCell(wb);
  expect([...after].filter(([k, v]) => again.get(k) !== v)).toEqual([]);
  expect(wb.value('Progress History', 18, 2)).toBe('Overall');
});

test('the preview workbook gives the sample strategy document (docs/strategy-example.md)', () => {
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
  const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'strategy-example.md'), 'utf8');
  expect(previewStrategyMarkdown(wb, NOW)).toBe(sample);
  const empty = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  expect(() => previewStrategyMarkdown(empty, NOW)).toThrow('needs the "Strategic Themes" sheet');
});
