/**
 * The change since the previous snapshot in the Markdown strategy document (shared/strategy/changes.ts,
 * markdown.ts): the latest snapshot against the previous one, read from Progress History rows as a reader
 * of the .xlsx returns them. The Strategy Document sheet's native side is document-sheet.test.ts.
 */
import { emptyData, type HistoryRow } from '../../shared/strategy/data';
import {
  CHANGE_TEXTS,
  changesStatus,
  changeText,
  roundHalfAway,
  signed,
  snapshotChanges,
  trimmed,
} from '../../shared/strategy/changes';
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

describe('the change as the document writes it, each rule at its edge', () => {
  const change = (kind: string, v0: number | undefined, s0: string, v1: number | undefined, s1: string): string =>
    snapshotChanges([row(OCT, kind, 'X', v0, s0), row(NOV, kind, 'X', v1, s1)]).lines[0].change;

  test('a metric changes relatively, rounded to whole percent half away from zero, against the size of the old value', () => {
    expect(change('Metric', 200, '200', 205, '205')).toBe('+3%'); // +2.5 %
    expect(change('Metric', 200, '200', 195, '195')).toBe('−3%'); // −2.5 %
    expect(change('Metric', 1000, '1000', 1001, '1001')).toBe('±0%'); // +0.1 %
    expect(change('Metric', -10, '-10', -5, '-5')).toBe('+50%'); // up from a negative value
    expect(change('Metric', -10, '-10', -15, '-15')).toBe('−50%');
    expect(change('Metric', 0, '0', -3, '-3')).toBe('from 0');
  });

  test('a metric written as a percentage changes in points with one decimal', () => {
    expect(change('Metric', 0.5, '50%', 0.4995, '49.95%')).toBe('−0.1 pts'); // −0.05 pts rounds away from zero
    expect(change('Metric', 0, '0%', 0.25, ' 25 % ')).toBe('+25 pts'); // a share from 0 is no "from 0"
    expect(change('Metric', 0.2, '20%', 0.2001, '20.01%')).toBe('±0 pts');
  });

  test("a theme's % complete in whole points, the health score in tenths, whatever the case and spacing of the kind", () => {
    expect(change('Theme % complete', 0.25, '25%', 0.255, '25.5%')).toBe('+1 pts');
    expect(change('  theme  %   COMPLETE ', 0.5, '50%', 0.25, '25%')).toBe('−25 pts');
    expect(change('Health score', 3, '3.0', 3.25, '3.3')).toBe('+0.3');
    expect(change('health SCORE', 3, '3.0', 2.75, '2.8')).toBe('−0.3');
    expect(change('Health score', 3, '3.0', 3.04, '3.0')).toBe('±0');
    // Not the health score: a metric named so changes relatively.
    expect(change('Metric', 3, '3.0', 2.7, '2.7')).toBe('−10%');
  });

  test('values without a number compare as written, ignoring case and spaces', () => {
    expect(change('Metric', undefined, 'N/A', undefined, ' n/a ')).toBe('no change');
    expect(change('Metric', undefined, 'Not  measured', undefined, 'not measured')).toBe('no change');
    expect(change('Metric', undefined, 'N/A', undefined, 'TBD')).toBe('changed');
    expect(change('Metric', 5, '5', undefined, '5')).toBe('no change');
    expect(change('Metric', 5, '5 days', undefined, 'unknown')).toBe('changed');
    expect(change('Theme % complete', 0.5, '50%', 0.5, '50.0%')).toBe('no change');
  });
});

describe('which snapshots are compared, and which lines are listed', () => {
  test('the latest date against the one before it, whatever the sheet order; older snapshots are not read', () => {
    const c = snapshotChanges([
      row(NOV, 'Metric', 'Cost', 90, '$90'),
      row(OCT, 'Metric', 'Cost', 100, '$100'),
      row(ymdToSerial(2026, 9, 1), 'Metric', 'Cost', 50, '$50'),
      row(ymdToSerial(2026, 9, 1), 'Metric', 'Old', 1, '1'),
    ]);
    expect(c).toEqual({
      snapshots: 3,
      latest: NOV,
      previous: OCT,
      lines: [{ kind: 'Metric', name: 'Cost', before: '$100', now: '$90', change: '−10%' }],
    });
  });

  test('dates are compared as numbers (day 10 is after day 9)', () => {
    const c = snapshotChanges([row(9, 'Metric', 'A', 1, '1'), row(10, 'Metric', 'A', 2, '2')]);
    expect([c.latest, c.previous, c.lines[0].change]).toEqual([10, 9, '+100%']);
  });

  test('no history, or one date: the dates known and no line', () => {
    expect(snapshotChanges([])).toEqual({ snapshots: 0, latest: undefined, previous: undefined, lines: [] });
    expect(snapshotChanges([row(NOV, 'Metric', 'A', 1, '1'), row(NOV, 'Metric', 'B', 2, '2')])).toEqual({
      snapshots: 1,
      latest: NOV,
      previous: undefined,
      lines: [],
    });
  });

  test('each value of the latest snapshot once, in sheet order of its last recording, trimmed; a value gone since is not listed', () => {
    const c = snapshotChanges([
      row(OCT, 'Metric', 'Gone', 1, '1'),
      row(OCT, 'Metric', 'Uptime', 0.99, '99%'),
      row(OCT, 'Metric', 'Uptime', 0.98, '98%'),
      row(NOV, ' Metric ', '  Uptime ', 0.97, '97%'),
      row(NOV, 'Metric', 'New  one', 7, ' 7\tdays '),
      row(NOV, 'Metric', 'UPTIME', 0.995, '99.5 %'),
    ]);
    expect(c.lines).toEqual([
      { kind: 'Metric', name: 'New one', before: undefined, now: '7 days', change: '' },
      { kind: 'Metric', name: 'UPTIME', before: '98%', now: '99.5 %', change: '+1.5 pts' },
    ]);
  });

  test('a metric and a theme of the same name are two values', () => {
    const c = snapshotChanges([
      row(OCT, 'Metric', 'Scale', 10, '10'),
      row(OCT, 'Theme % complete', 'Scale', 0.1, '10%'),
      row(NOV, 'Metric', 'Scale', 20, '20'),
      row(NOV, 'Theme % complete', 'Scale', 0.3, '30%'),
    ]);
    expect(c.lines.map((l) => `${l.kind}: ${l.change}`)).toEqual(['Metric: +100%', 'Theme % complete: +20 pts']);
  });
});

test('the line and status texts a reader sees', () => {
  const since = '2026-10-01';
  expect(changeText({ kind: 'Metric', name: 'p95', before: '350ms', now: '280ms', change: '−20%' }, since)).toBe(
    'p95: 350ms → 280ms (−20% since 2026-10-01)',
  );
  expect(changeText({ kind: 'Metric', name: 'Cost', now: '$5', change: '' }, since)).toBe(
    'Cost: $5 (new since 2026-10-01)',
  );
  const iso = (serial: number): string => (serial === NOV ? '2026-11-01' : serial === OCT ? '2026-10-01' : '?');
  expect(changesStatus({ snapshots: 0, lines: [] }, iso)).toBe(
    '[No progress snapshot yet: Record snapshot (Progress menu, panel or preview) adds one]',
  );
  expect(changesStatus({ snapshots: 1, latest: NOV, lines: [] }, iso)).toBe(
    '[One snapshot so far (2026-11-01): the change shows once the next one is recorded]',
  );
  expect(changesStatus({ snapshots: 2, latest: NOV, previous: OCT, lines: [] }, iso)).toBe(
    'Snapshot of 2026-11-01 compared with 2026-10-01',
  );
  expect(CHANGE_TEXTS.kindMissing('2026-11-01')).toBe('[None in the snapshot of 2026-11-01]');
});

test('the spreadsheet ROUND and the signed change', () => {
  expect([roundHalfAway(2.5, 0), roundHalfAway(-2.5, 0), roundHalfAway(0.25, 1), roundHalfAway(-0.25, 1)]).toEqual([
    3, -3, 0.3, -0.3,
  ]);
  expect([roundHalfAway(2.4, 0), roundHalfAway(-2.4, 0), roundHalfAway(1234.5678, 2)]).toEqual([2, -2, 1234.57]);
  expect([signed(5), signed(-20), signed(0), signed(0.5)]).toEqual(['+5', '−20', '±0', '+0.5']);
  expect(trimmed('  a \t b\n c  ')).toBe('a b c');
});
