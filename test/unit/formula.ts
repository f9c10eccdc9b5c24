/**
 * A tiny reader for the formulas written in registry examples: `=NAME(arg, …)` where an argument is a
 * number, a "text", or an array literal {1, 2; 3, 4} (commas separate columns, semicolons rows).
 * Examples with cell references are not literal and are skipped by the caller.
 */
import { formatNumber, isCellError, type Result } from '../../shared/core/values';

export interface LiteralCall {
  name: string;
  args: unknown[];
}

export function parseLiteralFormula(formula: string): LiteralCall | undefined {
  const m = /^=([A-Z_]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a formula: ${formula}`);
  let i = 0;
  const s = m[2];
  const ws = () => {
    while (s[i] === ' ') i++;
  };
  const scalar = (): unknown => {
    ws();
    if (s[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= s.length) throw new Error(`unterminated text in ${formula}`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          return out;
        }
        out += s[i++];
      }
    }
    const num = /^-?(\d+(\.\d*)?|\.\d+)%?/.exec(s.slice(i));
    if (num) {
      i += num[0].length;
      const t = num[0];
      return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    }
    return undefined; // a reference or something else: not literal
  };
  const arg = (): unknown => {
    ws();
    if (s[i] !== '{') return scalar();
    i++;
    const rows: unknown[][] = [[]];
    for (;;) {
      const v = scalar();
      if (v === undefined) return undefined;
      rows[rows.length - 1].push(v);
      ws();
      const c = s[i++];
      if (c === ',') continue;
      if (c === ';') {
        rows.push([]);
        continue;
      }
      if (c === '}') return rows;
      throw new Error(`bad array in ${formula}`);
    }
  };
  const args: unknown[] = [];
  if (s.trim() === '') return { name: m[1], args };
  for (;;) {
    const a = arg();
    if (a === undefined) return undefined;
    args.push(a);
    ws();
    if (i >= s.length) break;
    if (s[i] !== ',') return undefined;
    i++;
  }
  return { name: m[1], args };
}

/** A result grid as the examples write it: one value, or rows joined by "; " and cells by ", ". */
export function showResult(grid: Result[][]): string {
  const cell = (r: Result): string =>
    isCellError(r) ? `${r.code} ${r.message}` : typeof r === 'number' ? formatNumber(r) : r === '' ? '(blank)' : r;
  return grid.map((row) => row.map(cell).join(', ')).join('; ');
}
