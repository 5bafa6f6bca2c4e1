import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { normalizeText } from '#extract/normalize.ts';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';

/**
 * DOCX through mammoth's HTML: paragraphs become lines, table rows become lines with one cell per column
 * (colspan expanded with empty cells so columns line up). Word files carry no pages: everything is page 1.
 */
export async function readDocx(bytes: Uint8Array): Promise<RawDocument> {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const dom = parseDocument(html);
  const lines: RawLine[] = [];
  let tableIndex = 0;
  const push = (cells: string[], grid?: RawLine['grid']): void => {
    const n = lines.length + 1;
    lines.push({
      page: 1,
      line: n,
      text: cells.join('\t'),
      cells: cells.map((text, i) => ({ text, x0: i, x1: i + 1 })),
      y: n,
      grid,
    });
  };
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const el = node;
      if (el.name === 'table') {
        const grid = gridOf(collect(el, 'tr'));
        const width = Math.max(0, ...grid.map((r) => r.length));
        grid.forEach((cells, row) => {
          while (cells.length < width) cells.push('');
          push(cells, { table: tableIndex, row, columns: width });
        });
        tableIndex++;
      } else if (/^(p|h[1-6]|li)$/.test(el.name)) {
        const text = normalizeText(textOf(el)).trim();
        if (text) push([text]);
      } else {
        walk(el.children);
      }
    }
  };
  walk(dom.children);
  return { format: 'docx', pages: [{ number: 1, width: 0, height: 0, lines }] };
}

function collect(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const visit = (nodes: ChildNode[]): void => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (n.name === name) out.push(n);
      else if (n.name !== 'table') visit(n.children);
    }
  };
  visit(el.children);
  return out;
}

/**
 * Table rows as grid rows. A merged cell keeps its text in its first column and row (as a ruled PDF grid
 * gives it); the columns and rows it spans are empty cells. mammoth drops the cells a vertical merge
 * continues into and sets rowspan on the first, so those positions are restored here: without them every
 * cell to their right would shift left (表7's and 表9's headers merge down beside merged groups).
 */
function gridOf(rows: readonly Element[]): string[][] {
  /** Rows still covered from above, by column. */
  const covered: number[] = [];
  return rows.map((tr) => {
    const cells: string[] = [];
    const skipCovered = (): void => {
      while ((covered[cells.length] ?? 0) > 0) {
        covered[cells.length] = (covered[cells.length] ?? 1) - 1;
        cells.push('');
      }
    };
    for (const td of tr.children) {
      if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
      skipCovered();
      const colSpan = Math.max(1, Number(td.attribs.colspan ?? '1') || 1);
      const rowSpan = Math.max(1, Number(td.attribs.rowspan ?? '1') || 1);
      for (let i = 0; i < colSpan; i++) {
        covered[cells.length] = rowSpan - 1;
        cells.push(i === 0 ? normalizeText(textOf(td)).replace(/\s+/g, ' ').trim() : '');
      }
    }
    // Columns at the end of the row that a merge from above still covers.
    for (let j = cells.length; j < covered.length; j++) {
      if ((covered[j] ?? 0) > 0) {
        while (cells.length < j) cells.push('');
        skipCovered();
      }
    }
    return cells;
  });
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  const inner = node.children.map(textOf).join('');
  return node.name === 'p' || node.name === 'br' ? inner + '\n' : inner;
}
