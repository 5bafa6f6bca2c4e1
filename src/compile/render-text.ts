import { UNCHECKED_STAMP } from '#compile/assemble.ts';
import { bodyGridRow, headerGrid } from '#compile/layout.ts';
import type { Block, CompiledDocument, TableBlock } from '#compile/model.ts';

/**
 * A compiled document as plain text, the way the corpus seeds print a 部门决算: headings and paragraphs one
 * per line, each table as its number and title lines, 部门 and 单位 lines, then its header and body rows
 * with one tab between cells (a merged cell's text in its first column), pages separated by form feeds.
 * gongkai's text reader and extractor read every table of it back.
 */

/** Tabs, line and page breaks inside a text would start new cells or lines. */
function oneLine(text: string): string {
  return text.replace(/\s*[\n\r\f\v]+\s*/gu, '').replace(/\t/gu, ' ');
}

function row(cells: readonly string[]): string {
  return cells.map(oneLine).join('\t');
}

export function tableLines(t: TableBlock): string[] {
  return [
    t.number,
    t.title,
    oneLine(t.org),
    oneLine(t.unit),
    ...headerGrid(t).map(row),
    ...t.body.map((r) => row(bodyGridRow(r))),
    ...(t.note ? [oneLine(t.note)] : []),
  ];
}

function blockLines(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [oneLine(b.text)];
    case 'table':
      return tableLines(b.table);
    case 'page-break':
      return ['\f'];
  }
}

/** The document as UTF-8 text: one line per heading or paragraph, tab-separated table rows. */
export function renderText(doc: CompiledDocument): string {
  const lines: string[] = [];
  if (doc.unchecked) lines.push(UNCHECKED_STAMP, '');
  lines.push(oneLine(doc.title), '');
  for (const b of doc.blocks) {
    lines.push(...blockLines(b));
    if (b.kind !== 'page-break') lines.push('');
  }
  return lines.join('\n').replace(/\n+$/u, '') + '\n';
}
