/**
 * Text normalisation shared by every reader: full-width forms to half-width (NFKC, which also folds the
 * Kangxi radicals some PDF producers emit for common characters), look-alike dashes and spaces folded.
 */

const DASHES = /[‐‑‒–—―−－─━]/g;
const SPACES = /[\u00a0\u2000-\u200b\u3000\ufeff]/g;

export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(DASHES, '-').replace(SPACES, ' ').replace(/\r/g, '');
}

/** Removes all whitespace; for matching labels that a layout broke with spaces ("因 公 出 国"). */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** A cell that the template prints for zero: blank, a dash or several. */
export function isZeroMark(s: string): boolean {
  const t = compact(s);
  return t === '' || /^-+$/.test(t);
}
