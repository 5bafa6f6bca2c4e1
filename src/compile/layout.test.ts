import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetRow } from '#compile/dataset.ts';
import {
  LayoutError,
  bodyGridRow,
  chineseOrdinal,
  headerGrid,
  isLandscape,
  placeHeader,
  tableBlocks,
} from '#compile/layout.ts';
import type { TableBlock } from '#compile/model.ts';
import type { TableId } from '#domain/table.ts';
import { copyDataset, datasetFixture } from '#src/testing/datasets.ts';

const seed = datasetFixture('seed-004');

function table(ds: Dataset, id: TableId): TableBlock {
  const t = tableBlocks(ds).find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}

function spans(t: TableBlock, row: number): [string, number, number][] {
  return (t.header[row] ?? []).map((h) => [h.text, h.colSpan, h.rowSpan]);
}

const texts = (row: readonly { text: string }[] | undefined): string[] => (row ?? []).map((c) => c.text);

describe('tableBlocks', () => {
  const blocks = tableBlocks(seed);

  it('lays out the nine tables in template order with their numbers, titles, 部门 and 单位', () => {
    expect(blocks.map((t) => [t.id, t.number, t.title])).toEqual([
      ['t1', '表1', '收入支出决算总表'],
      ['t2', '表2', '收入决算表'],
      ['t3', '表3', '支出决算表'],
      ['t4', '表4', '财政拨款收入支出决算总表'],
      ['t5', '表5', '一般公共预算财政拨款支出决算表'],
      ['t6', '表6', '一般公共预算财政拨款基本支出决算表'],
      ['t7', '表7', '政府性基金预算财政拨款收入支出决算表'],
      ['t8', '表8', '国有资本经营预算财政拨款支出决算表'],
      ['t9', '表9', '财政拨款“三公”经费支出决算表'],
    ]);
    for (const t of blocks) {
      expect(t.org).toBe('部门：广州市荔湾区政务服务数据管理局');
      expect(t.unit).toBe('单位：万元');
    }
  });

  it.each(blocks.map((t) => [t.id, t] as const))(
    '%s: header cells tile the grid exactly and every body row is as wide as it',
    (_id, t) => {
      const covered = placeHeader(t).reduce((n, p) => n + p.colSpan * p.rowSpan, 0);
      expect(covered).toBe(t.header.length * t.columns);
      for (const row of t.body) expect(row.reduce((n, c) => n + (c.colSpan ?? 1), 0)).toBe(t.columns);
    },
  );

  it('表1: 收入 | 支出 panels of 项目/行次/决算数 over a 栏次 row', () => {
    const t = table(seed, 't1');
    expect(t.columns).toBe(6);
    expect(headerGrid(t)).toEqual([
      ['收入', '', '', '支出', '', ''],
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['栏次', '', '1', '栏次', '', '2'],
    ]);
    expect(spans(t, 0)).toEqual([
      ['收入', 3, 1],
      ['支出', 3, 1],
    ]);
  });

  it('表1: rows pair side by side by 行次 (1 with 31 … 30 with 60), blank income rows keep their 行次', () => {
    const t = table(seed, 't1');
    expect(t.body).toHaveLength(30);
    expect(texts(t.body[0])).toEqual([
      '一、一般公共预算财政拨款收入',
      '1',
      '3,193.39',
      '一、一般公共服务支出',
      '31',
      '1,940.68',
    ]);
    expect(texts(t.body[8])).toEqual(['', '9', '', '九、卫生健康支出', '39', '0.00']);
    expect(texts(t.body[25])).toEqual(['', '26', '', '二十六、抗疫特别国债安排的支出', '56', '0.00']);
    expect(texts(t.body[26])).toEqual(['本年收入合计', '27', '3,193.39', '本年支出合计', '57', '3,193.39']);
    expect(texts(t.body[27])).toEqual([
      '使用非财政拨款结余（含专用结余）',
      '28',
      '0.00',
      '结余分配',
      '58',
      '0.00',
    ]);
    expect(texts(t.body[29])).toEqual(['总计', '30', '3,193.39', '总计', '60', '3,193.39']);
    expect(t.body[0]?.map((c) => c.align)).toEqual(['left', 'center', 'right', 'left', 'center', 'right']);
  });

  it('表4: 支出 panel with 合计 and the three funds; rows 1–32 pair with 33–64, 61–63 blank', () => {
    const t = table(seed, 't4');
    expect(headerGrid(t)).toEqual([
      ['收入', '', '', '支出', '', '', '', '', ''],
      [
        '项目',
        '行次',
        '金额',
        '项目',
        '行次',
        '合计',
        '一般公共预算财政拨款',
        '政府性基金预算财政拨款',
        '国有资本经营预算财政拨款',
      ],
      ['栏次', '', '1', '栏次', '', '2', '3', '4', '5'],
    ]);
    expect(t.body).toHaveLength(32);
    expect(texts(t.body[0])).toEqual([
      '一、一般公共预算财政拨款',
      '1',
      '3,193.39',
      '一、一般公共服务支出',
      '33',
      '1,940.68',
      '1,940.68',
      '0.00',
      '0.00',
    ]);
    expect(texts(t.body[28])).toEqual(['一般公共预算财政拨款', '29', '0.00', '', '61', '', '', '', '']);
    expect(texts(t.body[31])).toEqual([
      '总计',
      '32',
      '3,193.39',
      '总计',
      '64',
      '3,193.39',
      '3,193.39',
      '0.00',
      '0.00',
    ]);
  });

  it('表3: 项目 over 功能分类科目编码 | 科目名称, six columns reaching down, then 栏次 1–6', () => {
    const t = table(seed, 't3');
    expect(spans(t, 0)).toEqual([
      ['项目', 2, 1],
      ['本年支出合计', 1, 2],
      ['基本支出', 1, 2],
      ['项目支出', 1, 2],
      ['上缴上级支出', 1, 2],
      ['经营支出', 1, 2],
      ['对附属单位补助支出', 1, 2],
    ]);
    expect(spans(t, 1)).toEqual([
      ['功能分类科目编码', 1, 1],
      ['科目名称', 1, 1],
    ]);
    expect(spans(t, 2)).toEqual([
      ['栏次', 2, 1],
      ...['1', '2', '3', '4', '5', '6'].map((n): [string, number, number] => [n, 1, 1]),
    ]);
  });

  it('coded tables: 合计 first across code and name, then codes whole in the code column', () => {
    const t = table(seed, 't3');
    expect(t.body[0]).toEqual([
      { text: '合计', align: 'center', colSpan: 2 },
      ...['3,193.39', '2,036.26', '1,157.13', '0.00', '0.00', '0.00'].map((text) => ({
        text,
        align: 'right',
      })),
    ]);
    expect(texts(t.body[2])).toEqual([
      '20103',
      '政府办公厅（室）及相关机构事务',
      '1,940.68',
      '1,558.93',
      '381.75',
      '0.00',
      '0.00',
      '0.00',
    ]);
    expect(t.body[2]?.slice(0, 2).map((c) => c.align)).toEqual(['left', 'left']);
  });

  it('表7 and 表8: 本年支出 merged over 小计 | 基本支出 | 项目支出', () => {
    const t7 = table(seed, 't7');
    expect(headerGrid(t7)).toEqual([
      ['项目', '', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
      ['功能分类科目编码', '科目名称', '', '', '小计', '基本支出', '项目支出', ''],
      ['栏次', '', '1', '2', '3', '4', '5', '6'],
    ]);
    expect(spans(t7, 0)[3]).toEqual(['本年支出', 3, 1]);
    expect(headerGrid(table(seed, 't8'))).toEqual([
      ['项目', '', '本年支出', '', ''],
      ['功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出'],
      ['栏次', '', '1', '2', '3'],
    ]);
    expect(t7.note).toBe('注：本部门本年度无此类收支，本表为空表。');
  });

  it('表6: 人员经费 | 公用经费 side by side, without a 栏次 row, totals on the last row', () => {
    const t = table(seed, 't6');
    expect(headerGrid(t)).toEqual([
      ['人员经费', '', '', '公用经费', '', ''],
      ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
    ]);
    expect(texts(t.body[0])).toEqual(['301', '工资福利支出', '1,864.39', '302', '商品和服务支出', '79.50']);
    // 27 personnel rows, 54 public rows: the personnel side runs out first.
    expect(t.body).toHaveLength(55);
    expect(texts(t.body[27])).toEqual(['', '', '', '30299', '其他商品和服务支出', '17.31']);
    expect(t.body[54]).toEqual([
      { text: '人员经费合计', align: 'center', colSpan: 2 },
      { text: '1,956.76', align: 'right' },
      { text: '公用经费合计', align: 'center', colSpan: 2 },
      { text: '79.50', align: 'right' },
    ]);
  });

  it('表9: 预算数 | 决算数, each 合计 / 因公出国（境）费 / 公务用车… (小计, 购置, 运维) / 公务接待费, 栏次 1–12', () => {
    const t = table(seed, 't9');
    expect(t.columns).toBe(12);
    expect(spans(t, 0)).toEqual([
      ['预算数', 6, 1],
      ['决算数', 6, 1],
    ]);
    const categories: [string, number, number][] = [
      ['合计', 1, 2],
      ['因公出国（境）费', 1, 2],
      ['公务用车购置及运行维护费', 3, 1],
      ['公务接待费', 1, 2],
    ];
    expect(spans(t, 1)).toEqual([...categories, ...categories]);
    const vehicles: [string, number, number][] = [
      ['小计', 1, 1],
      ['公务用车购置费', 1, 1],
      ['公务用车运行维护费', 1, 1],
    ];
    expect(spans(t, 2)).toEqual([...vehicles, ...vehicles]);
    expect(texts(t.header[3])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(texts(t.body[0])).toEqual([
      '10.55',
      '8.84',
      '1.72',
      '0.00',
      '1.72',
      '0.00',
      '6.78',
      '5.06',
      '1.72',
      '0.00',
      '1.72',
      '0.00',
    ]);
  });

  it('wide tables go on landscape pages, as published documents print them', () => {
    expect(blocks.filter(isLandscape).map((t) => t.id)).toEqual(['t2', 't3', 't4', 't7', 't9']);
  });
});

describe('labels and amounts', () => {
  it('takes the template label (with its ordinal) where the dataset leaves it blank, and adds a missing ordinal', () => {
    const ds = copyDataset(seed);
    const t1 = ds.tables.t1;
    if (!('rows' in t1)) throw new Error('t1 has rows');
    for (const r of t1.rows) if (r.key === '5') r.label = '';
    for (const r of t1.rows) if (r.key === '36') r.label = '科学技术支出';
    for (const r of t1.rows) if (r.key === '28') r.label = '';
    const body = table(ds, 't1').body;
    expect(body[4]?.[0]?.text).toBe('五、事业收入');
    expect(body[5]?.[3]?.text).toBe('六、科学技术支出');
    expect(body[27]?.[0]?.text).toBe('使用非财政拨款结余（含专用结余）');
  });

  it('prints two decimals with thousands separators, keeping any further printed precision', () => {
    const ds = copyDataset(seed);
    ds.tables.t9 = {
      rows: [{ key: 'row', label: '', cells: { '1': '1234567.5', '2': '0', '3': '-3.2', '4': '12.345' } }],
    };
    expect(texts(table(ds, 't9').body[0]).slice(0, 5)).toEqual([
      '1,234,567.50',
      '0.00',
      '-3.20',
      '12.345',
      '',
    ]);
  });

  it('names the dataset unit', () => {
    const ds = copyDataset(seed);
    ds.unit = 'yuan';
    expect(table(ds, 't2').unit).toBe('单位：元');
  });

  it('prints an empty table as its skeleton with blank amounts, and its note', () => {
    const ds = copyDataset(seed);
    const note = '本部门本年度无政府性基金预算财政拨款收支，本表无数据。';
    ds.tables.t1 = { empty: true, note };
    ds.tables.t3 = { empty: true, note: `注：${note}` };
    ds.tables.t6 = { empty: true, note };
    ds.tables.t9 = { empty: true, note };
    const t1 = table(ds, 't1');
    expect(t1.body).toHaveLength(30);
    expect(texts(t1.body[0])).toEqual([
      '一、一般公共预算财政拨款收入',
      '1',
      '',
      '一、一般公共服务支出',
      '31',
      '',
    ]);
    expect(t1.note).toBe(`注：${note}`);
    const t3 = table(ds, 't3');
    expect(t3.body.map(bodyGridRow)).toEqual([['合计', '', '', '', '', '', '', '']]);
    expect(t3.note).toBe(`注：${note}`);
    expect(table(ds, 't6').body.map(bodyGridRow)).toEqual([['人员经费合计', '', '', '公用经费合计', '', '']]);
    expect(table(ds, 't9').body.map(bodyGridRow)).toEqual([Array.from({ length: 12 }, () => '')]);
  });

  it('writes ordinals as the template does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 26].map(chineseOrdinal)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '二十六',
    ]);
  });
});

describe('what the template cannot print', () => {
  function rows(ds: Dataset, id: TableId): DatasetRow[] {
    const t = ds.tables[id];
    if (!('rows' in t)) throw new Error(`${id} is empty`);
    return t.rows;
  }

  function problems(change: (ds: Dataset) => void): readonly string[] {
    const ds = copyDataset(seed);
    change(ds);
    try {
      tableBlocks(ds);
    } catch (e) {
      if (e instanceof LayoutError) return e.problems;
      throw e;
    }
    return [];
  }

  it.each<[string, (ds: Dataset) => void, string]>([
    [
      'a 行次 the template leaves blank',
      (ds) => rows(ds, 't1').push({ key: '9', label: 'x', cells: { '1': '1' } }),
      't1[9]: not a 行次 the template prints',
    ],
    [
      'an amount in the other panel’s column',
      (ds) => rows(ds, 't1').forEach((r) => r.key === '27' && (r.cells['2'] = '1')),
      't1[27]: no column 2 in this table',
    ],
    [
      'a column past the table',
      (ds) => rows(ds, 't2').push({ key: '205', label: '教育支出', cells: { '8': '1' } }),
      't2[205]: no column 8 in this table',
    ],
    [
      'a coded row without a code',
      (ds) => rows(ds, 't5').push({ key: '其他', label: '其他', cells: {} }),
      't5[其他]: a row of this table is keyed by a 3-, 5- or 7-digit code or "total"',
    ],
    [
      'Shanghai’s extra 表8 columns',
      (ds) => rows(ds, 't8').push({ key: '223', label: '', cells: { '4': '1' } }),
      't8[223]: no column 4 in this table',
    ],
    [
      'a row printed twice',
      (ds) => rows(ds, 't3').push({ key: '201', label: '一般公共服务支出', cells: {} }),
      't3[201]: the row appears twice',
    ],
    [
      'a second 三公 row',
      (ds) => rows(ds, 't9').push({ key: 'row2', label: '', cells: {} }),
      't9: the table has one row, the dataset gives 2',
    ],
  ])('%s', (_name, change, message) => {
    expect(problems(change)).toEqual([message]);
  });
});
