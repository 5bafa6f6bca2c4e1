/**
 * The fill-in workbook: a 说明 sheet and the nine tables in the compiled layout, fixed rows of 表1/表4
 * pre-filled, code columns formatted as text, 部门 and 年度 filled in when given.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BLANK_CODED_ROWS, templateWorkbook } from './excel-template.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('templateWorkbook', () => {
  it('has a 说明 sheet, then one sheet per table', async () => {
    const wb = await load(await templateWorkbook());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '说明',
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
    const guide = wb.getWorksheet('说明');
    const text = (guide?.getColumn(2).values ?? []).filter((v) => typeof v === 'string').join('');
    expect(text).toContain('科目编码只填数字');
    expect(text).toContain('本表本年度无发生额');
  });

  it('pre-fills the fixed rows of 表1 and 表4 with labels and 行次, and leaves amounts blank', async () => {
    const wb = await load(await templateWorkbook({ org: '某某局', year: 2025 }));
    const t1 = wb.getWorksheet('表1 收入支出决算总表');
    const t4 = wb.getWorksheet('表4 财政拨款收入支出决算总表');
    if (!t1 || !t4) throw new Error('sheets');
    expect(t1.getCell('A3').value).toBe('部门：某某局');
    expect(t1.getCell('F1').value).toBe('2025年度');
    expect(t1.getRow(6).values).toEqual([undefined, '栏次', '', '1', '栏次', '', '2']);
    expect(t1.getRow(7).values).toEqual([
      undefined,
      '一、一般公共预算财政拨款收入',
      '1',
      undefined,
      '一、一般公共服务支出',
      '31',
    ]);
    expect(t1.getCell('C7').numFmt).toBe('#,##0.00');
    expect(t1.getRow(36).values).toEqual([undefined, '总计', '30', undefined, '总计', '60']);
    expect(t4.getRow(38).values).toEqual([undefined, '总计', '32', undefined, '总计', '64']);
  });

  it('leaves rows to fill under 合计 in the coded tables, code cells formatted as text', async () => {
    const wb = await load(await templateWorkbook());
    const t3 = wb.getWorksheet('表3 支出决算表');
    if (!t3) throw new Error('t3');
    expect(t3.getCell('A7').value).toBe('合计');
    expect(t3.model.merges).toContain('A7:B7');
    for (const r of [8, 7 + BLANK_CODED_ROWS]) {
      expect(t3.getCell(r, 1).value).toBeNull();
      expect(t3.getCell(r, 1).numFmt).toBe('@');
      expect(t3.getCell(r, 3).numFmt).toBe('#,##0.00');
    }
    const t6 = wb.getWorksheet('表6 一般公共预算财政拨款基本支出决算表');
    const last = t6?.rowCount ?? 0;
    expect([t6?.getCell(last, 1).value, t6?.getCell(last, 4).value]).toEqual([
      '人员经费合计',
      '公用经费合计',
    ]);
    expect(t6?.getCell(6, 4).numFmt).toBe('@');
  });
});
