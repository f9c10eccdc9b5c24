/**
 * Hostile cell texts: shapes that make backtracking regular expressions take quadratic (or worse) time,
 * each of exactly n characters. Used by the linear-time tests (test/property/linear-parsers.property.test.ts,
 * test/bundle/hostile-text.test.ts) and by `npm run bench` (worst hostile-text time per bundle).
 *
 * Each family repeats a unit that an ambiguous pattern could split many ways (digit runs for `\d+\.?\d*`,
 * spaces for `\s*[-/ ]\s*`, letters for `[a-z]+ly`, separators for `(,\d{3})+`), and ends with a character
 * that makes the match fail, so a backtracking engine tries every split before giving up.
 */

/** `unit` repeated, after `head` and before `tail`, cut or padded to exactly n characters. */
function fill(head: string, unit: string, tail: string, n: number): string {
  const body = unit.repeat(Math.max(0, Math.ceil((n - head.length - tail.length) / unit.length)));
  return (head + body).slice(0, Math.max(0, n - tail.length)) + tail;
}

export const HOSTILE_TEXTS: Record<string, (n: number) => string> = {
  'long digit run': (n) => fill('', '1', 'x', n),
  'digits, a dot, digits': (n) => fill('1'.repeat(Math.floor(n / 2)) + '.', '1', 'x', n),
  'exponent digits': (n) => fill('1e', '1', 'x', n),
  'thousands groups': (n) => fill('1', ',000', ',00x', n),
  'repeated separators': (n) => fill('1', ',', 'x', n),
  'repeated dashes and slashes': (n) => fill('2027', '-/', 'x', n),
  dots: (n) => fill('', '.', '1', n),
  'long whitespace': (n) => fill('1', ' ', 'x', n),
  'tabs and spaces': (n) => fill('', '\t ', 'x', n),
  'quarter then spaces': (n) => fill('Q1', ' ', 'x', n),
  'year then spaces': (n) => fill('2027', ' ', 'x', n),
  'spaced digits': (n) => fill('', ' 1', 'x', n),
  'many $': (n) => fill('', '$', '1', n),
  'many %': (n) => fill('1', '%', '', n),
  'many x': (n) => fill('1', 'x', '', n),
  'many x/': (n) => fill('1', 'x/', '1', n),
  letters: (n) => fill('1 ', 'a', '1', n),
  'letters ending in l': (n) => fill('1 ', 'l', 'y1', n),
  'repeated "per "': (n) => fill('1 ', 'per ', '1', n),
  'repeated "a "': (n) => fill('1 ', 'a ', '1', n),
  'comparator words': (n) => fill('', 'at least ', '1', n),
  dashes: (n) => fill('', '-', 'x', n),
};

export const HOSTILE_FAMILIES = Object.keys(HOSTILE_TEXTS);
