import { UNCHECKED_STAMP } from '#compile/assemble.ts';
import { isLandscape, placeHeader } from '#compile/layout.ts';
import type { Block, BodyCell, CompiledDocument, TableBlock } from '#compile/model.ts';

/**
 * A compiled document as one self-contained HTML5 page for Chromium to print to A4 PDF: no external
 * resources, CJK fonts by name (Noto CJK SC, as fonts-noto-cjk installs them), each table on its own page
 * (landscape for the wide ones, as published documents print them), ruled cells with the template's merged
 * header cells, header rows repeated on every page a table runs over.
 */

export interface HtmlOptions {
  lang?: 'zh';
}

const LANG: Record<NonNullable<HtmlOptions['lang']>, string> = { zh: 'zh-CN' };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
@page { size: A4; margin: 25mm 20mm 20mm 20mm; }
@page landscape { size: A4 landscape; margin: 15mm 15mm 15mm 15mm; }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.6; color: #000; }
body { margin: 0; }
.sheet + .sheet { break-before: page; }
.sheet.landscape { page: landscape; }
.stamp { border: 2px solid #c00; color: #c00; font-weight: bold; text-align: center; padding: 2mm; margin: 0 0 6mm; }
h1 { font-size: 20pt; text-align: center; margin: 30mm 0 12mm; }
h2 { font-size: 15pt; text-align: center; margin: 0 0 6mm; }
h3 { font-size: 13pt; margin: 4mm 0 2mm; }
h4 { font-size: 11pt; margin: 3mm 0 1mm; }
h2, h3, h4 { break-after: avoid; }
p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }
.table-block { margin: 0; }
.table-number { text-indent: 0; margin: 0; }
.table-title { font-size: 14pt; text-align: center; margin: 0 0 2mm; }
.table-meta { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 1mm; }
.table-meta span { text-indent: 0; }
table.grid { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.25; }
table.grid.wide { font-size: 8pt; }
.grid th, .grid td { border: 1px solid #000; padding: 0.8mm 1.2mm; vertical-align: middle; }
.grid th { text-align: center; font-weight: bold; }
.grid thead { display: table-header-group; }
.grid tr { break-inside: avoid; }
.grid td.left { text-align: left; }
.grid td.center { text-align: center; }
.grid td.right { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-note { text-indent: 0; font-size: 9pt; margin: 1mm 0 0; }
`;

function td(c: BodyCell): string {
  const span = c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '';
  return `<td class="${c.align}"${span}>${escapeHtml(c.text)}</td>`;
}

/** Grids this wide print in the smaller size (表9's twelve columns). */
const WIDE_COLUMNS = 10;

/** Width in half-width units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** Header words wrap: a header cell asks for at most this width (four CJK characters a line). */
const HEADER_UNITS = 8;
const MIN_UNITS = 4;
const MAX_UNITS = 40;

/**
 * Column widths in per mille of the table width, from the longest text each column holds alone (header
 * words up to a short line, body texts whole), so codes and amounts stay on one line and names get the rest.
 */
export function columnWidths(t: TableBlock): number[] {
  const units = Array.from({ length: t.columns }, () => MIN_UNITS);
  const fit = (col: number, w: number): void => {
    units[col] = Math.min(MAX_UNITS, Math.max(units[col] ?? MIN_UNITS, w));
  };
  for (const p of placeHeader(t))
    if (p.colSpan === 1) fit(p.col, Math.min(displayWidth(p.text), HEADER_UNITS) + 2);
  for (const row of t.body) {
    let col = 0;
    for (const c of row) {
      if ((c.colSpan ?? 1) === 1) fit(col, displayWidth(c.text) + 2);
      col += c.colSpan ?? 1;
    }
  }
  const total = units.reduce((a, b) => a + b, 0);
  return units.map((u) => Math.floor((u * 1000) / total));
}

function colgroup(t: TableBlock): string {
  const cols = columnWidths(t).map((pm) => `<col style="width:${Math.floor(pm / 10)}.${pm % 10}%">`);
  return `<colgroup>${cols.join('')}</colgroup>`;
}

export function tableHtml(t: TableBlock): string {
  const head = t.header
    .map((row) => {
      const cells = row.map((h) => {
        const col = h.colSpan > 1 ? ` colspan="${h.colSpan}"` : '';
        const rows = h.rowSpan > 1 ? ` rowspan="${h.rowSpan}"` : '';
        return `<th${col}${rows}>${escapeHtml(h.text)}</th>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  const body = t.body.map((row) => `<tr>${row.map(td).join('')}</tr>`).join('\n');
  const wide = t.columns >= WIDE_COLUMNS ? ' wide' : '';
  return [
    `<div class="table-block" id="${escapeHtml(t.id)}">`,
    `<p class="table-number">${escapeHtml(t.number)}</p>`,
    `<h3 class="table-title">${escapeHtml(t.title)}</h3>`,
    `<div class="table-meta"><span>${escapeHtml(t.org)}</span><span>${escapeHtml(t.unit)}</span></div>`,
    `<table class="grid${wide}" data-columns="${t.columns}">`,
    colgroup(t),
    `<thead>\n${head}\n</thead>`,
    `<tbody>\n${body}\n</tbody>`,
    `</table>`,
    ...(t.note ? [`<p class="table-note">${escapeHtml(t.note)}</p>`] : []),
    `</div>`,
  ].join('\n');
}

function blockHtml(b: Exclude<Block, { kind: 'page-break' }>): string {
  switch (b.kind) {
    case 'heading': {
      const tag = `h${b.level + 1}`;
      return `<${tag}>${escapeHtml(b.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'table':
      return tableHtml(b.table);
  }
}

/** The blocks between page breaks: one printed sheet (or run of sheets) each. */
function sheets(blocks: readonly Block[]): Exclude<Block, { kind: 'page-break' }>[][] {
  const out: Exclude<Block, { kind: 'page-break' }>[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'page-break') out.push([]);
    else out[out.length - 1]?.push(b);
  }
  return out.filter((s, i) => i === 0 || s.length > 0);
}

/** The document as a complete HTML5 page, every text escaped. */
export function renderHtml(doc: CompiledDocument, opts: HtmlOptions = {}): string {
  const lang = LANG[opts.lang ?? 'zh'];
  const pages = sheets(doc.blocks).map((blocks, i) => {
    const landscape = blocks.some((b) => b.kind === 'table' && isLandscape(b.table));
    const first =
      i === 0
        ? [
            ...(doc.unchecked ? [`<p class="stamp">${escapeHtml(UNCHECKED_STAMP)}</p>`] : []),
            `<h1>${escapeHtml(doc.title)}</h1>`,
          ]
        : [];
    return [
      `<section class="sheet${landscape ? ' landscape' : ''}">`,
      ...first,
      ...blocks.map(blockHtml),
      `</section>`,
    ].join('\n');
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...pages,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
