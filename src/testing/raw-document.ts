import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import { normalizeText } from '#extract/normalize.ts';

/**
 * Small documents for tests, built the way the readers deliver them: a text line is one cell, a tab
 * separates cells; `grid` marks every multi-cell line as a ruled-table row, as the PDF reader does.
 */
export function rawDocument(lines: readonly string[], options: { grid?: boolean } = {}): RawDocument {
  let row = 0;
  const raw: RawLine[] = lines.map((t, i) => {
    const parts = normalizeText(t).split('\t');
    const cells = parts.map((p, col) => ({ text: p.trim(), x0: col * 100, x1: col * 100 + 90 }));
    const grid =
      options.grid && parts.length > 1 ? { table: 0, row: row++, columns: parts.length } : undefined;
    return {
      page: 1,
      line: i + 1,
      text: cells.map((c) => c.text).join('\t'),
      cells,
      y: i * 20,
      ...(grid ? { grid } : {}),
    };
  });
  return { format: options.grid ? 'pdf' : 'text', pages: [{ number: 1, width: 0, height: 0, lines: raw }] };
}
