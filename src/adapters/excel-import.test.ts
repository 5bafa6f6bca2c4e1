/**
 * Workbook import: the fill-in template filled from seed 004 imports to the same tables figure by figure;
 * one wrong cell, a missing sheet or a broken file yields problems naming sheet, row and column and no
 * dataset; the layouts finance systems export (split codes, text amounts, formulas, 元) are read.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset, type DatasetRow } from '#compile/dataset.ts';
import { tableBlocks } from '#compile/layout.ts';
import { parseFigure } from '#domain/quantity.ts';
import { TABLE_IDS, type TableId } from '#domain/table.ts';
import { PROJECT_ROOT } from '#src/testing/corpus.ts';
import { decimalOfNumber, importWorkbook, type ImportProblem, type ImportResult } from './excel-import.ts';
import { BLANK_CODED_ROWS, templateWorkbook } from './excel-template.ts';
import { renderXlsx } from './render-xlsx.ts';

const seed004 = (): Dataset =>
  DatasetSchema.parse(
    JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures/datasets/seed-004.json'), 'utf8')),
  );

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheetOf(wb: ExcelJS.Workbook, id: TableId): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.startsWith(`表${id.slice(1)} `));
  if (!ws) throw new Error(`no sheet for ${id}`);
  return ws;
}

/** The first row (from `from`) whose cell in `col` shows `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, col).text === text) return r;
  throw new Error(`${ws.name}: no row with "${text}" in column ${col}`);
}

/** Amounts go in as numbers, except in 表2 where they are typed as text with separators. */
function put(cell: ExcelJS.Cell, amount: string, asText: boolean): void {
  const f = parseFigure(amount, 'wan-yuan');
  if (!f) throw new Error(amount);
  cell.value = asText ? Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2 }) : Number(amount);
}

function rowsOf(ds: Dataset, id: TableId): DatasetRow[] {
  const t = ds.tables[id];
  return 'rows' in t ? t.rows : [];
}

/** What a finance officer does with the template: type the dataset's figures into it, cell by cell. */
async function fillTemplate(ds: Dataset): Promise<Uint8Array> {
  const wb = await load(await templateWorkbook({ org: ds.org, year: ds.year }));
  // 表1 and 表4: the fixed rows are there; find each 行次 in its panel's 行次 column.
  for (const [id, panels] of [
    [
      't1',
      [
        { lineCol: 2, first: 3, cols: [1] },
        { lineCol: 5, first: 6, cols: [2] },
      ],
    ],
    [
      't4',
      [
        { lineCol: 2, first: 3, cols: [1] },
        { lineCol: 5, first: 6, cols: [2, 3, 4, 5] },
      ],
    ],
  ] as const) {
    const ws = sheetOf(wb, id);
    for (const row of rowsOf(ds, id)) {
      const panel = panels.find((p) => p.cols.some((c) => row.cells[String(c)] !== undefined));
      if (!panel) throw new Error(`${id}[${row.key}]`);
      const r = rowWith(ws, panel.lineCol, row.key, 7);
      panel.cols.forEach((c, i) => put(ws.getCell(r, panel.first + i), row.cells[String(c)] ?? '', false));
    }
  }
  for (const id of ['t2', 't3', 't5', 't7', 't8'] as const) {
    const ws = sheetOf(wb, id);
    const total = rowWith(ws, 1, '合计');
    let r = total + 1;
    for (const row of rowsOf(ds, id)) {
      const at = row.key === 'total' ? total : r++;
      if (row.key !== 'total') {
        ws.getCell(at, 1).value = row.key;
        ws.getCell(at, 2).value = row.label;
      }
      for (const [c, v] of Object.entries(row.cells)) put(ws.getCell(at, 2 + Number(c)), v, id === 't2');
    }
    const note = ds.tables[id].note;
    if (note) ws.getCell(total + BLANK_CODED_ROWS + 1, 1).value = note;
  }
  {
    const ws = sheetOf(wb, 't6');
    const first = rowWith(ws, 1, '经济分类科目编码') + 1;
    const next = [first, first];
    for (const row of rowsOf(ds, 't6')) {
      if (row.key === 'personnel-total' || row.key === 'public-total') {
        const label = row.key === 'personnel-total' ? '人员经费合计' : '公用经费合计';
        const col = row.key === 'personnel-total' ? 1 : 4;
        put(ws.getCell(rowWith(ws, col, label), col + 2), row.cells['1'] ?? '', false);
        continue;
      }
      const side = ['301', '303'].includes(row.key.slice(0, 3)) ? 0 : 1;
      const r = next[side] ?? first;
      next[side] = r + 1;
      ws.getCell(r, 1 + 3 * side).value = row.key;
      ws.getCell(r, 2 + 3 * side).value = row.label;
      put(ws.getCell(r, 3 + 3 * side), row.cells['1'] ?? '', false);
    }
  }
  {
    const ws = sheetOf(wb, 't9');
    const r = rowWith(ws, 1, '1') + 1;
    const [row] = rowsOf(ds, 't9');
    for (const [c, v] of Object.entries(row?.cells ?? {})) put(ws.getCell(r, Number(c)), v, false);
  }
  return save(wb);
}

function expectOk(r: ImportResult): Dataset {
  if (!r.ok)
    throw new Error(
      r.problems.map((p) => `${p.sheet} ${p.row ?? ''}${p.column ?? ''} ${p.message.en}`).join('\n'),
    );
  return r.dataset;
}

/** Tables compared figure by figure (exact values), with keys, order, labels (up to bracket width) and notes. */
function expectSameTables(got: Dataset, want: Dataset): void {
  const value = (s: string) => parseFigure(s, 'wan-yuan')?.value;
  for (const id of TABLE_IDS) {
    const a = got.tables[id];
    const b = want.tables[id];
    expect(a.note, id).toBe(b.note);
    const norm = (rows: readonly DatasetRow[]) =>
      rows.map((r) => ({
        key: r.key,
        label: r.label.normalize('NFKC'),
        cells: Object.fromEntries(Object.entries(r.cells).map(([c, v]) => [c, value(v)])),
      }));
    expect(norm('rows' in a ? a.rows : []), id).toEqual(norm('rows' in b ? b.rows : []));
  }
}

function problemsOf(r: ImportResult): ImportProblem[] {
  if (r.ok) throw new Error('imported, but problems were expected');
  expect(r).not.toHaveProperty('dataset');
  return r.problems;
}

describe('importWorkbook', () => {
  it('reads the template filled from seed 004 back to the same tables, figure by figure', async () => {
    const ds = seed004();
    const imported = expectOk(await importWorkbook(await fillTemplate(ds), 'seed-004.xlsx'));
    expect(imported.org).toBe(ds.org);
    expect(imported.year).toBe(2024);
    expect(imported.unit).toBe('wan-yuan');
    expectSameTables(imported, ds);
  });

  it('reads the workbook renderXlsx writes back to the same tables', async () => {
    const ds = seed004();
    const bytes = await renderXlsx({
      title: `${ds.org}${ds.year}年度部门决算`,
      org: ds.org,
      year: ds.year,
      unchecked: true,
      blocks: tableBlocks(ds).map((table) => ({ kind: 'table' as const, table })),
    });
    const imported = expectOk(await importWorkbook(bytes, 'compiled.xlsx'));
    expectSameTables(imported, ds);
    expect(imported.org).toBe(ds.org);
  });

  it('reports one wrong cell with its sheet, row and column, and returns no dataset', async () => {
    const wb = await load(await fillTemplate(seed004()));
    const ws = sheetOf(wb, 't3');
    const total = rowWith(ws, 1, '合计');
    ws.getCell(total, 4).value = '12,3x'; // 栏2 基本支出
    const problems = problemsOf(await importWorkbook(await save(wb), 'x.xlsx'));
    expect(problems).toEqual([
      {
        sheet: '表3 支出决算表',
        row: total,
        column: 'D',
        message: { zh: '“12,3x”不是金额（栏次 2）。', en: '"12,3x" is not an amount (栏次 2).' },
      },
    ]);
  });

  it('reports a missing sheet', async () => {
    const wb = await load(await fillTemplate(seed004()));
    wb.removeWorksheet(sheetOf(wb, 't5').id);
    const problems = problemsOf(await importWorkbook(await save(wb), 'x.xlsx'));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.sheet).toBe('表5 一般公共预算财政拨款支出决算表');
    expect(problems[0]?.message.zh).toContain('缺少表5');
  });

  it('reports every problem at once: an unknown 栏次, a code that is not digits, a formula without a value', async () => {
    const wb = await load(await fillTemplate(seed004()));
    const t2 = sheetOf(wb, 't2');
    t2.getCell(rowWith(t2, 1, '栏次'), 9).value = '9';
    const t5 = sheetOf(wb, 't5');
    const code = rowWith(t5, 1, '20103');
    t5.getCell(code, 1).value = '2O103';
    const t9 = sheetOf(wb, 't9');
    t9.getCell(rowWith(t9, 1, '1') + 1, 3).value = { formula: 'D8+E8' };
    const problems = problemsOf(await importWorkbook(await save(wb), 'x.xlsx'));
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['表2 收入决算表', 6, 'I'],
      ['表5 一般公共预算财政拨款支出决算表', code, 'A'],
      ['表9 财政拨款“三公”经费支出决算表', 8, 'C'],
    ]);
    expect(problems[0]?.message.en).toContain('栏次 9 is not a column of 表2');
    expect(problems[1]?.message.zh).toContain('科目编码“2O103”不是数字');
    expect(problems[2]?.message.en).toContain('the formula has no computed value');
  });

  it('needs 部门, 年度 and 单位, the same on every sheet', async () => {
    const ds = seed004();
    const wb = await load(await fillTemplate(ds));
    sheetOf(wb, 't4').getCell(3, 1).value = '部门：另一个局';
    sheetOf(wb, 't6').getCell(3, 6).value = null;
    const problems = problemsOf(await importWorkbook(await save(wb), 'x.xlsx'));
    expect(problems.map((p) => [p.sheet, p.message.en])).toEqual([
      [
        '表4 财政拨款收入支出决算总表',
        `The department "另一个局" differs from "${ds.org}" on sheet "表1 收入支出决算总表".`,
      ],
      ['表6 一般公共预算财政拨款基本支出决算表', 'This sheet does not state its unit (单位：万元 or 元).'],
    ]);
    const blank = await importWorkbook(await templateWorkbook(), 'blank.xlsx');
    expect(problemsOf(blank).map((p) => p.message.en)).toEqual([
      'No department found: write “部门：…” above the table header.',
      'No fiscal year found: write the year (e.g. “2024年度”) above the table header.',
    ]);
  });

  it('turns broken, encrypted, legacy and foreign files into one clear problem, never a crash', async () => {
    const good = await fillTemplate(seed004());
    const one = async (bytes: Uint8Array, name = 'x.xlsx', soffice?: null) => {
      const problems = problemsOf(await importWorkbook(bytes, name, soffice === null ? { soffice } : {}));
      expect(problems).toHaveLength(1);
      return problems[0]?.message.en ?? '';
    };
    expect(await one(good.slice(0, Math.floor(good.length / 2)))).toMatch(/damaged or not a valid \.xlsx/);
    expect(await one(new Uint8Array(0))).toMatch(/empty/);
    expect(await one(new TextEncoder().encode('项目,金额\n合计,1'), 'x.csv')).toMatch(
      /not an Excel workbook/,
    );
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const encrypted = new Uint8Array([
      ...ole,
      ...new Uint8Array(Buffer.from('EncryptionInfo', 'utf16le')),
      0,
      0,
    ]);
    expect(await one(encrypted)).toMatch(/password-protected/);
    const legacy = new Uint8Array([...ole, ...new Array<number>(504).fill(0)]);
    expect(await one(legacy, 'old.xls', null)).toContain(
      'legacy .xls needs LibreOffice (apt-get install libreoffice-calc-nogui)',
    );
  });

  it('converts legacy .xls through LibreOffice (a stand-in soffice here) and reports a failed conversion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-fake-soffice-'));
    try {
      const converted = join(dir, 'converted.xlsx');
      writeFileSync(converted, await fillTemplate(seed004()));
      // Called as soffice -env:… --headless --convert-to xlsx --outdir <dir> <input>: writes <dir>/input.xlsx.
      const soffice = join(dir, 'soffice');
      writeFileSync(soffice, `#!/bin/sh\ncp '${converted}' "$6/input.xlsx"\n`);
      chmodSync(soffice, 0o755);
      const failing = join(dir, 'soffice-fails');
      writeFileSync(failing, '#!/bin/sh\necho "source file could not be loaded" >&2\nexit 1\n');
      chmodSync(failing, 0o755);
      const legacy = new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Array<number>(504).fill(0),
      ]);
      const imported = expectOk(await importWorkbook(legacy, 'old.xls', { soffice }));
      expectSameTables(imported, seed004());
      const problems = problemsOf(await importWorkbook(legacy, 'old.xls', { soffice: failing }));
      expect(problems.map((p) => p.message.en)).toEqual([
        expect.stringMatching(/^The legacy \.xls file could not be converted/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads what finance systems export: split 类/款/项 codes, text amounts, formulas, dashes, signatures', async () => {
    const ds = seed004();
    const wb = await load(await fillTemplate(ds));
    wb.removeWorksheet(sheetOf(wb, 't3').id);
    const ws = wb.addWorksheet('Sheet1');
    ws.addRows([
      // No 部门 row: the title names the department before the year.
      [`${ds.org}2024年度支出决算表（公开03表）`],
      ['', '', '', '', '', '', '', '', '', '金额单位：万元'],
      [
        '项目',
        '',
        '',
        '',
        '本年支出合计',
        '基本支出',
        '项目支出',
        '上缴上级支出',
        '经营支出',
        '对附属单位补助支出',
      ],
      ['科目编码', '', '', '科目名称'],
      ['类', '款', '项'],
      ['栏次', '', '', '', 1, 2, 3, 4, 5, 6],
      ['合计', '', '', '', 300.5, 200, '100.50', '-', '', 0],
      ['201', '', '', '一般公共服务支出', 300.5, 200, '100.50', '-', '', 0],
      [
        '201',
        '03',
        '',
        '政府办公厅（室）及相关机构事务',
        { formula: 'F9+G9', result: 300.49999999999994 },
        200,
        '100.50',
      ],
      ['201', '03', '01', '行政运行', 300.5, '200.00', ' 100.5 ', '—'],
      ['注：本表反映部门本年度各项支出情况。'],
      ['单位负责人：张三', '', '', '财务负责人：李四', '', '', '制表人：王五'],
    ]);
    ws.mergeCells('A3:D3');
    ws.mergeCells('A4:C4');
    ws.mergeCells('D4:D5');
    for (const col of ['E', 'F', 'G', 'H', 'I', 'J']) ws.mergeCells(`${col}3:${col}5`);
    ws.mergeCells('A6:D6');
    ws.mergeCells('A7:D7');
    const imported = expectOk(await importWorkbook(await save(wb), 'export.xlsx'));
    const amounts = ['300.50', '200.00', '100.50', '0.00', '0.00', '0.00'];
    const cells = Object.fromEntries(amounts.map((a, i) => [String(i + 1), a]));
    expect(imported.tables.t3).toEqual({
      rows: [
        { key: 'total', label: '合计', cells },
        { key: '201', label: '一般公共服务支出', cells },
        { key: '20103', label: '政府办公厅（室）及相关机构事务', cells },
        { key: '2010301', label: '行政运行', cells },
      ],
    });
    // The title's department is read: another one there disagrees with the other sheets.
    ws.getCell('A1').value = '某某局2024年度支出决算表';
    const problems = problemsOf(await importWorkbook(await save(wb), 'export.xlsx'));
    expect(problems.map((p) => [p.sheet, p.message.en])).toEqual([
      ['Sheet1', `The department "某某局" differs from "${ds.org}" on sheet "表1 收入支出决算总表".`],
    ]);
  });

  it('reads 表6 with 公用经费 in two code │ name │ amount groups, and 表1 without the 收入/支出 row', async () => {
    const ds = seed004();
    const wb = await load(await fillTemplate(ds));
    wb.removeWorksheet(sheetOf(wb, 't6').id);
    wb.removeWorksheet(sheetOf(wb, 't1').id);
    const t6 = wb.addWorksheet('基本支出');
    t6.addRows([
      ['一般公共预算财政拨款基本支出决算表'],
      [`部门：${ds.org}`, '', '', '', '', '', '', '', '单位：万元'],
      ['人员经费', '', '', '公用经费'],
      ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', 10, '302', '商品和服务支出', 5, '310', '资本性支出', 1],
      ['30101', '基本工资', 10, '30201', '办公费', 5, '31002', '办公设备购置', 1],
      ['人员经费合计', '', 10, '', '', '', '公用经费合计', '', 6],
    ]);
    t6.mergeCells('A3:C3');
    t6.mergeCells('D3:I3');
    t6.mergeCells('A7:B7');
    t6.mergeCells('G7:H7');
    const t1 = wb.addWorksheet('表1');
    t1.addRows([
      ['收入支出决算总表'],
      [`部门：${ds.org}`, '', '', '', '', '单位：万元'],
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['栏次', '', 1, '栏次', '', 2],
      ['一般公共预算财政拨款收入', 1, 100, '一般公共服务支出', 31, 100],
      ['本年收入合计', 27, 100, '本年支出合计', 57, '100.00'],
    ]);
    const imported = expectOk(await importWorkbook(await save(wb), 'central.xlsx'));
    const row = (key: string, label: string, amount: string, column = '1') => ({
      key,
      label,
      cells: { [column]: amount },
    });
    expect(imported.tables.t6).toEqual({
      rows: [
        row('301', '工资福利支出', '10.00'),
        row('30101', '基本工资', '10.00'),
        row('personnel-total', '人员经费合计', '10.00'),
        row('302', '商品和服务支出', '5.00'),
        row('30201', '办公费', '5.00'),
        row('310', '资本性支出', '1.00'),
        row('31002', '办公设备购置', '1.00'),
        row('public-total', '公用经费合计', '6.00'),
      ],
    });
    expect(imported.tables.t1).toEqual({
      rows: [
        row('1', '一般公共预算财政拨款收入', '100.00'),
        row('27', '本年收入合计', '100.00'),
        row('31', '一般公共服务支出', '100.00', '2'),
        row('57', '本年支出合计', '100.00', '2'),
      ],
    });
  });

  it('keeps the unit the workbook states (元 is not converted)', async () => {
    const wb = await load(await fillTemplate(seed004()));
    for (const id of TABLE_IDS) {
      const ws = sheetOf(wb, id);
      ws.getCell(3, ws.getRow(3).cellCount).value = '单位：元';
    }
    const imported = expectOk(await importWorkbook(await save(wb), 'yuan.xlsx'));
    expect(imported.unit).toBe('yuan');
    expectSameTables(imported, seed004());
  });
});

describe('decimalOfNumber', () => {
  it('reads a stored double as the decimal Excel shows (15 significant digits)', () => {
    expect(
      [3193.39, 1940.6799999999998, 0.1 + 0.2, 0, -12.5, 1e-7, 123456789012.34, 2010301].map(decimalOfNumber),
    ).toEqual(['3193.39', '1940.68', '0.3', '0', '-12.5', '0.0000001', '123456789012.34', '2010301']);
  });
});
