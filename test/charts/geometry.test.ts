/**
 * The chart geometry check (ui/charts/geometry.ts) that the browser tests and `npm run charts:render`
 * apply to every drawn chart: it must flag a label under the wrong bar, a label cut at the plot's edge
 * and a point cut in half, and accept a chart drawn right.
 */
import { drawnIntervals, geometryProblems, type ChartGeometry } from '../../ui/charts/geometry';

const area = { left: 180, top: 36, right: 624, bottom: 288 };
const canvas = { width: 640, height: 320 };
const bars = [
  { dataset: 0, index: 0, value: 0.67, x: 444, y: 68, base: 181, height: 40 },
  { dataset: 0, index: 1, value: 0.2, x: 260, y: 131, base: 181, height: 40 },
];

function chart(parts: Partial<ChartGeometry>): ChartGeometry {
  return {
    type: 'bar',
    area,
    bars,
    points: [],
    labels: [],
    categories: [],
    invisible: [],
    valueTicks: [],
    categoryTicks: [],
    canvas,
    ...parts,
  };
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

test("a category name cut at the chart's left edge (the roadmap's long item) is reported; a wrapped whole one is not", () => {
  const name = 'Multi-region deployment to EU (after Improve monitoring and alerting)';
  const cut = chart({ categoryTicks: [{ text: name, box: { x: -6, y: 61, w: 180, h: 14 } }] });
  expect(geometryProblems(cut)).toEqual([`category name "${name}" is cut at the edge of the chart`]);
  const wrapped = chart({ categoryTicks: [{ text: name, box: { x: 20, y: 47, w: 150, h: 42 } }] });
  expect(geometryProblems(wrapped)).toEqual([]);
});

test('a category name not level with its bars is reported with its offset', () => {
  const ticks = [
    { text: 'Platform', box: { x: 100, y: 61, w: 60, h: 14 } },
    { text: 'SLO dashboards', box: { x: 60, y: 100, w: 100, h: 14 } },
  ];
  expect(geometryProblems(chart({ categoryTicks: ticks }))).toEqual([
    'category name "SLO dashboards" is -24 px off the centre of its bars',
  ]);
});

test('a roadmap bar is named by the quarters its painted span crosses; offsets and empty bars are not bars', () => {
  // Lines at x = 100, 200, 300, 400 (Q3 2026 … Q1 2027 between them); the offset series is transparent.
  const ticks = [100, 150, 200, 250, 300, 350, 400].map((pixel, i) => ({
    value: 10 + i / 2,
    pixel,
    label: i % 2 === 0 ? '' : ['Q3 2026', 'Q4 2026', 'Q1 2027'][(i - 1) / 2],
  }));
  const g = chart({
    categories: ['Audit logging', 'CI speed-up', 'Sharding'],
    invisible: [0],
    valueTicks: ticks,
    bars: [
      { dataset: 0, index: 0, value: 10, x: 120, y: 10, base: 100, height: 10 },
      { dataset: 1, index: 0, value: 0.5, x: 190, y: 10, base: 120, height: 10 },
      { dataset: 1, index: 1, value: 1.2, x: 330, y: 30, base: 210, height: 10 },
      { dataset: 2, index: 1, value: null, x: 330, y: 30, base: 330, height: 10 },
      { dataset: 1, index: 2, value: 0.9, x: 300, y: 50, base: 201, height: 10 },
    ],
  });
  expect(drawnIntervals(g)).toEqual({
    'Audit logging': ['Q3 2026'],
    'CI speed-up': ['Q4 2026', 'Q1 2027'],
    Sharding: ['Q4 2026'],
  });
  // One pixel past a line is not "drawn in" the next quarter; two are.
  expect(drawnIntervals(chart({ ...g, bars: [{ ...g.bars[1], x: 200.4 }] }))).toEqual({ 'Audit logging': ['Q3 2026'] });
  expect(drawnIntervals(chart({ ...g, bars: [{ ...g.bars[1], x: 202 }] }))).toEqual({
    'Audit logging': ['Q3 2026', 'Q4 2026'],
  });
});
