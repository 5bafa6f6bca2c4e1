import ExcelJS from 'exceljs';
import type { CompiledDocument, TableBlock } from '#compile/model.ts';
import { UNCHECKED_STAMP } from '#compile/assemble.ts';
import { isLandscape, placeHeader } from '#compile/layout.ts';
import { columnUnits } from './table-grid.ts';

/**
 * The nine tables of a compiled disclosure as a workbook, one sheet per table in the layout finance
 * systems export (and `importWorkbook` reads back): number and title rows, the 部门/单位 row, the header
 * with every merge of the TableBlock, the 栏次 row as the layout gives it, then the body with amounts as
 * numeric cells shown as #,##0.00 and codes as text.
 */

export const AMOUNT_FORMAT = '#,##0.00';
const FONT = '宋体';
const TITLE_FONT = '黑体';
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN } as const;

/** An amount as printed ("3,193.39", "-12.50"); "" and dashes are not amounts. */
const PRINTED_AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Excel's rules for sheet names: ≤ 31 characters, none of []:*?/\, not starting or ending with '. */
export function sheetName(text: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = text
    .replace(/[[\]:*?/\\]/g, '')
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = [...clean].slice(0, 31).join('') || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${[...base].slice(0, 31 - `(${i})`.length).join('')}(${i})`;
  return name;
}

/** "A", "B", … "AA": the letters of a 1-based column. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetOptions {
  /** "2024年度", printed at the right of the number row. */
  period?: string;
  /** A red line above everything (the document was generated with unresolved errors). */
  stamp?: boolean;
}

/** Where the parts of a written table sheet are, 1-based rows. */
export interface SheetLayout {
  sheet: ExcelJS.Worksheet;
  headerTop: number;
  bodyTop: number;
  /** The row after the body (the note row, when there is a note). */
  bodyEnd: number;
}

function styleCell(
  cell: ExcelJS.Cell,
  font: Partial<ExcelJS.Font>,
  alignment: Partial<ExcelJS.Alignment>,
): void {
  cell.font = { name: FONT, size: 10, ...font };
  cell.alignment = { vertical: 'middle', wrapText: true, ...alignment };
}

/** Writes one table on a new sheet of `wb`; the template and the renderer share this layout. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  table: TableBlock,
  options: SheetOptions = {},
): SheetLayout {
  const taken = new Set(wb.worksheets.map((w) => w.name));
  const width = table.columns;
  const sheet = wb.addWorksheet(sheetName(`${table.number} ${table.title}`, taken), {
    pageSetup: {
      paperSize: 9,
      orientation: isLandscape(table) ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  let row = 1;
  const fullRow = (r: number): void => {
    if (width > 1) sheet.mergeCells(r, 1, r, width);
  };
  if (options.stamp) {
    fullRow(row);
    const c = sheet.getCell(row, 1);
    c.value = UNCHECKED_STAMP;
    styleCell(c, { bold: true, color: { argb: 'FFC00000' }, size: 12 }, { horizontal: 'center' });
    row++;
  }
  sheet.getCell(row, 1).value = table.number;
  styleCell(sheet.getCell(row, 1), {}, { horizontal: 'left', wrapText: false });
  if (options.period !== undefined) {
    const c = sheet.getCell(row, width);
    c.value = options.period;
    styleCell(c, {}, { horizontal: 'right', wrapText: false });
  }
  row++;
  fullRow(row);
  const title = sheet.getCell(row, 1);
  title.value = table.title;
  styleCell(title, { name: TITLE_FONT, size: 16 }, { horizontal: 'center' });
  sheet.getRow(row).height = 30;
  row++;
  // 部门 on the left, 单位 at the right edge, as printed above every table.
  const orgEnd = Math.max(1, width - 1);
  if (orgEnd > 1) sheet.mergeCells(row, 1, row, orgEnd);
  sheet.getCell(row, 1).value = table.org;
  styleCell(sheet.getCell(row, 1), {}, { horizontal: 'left', wrapText: false });
  const unit = sheet.getCell(row, width > 1 ? width : 2);
  unit.value = table.unit;
  styleCell(unit, {}, { horizontal: 'right', wrapText: false });
  row++;

  const headerTop = row;
  for (let r = 0; r < table.header.length; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(headerTop + r, c);
      cell.border = BORDER;
      styleCell(cell, { bold: true }, { horizontal: 'center' });
    }
  }
  for (const p of placeHeader(table)) {
    const top = headerTop + p.row;
    const left = p.col + 1;
    sheet.getCell(top, left).value = p.text;
    if (p.colSpan > 1 || p.rowSpan > 1)
      sheet.mergeCells(top, left, top + p.rowSpan - 1, left + p.colSpan - 1);
  }
  const bodyTop = headerTop + table.header.length;
  table.body.forEach((cells, i) => {
    const r = bodyTop + i;
    let c = 1;
    for (const b of cells) {
      const span = b.colSpan ?? 1;
      const cell = sheet.getCell(r, c);
      const text = b.text.trim();
      if (b.align === 'right' && PRINTED_AMOUNT.test(text)) {
        // The printed figure is a short decimal; Number() gives the double Excel itself would store for it.
        cell.value = Number(text.replaceAll(',', ''));
        cell.numFmt = AMOUNT_FORMAT;
      } else {
        cell.value = text === '' ? null : text;
        if (b.align === 'right') cell.numFmt = AMOUNT_FORMAT;
        else if (/^\d+$/.test(text)) cell.numFmt = '@';
      }
      styleCell(cell, {}, { horizontal: b.align, wrapText: b.align !== 'right' });
      if (span > 1) sheet.mergeCells(r, c, r, c + span - 1);
      c += span;
    }
    for (let k = 1; k <= width; k++) sheet.getCell(r, k).border = BORDER;
  });
  const bodyEnd = bodyTop + table.body.length;
  if (table.note) {
    fullRow(bodyEnd);
    const note = sheet.getCell(bodyEnd, 1);
    note.value = table.note;
    styleCell(note, { size: 9 }, { horizontal: 'left', vertical: 'top' });
    sheet.getRow(bodyEnd).height = Math.max(15, 15 * Math.ceil(table.note.length / (width * 8)));
  }

  const units = columnUnits(table, 6, 48);
  units.forEach((u, i) => {
    sheet.getColumn(i + 1).width = u + 2;
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: bodyTop - 1, topLeftCell: `A${bodyTop}` }];
  sheet.pageSetup.printTitlesRow = `${headerTop}:${bodyTop - 1}`;
  return { sheet, headerTop, bodyTop, bodyEnd };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The nine tables of a compiled document, one sheet each, in document order. */
export async function renderXlsx(doc: CompiledDocument): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.title = doc.title;
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    addTableSheet(wb, block.table, { period: `${doc.year}年度`, stamp: doc.unchecked });
  }
  if (wb.worksheets.length === 0) {
    throw new Error('the compiled document has no tables to write as a workbook');
  }
  return workbookBytes(wb);
}
