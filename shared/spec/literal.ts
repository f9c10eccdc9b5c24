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

/**
 * The text of `x` with no character any engine reads as a wildcard, for keys compared with plain COUNTIF and
 * MATCH(…, 0): "%", "~", "*" and "?" become "%25", "%7E", "%2A" and "%3F" (one-to-one, so two keys are equal exactly
 * when their texts are). Escaping with `~` is not enough there: the preview's formula engine (a test-only dependency) compares
 * MATCH's lookup text exactly, so an escaped "~*" finds nothing, while Excel's MATCH reads `*` as a wildcard.
 */
export function wildcardFree(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"%","%25"),"~","%7E"),"*","%2A"),"?","%3F")`;
}
