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
        const rows = collect(el, 'tr');
        const width = Math.max(0, ...rows.map((r) => cellsOf(r).length));
        rows.forEach((tr, row) => {
          const cells = cellsOf(tr);
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

function cellsOf(tr: Element): string[] {
  const cells: string[] = [];
  for (const td of tr.children) {
    if (!isTag(td) || (td.name !== 'td' && td.name !== 'th')) continue;
    cells.push(normalizeText(textOf(td)).replace(/\s+/g, ' ').trim());
    const span = Number(td.attribs.colspan ?? '1');
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells;
}

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  const inner = node.children.map(textOf).join('');
  return node.name === 'p' || node.name === 'br' ? inner + '\n' : inner;
}
