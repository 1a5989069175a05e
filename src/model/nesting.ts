// How deeply a model's text nests, bounded before either YAML parser recurses into it: the positioned
// parser refuses a deeper text with a finding (load.ts), and the fast path leaves it to that parser
// (fast-parse.ts), so both read the same texts.

/** Deeper than any model needs. */
export const MAX_NESTING = 64;

/** Bracket nesting and indentation both bound the parser's recursion; a cheap upper bound of both. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth); // [ {
    else if ((c === 93 || c === 125) && depth > 0) depth--; // ] }
  }
  // Block indicators on one line (`- - - x`, `? ? x`) nest as deeply as indentation does.
  let maxIndent = 0;
  for (const m of text.matchAll(/^(?: |[-?](?= |$))*/gm)) {
    const indent = m[0].length;
    if (indent > maxIndent) maxIndent = indent;
  }
  // Two spaces of indentation per level is the tightest YAML people write.
  return Math.max(max, Math.floor(maxIndent / 2));
}
