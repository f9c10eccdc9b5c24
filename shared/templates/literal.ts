/**
 * Names matched literally in native formulas. COUNTIF(S), AVERAGEIF, MINIFS and MATCH(…, 0) read `*`, `?` and `~` in
 * a text criterion as wildcards in Excel, Google Sheets and the preview's engine, and a criterion starting with `<`, `>` or
 * `=` as a comparison: a theme named "R&D *core*" would also count "R&D new core work". Escaping each of the three
 * with `~` (the documented escape in all three engines; the preview engine 3.x: ArithmeticHelper escapeNonWildcards) makes
 * the match literal; criteria also get a leading "=" so a name like "<200ms" is text, not a comparison.
 */

/** The text of `x` with its wildcards escaped: "R&D *core*" → "R&D ~*core~*". */
export function escapedWildcards(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;
}

/** A COUNTIF(S) / AVERAGEIF / MINIFS criterion equal to the text of `x`, literally. */
export function literalCriterion(x: string): string {
  return `"="&${escapedWildcards(x)}`;
}
