import { IDENTITY, multiply, toMatrix, type Matrix, type Rulings, type TextBox } from './geometry.ts';
import { FONT_IDENTITY_MATRIX, showText, type FontMetrics, type TextState } from './glyph-runs.ts';
import { OPS } from './pdfjs.ts';
import { addPath, isVisibleColor, type PaintVisibility } from './rulings.ts';

/**
 * One pass over a page's operator list: placed text and table rules, both in viewport space.
 *
 * The walk keeps the graphics state the way pdfjs's canvas renderer does (save/restore copy all of it,
 * text position included), so text and rules land where they are drawn.
 */

export interface OperatorList {
  fnArray: readonly number[];
  argsArray: readonly unknown[];
}

/** pdfjs font metrics by the font's loaded name (the first argument of setFont). */
export type FontLookup = (loadedName: string) => FontMetrics | undefined;

export interface PageContent {
  boxes: TextBox[];
  rulings: Rulings;
}

interface State extends TextState, PaintVisibility {
  ctm: Matrix;
}

function initialState(): State {
  return {
    ctm: IDENTITY,
    strokeVisible: true,
    fillVisible: true,
    font: undefined,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    textHScale: 1,
    leading: 0,
    textRise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
}

function arg(args: unknown, k: number): unknown {
  return Array.isArray(args) ? (args as unknown[])[k] : undefined;
}

function num(args: unknown, k: number): number {
  const v = arg(args, k);
  return typeof v === 'number' ? v : 0;
}

/** `view` maps PDF user space to viewport space (pdfjs's `page.getViewport({ scale: 1 }).transform`). */
export function readContent(ops: OperatorList, view: Matrix, fontOf: FontLookup): PageContent {
  const content: PageContent = { boxes: [], rulings: { horizontal: [], vertical: [] } };
  const stack: State[] = [];
  let s = initialState();
  const moveText = (dx: number, dy: number): void => {
    s.x = s.lineX += dx;
    s.y = s.lineY += dy;
  };

  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i] ?? -1;
    const args: unknown = ops.argsArray[i];
    switch (fn) {
      case OPS.save:
        stack.push(s);
        s = { ...s };
        break;
      case OPS.restore:
        s = stack.pop() ?? s;
        break;
      case OPS.transform: {
        const m = toMatrix(args);
        if (m) s.ctm = multiply(s.ctm, m);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push(s);
        s = { ...s };
        const m = toMatrix(arg(args, 0));
        if (m) s.ctm = multiply(s.ctm, m);
        break;
      }
      case OPS.paintFormXObjectEnd:
        s = stack.pop() ?? s;
        break;
      case OPS.setStrokeRGBColor:
        s.strokeVisible = isVisibleColor(args);
        break;
      case OPS.setFillRGBColor:
        s.fillVisible = isVisibleColor(args);
        break;
      case OPS.setStrokeTransparent:
        s.strokeVisible = false;
        break;
      case OPS.setFillTransparent:
        s.fillVisible = false;
        break;
      case OPS.constructPath:
        addPath(args, multiply(view, s.ctm), s, content.rulings);
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      case OPS.setFont: {
        const name = arg(args, 0);
        s.font =
          typeof name === 'string'
            ? (fontOf(name) ?? { fontMatrix: FONT_IDENTITY_MATRIX, vertical: false })
            : undefined;
        s.fontSize = num(args, 1);
        break;
      }
      case OPS.setCharSpacing:
        s.charSpacing = num(args, 0);
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = num(args, 0);
        break;
      case OPS.setHScale:
        s.textHScale = num(args, 0) / 100;
        break;
      case OPS.setLeading:
        s.leading = -num(args, 0);
        break;
      case OPS.setTextRise:
        s.textRise = num(args, 0);
        break;
      case OPS.moveText:
        moveText(num(args, 0), num(args, 1));
        break;
      case OPS.setLeadingMoveText:
        s.leading = num(args, 1);
        moveText(num(args, 0), num(args, 1));
        break;
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.setTextMatrix: {
        const m = toMatrix(arg(args, 0));
        if (m) s.textMatrix = m;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      }
      case OPS.showText: {
        const glyphs = arg(args, 0);
        if (Array.isArray(glyphs)) showText(glyphs as unknown[], s, multiply(view, s.ctm), content.boxes);
        break;
      }
      default:
        break;
    }
  }
  return content;
}
