import type { TableBlock } from '#compile/model.ts';
import { placeHeader, type PlacedCell } from '#compile/layout.ts';

/**
 * The header of a TableBlock as a grid of slots for writers that draw merged cells cell by cell (Word
 * continues a vertical merge with a cell in every row it reaches). Placement is the layout's own, so every
 * format merges the same way.
 */
export type HeaderSlot =
  { kind: 'start'; placed: PlacedCell } | { kind: 'continued'; placed: PlacedCell } | { kind: 'empty' };

/** rows × columns; the columns a merged cell spans after its first repeat its slot. */
export function headerSlots(table: Pick<TableBlock, 'header' | 'columns' | 'id'>): HeaderSlot[][] {
  const slots: HeaderSlot[][] = table.header.map(() =>
    Array.from({ length: table.columns }, (): HeaderSlot => ({ kind: 'empty' })),
  );
  for (const p of placeHeader(table)) {
    for (let dr = 0; dr < p.rowSpan; dr++) {
      const row = slots[p.row + dr];
      for (let dc = 0; dc < p.colSpan && row; dc++) {
        row[p.col + dc] = dr === 0 ? { kind: 'start', placed: p } : { kind: 'continued', placed: p };
      }
    }
  }
  return slots;
}

/** Display width in half-width units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x2e80 || (code >= 0x2010 && code <= 0x201f) ? 2 : 1;
  }
  return w;
}

/**
 * A width per column in half-width units, from the longest text a column holds alone. Header words wrap,
 * so they count only up to a short line; spanning cells count for nothing.
 */
export function columnUnits(table: TableBlock, min = 4, max = 40): number[] {
  const units = Array.from({ length: table.columns }, () => min);
  const fit = (col: number, w: number): void => {
    units[col] = Math.min(max, Math.max(units[col] ?? min, w));
  };
  for (const p of placeHeader(table)) {
    if (p.colSpan !== 1) continue;
    for (const line of p.text.split('\n')) fit(p.col, Math.min(displayWidth(line), 12));
  }
  for (const row of table.body) {
    let col = 0;
    for (const cell of row) {
      const span = cell.colSpan ?? 1;
      if (span === 1) fit(col, displayWidth(cell.text) + 1);
      col += span;
    }
  }
  return units;
}
