/**
 * The chart geometry check (ui/charts/geometry.ts) that the browser tests and `npm run charts:render`
 * apply to every drawn chart: it must flag a label under the wrong bar, a label cut at the plot's edge
 * and a point cut in half, and accept a chart drawn right.
 */
import { geometryProblems, type ChartGeometry } from '../../ui/charts/geometry';

const area = { left: 180, top: 36, right: 624, bottom: 288 };
const bars = [
  { dataset: 0, index: 0, value: 0.67, x: 444, y: 68, base: 181, height: 40 },
  { dataset: 0, index: 1, value: 0.2, x: 260, y: 131, base: 181, height: 40 },
];

function chart(parts: Partial<ChartGeometry>): ChartGeometry {
  return { type: 'bar', area, bars, points: [], labels: [], ...parts };
}

test('labels at the end of their bars, on their centre lines, inside the plot: nothing to report', () => {
  const labels = [
    { dataset: 0, index: 0, text: '67%', box: { x: 448, y: 57, w: 32, h: 22 } },
    { dataset: 0, index: 1, text: '20%', box: { x: 264, y: 120, w: 32, h: 22 } },
  ];
  expect(geometryProblems(chart({ labels }))).toEqual([]);
});

test('a label under the wrong bar (the old fallback placement) is reported with its offset', () => {
  const labels = [{ dataset: 0, index: 1, text: '20%', box: { x: 342, y: 159, w: 32, h: 22 } }];
  expect(geometryProblems(chart({ labels }))).toEqual([
    'label "20%" is 39 px off the centre of its bar (series 1, row 2)',
  ]);
});

test('a label cut at the right edge of the plot is reported', () => {
  const labels = [{ dataset: 0, index: 0, text: '100%', box: { x: 610, y: 57, w: 36, h: 22 } }];
  expect(geometryProblems(chart({ labels }))).toEqual(['label "100%" (series 1, row 1) is outside the plot area']);
});

test('a label drawn over its bar instead of after it is reported', () => {
  const labels = [{ dataset: 0, index: 0, text: '67%', box: { x: 400, y: 57, w: 32, h: 22 } }];
  expect(geometryProblems(chart({ labels }))).toEqual(['label "67%" starts inside its bar instead of at its end']);
});

test('a scatter point at the edge of the plot, half outside, is reported; a whole one is not', () => {
  const points = [
    { dataset: 1, index: 0, x: 300, y: area.top, r: 8 },
    { dataset: 0, index: 2, x: 300, y: area.top + 8, r: 8 },
  ];
  expect(geometryProblems(chart({ type: 'scatter', bars: [], points }))).toEqual([
    'point series 2, row 1 is not whole inside the plot area',
  ]);
});

test("a scatter's names over each other or over another point are reported (the matrix's overlapping names)", () => {
  const points = [
    { dataset: 0, index: 0, x: 300, y: 100, r: 8 },
    { dataset: 0, index: 1, x: 360, y: 100, r: 8 },
  ];
  const right = (x: number, text: string, index: number) => ({
    dataset: 0,
    index,
    text,
    box: { x, y: 92, w: 190, h: 16 },
  });
  const overlapping = chart({
    type: 'scatter',
    bars: [],
    points,
    labels: [right(311, 'SLO dashboards and alerting', 0), right(371, 'Feature flag platform', 1)],
  });
  expect(geometryProblems(overlapping)).toEqual([
    'labels "SLO dashboards and alerting" and "Feature flag platform" overlap',
    'label "SLO dashboards and alerting" covers another point (series 1, row 2)',
  ]);
  const clear = chart({
    type: 'scatter',
    bars: [],
    points,
    labels: [
      { dataset: 0, index: 0, text: 'SLO dashboards and alerting', box: { x: 205, y: 73, w: 190, h: 16 } },
      right(371, 'Feature flag platform', 1),
    ],
  });
  expect(geometryProblems(clear)).toEqual([]);
});
