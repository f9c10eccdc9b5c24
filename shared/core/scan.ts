/**
 * A forward-only scanner for reading cell text in linear time.
 *
 * Every parser of cell text in the core (numbers stored as text, ISO dates, quarters, months, metric
 * texts) reads through a Scanner instead of a regular expression: JavaScript engines match regular
 * expressions by backtracking, and a pattern such as `\d+\.?\d*` tries every split of a digit run, so a
 * 50,000-character text costs billions of steps. A Scanner only moves forward: each method looks at each
 * character at most once, so reading a text of n characters takes O(n) steps whatever the text is.
 *
 * `scanCost.steps` counts the characters every Scanner has looked at since it was last reset: a cost
 * measure that does not depend on the machine's speed (the linear-time tests read it).
 */

/** Characters examined by all scanners (tests reset it and read it; nothing else depends on it). */
export const scanCost = { steps: 0 };

/** JavaScript's `\s` (and `String.prototype.trim`): WhiteSpace and LineTerminator code points. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An ASCII letter a–z or A–Z (what `[a-z]` matches with the `i` flag). */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** ASCII-only lower case (what a regular expression's `i` flag compares by, without `u`). */
export function asciiLower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  scanCost.steps += s.length;
  return out;
}

/** The text with whitespace runs turned into one space and none at either end (`trim` + `\s+` → " "). */
export function collapseSpaces(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      pendingSpace = out !== '';
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += text[i];
  }
  scanCost.steps += text.length;
  return out;
}

export class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The code unit at pos + ahead (NaN past the end). */
  code(ahead = 0): number {
    scanCost.steps++;
    return this.text.charCodeAt(this.pos + ahead);
  }

  /** Consumes one character if it is one of `chars`; returns it, or '' when it is not. */
  take(chars: string): string {
    if (this.done) return '';
    const c = this.text[this.pos];
    scanCost.steps++;
    if (chars.indexOf(c) < 0) return '';
    this.pos++;
    return c;
  }

  /** Consumes `word` if the text continues with it, comparing ASCII letters without case. */
  takeWord(word: string): boolean {
    if (this.pos + word.length > this.text.length) return false;
    for (let i = 0; i < word.length; i++) {
      scanCost.steps++;
      const a = this.text.charCodeAt(this.pos + i);
      const b = word.charCodeAt(i);
      if (a !== b && !(isAsciiLetter(a) && (a | 0x20) === (b | 0x20))) return false;
    }
    this.pos += word.length;
    return true;
  }

  /** Counts the run of characters satisfying `test` from pos without consuming it. */
  runLength(test: (code: number) => boolean, from = this.pos): number {
    let i = from;
    while (i < this.text.length && test(this.text.charCodeAt(i))) i++;
    scanCost.steps += i - from + 1;
    return i - from;
  }

  /** Consumes a run of characters satisfying `test`; returns it. */
  takeRun(test: (code: number) => boolean): string {
    const n = this.runLength(test);
    const s = this.text.slice(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  digits(): string {
    return this.takeRun(isDigit);
  }

  /** Consumes whitespace; returns how many characters. */
  spaces(): number {
    return this.takeRun(isSpace).length;
  }

  /** The unread text. */
  rest(): string {
    return this.text.slice(this.pos);
  }
}
