/**
 * Conditional formats in the preview grid: formula rules evaluated by the engine for each cell
 * (references shifted from the range's top-left cell, as spreadsheets do), colour scales and data bars.
 */
import type { CellStyle, ConditionalFormatOp } from '../../shared/plan/plan';
import { colIndex, colLetter, gridRect, type GridRect } from '../../shared/a1/a1';

/**
 * A rule's range, parsed once: the look of every cell on screen is asked at each repaint (after every
 * value typed), and parsing "G2:G51" again for each cell and rule took most of a repaint (issue #18: a Tab
 * on Prioritization took 0.4–0.9 s).
 */
const parsed = new Map<string, GridRect>();
function rectOf(range: string): GridRect {
  let r = parsed.get(range);
  if (!r) parsed.set(range, (r = gridRect(range)));
  return r;
}

/** Moves the relative parts of A1 references by (dr, dc); texts in quotes and function names are left alone. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (m, str, sheet, cAbs: string, col: string, rAbs: string, row: string, offset: number, whole: string) => {
      if (str || sheet) return m;
      const before = whole[offset - 1];
      if (before && /[A-Za-z0-9_.]/.test(before)) return m;
      const c = cAbs ? col : colLetter(colIndex(col) + dc);
      const r = rAbs ? row : String(Number(row) + dr);
      return `${cAbs}${c}${rAbs}${r}`;
    },
  );
}

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function mix(a: string, b: string, t: number): string {
  const [x, y] = [hexToRgb(a), hexToRgb(b)];
  const c = x.map((v, i) => Math.round(v + (y[i] - v) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export interface CellLook {
  style?: CellStyle;
  /** CSS background for a colour scale. */
  background?: string;
  /** Data bar: fraction 0–1 and colour. */
  bar?: { fraction: number; color: string };
}

/**
 * What the conditional formats of a sheet do to one cell. `test(formula)` evaluates a rule's
 * formula for this cell (already shifted) and returns its truthiness.
 */
export function conditionalLook(
  ops: ConditionalFormatOp[],
  row: number,
  col: number,
  value: unknown,
  test: (formula: string) => boolean,
): CellLook {
  const look: CellLook = {};
  for (const op of ops) {
    const r = rectOf(op.range);
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    const rule = op.rule;
    if (rule.kind === 'formula') {
      if (!look.style && test(shiftFormula(rule.formula, row - r.top, col - r.left))) look.style = op.style;
    } else if (rule.kind === 'colorScale') {
      if (typeof value !== 'number') continue;
      if (rule.mid && value <= rule.mid.value)
        look.background = mix(
          rule.min.color,
          rule.mid.color,
          (value - rule.min.value) / (rule.mid.value - rule.min.value || 1),
        );
      else if (rule.mid)
        look.background = mix(
          rule.mid.color,
          rule.max.color,
          (value - rule.mid.value) / (rule.max.value - rule.mid.value || 1),
        );
      else
        look.background = mix(
          rule.min.color,
          rule.max.color,
          (value - rule.min.value) / (rule.max.value - rule.min.value || 1),
        );
    } else if (rule.kind === 'dataBar') {
      if (typeof value !== 'number') continue;
      look.bar = {
        fraction: Math.min(1, Math.max(0, (value - rule.min) / (rule.max - rule.min || 1))),
        color: rule.color,
      };
    }
  }
  return look;
}
