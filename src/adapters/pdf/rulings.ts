import { applyMatrix, type Matrix, type Rulings } from './geometry.ts';
import { OPS } from './pdfjs.ts';

/**
 * Table borders from the paths of a page's operator list.
 *
 * Producers draw the same visible rule in different ways: ONLYOFFICE strokes one short line per cell edge,
 * WPS strokes long lines, Word fills thin rectangles (plus tiny squares at the joints). All of them end up
 * here as axis-aligned rules in viewport space. Clip paths, curves, diagonals, white strokes and filled
 * areas thicker than a rule (cell shading) are not borders and are dropped.
 *
 * pdfjs 5 folds path construction into one `constructPath` op whose arguments are
 * [paintOp, [Float32Array of DrawOPS-coded points] | [null], minMax]; the points are still in the user
 * space of the current transform (except where pdfjs's optimiser has already applied a save/cm/restore).
 */

/** pdfjs's DrawOPS codes inside a constructPath buffer (not exported by pdfjs-dist). */
const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

/** A filled rectangle thinner than this (points) is a rule; thicker ones are shading. */
const MAX_RULE_THICKNESS = 3.5;
/** Shorter pieces (joint squares, stroke caps) carry no structure. */
const MIN_RULE_LENGTH = 1.5;
/** How far from axis-parallel a segment may be (points over its length). */
const AXIS_TOLERANCE = 0.5;

const STROKE_OPS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILL_OPS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

type Point = [number, number];

/** Whether the current stroke and fill colours would show on paper. */
export interface PaintVisibility {
  strokeVisible: boolean;
  fillVisible: boolean;
}

/** pdfjs passes colours as "#rrggbb"; near-white rules are invisible on paper and not borders. */
export function isVisibleColor(args: unknown): boolean {
  const hex: unknown = Array.isArray(args) ? (args as unknown[])[0] : undefined;
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const channels = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  return !channels.every((c) => c >= 0xf5);
}

/**
 * Adds the rules drawn by one `constructPath` op. `m` maps the path's coordinates to viewport space.
 */
export function addPath(args: unknown, m: Matrix, paint: PaintVisibility, out: Rulings): void {
  if (!Array.isArray(args)) return;
  const paintOp: unknown = args[0];
  const holder: unknown = args[1];
  if (typeof paintOp !== 'number' || !Array.isArray(holder)) return;
  const buffer: unknown = holder[0];
  if (!(buffer instanceof Float32Array) && !Array.isArray(buffer)) return;
  const stroke = STROKE_OPS.has(paintOp) && paint.strokeVisible;
  const fill = FILL_OPS.has(paintOp) && paint.fillVisible;
  if (!stroke && !fill) return;

  for (const sub of subpaths(buffer as ArrayLike<number>)) {
    const pts = sub.points.map(([x, y]) => applyMatrix(m, x, y));
    if (stroke && !sub.curved) {
      for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1]!, pts[k]!, out);
      if (sub.closed && pts.length > 2) addSegment(pts[pts.length - 1]!, pts[0]!, out);
    }
    if (fill && !sub.curved) addThinRectangle(pts, out);
  }
}

interface Subpath {
  points: Point[];
  closed: boolean;
  curved: boolean;
}

function subpaths(buf: ArrayLike<number>): Subpath[] {
  const result: Subpath[] = [];
  let current: Subpath | undefined;
  const n = buf.length;
  let k = 0;
  while (k < n) {
    const op = buf[k++];
    if (op === DRAW_MOVE) {
      current = { points: [[buf[k]!, buf[k + 1]!]], closed: false, curved: false };
      result.push(current);
      k += 2;
    } else if (op === DRAW_LINE) {
      if (!current) {
        current = { points: [], closed: false, curved: false };
        result.push(current);
      }
      current.points.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === DRAW_CURVE || op === DRAW_QUAD) {
      const size = op === DRAW_CURVE ? 6 : 4;
      if (current) {
        current.curved = true;
        current.points.push([buf[k + size - 2]!, buf[k + size - 1]!]);
      }
      k += size;
    } else if (op === DRAW_CLOSE) {
      if (current) {
        current.closed = true;
        // A path may continue after closepath from the subpath's start point.
        const start = current.points[0];
        current = start ? { points: [start], closed: false, curved: false } : undefined;
        if (current) result.push(current);
      }
    } else {
      break; // unknown code: the rest of the buffer cannot be decoded reliably
    }
  }
  return result;
}

function addSegment([xa, ya]: Point, [xb, yb]: Point, out: Rulings): void {
  const dx = Math.abs(xb - xa);
  const dy = Math.abs(yb - ya);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_RULE_LENGTH) {
    out.horizontal.push({ pos: (ya + yb) / 2, from: Math.min(xa, xb), to: Math.max(xa, xb) });
  } else if (dx <= AXIS_TOLERANCE && dy >= MIN_RULE_LENGTH) {
    out.vertical.push({ pos: (xa + xb) / 2, from: Math.min(ya, yb), to: Math.max(ya, yb) });
  }
}

/** A filled axis-aligned rectangle (4 corners, optionally repeating the first) thin in one direction. */
function addThinRectangle(pts: Point[], out: Rulings): void {
  let corners = pts;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (pts.length === 5 && first && last && near(first, last)) corners = pts.slice(0, 4);
  if (corners.length !== 4) return;
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Axis-aligned: every corner sits on the bounding box's corners.
  if (!corners.every(([x, y]) => (close(x, x0) || close(x, x1)) && (close(y, y0) || close(y, y1)))) return;
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w > h && w >= MIN_RULE_LENGTH) {
    out.horizontal.push({ pos: (y0 + y1) / 2, from: x0, to: x1 });
  } else if (w <= MAX_RULE_THICKNESS && h > w && h >= MIN_RULE_LENGTH) {
    out.vertical.push({ pos: (x0 + x1) / 2, from: y0, to: y1 });
  }
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01;
}

function near(a: Point, b: Point): boolean {
  return close(a[0], b[0]) && close(a[1], b[1]);
}
