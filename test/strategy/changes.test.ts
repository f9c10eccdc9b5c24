/**
 * The change since the previous snapshot in the Markdown strategy document (shared/strategy/changes.ts,
 * markdown.ts): the latest snapshot against the previous one, read from Progress History rows as a reader
 * of the .xlsx returns them. The Strategy Document sheet's native side is document-sheet.test.ts.
 */
import { emptyData, type HistoryRow } from '../../shared/strategy/data';
import { snapshotChanges } from '../../shared/strategy/changes';
import { renderMarkdown } from '../../shared/strategy/markdown';
import { strategyDocument } from '../../shared/strategy/model';
import { ymdToSerial } from '../../shared/core/args';

const OCT = ymdToSerial(2026, 10, 1);
const NOV = ymdToSerial(2026, 11, 1);
const row = (date: number, kind: string, name: string, value: number | undefined, shown: string): HistoryRow => ({
  date,
  kind,
  name,
  value,
  shown,
});
const markdown = (history: HistoryRow[]): string =>
  renderMarkdown(strategyDocument({ ...emptyData(), history }, ymdToSerial(2026, 12, 1)));
const section = (md: string): string => md.slice(md.indexOf('### Change Since'), md.indexOf('## Organization'));

test('no snapshot, or only one: the document says what is missing', () => {
  expect(section(markdown([]))).toContain('_[No progress snapshot yet: Record snapshot');
  expect(section(markdown([row(NOV, 'Metric', 'p95 latency', 350, '350ms')]))).toContain(
    '_[One snapshot so far (2026-11-01): the change shows once the next one is recorded]_',
  );
});

test('two snapshots: a table of each value then and now, with the change', () => {
  const md = section(
    markdown([
      row(OCT, 'Metric', 'p95 latency', 350, '350ms'),
      row(OCT, 'Metric', 'Uptime', 0.995, '99.5%'),
      row(OCT, 'Theme % complete', 'Global Scale', 0.25, '25%'),
      row(OCT, 'Health score', 'Overall', 3, '3.0 (Healthy)'),
      row(NOV, 'Metric', 'p95 latency', 280, '280ms'),
      row(NOV, 'Metric', 'Uptime', 0.999, '99.9%'),
      row(NOV, 'Metric', 'Revenue | EU', 0, '$0'),
      row(NOV, 'Theme % complete', 'Global Scale', 0.5, '50%'),
      row(NOV, 'Health score', 'Overall', 2.8, '2.8 (Needs Attention)'),
    ]),
  );
  expect(md).toContain('Snapshot of 2026-11-01 compared with 2026-10-01.');
  expect(md).toContain('| What | Name | 2026-10-01 | 2026-11-01 | Change |');
  expect(md).toContain('| Metric | p95 latency | 350ms | 280ms | −20% |');
  expect(md).toContain('| Metric | Uptime | 99.5% | 99.9% | +0.4 pts |');
  expect(md).toContain('| Metric | Revenue \\| EU |   | $0 | new |');
  expect(md).toContain('| Theme % complete | Global Scale | 25% | 50% | +25 pts |');
  expect(md).toContain('| Health score | Overall | 3.0 (Healthy) | 2.8 (Needs Attention) | −0.2 |');
});

test('a value recorded twice the same day counts as recorded last; names match ignoring case and spaces', () => {
  const c = snapshotChanges([
    row(OCT, 'Metric', 'Deploy  frequency', 2, '2x/day'),
    row(NOV, 'Metric', 'deploy frequency', 3, '3x/day'),
    row(NOV, 'Metric', 'Deploy frequency', 4, '4x/day'),
  ]);
  expect(c.lines).toEqual([
    { kind: 'Metric', name: 'Deploy frequency', before: '2x/day', now: '4x/day', change: '+100%' },
  ]);
});

test('unmeasurable values, a value from 0 and an unchanged value', () => {
  const c = snapshotChanges([
    row(OCT, 'Metric', 'A', undefined, 'N/A'),
    row(OCT, 'Metric', 'B', 0, '$0'),
    row(OCT, 'Metric', 'C', 5, '5'),
    row(NOV, 'Metric', 'A', 280, '280ms'),
    row(NOV, 'Metric', 'B', 250000, '$250K'),
    row(NOV, 'Metric', 'C', 5, '5'),
  ]);
  expect(c.lines.map((l) => l.change)).toEqual(['changed', 'from 0', 'no change']);
});
