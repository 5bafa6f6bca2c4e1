import { blankFigure, parseFigure, type Figure, type Unit } from '#domain/quantity.ts';

/** Decimals of a blank or dash cell: the 万元 tables print two. */
export const BLANK_DECIMALS = 2;

export { headerKey, labelKey, squeeze, stripOrdinal } from '#domain/template-keys.ts';
import { squeeze } from '#domain/template-keys.ts';

const MONEY_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^[+-]?\d{1,3}(?:,\d{3})+$/;

/** A printed amount (decimals or thousands separators), as opposed to a code, 行次 or 栏次. */
export function isMoneyText(s: string): boolean {
  return MONEY_RE.test(squeeze(s));
}

const CODE_SEPARATORS = /[-.．]/g;
const DIGITS = /^\d+$/;

/** Digits of a code cell (“201”, “201-03-01”, “20103 01”); undefined when the cell is not a code. */
export function codeDigits(s: string): string | undefined {
  const t = squeeze(s).replace(CODE_SEPARATORS, '');
  return DIGITS.test(t) ? t : undefined;
}

const DASHES = /^-+$/;

export type FigureRead = { ok: true; figure: Figure } | { ok: false };

/** A figure cell: blank and dashes are zero at the table's precision; anything else must be a number. */
export function readFigure(text: string, unit: Unit): FigureRead {
  const t = squeeze(text);
  if (t === '' || DASHES.test(t)) return { ok: true, figure: blankFigure(unit, BLANK_DECIMALS, t) };
  const figure = parseFigure(t, unit);
  return figure ? { ok: true, figure } : { ok: false };
}

/** A small integer as printed in a 行次 or 栏次 cell. */
export function smallInt(s: string): number | undefined {
  const t = squeeze(s);
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

/**
 * A 栏次 row: “栏次 │ │ 1 │ 栏次 │ │ 2” or a bare “1 │ 2 │ … │ 12”. Returns cell index → number.
 * Without the word 栏次 the numbers must run 1, 2, 3… so that a data row of 行次 is not taken for one.
 */
export function stepNumbers(cells: readonly string[]): Map<number, number> | undefined {
  const out = new Map<number, number>();
  let hasWord = false;
  let last = 0;
  let consecutive = true;
  for (let j = 0; j < cells.length; j++) {
    const t = squeeze(cells[j] ?? '');
    if (t === '') continue;
    if (t === '栏次') {
      hasWord = true;
      continue;
    }
    const n = smallInt(t);
    if (n === undefined) return undefined;
    if (n !== last + 1) consecutive = false;
    last = n;
    out.set(j, n);
  }
  if (out.size === 0) return undefined;
  if (hasWord) return out;
  return out.size >= 2 && consecutive ? out : undefined;
}
