/**
 * Category names beside a bar chart (ui/charts/names.ts): a long name wraps at word boundaries within the axis'
 * width instead of being cut at the chart's edge, and is shortened with an ellipsis only when its lines run out.
 * Widths are measured as 7 px a character (the axis measures them with the canvas in the browser).
 */
import { wrapName } from '../../ui/charts/names';

const measure = (t: string): number => 7 * t.length;
const LONG = 'Multi-region deployment to EU (after Improve monitoring and alerting)';

test('a name that fits stays one line, as typed', () => {
  expect(wrapName('Postgres sharding', 140, 3, measure)).toBe('Postgres sharding');
});

test('a long name wraps onto lines within the width, every word kept in order', () => {
  const lines = wrapName(LONG, 168, 3, measure);
  expect(lines).toEqual(['Multi-region deployment', 'to EU (after Improve', 'monitoring and alerting)']);
  expect((lines as string[]).every((l) => measure(l) <= 168)).toBe(true);
  expect((lines as string[]).join(' ')).toBe(LONG);
});

test('when the lines allowed cannot hold the name, the last one ends with an ellipsis within the width', () => {
  const lines = wrapName(LONG, 168, 2, measure) as string[];
  expect(lines).toEqual(['Multi-region deployment', 'to EU (after Improve mo…']);
  expect(lines.every((l) => measure(l) <= 168)).toBe(true);
});

test('a single word wider than the axis is shortened, never drawn past the edge', () => {
  expect(wrapName('Internationalisation-and-localisation', 70, 1, measure)).toBe('Internati…');
  expect(wrapName('Re-platform Internationalisation-and-localisation', 70, 3, measure)).toEqual([
    'Re-platfo…',
    'Internati…',
  ]);
});
