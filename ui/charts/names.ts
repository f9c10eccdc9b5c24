/**
 * Category names that fit beside a bar chart: a long name wraps onto several lines at word boundaries within a
 * width (Chart.js draws an array of strings as a multi-line tick label); only when the lines allowed cannot hold
 * it all does the last line end with an ellipsis — the tooltip still shows the whole name (it reads the data's
 * label, not the tick's).
 */

/** The width of a text in pixels, in the font the axis draws with. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/** The longest start of `text` that fits in `width` with an ellipsis after it (at least one character). */
function shortened(text: string, width: number, measure: Measure): string {
  let end = text.length;
  while (end > 1 && measure(text.slice(0, end).trimEnd() + ELLIPSIS) > width) end--;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/** Words packed greedily onto lines no wider than `width` (a word wider than that alone on its line). */
function packed(words: string[], width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && measure(`${lines[last]} ${word}`) <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * `name` as the lines to draw: itself when it fits on one line, else wrapped within `width` on at most
 * `maxLines` lines, the last one shortened with an ellipsis when the name does not fit whole.
 */
export function wrapName(name: string, width: number, maxLines: number, measure: Measure): string | string[] {
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (measure(name) <= width || words.length === 0) return name;
  const lines = packed(words, width, measure);
  const kept = lines.slice(0, Math.max(1, maxLines));
  const cut = kept.length < lines.length;
  if (cut)
    kept[kept.length - 1] = shortened(`${kept[kept.length - 1]} ${lines.slice(kept.length).join(' ')}`, width, measure);
  // A single word too wide for its line is shortened too: nothing is drawn past the edge.
  const out = kept.map((l) => (measure(l) > width ? shortened(l, width, measure) : l));
  return out.length === 1 ? out[0] : out;
}
