/**
 * The XLSX writer read back with exceljs: one sheet per table with valid names, the layout's merges cell
 * for cell, amounts as numeric cells equal to the dataset, codes as text, widths and a frozen header.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UNCHECKED_STAMP } from '#compile/assemble.ts';
import { DatasetSchema, type Dataset } from '#compile/dataset.ts';
import { placeHeader, tableBlocks } from '#compile/layout.ts';
import type { CompiledDocument, TableBlock } from '#compile/model.ts';
import { parseFigure } from '#domain/quantity.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { decimalOfNumber } from './excel-import.ts';
import { AMOUNT_FORMAT, columnLetter, renderXlsx, sheetName } from './render-xlsx.ts';

const seed004 = (): Dataset =>
  DatasetSchema.parse(
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/datasets/seed-004.json'), 'utf8')),
  );

function documentOf(ds: Dataset, tables: TableBlock[], unchecked = false): CompiledDocument {
  return {
    title: `${ds.org}${ds.year}年度部门决算`,
    org: ds.org,
    year: ds.year,
    unchecked,
    blocks: [
      { kind: 'heading', level: 1, text: '第二部分' },
      ...tables.map((table) => ({ kind: 'table' as const, table })),
    ],
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const range = (top: number, left: number, bottom: number, right: number) =>
  top === bottom && left === right
    ? `${columnLetter(left)}${top}`
    : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;

describe('renderXlsx', () => {
  it('writes one sheet per table, named "表1 收入支出决算总表", with title, 部门 and 单位 rows', async () => {
    const ds = seed004();
    const wb = await load(await renderXlsx(documentOf(ds, tableBlocks(ds))));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '表1 收入支出决算总表',
      '表2 收入决算表',
      '表3 支出决算表',
      '表4 财政拨款收入支出决算总表',
      '表5 一般公共预算财政拨款支出决算表',
      '表6 一般公共预算财政拨款基本支出决算表',
      '表7 政府性基金预算财政拨款收入支出决算表',
      '表8 国有资本经营预算财政拨款支出决算表',
      '表9 财政拨款“三公”经费支出决算表',
    ]);
    const t1 = wb.worksheets[0];
    expect([1, 2, 3].map((r) => t1?.getCell(r, 1).value)).toEqual([
      '表1',
      '收入支出决算总表',
      `部门：${ds.org}`,
    ]);
    expect(t1?.getCell(1, 6).value).toBe('2024年度');
    expect(t1?.getCell(3, 6).value).toBe('单位：万元');
  });

  it('merges the header exactly as the layout places it, freezes it and sets column widths', async () => {
    const ds = seed004();
    const blocks = tableBlocks(ds);
    const wb = await load(await renderXlsx(documentOf(ds, blocks)));
    blocks.forEach((block, i) => {
      const ws = wb.worksheets[i];
      if (!ws) throw new Error(block.id);
      const headerTop = 4;
      const want = placeHeader(block)
        .filter((p) => p.colSpan > 1 || p.rowSpan > 1)
        .map((p) =>
          range(headerTop + p.row, p.col + 1, headerTop + p.row + p.rowSpan - 1, p.col + p.colSpan),
        );
      const headerMerges = ws.model.merges.filter((m) => {
        const row = Number(/\d+/.exec(m)?.[0]);
        return row >= headerTop && row < headerTop + block.header.length;
      });
      expect(headerMerges.sort(), block.id).toEqual(want.sort());
      for (const p of placeHeader(block)) {
        expect(ws.getCell(headerTop + p.row, p.col + 1).value, block.id).toBe(p.text);
      }
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerTop + block.header.length - 1 });
      for (let c = 1; c <= block.columns; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(8);
    });
    // 表9's header: 预算数 and 决算数 over six columns, 合计 down two rows, 公务用车… over three.
    expect(wb.worksheets[8]?.model.merges).toEqual(
      expect.arrayContaining(['A4:F4', 'G4:L4', 'A5:A6', 'C5:E5']),
    );
  });

  it('writes amounts as numeric cells shown as #,##0.00 and codes as text', async () => {
    const ds = seed004();
    const blocks = tableBlocks(ds);
    const wb = await load(await renderXlsx(documentOf(ds, blocks)));
    const t3 = wb.getWorksheet('表3 支出决算表');
    if (!t3 || !('rows' in ds.tables.t3)) throw new Error('t3');
    const bodyTop = 4 + (blocks[2]?.header.length ?? 0);
    ds.tables.t3.rows.forEach((row, i) => {
      const r = bodyTop + i;
      if (row.key !== 'total') {
        expect(t3.getCell(r, 1).value).toBe(row.key);
        expect(t3.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
      }
      for (const [col, text] of Object.entries(row.cells)) {
        const cell = t3.getCell(r, 2 + Number(col));
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.numFmt).toBe(AMOUNT_FORMAT);
        // Compared as exact decimals: the decimal Excel shows for the stored number is the dataset's.
        const shown = decimalOfNumber(cell.value as number) ?? '';
        expect(parseFigure(shown, 'wan-yuan')?.value).toBe(parseFigure(text, 'wan-yuan')?.value);
      }
    });
    // 表1's 行次 stay text in a centred column; 表9's one row is all numbers.
    const t1 = wb.getWorksheet('表1 收入支出决算总表');
    expect(t1?.getCell(7, 2).value).toBe('1');
    const t9 = wb.getWorksheet('表9 财政拨款“三公”经费支出决算表');
    expect(t9?.getRow(8).values).toEqual([
      undefined,
      10.55,
      8.84,
      1.72,
      0,
      1.72,
      0,
      6.78,
      5.06,
      1.72,
      0,
      1.72,
      0,
    ]);
  });

  it('stamps every sheet of a document generated despite errors', async () => {
    const ds = seed004();
    const wb = await load(await renderXlsx(documentOf(ds, tableBlocks(ds), true)));
    for (const ws of wb.worksheets) {
      expect(ws.getCell(1, 1).value).toBe(UNCHECKED_STAMP);
      expect(ws.getCell(1, 1).font.color?.argb).toBe('FFC00000');
      expect(ws.getCell(2, 1).value).toMatch(/^表\d$/);
    }
  });
});

describe('sheetName', () => {
  it('keeps Excel’s rules: at most 31 characters, none of []:*?/\\, unique', () => {
    expect(sheetName('表1 收入支出决算总表')).toBe('表1 收入支出决算总表');
    expect(sheetName('表X [草稿]: a/b\\c?*')).toBe('表X 草稿 abc');
    const long = sheetName('表7 '.padEnd(40, '长'));
    expect([...long]).toHaveLength(31);
    expect(sheetName('表1', new Set(['表1']))).toBe('表1(2)');
  });
});
