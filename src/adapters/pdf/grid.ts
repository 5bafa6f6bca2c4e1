import type { Rule, Rulings } from './geometry.ts';

/**
 * Ruled tables from border rules: rules that touch form one table; the distinct rule positions give the
 * grid's column and row edges; a missing rule inside the grid merges the cells on either side of it.
 */

/** Pieces of one visible rule are at most this far apart along it (points). */
const JOIN_GAP = 2;
/** Rules at most this far apart across their direction are one grid line (double borders, rounding). */
const SNAP = 2.5;
/** A grid line separates two cells when rules cover at least this share of the shared edge. */
const MIN_COVERAGE = 0.5;

export interface Grid {
  /** Column edges, left to right; column c spans xs[c]..xs[c+1]. */
  xs: number[];
  /** Row edges, top to bottom; row r spans ys[r]..ys[r+1]. */
  ys: number[];
  /**
   * For each cell (index r * columns + c), the index of the top-left cell of the merged region it belongs
   * to; a cell that is not merged points at itself.
   */
  anchor: Int32Array;
}

export function columnsOf(g: Grid): number {
  return g.xs.length - 1;
}

export function rowsOf(g: Grid): number {
  return g.ys.length - 1;
}

/** Grids found on a page, ordered top to bottom (then left to right). */
export function findGrids(rulings: Rulings): Grid[] {
  const horizontal = mergeCollinear(rulings.horizontal);
  const vertical = mergeCollinear(rulings.vertical);
  const grids: Grid[] = [];
  for (const { h, v } of connectedSets(horizontal, vertical)) {
    const grid = buildGrid(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]! || a.xs[0]! - b.xs[0]!);
}

/** The merged-region anchor (cell index) under a point, or undefined outside the grid. */
export function cellAt(g: Grid, x: number, y: number): number | undefined {
  const c = intervalIndex(g.xs, x);
  const r = intervalIndex(g.ys, y);
  if (c === undefined || r === undefined) return undefined;
  return g.anchor[r * columnsOf(g) + c];
}

function intervalIndex(edges: number[], v: number): number | undefined {
  const n = edges.length;
  if (n < 2 || v < edges[0]! || v > edges[n - 1]!) return undefined;
  let lo = 0;
  let hi = n - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Joins pieces of the same rule (same position, touching or overlapping along it). */
export function mergeCollinear(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.pos - b.pos);
  const out: Rule[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.pos - sorted[j - 1]!.pos <= 1) j++;
    const group = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    const pos = group.reduce((s, r) => s + r.pos, 0) / group.length;
    let cur: Rule | undefined;
    for (const r of group) {
      if (cur && r.from <= cur.to + JOIN_GAP) {
        cur.to = Math.max(cur.to, r.to);
      } else {
        if (cur) out.push(cur);
        cur = { pos, from: r.from, to: r.to };
      }
    }
    if (cur) out.push(cur);
    i = j;
  }
  return out;
}

/** Groups rules into sets that touch each other (a horizontal and a vertical rule meet or nearly meet). */
function connectedSets(h: Rule[], v: Rule[]): { h: Rule[]; v: Rule[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  h.forEach((hr, i) => {
    v.forEach((vr, j) => {
      if (
        vr.pos >= hr.from - SNAP &&
        vr.pos <= hr.to + SNAP &&
        hr.pos >= vr.from - SNAP &&
        hr.pos <= vr.to + SNAP
      ) {
        parent[find(i)] = find(h.length + j);
      }
    });
  });
  const sets = new Map<number, { h: Rule[]; v: Rule[] }>();
  const setOf = (i: number): { h: Rule[]; v: Rule[] } => {
    const root = find(i);
    let s = sets.get(root);
    if (!s) sets.set(root, (s = { h: [], v: [] }));
    return s;
  };
  h.forEach((r, i) => setOf(i).h.push(r));
  v.forEach((r, j) => setOf(h.length + j).v.push(r));
  return [...sets.values()].filter((s) => s.h.length > 0 && s.v.length > 0);
}

/** Cluster centres of positions: values closer than SNAP to their neighbour join one cluster. */
function snapPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const centres: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group[group.length - 1]! > SNAP) {
      centres.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) centres.push(group.reduce((s, x) => s + x, 0) / group.length);
  return centres;
}

function nearestIndex(edges: number[], v: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) {
    if (Math.abs(edges[i]! - v) < Math.abs(edges[best]! - v)) best = i;
  }
  return best;
}

/** Length of [from, to] covered by the rules (overlaps between rules counted once per rule). */
function coverage(rules: Rule[] | undefined, from: number, to: number): number {
  let sum = 0;
  for (const r of rules ?? []) sum += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  return sum;
}

function buildGrid(h: Rule[], v: Rule[]): Grid | undefined {
  // Outer edges come from the rules' extent too, so a table without side borders still has columns.
  const xs = snapPositions([
    ...v.map((r) => r.pos),
    Math.min(...h.map((r) => r.from)),
    Math.max(...h.map((r) => r.to)),
  ]);
  const ys = snapPositions([
    ...h.map((r) => r.pos),
    Math.min(...v.map((r) => r.from)),
    Math.max(...v.map((r) => r.to)),
  ]);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  // One column is a framed box (a text frame, a page border), not a table.
  if (columns < 2 || rows < 1) return undefined;

  const vByLine = groupBy(v, (r) => nearestIndex(xs, r.pos));
  const hByLine = groupBy(h, (r) => nearestIndex(ys, r.pos));

  const parent = Array.from({ length: rows * columns }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // The smaller index stays the root, so a region's root is its top-left cell.
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  for (let r = 0; r < rows; r++) {
    const top = ys[r]!;
    const bottom = ys[r + 1]!;
    for (let c = 1; c < columns; c++) {
      if (coverage(vByLine.get(c), top, bottom) < MIN_COVERAGE * (bottom - top)) {
        union(r * columns + c - 1, r * columns + c);
      }
    }
  }
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const left = xs[c]!;
      const right = xs[c + 1]!;
      if (coverage(hByLine.get(r), left, right) < MIN_COVERAGE * (right - left)) {
        union((r - 1) * columns + c, r * columns + c);
      }
    }
  }
  const anchor = new Int32Array(rows * columns);
  for (let i = 0; i < anchor.length; i++) anchor[i] = find(i);
  return { xs, ys, anchor };
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
