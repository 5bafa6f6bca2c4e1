import { normalizeText } from '#extract/normalize.ts';
import { applyMatrix, multiply, toMatrix, type Matrix, type TextBox } from './geometry.ts';

/** The fields of a pdfjs TextItem this module reads (TextMarkedContent items lack `str`). */
export interface PdfTextItem {
  str: string;
  transform: unknown;
  width: number;
}

/**
 * Places pdfjs text items on the page in viewport space, normalised. Whitespace-only items (pdfjs inserts
 * them for wide gaps) are dropped: gaps are measured from positions instead.
 */
export function toTextBoxes(items: readonly unknown[], view: Matrix): TextBox[] {
  const boxes: TextBox[] = [];
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const text = normalizeText(item.str).replace(/\s+/g, ' ');
    if (text.trim() === '') continue;
    const tm = toMatrix(item.transform);
    if (!tm) continue;
    const m = multiply(view, tm);
    const size = Math.hypot(m[2], m[3]);
    const advance = Math.hypot(m[0], m[1]);
    if (size === 0 || advance === 0) continue;
    // Unit vectors along the text and towards the top of the glyphs, in viewport space.
    const ux = m[0] / advance;
    const uy = m[1] / advance;
    const [ox, oy] = applyMatrix(view, tm[4], tm[5]);
    const ex = ox + ux * item.width;
    const ey = oy + uy * item.width;
    const xs = [ox, ex, ox + m[2], ex + m[2]];
    const ys = [oy, ey, oy + m[3], ey + m[3]];
    const upright = Math.abs(uy) < 0.05 && ux > 0 && m[3] < 0;
    const bottom = Math.max(...ys);
    boxes.push({
      text,
      x0: Math.min(...xs),
      x1: Math.max(...xs),
      top: upright ? oy - size : Math.min(...ys),
      baseline: upright ? oy : bottom,
      size,
    });
  }
  return boxes;
}

function isTextItem(item: unknown): item is PdfTextItem {
  return (
    typeof item === 'object' &&
    item !== null &&
    'str' in item &&
    typeof item.str === 'string' &&
    'width' in item &&
    typeof item.width === 'number'
  );
}
