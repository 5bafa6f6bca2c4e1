import type { TemplateColumn } from './final-accounts-template.ts';

/**
 * How header words and row labels are compared with the national template, wherever they come from (a PDF,
 * a DOCX, a finance system's workbook): regardless of layout spaces, quotes, brackets, full/half width and a
 * leading ordinal.
 */

const WHITESPACE = /\s/;
const QUOTES_AND_BRACKETS = /[“”"'‘’「」『』()[\]【】〔〕:：]/g;
const HAS_QUOTES_OR_BRACKETS = /[“”"'‘’「」『』()[\]【】〔〕:：]/;

/** Removes all whitespace (layout spaces inside Chinese text); cheap when there is none. */
export function squeeze(s: string): string {
  return WHITESPACE.test(s) ? s.replace(/\s+/g, '') : s;
}

/** Compares header words and labels regardless of layout spaces, quotes, brackets and full/half width. */
export function headerKey(s: string): string {
  const t = squeeze(s.normalize('NFKC'));
  return HAS_QUOTES_OR_BRACKETS.test(t) ? t.replace(QUOTES_AND_BRACKETS, '') : t;
}

const ORDINAL_PREFIX =
  /^(?:其中[:：]?|[(（]?[一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[(（]\d+[)）])/;

/** Removes a leading ordinal (“一、”, “（二）”, “3.”) or “其中：”. */
export function stripOrdinal(s: string): string {
  let t = squeeze(s);
  for (let i = 0; i < 2; i++) {
    const m = ORDINAL_PREFIX.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  return t;
}

/** Key for matching a row label against the template's labels. */
export function labelKey(s: string): string {
  return headerKey(stripOrdinal(s));
}

/**
 * The template column a header names: the exact key, or (not exact) the longest key of two characters or
 * more that the header contains. `withLabels` also tries each column's own label.
 */
export function matchColumn(
  key: string,
  columns: readonly TemplateColumn[],
  exact: boolean,
  withLabels = false,
): TemplateColumn | undefined {
  let best: TemplateColumn | undefined;
  let bestLen = 0;
  for (const c of columns) {
    for (const k of (withLabels ? [c.label, ...c.keys] : c.keys).map(headerKey)) {
      const hit = exact ? k === key : k.length >= 2 && key.includes(k);
      if (hit && k.length > bestLen) {
        best = c;
        bestLen = k.length;
      }
    }
  }
  return best;
}
