import { expect } from 'vitest';
import type { Dataset } from '#compile/dataset.ts';
import { parseFigure } from '#domain/quantity.ts';
import type { ExtractedTable } from '#domain/table.ts';

/**
 * The round-trip assertion: every figure of every table of a dataset is read back from the compiled
 * document at the same row and column with the same value (a zero may print blank or as a dash).
 */
export function expectSameFigures(ds: Dataset, tables: readonly ExtractedTable[]): void {
  const problems: string[] = [];
  let compared = 0;
  for (const [id, table] of Object.entries(ds.tables)) {
    const back = tables.find((t) => t.id === id);
    if (!back) {
      problems.push(`${id}: not read back`);
      continue;
    }
    if (!('rows' in table)) {
      if (!back.declaredEmpty && back.rows.some((r) => r.cells.some((c) => c.figure.value !== 0n)))
        problems.push(`${id}: printed empty, read back with figures`);
      continue;
    }
    for (const row of table.rows) {
      const r = back.rows.find((x) => x.key === row.key);
      for (const [col, text] of Object.entries(row.cells)) {
        compared++;
        const want = parseFigure(text, 'wan-yuan')?.value;
        const cell = r?.cells.find((c) => c.column === Number(col));
        if (!cell) {
          if (want !== 0n) problems.push(`${id}[${row.key}].c${col}: ${text} not read back`);
          continue;
        }
        if (cell.figure.value !== want)
          problems.push(`${id}[${row.key}].c${col}: ${text} read back as ${cell.figure.text}`);
      }
    }
  }
  expect(compared).toBeGreaterThan(0);
  expect(problems).toEqual([]);
}
