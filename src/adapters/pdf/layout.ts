import type { RawCell, RawLine } from '#domain/raw-document.ts';
import type { TextBox } from './geometry.ts';
import { SPACE_GAP } from './glyph-runs.ts';
import { cellAt, columnsOf, rowsOf, type Grid } from './grid.ts';

/**
 * Turns a page's placed text and ruled grids into RawLines: one line per grid row (one cell per grid
 * column), and baseline-grouped lines for the text outside any grid, all ordered top to bottom.
 */

/** Items whose baselines differ by less than this share of the font size sit on one line. */
const BASELINE_TOLERANCE = 1 / 3;
/** Outside grids, a gap narrower than this many font sizes keeps two items in one cell. */
const CELL_GAP = 1;
/** Han characters and the punctuation set around them; a space between two of these is layout only. */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’()《》、,.:;`;
const LAYOUT_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

export function layoutPage(page: number, boxes: readonly TextBox[], grids: readonly Grid[]): RawLine[] {
  const perGrid = grids.map(() => new Map<number, TextBox[]>());
  const free: TextBox[] = [];
  for (const box of boxes) {
    const cx = (box.x0 + box.x1) / 2;
    const cy = (box.top + box.baseline) / 2;
    let placed = false;
    for (let t = 0; t < grids.length && !placed; t++) {
      const anchor = cellAt(grids[t]!, cx, cy);
      if (anchor === undefined) continue;
      const cell = perGrid[t]!;
      const list = cell.get(anchor);
      if (list) list.push(box);
      else cell.set(anchor, [box]);
      placed = true;
    }
    if (!placed) free.push(box);
  }

  const lines: Omit<RawLine, 'line'>[] = [];
  grids.forEach((grid, table) => {
    const columns = columnsOf(grid);
    for (let row = 0; row < rowsOf(grid); row++) {
      const cells: RawCell[] = [];
      for (let c = 0; c < columns; c++) {
        const index = row * columns + c;
        const own = grid.anchor[index] === index;
        const text = own ? cellText(perGrid[table]!.get(index) ?? []) : '';
        cells.push({ text, x0: grid.xs[c]!, x1: grid.xs[c + 1]! });
      }
      lines.push({
        page,
        text: cells.map((c) => c.text).join('\t'),
        cells,
        y: grid.ys[row]!,
        grid: { table, row, columns },
      });
    }
  });

  for (const group of groupByBaseline(free)) {
    const cells = splitCells(group);
    lines.push({
      page,
      text: cells.map((c) => c.text).join('\t'),
      cells,
      y: Math.min(...group.map((b) => b.top)),
    });
  }

  // Stable sort keeps grid rows in row order where a row and a text line share a y.
  lines.sort((a, b) => a.y - b.y);
  return lines.map((l, i) => ({ ...l, line: i + 1 }));
}

/** Lines of items sharing a baseline, top to bottom; items in each line left to right. */
export function groupByBaseline(boxes: readonly TextBox[]): TextBox[][] {
  const sorted = [...boxes].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const groups: { baseline: number; size: number; items: TextBox[] }[] = [];
  for (const box of sorted) {
    const last = groups[groups.length - 1];
    if (last && box.baseline - last.baseline <= Math.min(last.size, box.size) * BASELINE_TOLERANCE) {
      last.items.push(box);
      last.size = Math.max(last.size, box.size);
    } else {
      groups.push({ baseline: box.baseline, size: box.size, items: [box] });
    }
  }
  return groups.map((g) => g.items.sort((a, b) => a.x0 - b.x0));
}

/** Splits one line of items into cells at gaps of about a character or more. */
function splitCells(items: readonly TextBox[]): RawCell[] {
  const cells: TextBox[][] = [];
  for (const box of items) {
    const current = cells[cells.length - 1];
    const prev = current?.[current.length - 1];
    if (current && prev && box.x0 - prev.x1 < CELL_GAP * Math.max(prev.size, box.size)) current.push(box);
    else cells.push([box]);
  }
  return cells.map((run) => ({
    text: joinRun(run),
    x0: Math.min(...run.map((b) => b.x0)),
    x1: Math.max(...run.map((b) => b.x1)),
  }));
}

/** Joins items of one line, with a space where the gap is word-sized. */
function joinRun(run: readonly TextBox[]): string {
  let text = '';
  let prev: TextBox | undefined;
  for (const box of run) {
    if (prev && box.x0 - prev.x1 > SPACE_GAP * Math.max(prev.size, box.size)) text += ' ';
    text += box.text;
    prev = box;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text of one table cell: its lines top to bottom, joined without a space (a wrapped CJK label is one
 * word) unless both sides of the break are Latin letters. Spaces between Han characters are dropped:
 * cells print labels with distributed alignment ("社 会 保 障"), which is layout, not text.
 */
function cellText(boxes: readonly TextBox[]): string {
  let text = '';
  for (const line of groupByBaseline(boxes)) {
    const part = joinRun(line);
    if (part === '') continue;
    if (text !== '' && /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(part)) text += ' ';
    text += part;
  }
  return text.replace(LAYOUT_SPACE, '');
}
