/**
 * Page geometry shared by the PDF helpers. Every coordinate leaving these helpers is in viewport space:
 * PDF points, origin at the top-left corner of the (rotated) page, y growing downwards.
 */

/** An affine transform [a, b, c, d, e, f] as PDF writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The transform that applies `inner` first and then `outer` (PDF's `cm` composes as multiply(ctm, m)). */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function ok(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Accepts pdfjs's loosely typed matrices (number[] or typed arrays) when they have six finite numbers. */
export function toMatrix(value: unknown): Matrix | undefined {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return undefined;
  const v = value as ArrayLike<unknown>;
  if (v.length !== 6) return undefined;
  const [a, b, c, d, e, f] = [v[0], v[1], v[2], v[3], v[4], v[5]];
  return ok(a) && ok(b) && ok(c) && ok(d) && ok(e) && ok(f) ? [a, b, c, d, e, f] : undefined;
}

/**
 * One straight rule of a table border. `pos` is the y of a horizontal rule (x of a vertical one); the rule
 * runs from `from` to `to` along the other axis (from < to).
 */
export interface Rule {
  pos: number;
  from: number;
  to: number;
}

export interface Rulings {
  horizontal: Rule[];
  vertical: Rule[];
}

/** A run of text as pdfjs delivered it, placed on the page. */
export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  /** Top of the glyph box (baseline minus font size for upright text). */
  top: number;
  /** Baseline for upright text; bottom of the box otherwise. */
  baseline: number;
  /** Font size in points (the glyph box height). */
  size: number;
}
