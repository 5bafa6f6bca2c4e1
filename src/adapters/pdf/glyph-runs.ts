import { normalizeText } from '#extract/normalize.ts';
import { applyMatrix, multiply, type Matrix, type TextBox } from './geometry.ts';

/**
 * Placed text from pdfjs `showText` ops, positioned the way pdfjs's canvas renderer positions glyphs.
 *
 * Reading text from the operator list (rather than also asking pdfjs for getTextContent) parses each page
 * once. A run is split wherever the text jumps by half an em or more (a TJ offset or a stretch of spaces),
 * so one op that prints a whole table row still yields one box per cell.
 */

/** The font facts glyph placement needs (pdfjs FontFaceObject fields). */
export interface FontMetrics {
  fontMatrix: Matrix;
  vertical: boolean;
}

/** The text state of PDF's graphics state, with pdfjs's conventions (leading negated, scale as a ratio). */
export interface TextState {
  font: FontMetrics | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  textHScale: number;
  leading: number;
  textRise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

export const FONT_IDENTITY_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

/** A gap this wide (in font sizes) inside one op starts a new box. */
const SPLIT_GAP = 0.5;
/** A narrower gap that is still this wide reads as a space (pdfjs's text layer uses the same 0.1 em). */
export const SPACE_GAP = 0.1;

interface Glyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: ArrayLike<number>;
}

function asGlyph(g: unknown): Glyph | undefined {
  if (typeof g !== 'object' || g === null) return undefined;
  const o = g as Record<string, unknown>;
  if (typeof o.width !== 'number') return undefined;
  return {
    unicode: typeof o.unicode === 'string' ? o.unicode : '',
    width: o.width,
    isSpace: o.isSpace === true,
    vmetric: o.vmetric && typeof o.vmetric === 'object' ? (o.vmetric as ArrayLike<number>) : undefined,
  };
}

/**
 * Places one showText op's glyphs (pdfjs glyph objects and TJ offsets) and advances the text position.
 * `m` maps user space to viewport space (view × CTM).
 */
export function showText(glyphs: readonly unknown[], t: TextState, m: Matrix, out: TextBox[]): void {
  const font = t.font;
  const size = Math.abs(t.fontSize);
  if (!font || size === 0) return;
  const direction = t.fontSize < 0 ? -1 : 1;
  const hScale = t.textHScale * direction;
  const advanceScale = size * font.fontMatrix[0];
  // Text space (after the text matrix) to viewport, with the run's start at the current point.
  const toView = multiply(m, t.textMatrix);

  if (font.vertical) {
    placeVertical(glyphs, t, toView, size, advanceScale, direction, out);
    return;
  }

  let x = 0;
  let run: { start: number; end: number; text: string; pendingSpace: boolean } | undefined;
  const flush = (): void => {
    if (run && run.text.trim() !== '') {
      const box = boxOf(
        toView,
        t.x + run.start * hScale,
        t.x + run.end * hScale,
        t.y + t.textRise,
        size,
        run.text,
      );
      if (box) out.push(box);
    }
    run = undefined;
  };

  for (const raw of glyphs) {
    if (typeof raw === 'number') {
      x -= (raw * size) / 1000;
      continue;
    }
    const g = asGlyph(raw);
    if (!g) continue;
    const advance = g.width * advanceScale + ((g.isSpace ? t.wordSpacing : 0) + t.charSpacing) * direction;
    const blank = g.unicode.trim() === '';
    if (!blank) {
      if (run && x - run.end >= SPLIT_GAP * size) flush();
      else if (run && x - run.end > SPACE_GAP * size) run.pendingSpace = true;
      if (!run) run = { start: x, end: x, text: '', pendingSpace: false };
      if (run.pendingSpace) run.text += ' ';
      run.text += g.unicode;
      run.pendingSpace = false;
      run.end = x + g.width * advanceScale;
    } else if (run && g.unicode !== '') {
      run.pendingSpace = true;
    }
    x += advance;
  }
  flush();
  t.x += x * hScale;
}

/** Vertical writing: one box per glyph, stacked downwards in text space. */
function placeVertical(
  glyphs: readonly unknown[],
  t: TextState,
  toView: Matrix,
  size: number,
  advanceScale: number,
  direction: number,
  out: TextBox[],
): void {
  let y = 0;
  for (const raw of glyphs) {
    if (typeof raw === 'number') {
      y += (raw * size) / 1000;
      continue;
    }
    const g = asGlyph(raw);
    if (!g) continue;
    const height = g.vmetric ? -(g.vmetric[0] ?? -1000) : g.width;
    if (g.unicode.trim() !== '') {
      const top = t.y - y;
      const box = boxOf(toView, t.x - size / 2, t.x + size / 2, top - size, size, g.unicode);
      if (box) out.push(box);
    }
    y += height * advanceScale - ((g.isSpace ? t.wordSpacing : 0) + t.charSpacing) * direction;
  }
  t.y -= y;
}

/** The viewport box of text from (x0, baseline) to (x1, baseline) in text space, `size` tall. */
function boxOf(
  toView: Matrix,
  x0: number,
  x1: number,
  baseline: number,
  size: number,
  raw: string,
): TextBox | undefined {
  const text = normalizeText(raw).replace(/\s+/g, ' ');
  if (text.trim() === '') return undefined;
  const [ax, ay] = applyMatrix(toView, x0, baseline);
  const [bx, by] = applyMatrix(toView, x1, baseline);
  // The glyph "up" vector: size units along text-space y.
  const ux = toView[2] * size;
  const uy = toView[3] * size;
  const height = Math.hypot(ux, uy);
  if (height === 0) return undefined;
  const xs = [ax, bx, ax + ux, bx + ux];
  const ys = [ay, by, ay + uy, by + uy];
  const upright = Math.abs(by - ay) <= 0.05 * Math.max(1, Math.abs(bx - ax)) && bx >= ax && uy < 0;
  return {
    text,
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    top: upright ? ay - height : Math.min(...ys),
    baseline: upright ? ay : Math.max(...ys),
    size: height,
  };
}
