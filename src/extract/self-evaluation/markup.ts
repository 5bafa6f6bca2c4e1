import type { RawLine } from '#domain/raw-document.ts';

/**
 * Remnants of a Markdown/LaTeX conversion that some published reports carry: heading hashes, bold stars and
 * inline maths around indicator targets (`$\geq 5$`, `$>=85\%$`). Only these are undone; nothing else is
 * repaired.
 */

const HEADING_HASHES_RE = /^\s*#{1,6}\s+/;
const BOLD_RE = /\*\*|__/g;
/** Inline maths, and digits printed right after its closing `$` ("$>=40000$ 0"). */
const INLINE_MATH_RE = /\$([^$\n]{1,40})\$(?:\s*(\d+)(?![\d.]))?/g;
const LATEX_COMMANDS: readonly [RegExp, string][] = [
  [/\\geq?(?![a-z])/g, '≥'],
  [/\\leq?(?![a-z])/g, '≤'],
  [/\\gt(?![a-z])/g, '>'],
  [/\\lt(?![a-z])/g, '<'],
  [/\\%/g, '%'],
];

function mathText(inner: string): string {
  let t = inner;
  for (const [re, to] of LATEX_COMMANDS) t = t.replace(re, to);
  // Spacing inside maths is layout, not text: "$\geq 5$" reads ≥5.
  return t.replace(/\s+/g, '');
}

/**
 * The text without Markdown heading hashes, bold markers and `$…$` maths. A number printed after the
 * closing `$` continues the number inside when that ends in a digit: the converter moved the `$` one digit
 * too early (`$>=40000$ 0` is ≥400000).
 */
export function cleanMarkup(text: string): string {
  const unmathed = text.replace(INLINE_MATH_RE, (_all, inner: string, tail: string | undefined) => {
    const math = mathText(inner);
    if (tail === undefined) return math;
    return /\d$/.test(math) ? math + tail : `${math} ${tail}`;
  });
  return unmathed.replace(HEADING_HASHES_RE, '').replace(BOLD_RE, '');
}

/** A line with its text and cells cleaned; page, line and geometry unchanged. */
export function cleanLine(line: RawLine): RawLine {
  const cells = line.cells.map((c) => ({ ...c, text: cleanMarkup(c.text) }));
  return { ...line, text: cells.map((c) => c.text).join('\t'), cells };
}
