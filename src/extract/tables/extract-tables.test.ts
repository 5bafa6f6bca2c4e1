import { describe, expect, it } from 'vitest';
import type { RawDocument, RawLine } from '#domain/raw-document.ts';
import { findCell, findRow, type ExtractedTable, type TableId } from '#domain/table.ts';
import { extractTables } from './extract-tables.ts';

/** Pages of lines; cells split at "|" (a ruled-table row, grid set) or at tabs (a text line). */
function doc(...pages: string[][]): RawDocument {
  return {
    format: 'pdf',
    pages: pages.map((lines, p) => ({
      number: p + 1,
      width: 595,
      height: 842,
      lines: lines.map((text, i): RawLine => {
        const ruled = text.includes('|');
        const parts = ruled ? text.split('|') : text.split('\t');
        return {
          page: p + 1,
          line: i + 1,
          text: parts.map((s) => s.trim()).join('\t'),
          cells: parts.map((s, j) => ({ text: s.trim(), x0: j, x1: j + 1 })),
          y: i * 10,
          ...(ruled ? { grid: { table: 0, row: i, columns: parts.length } } : {}),
        };
      }),
    })),
  };
}

function table(raw: RawDocument, id: TableId): ExtractedTable {
  const t = extractTables(raw).tables.find((x) => x.id === id);
  if (!t) throw new Error(`${id} not found`);
  return t;
}

/** Row key → { column: printed text } for compact assertions. */
function grid(t: ExtractedTable): Record<string, Record<number, string>> {
  const out: Record<string, Record<number, string>> = {};
  for (const r of t.rows) out[r.key] = Object.fromEntries(r.cells.map((c) => [c.column, c.figure.text]));
  return out;
}

const T5_HEADER = [
  '项目 | | | | 合计 | 基本支出 | 项目支出',
  '支出功能分类科目编码 | | | 科目名称 | | |',
  '类 | 款 | 项 | | | |',
];

describe('extractTables', () => {
  it.each([
    ['whole codes', ['2010301 | 行政运行 | 601.75 | 601.75 | 0.00'], '2010301'],
    ['split 类/款/项 cells', ['201 | 06 | 01 | 行政运行 | 601.75 | 601.75 | 0.00'], '2010601'],
    ['dashed code', ['201-03-01 | 行政运行 | 601.75 | 601.75 | 0.00'], '2010301'],
    ['code and name in one cell', ['2010301 行政运行 | | 601.75 | 601.75 | 0.00'], '2010301'],
  ])('reads %s', (_name, rows, code) => {
    const header =
      rows[0]?.split('|').length === 7
        ? T5_HEADER
        : ['项目 | | 本年支出合计 | 基本支出 | 项目支出', '功能分类科目编码 | 科目名称 | | |'];
    const t = table(doc(['一般公共预算财政拨款支出决算表', '单位：万元', ...header, ...rows]), 't5');
    const row = findRow(t, code);
    expect(row?.label).toBe('行政运行');
    expect(row?.code).toBe(code);
    expect(grid(t)[code]).toEqual({ 1: '601.75', 2: '601.75', 3: '0.00' });
  });

  it('joins a name wrapped onto the next line to its row', () => {
    const t = table(
      doc([
        '一般公共预算财政拨款支出决算表',
        '项目\t\t本年支出合计\t基本支出\t项目支出',
        '功能分类科目编码\t科目名称\t\t\t',
        '2080505\t机关事业单位基本养老保险\t147.69\t147.69\t0.00',
        '\t缴费支出\t\t\t',
        '208\t05\t06\t\t80.38\t80.38\t',
      ]),
      't5',
    );
    expect(findRow(t, '2080505')?.label).toBe('机关事业单位基本养老保险缴费支出');
    expect(t.rows).toHaveLength(2);
  });

  it('gives a wrapped name printed below its figures to the row that lacks one', () => {
    const t = table(
      doc([
        '一般公共预算财政拨款支出决算表',
        ...T5_HEADER,
        '208 | 05 | 05 | | 160.75 | 160.75 |',
        ' | | | 机关事业单位基本养老保险缴费支出 | | |',
      ]),
      't5',
    );
    expect(findRow(t, '2080505')?.label).toBe('机关事业单位基本养老保险缴费支出');
  });

  it('reads both panels of 表1 by 行次, and blank and dashes as zero', () => {
    const t = table(
      doc([
        '表1',
        '收入支出决算总表',
        '单位：万元',
        '收入\t\t\t支出\t\t',
        '项目\t行次\t决算数\t项目\t行次\t决算数',
        '栏次\t\t1\t栏次\t\t2',
        '一、一般公共预算财政拨款收入\t1\t3,193.39\t一、一般公共服务支出\t31\t1,940.68',
        '二、政府性基金预算财政拨款收入\t2\t-\t二、外交支出\t32\t',
        '\t9\t\t九、卫生健康支出\t39\t--',
      ]),
      't1',
    );
    expect(t.printedNumber).toBe('表1');
    expect(grid(t)).toEqual({
      1: { 1: '3,193.39' },
      2: { 1: '-' },
      31: { 2: '1,940.68' },
      32: { 2: '' },
      39: { 2: '--' },
    });
    const dash = findCell(findRow(t, '2')!, 1)!.figure;
    expect(dash).toMatchObject({ value: 0n, decimals: 2, blank: true, unit: 'wan-yuan' });
    const amount = findCell(findRow(t, '1')!, 1)!.figure;
    expect(amount).toMatchObject({ value: 3_193_390_000_000_000n, decimals: 2 });
    expect(findRow(t, '31')?.lineNo).toBe(31);
  });

  it('assigns 行次 from labels where none is printed, 表4 rows 29–31 after row 28', () => {
    const t = table(
      doc([
        '财政拨款收入支出决算总表',
        '收入 | | 支出 | | | |',
        '项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 | 国有资本经营预算财政拨款',
        '一、一般公共预算财政拨款 | 2,940.05 | 一、一般公共服务支出 | 2,106.66 | 2,106.66 | |',
        '二、政府性基金预算财政拨款 | | 二十六、抗疫特别国债安排的支出 | | | |',
        '年初财政拨款结转和结余 | 21.63 | 年末财政拨款结转和结余 | 21.63 | 21.63 | |',
        '一、一般公共预算财政拨款 | 21.63 | | | | |',
        '二、政府性基金预算财政拨款 | | | | | |',
        '总计 | 2,961.68 | 总计 | 2,961.68 | 2,961.68 | |',
      ]),
      't4',
    );
    expect(t.rows.map((r) => r.key)).toEqual(['1', '2', '28', '29', '30', '32', '33', '58', '60', '64']);
    expect(grid(t)['29']).toEqual({ 1: '21.63' });
    expect(grid(t)['33']).toEqual({ 2: '2,106.66', 3: '2,106.66', 4: '', 5: '' });
  });

  it('joins a summary label wrapped across lines when together they match the template', () => {
    const t = table(
      doc([
        '财政拨款收入支出决算总表',
        '收入\t\t支出\t',
        '项目\t决算数\t项目\t合计',
        '二、政府性基金预算财政拨\t\t二、外交支出\t',
        '款\t\t\t',
      ]),
      't4',
    );
    expect(findRow(t, '2')?.label).toBe('二、政府性基金预算财政拨款');
  });

  it('reads 表6 panels with split economic codes and the two totals', () => {
    const t = table(
      doc([
        '一般公共预算财政拨款基本支出决算表',
        '经济分类科目编码 | | 科目名称 | 决算数 | 经济分类科目编码 | | 科目名称 | 决算数',
        '类 | 款 | | | 类 | 款 | |',
        '301 | | 工资福利支出 | 2,082.85 | 302 | | 商品和服务支出 | 171.07',
        '301 | 01 | 基本工资 | 262.33 | 302 | 01 | 办公费 | 21.21',
        ' | | | | 310 | 02 | 办公设备购置 | 13.58',
        '人员经费合计 | | | 2,152.26 | 公用经费合计 | | | 184.65',
      ]),
      't6',
    );
    expect(grid(t)).toEqual({
      301: { 1: '2,082.85' },
      30101: { 1: '262.33' },
      'personnel-total': { 1: '2,152.26' },
      302: { 1: '171.07' },
      30201: { 1: '21.21' },
      31002: { 1: '13.58' },
      'public-total': { 1: '184.65' },
    });
  });

  it('reads a table split across pages with its header repeated', () => {
    const header = [
      '人员经费\t\t\t公用经费\t\t',
      '经济分类科目编码\t科目名称\t金额\t经济分类科目编码\t科目名称\t金额',
    ];
    const t = table(
      doc(
        [
          '一般公共预算财政拨款基本支出决算明细表',
          '单位：万元',
          ...header,
          '301\t工资福利支出\t1,864.39\t302\t商品和服务支出\t79.50',
        ],
        [
          ...header,
          '\t\t\t30299\t其他商品和服务支出\t17.31',
          '\t人员经费合计\t1,956.76\t\t公用经费合计\t79.50',
        ],
      ),
      't6',
    );
    expect(t.pages).toEqual([1, 2]);
    expect(t.rows.map((r) => r.key)).toEqual(['301', 'personnel-total', '302', '30299', 'public-total']);
    expect(findRow(t, '30299')?.source.page).toBe(2);
  });

  it.each([
    ['本表本年度无发生额。'],
    ['注：某某局无政府性基金预算财政拨款支出，故本表无数据。'],
    ['本表无数据'],
  ])('declares a table empty: %s', (note) => {
    const t = table(
      doc([
        '政府性基金预算财政拨款收入支出决算表',
        '单位：万元',
        '项目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
        '功能分类科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
        '\t合计\t\t\t\t\t\t',
        note,
      ]),
      't7',
    );
    expect(t.declaredEmpty).toBe(true);
    expect(t.emptyNote).toEqual({ page: 1, line: 6, text: note });
    expect(grid(t)).toEqual({ total: { 1: '', 2: '', 3: '', 4: '', 5: '', 6: '' } });
  });

  it('reads the 合计 row that shares its line with the 本年支出 sub-headers (Shanghai 表8)', () => {
    const t = table(
      doc([
        '国有资本经营预算财政拨款收入支出决算表',
        '项目 | | 年初结转和结余 | 本年收入 | 本年支出 | | | 年末结转和结余',
        '功能分类科目编码 | 科目名称 | | | | | |',
        '合计 | | | | 合计 | 基本支出 | 项目支出 |',
        ' | | | | | | |',
        '说明：某某部本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。',
      ]),
      't8',
    );
    expect(t.columns.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(grid(t)).toEqual({ total: { 1: '', 2: '', 3: '', 4: '', 5: '', 6: '' } });
    expect(t.declaredEmpty).toBe(true);
  });

  const THREE_PUBLIC_SHANGHAI = [
    '财政拨款“三公”经费支出决算表',
    '财政拨款“三公”经费 | | | | | | | | | | |',
    '合计 | | 因公出国(境)费 | | 公务用车购置及运行维护费 | | | | | | 公务接待费 |',
    ' | | | | 小计 | | 公务用车购置费 | | 公务用车运行维护费 | | |',
    '预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数',
  ];

  it.each([
    [
      'national layout (预算数 group, then 决算数 group)',
      [
        '财政拨款“三公”经费支出决算表',
        '预算数\t\t\t\t\t\t决算数\t\t\t\t\t',
        '合计\t因公出国(境)费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国(境)费\t公务用车购置及运行维护费\t\t\t公务接待费',
        '\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t',
        '1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12',
        '10.55\t8.84\t1.72\t0.00\t1.72\t0.00\t6.78\t5.06\t1.72\t0.00\t1.72\t0.00',
      ],
      {
        1: '10.55',
        2: '8.84',
        3: '1.72',
        4: '0.00',
        5: '1.72',
        6: '0.00',
        7: '6.78',
        8: '5.06',
        9: '1.72',
        10: '0.00',
        11: '1.72',
        12: '0.00',
      },
    ],
    [
      'Shanghai layout (预算数/决算数 under each category)',
      [
        ...THREE_PUBLIC_SHANGHAI,
        '2.85 | 0.39 | 0.00 | 0.00 | 0.10 | 0.20 | 0.03 | 0.04 | 0.07 | 0.16 | 2.75 | 0.19',
      ],
      {
        1: '2.85',
        7: '0.39',
        2: '0.00',
        8: '0.00',
        3: '0.10',
        9: '0.20',
        4: '0.03',
        10: '0.04',
        5: '0.07',
        11: '0.16',
        6: '2.75',
        12: '0.19',
      },
    ],
    [
      'transposed layout (预算数 and 决算数 as rows)',
      [
        '财政拨款“三公”经费支出决算表',
        '项目 | 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | | | 公务接待费',
        ' | | | 小计 | 公务用车购置费 | 公务用车运行维护费 |',
        '预算数 | 10.55 | 8.84 | 1.72 | 0.00 | 1.72 | 0.00',
        '决算数 | 6.78 | 5.06 | 1.72 | - | 1.72 | -',
      ],
      {
        ...{ 1: '10.55', 2: '8.84', 3: '1.72', 4: '0.00', 5: '1.72', 6: '0.00' },
        ...{ 7: '6.78', 8: '5.06', 9: '1.72', 10: '-', 11: '1.72', 12: '-' },
      },
    ],
    [
      'Shanghai layout left blank',
      [...THREE_PUBLIC_SHANGHAI, ' | | | | | | | | | | | '],
      { 1: '', 2: '', 3: '', 4: '', 5: '', 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '' },
    ],
  ])('maps 表9 columns: %s', (_name, lines, expected) => {
    const t = table(doc(lines), 't9');
    expect(grid(t)).toEqual({ row: expected });
  });

  it('maps tables by title, not position, and skips table-of-contents entries', () => {
    const raw = doc(
      [
        '一、收入支出决算总表',
        '七、财政拨款“三公”经费支出决算表',
        '八、政府性基金预算财政拨款收入支出决算表',
      ],
      [...THREE_PUBLIC_SHANGHAI, '0.95 | | | | | | | | | | 0.95 | '],
      ['第三部分 情况说明', '一、收入支出决算总体情况说明'],
    );
    const { tables, problems } = extractTables(raw);
    expect(tables.map((t) => [t.id, t.pages])).toEqual([['t9', [2]]]);
    expect(problems).toEqual([{ page: 2, line: 1, message: 't9: no 单位 printed; 万元 assumed' }]);
  });

  it('ends the last table at running text when no part heading follows', () => {
    const t = table(
      doc([
        '国有资本经营预算财政拨款支出决算表',
        '项目\t\t本年支出\t\t',
        '功能分类科目编码\t科目名称\t小计\t基本支出\t项目支出',
        '\t合计\t0.00\t0.00\t0.00',
        '本表本年度无发生额。',
        '附件：某某局二〇二四年度部门整体支出绩效自评情况，列示各项目的预算数、执行数和完成率如下。',
        '项目名称\t预算数\t执行数',
        '2080505\t12.00\t11.50',
      ]),
      't8',
    );
    expect(t.rows.map((r) => r.key)).toEqual(['total']);
    expect(t.declaredEmpty).toBe(true);
  });

  it('reads the unit and reports cells that are not numbers', () => {
    const { tables, problems } = extractTables(
      doc([
        '2024年度收入决算表',
        '部门：某某局\t单位：元',
        '项目\t\t本年收入合计\t财政拨款收入',
        '功能分类科目编码\t科目名称\t\t',
        '\t合计\t1,234,567.00\tn/a',
      ]),
    );
    const t = tables[0]!;
    expect(t.id).toBe('t2');
    expect(t.unit).toBe('yuan');
    expect(grid(t)).toEqual({ total: { 1: '1,234,567.00' } });
    expect(problems).toEqual([{ page: 1, line: 5, message: 'column 2: "n/a" is not a number' }]);
  });
});
