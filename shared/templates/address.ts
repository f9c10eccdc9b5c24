/**
 * Address helpers the host executors and test fakes need on top of a1.ts: sheet-qualified
 * references (`'Roadmap (2)'!A2:A9`) and runs of columns (one host call per run of equal widths
 * or hidden columns, never one per column). Pure: no host calls.
 */
import { parseRange, type RangeRef } from './a1';

/** Splits `'Roadmap (2)'!A2:A9` into the unquoted sheet name and the local address. */
export function splitSheetRef(ref: string): { sheet?: string; local: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { local: ref.trim() };
  let sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: ref.slice(bang + 1).trim() };
}

/** A rectangle (1-based, inclusive) with its sheet when the reference names one. */
export function parseSheetRange(ref: string): RangeRef & { sheet?: string } {
  const { sheet, local } = splitSheetRef(ref);
  return { ...parseRange(local.replace(/^=/, '')), sheet };
}

/** Consecutive entries with the same value: [100,100,80] → [{start:0,count:2,value:100},{start:2,count:1,value:80}]. */
export function runs<T>(values: readonly T[]): Array<{ start: number; count: number; value: T }> {
  const out: Array<{ start: number; count: number; value: T }> = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last.value === v) last.count++;
    else out.push({ start: i, count: 1, value: v });
  });
  return out;
}

/** Indexes → runs of consecutive indexes: [2,3,5] → [{start:2,count:2},{start:5,count:1}]. */
export function indexRuns(indexes: readonly number[]): Array<{ start: number; count: number }> {
  const out: Array<{ start: number; count: number }> = [];
  for (const i of [...new Set(indexes)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1 });
  }
  return out;
}

/** The smallest rectangle holding all of them (undefined for none). */
export function boundingBox(ranges: readonly RangeRef[]): RangeRef | undefined {
  if (ranges.length === 0) return undefined;
  return {
    top: Math.min(...ranges.map((r) => r.top)),
    left: Math.min(...ranges.map((r) => r.left)),
    bottom: Math.max(...ranges.map((r) => r.bottom)),
    right: Math.max(...ranges.map((r) => r.right)),
  };
}
