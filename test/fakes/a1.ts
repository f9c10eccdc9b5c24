/**
 * Column letters for the host fakes, 1-based as the hosts count columns ("A" ↔ 1, "AA" ↔ 27).
 * Written here rather than imported from shared/a1/a1.ts, so the fakes do not depend on the code they check.
 */

/** "A" → 1, "Z" → 26, "AA" → 27 (case-insensitive). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 26 → "Z", 27 → "AA". */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
