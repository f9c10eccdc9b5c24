/**
 * Which rows and columns the preview grid draws (preview/page/viewport.ts): positions from the nominal
 * sizes, the span on screen after the frozen items, a margin each side, everything for small sheets, and
 * no new drawing while the drawn span still holds the screen.
 */
import {
  COL_MARGIN,
  DRAW_ALL_ROWS,
  drawnSpan,
  holds,
  Offsets,
  ROW_MARGIN,
  visibleSpan,
  snapScroll,
} from '../../preview/page/viewport';

const rows = (n: number, header = 0): Offsets =>
  new Offsets(
    Array.from({ length: n }, (_, r) => (r < header ? 44 : 24)),
    24,
  );

test('offsets: where each item starts, and which item is at a position', () => {
  const o = rows(10, 1);
  expect(o.count).toBe(10);
  expect(o.at(0)).toBe(24);
  expect(o.at(1)).toBe(24 + 44);
  expect(o.at(3)).toBe(24 + 44 + 48);
  expect(o.at(10)).toBe(24 + 44 + 9 * 24);
  expect(o.between(1, 3)).toBe(48);
  expect(o.indexAt(0)).toBe(0);
  expect(o.indexAt(24 + 43)).toBe(0);
  expect(o.indexAt(24 + 44)).toBe(1);
  expect(o.indexAt(24 + 44 + 24)).toBe(2);
  expect(o.indexAt(1e9)).toBe(9);
});

test('the span on screen starts under the frozen rows and ends at the bottom of the screen', () => {
  const o = rows(40_025, 1);
  // Scrolled to the top: 700 px of screen show the header row (frozen) and rows up to about 26.
  expect(visibleSpan(o, 1, 0, 700)).toEqual({ from: 1, to: o.indexAt(700) + 1 });
  // Scrolled down 24,000 px: the first row under the frozen header is about 1,000 rows down.
  const v = visibleSpan(o, 1, 24_000, 700);
  expect(v.from).toBe(o.indexAt(24 + 44 + 24_000));
  expect(v.to - v.from).toBeLessThan(40);
});

test('a large sheet draws the visible span and a margin; a small one draws everything', () => {
  const big = rows(40_025, 1);
  const v = visibleSpan(big, 1, 480_000, 700);
  const d = drawnSpan(big, 1, v, DRAW_ALL_ROWS, ROW_MARGIN);
  expect(d).toEqual({ from: v.from - ROW_MARGIN, to: v.to + ROW_MARGIN });
  expect(d.to - d.from).toBeLessThan(2 * ROW_MARGIN + 40);
  const bottom = drawnSpan(big, 1, visibleSpan(big, 1, 1e9, 700), DRAW_ALL_ROWS, ROW_MARGIN);
  expect(bottom.to).toBe(40_025);
  const small = rows(85, 1);
  expect(drawnSpan(small, 1, visibleSpan(small, 1, 0, 300), DRAW_ALL_ROWS, ROW_MARGIN)).toEqual({ from: 1, to: 85 });
  const cols = new Offsets(Array<number>(16_387).fill(96), 46);
  const c = drawnSpan(cols, 0, visibleSpan(cols, 0, 96 * 16_380, 1000), 60, COL_MARGIN);
  expect(c.to).toBe(16_387);
  expect(c.to - c.from).toBeLessThan(11 + 2 * COL_MARGIN + 1);
});

test('scrolling within the margin draws nothing new; past it, the span moves', () => {
  const o = rows(40_025, 1);
  const drawn = drawnSpan(o, 1, visibleSpan(o, 1, 24_000, 700), DRAW_ALL_ROWS, ROW_MARGIN);
  expect(holds(drawn, visibleSpan(o, 1, 24_000 + 20 * 24, 700))).toBe(true);
  expect(holds(drawn, visibleSpan(o, 1, 24_000 + (ROW_MARGIN + 5) * 24, 700))).toBe(false);
  expect(holds(drawn, visibleSpan(o, 1, 24_000 - (ROW_MARGIN + 5) * 24, 700))).toBe(false);
});

test('scrolling snaps to whole items: the nearest start after a wheel, the next one when a cell is revealed', () => {
  const starts = [0, 100, 180, 300];
  expect(snapScroll(starts, 37)).toBe(0);
  expect(snapScroll(starts, 61)).toBe(100);
  expect(snapScroll(starts, 100)).toBe(100);
  expect(snapScroll(starts, 141)).toBe(180);
  expect(snapScroll(starts, 37, 'after')).toBe(100);
  expect(snapScroll(starts, 180, 'after')).toBe(180);
  // Past the last start (the end of the sheet) the scroll stays where the browser put it.
  expect(snapScroll(starts, 320)).toBe(320);
  expect(snapScroll([], 42)).toBe(42);
});
