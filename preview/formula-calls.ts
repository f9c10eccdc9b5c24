/**
 * Reads the function calls in a spreadsheet formula: each call's name, where it starts and ends, and
 * its arguments as text, so calls to our custom functions can be rewritten. Texts in double quotes and
 * sheet names in single quotes are skipped; arguments are split at top-level commas. One forward pass
 * per level of nesting (no backtracking).
 */

export interface Call {
  /** Upper-cased function name. */
  name: string;
  /** Index of the name's first character, and just after the closing parenthesis. */
  start: number;
  end: number;
  /** Argument texts, trimmed ("" for an omitted argument). */
  args: string[];
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_.]/;

/** Index just after a quoted run starting at `i` (`"a ""b"""` or `'Q1 ''plan'''`). */
function skipQuoted(text: string, i: number): number {
  const q = text[i];
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === q) {
      if (text[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

/** From an opening parenthesis: the arguments and the index after the matching closing one. */
function readArgs(text: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < text.length;) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if ((ch === ')' || ch === '}') && depth > 0) depth--;
    else if (ch === ')') {
      args.push(text.slice(from, i).trim());
      return { args: args.length === 1 && args[0] === '' ? [] : args, end: i + 1 };
    } else if (ch === ',' && depth === 0) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
    i++;
  }
  return undefined;
}

/** The calls at the top level of a formula (calls inside their arguments are found by reading those). */
export function topLevelCalls(formula: string): Call[] {
  const calls: Call[] = [];
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = skipQuoted(formula, i);
      continue;
    }
    if (!NAME_START.test(ch) || (i > 0 && NAME_PART.test(formula[i - 1]))) {
      i++;
      continue;
    }
    let j = i;
    while (j < formula.length && NAME_PART.test(formula[j])) j++;
    let k = j;
    while (formula[k] === ' ') k++;
    const read = formula[k] === '(' ? readArgs(formula, k) : undefined;
    if (!read) {
      i = j;
      continue;
    }
    calls.push({ name: formula.slice(i, j).toUpperCase(), start: i, end: read.end, args: read.args });
    i = read.end;
  }
  return calls;
}

/** Whether a name is called anywhere in the formula (nested calls included). */
export function callsAny(formula: string, names: ReadonlySet<string>): boolean {
  return topLevelCalls(formula).some((c) => names.has(c.name) || c.args.some((a) => callsAny(a, names)));
}

/**
 * Rewrites every call of a name in `rewrite` (innermost first): `rewrite` returns the replacement text
 * for a call given its already rewritten arguments, or undefined when it cannot, which makes the whole
 * result undefined.
 */
export function rewriteCalls(
  formula: string,
  rewrite: (name: string, args: string[]) => string | undefined,
): string | undefined {
  let out = '';
  let at = 0;
  for (const call of topLevelCalls(formula)) {
    const args: string[] = [];
    for (const a of call.args) {
      const r = rewriteCalls(a, rewrite);
      if (r === undefined) return undefined;
      args.push(r);
    }
    const replaced = rewrite(call.name, args);
    if (replaced === undefined) return undefined;
    out += formula.slice(at, call.start) + replaced;
    at = call.end;
  }
  return out + formula.slice(at);
}
