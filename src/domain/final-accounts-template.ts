import type { TableId } from './table.ts';

/**
 * The national 部门决算 nine-table template as data: titles and aliases, the 栏次 of every column with the
 * header words that identify it, and the fixed row lists of 表1 and 表4 (docs: final-accounts-template.md §2).
 *
 * Column numbers are the national 栏次. Documents that print another layout (Shanghai's 三公 table with
 * 预算数/决算数 interleaved, its 收入支出 version of 表8) are mapped onto these numbers by header words.
 */

/** How a table is laid out, which selects its parser. */
export type TableKind = 'summary' | 'coded' | 'economic' | 'three-public';

export interface TemplateColumn {
  /** 栏次 in the national template. */
  number: number;
  label: string;
  /** Header texts that identify the column (compared after `headerKey` normalisation). */
  keys: readonly string[];
}

export interface TemplateRow {
  lineNo: number;
  /** Labels without ordinal prefix (“一、”), as the template and known variants print them. */
  labels: readonly string[];
  /** 功能分类 class code of an expense row of 表1/表4, for rules that link these rows to coded tables. */
  classCode?: string;
}

export interface TemplatePanel {
  /** Header word that starts the panel in a two-panel table (“支出”, “公用经费”). */
  name: string;
  columns: readonly TemplateColumn[];
  /** Fixed rows (表1/表4); absent for panels keyed by code. */
  rows?: readonly TemplateRow[];
}

export interface TableTemplate {
  id: TableId;
  title: string;
  /** Other titles the same table is published under; the longest match wins. */
  aliases: readonly string[];
  kind: TableKind;
  /** One panel, or two side by side (表1, 表4: 收入 | 支出; 表6: 人员经费 | 公用经费). */
  panels: readonly TemplatePanel[];
}

/** The 26 功能分类 classes of 表1 rows 31–56 (表4 rows 33–58), in template order. */
const EXPENSE_CLASSES: readonly { code: string; labels: readonly string[] }[] = [
  { code: '201', labels: ['一般公共服务支出'] },
  { code: '202', labels: ['外交支出'] },
  { code: '203', labels: ['国防支出'] },
  { code: '204', labels: ['公共安全支出'] },
  { code: '205', labels: ['教育支出'] },
  { code: '206', labels: ['科学技术支出'] },
  { code: '207', labels: ['文化旅游体育与传媒支出', '文化体育与传媒支出'] },
  { code: '208', labels: ['社会保障和就业支出'] },
  { code: '210', labels: ['卫生健康支出', '医疗卫生与计划生育支出'] },
  { code: '211', labels: ['节能环保支出'] },
  { code: '212', labels: ['城乡社区支出'] },
  { code: '213', labels: ['农林水支出'] },
  { code: '214', labels: ['交通运输支出'] },
  { code: '215', labels: ['资源勘探工业信息等支出', '资源勘探信息等支出'] },
  { code: '216', labels: ['商业服务业等支出'] },
  { code: '217', labels: ['金融支出'] },
  { code: '219', labels: ['援助其他地区支出'] },
  { code: '220', labels: ['自然资源海洋气象等支出', '国土海洋气象等支出'] },
  { code: '221', labels: ['住房保障支出'] },
  { code: '222', labels: ['粮油物资储备支出'] },
  { code: '223', labels: ['国有资本经营预算支出'] },
  { code: '224', labels: ['灾害防治及应急管理支出'] },
  { code: '229', labels: ['其他支出'] },
  { code: '231', labels: ['债务还本支出'] },
  { code: '232', labels: ['债务付息支出'] },
  { code: '234', labels: ['抗疫特别国债安排的支出'] },
];

function expenseRows(firstLineNo: number): TemplateRow[] {
  return EXPENSE_CLASSES.map((c, i) => ({ lineNo: firstLineNo + i, labels: c.labels, classCode: c.code }));
}

const AMOUNT_KEYS = ['决算数', '金额', '决算金额', '本年决算数'] as const;

const FUNCTIONAL_COLUMNS = {
  t2: [
    { number: 1, label: '本年收入合计', keys: ['本年收入合计', '合计', '收入合计'] },
    { number: 2, label: '财政拨款收入', keys: ['财政拨款收入', '财政拨款'] },
    { number: 3, label: '上级补助收入', keys: ['上级补助收入'] },
    { number: 4, label: '事业收入', keys: ['事业收入'] },
    { number: 5, label: '经营收入', keys: ['经营收入'] },
    { number: 6, label: '附属单位上缴收入', keys: ['附属单位上缴收入'] },
    { number: 7, label: '其他收入', keys: ['其他收入'] },
  ],
  t3: [
    { number: 1, label: '本年支出合计', keys: ['本年支出合计', '合计', '支出合计'] },
    { number: 2, label: '基本支出', keys: ['基本支出'] },
    { number: 3, label: '项目支出', keys: ['项目支出'] },
    { number: 4, label: '上缴上级支出', keys: ['上缴上级支出'] },
    { number: 5, label: '经营支出', keys: ['经营支出'] },
    { number: 6, label: '对附属单位补助支出', keys: ['对附属单位补助支出'] },
  ],
  t5: [
    { number: 1, label: '本年支出合计', keys: ['本年支出合计', '合计', '小计', '本年支出小计'] },
    { number: 2, label: '基本支出', keys: ['基本支出'] },
    { number: 3, label: '项目支出', keys: ['项目支出'] },
  ],
  t7: [
    { number: 1, label: '年初结转和结余', keys: ['年初结转和结余', '年初结转结余'] },
    { number: 2, label: '本年收入', keys: ['本年收入'] },
    // Shanghai heads the 本年支出 subtotal “合计”.
    { number: 3, label: '本年支出小计', keys: ['小计', '合计', '本年支出小计', '本年支出合计'] },
    { number: 4, label: '基本支出', keys: ['基本支出'] },
    { number: 5, label: '项目支出', keys: ['项目支出'] },
    { number: 6, label: '年末结转和结余', keys: ['年末结转和结余', '年末结转结余'] },
  ],
  // 1..3 are the national 栏次. Shanghai prints a 收入支出 version laid out like 表7; its three extra
  // columns have no national number and get 4..6 here.
  t8: [
    { number: 1, label: '本年支出小计', keys: ['小计', '本年支出小计', '本年支出合计', '合计'] },
    { number: 2, label: '基本支出', keys: ['基本支出'] },
    { number: 3, label: '项目支出', keys: ['项目支出'] },
    { number: 4, label: '年初结转和结余', keys: ['年初结转和结余', '年初结转结余'] },
    { number: 5, label: '本年收入', keys: ['本年收入'] },
    { number: 6, label: '年末结转和结余', keys: ['年末结转和结余', '年末结转结余'] },
  ],
} as const satisfies Record<string, readonly TemplateColumn[]>;

/** 表9 categories in national order; 预算数 columns are 1..6, 决算数 columns 7..12. */
export const THREE_PUBLIC_CATEGORIES: readonly TemplateColumn[] = [
  { number: 1, label: '合计', keys: ['合计'] },
  { number: 2, label: '因公出国（境）费', keys: ['因公出国(境)费', '因公出国境费', '因公出国(境)费用'] },
  {
    number: 3,
    label: '公务用车购置及运行维护费 小计',
    keys: ['小计', '公务用车购置及运行维护费', '公务用车购置及运行费'],
  },
  { number: 4, label: '公务用车购置费', keys: ['公务用车购置费', '购置费'] },
  {
    number: 5,
    label: '公务用车运行维护费',
    keys: ['公务用车运行维护费', '公务用车运行费', '运行维护费', '运行费'],
  },
  { number: 6, label: '公务接待费', keys: ['公务接待费'] },
];
export const THREE_PUBLIC_KINDS = [
  { offset: 0, label: '预算数', keys: ['预算数', '预算', '全年预算数'] },
  { offset: 6, label: '决算数', keys: ['决算数', '决算'] },
] as const;

function threePublicColumns(): TemplateColumn[] {
  return THREE_PUBLIC_KINDS.flatMap((k) =>
    THREE_PUBLIC_CATEGORIES.map((c) => ({
      number: k.offset + c.number,
      label: `${k.label} ${c.label}`,
      keys: [],
    })),
  );
}

export const FINAL_ACCOUNTS_TEMPLATE: readonly TableTemplate[] = [
  {
    id: 't1',
    title: '收入支出决算总表',
    aliases: ['部门收支决算总表', '收支决算总表'],
    kind: 'summary',
    panels: [
      {
        name: '收入',
        columns: [{ number: 1, label: '收入决算数', keys: AMOUNT_KEYS }],
        rows: [
          { lineNo: 1, labels: ['一般公共预算财政拨款收入'] },
          { lineNo: 2, labels: ['政府性基金预算财政拨款收入'] },
          { lineNo: 3, labels: ['国有资本经营预算财政拨款收入'] },
          { lineNo: 4, labels: ['上级补助收入'] },
          { lineNo: 5, labels: ['事业收入'] },
          { lineNo: 6, labels: ['经营收入'] },
          { lineNo: 7, labels: ['附属单位上缴收入'] },
          { lineNo: 8, labels: ['其他收入'] },
          { lineNo: 27, labels: ['本年收入合计'] },
          { lineNo: 28, labels: ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余'] },
          { lineNo: 29, labels: ['年初结转和结余'] },
          { lineNo: 30, labels: ['总计', '收入总计'] },
        ],
      },
      {
        name: '支出',
        columns: [{ number: 2, label: '支出决算数', keys: AMOUNT_KEYS }],
        rows: [
          ...expenseRows(31),
          { lineNo: 57, labels: ['本年支出合计'] },
          { lineNo: 58, labels: ['结余分配'] },
          { lineNo: 59, labels: ['年末结转和结余'] },
          { lineNo: 60, labels: ['总计', '支出总计'] },
        ],
      },
    ],
  },
  {
    id: 't2',
    title: '收入决算表',
    aliases: ['收入决算总表'],
    kind: 'coded',
    panels: [{ name: '', columns: FUNCTIONAL_COLUMNS.t2 }],
  },
  {
    id: 't3',
    title: '支出决算表',
    aliases: ['支出决算总表'],
    kind: 'coded',
    panels: [{ name: '', columns: FUNCTIONAL_COLUMNS.t3 }],
  },
  {
    id: 't4',
    title: '财政拨款收入支出决算总表',
    aliases: ['财政拨款收支决算总表'],
    kind: 'summary',
    panels: [
      {
        name: '收入',
        columns: [{ number: 1, label: '收入金额', keys: AMOUNT_KEYS }],
        rows: [
          { lineNo: 1, labels: ['一般公共预算财政拨款', '一般公共预算财政拨款收入'] },
          { lineNo: 2, labels: ['政府性基金预算财政拨款', '政府性基金预算财政拨款收入'] },
          { lineNo: 3, labels: ['国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入'] },
          { lineNo: 27, labels: ['本年收入合计'] },
          { lineNo: 28, labels: ['年初财政拨款结转和结余', '年初结转和结余'] },
          { lineNo: 29, labels: ['一般公共预算财政拨款'] },
          { lineNo: 30, labels: ['政府性基金预算财政拨款'] },
          { lineNo: 31, labels: ['国有资本经营预算财政拨款'] },
          { lineNo: 32, labels: ['总计', '收入总计'] },
        ],
      },
      {
        name: '支出',
        columns: [
          { number: 2, label: '合计', keys: ['合计', '小计'] },
          { number: 3, label: '一般公共预算财政拨款', keys: ['一般公共预算财政拨款', '一般公共预算'] },
          { number: 4, label: '政府性基金预算财政拨款', keys: ['政府性基金预算财政拨款', '政府性基金预算'] },
          {
            number: 5,
            label: '国有资本经营预算财政拨款',
            keys: ['国有资本经营预算财政拨款', '国有资本经营预算'],
          },
        ],
        rows: [
          ...expenseRows(33),
          { lineNo: 59, labels: ['本年支出合计'] },
          { lineNo: 60, labels: ['年末财政拨款结转和结余', '年末结转和结余'] },
          { lineNo: 64, labels: ['总计', '支出总计'] },
        ],
      },
    ],
  },
  {
    id: 't5',
    title: '一般公共预算财政拨款支出决算表',
    aliases: ['一般公共预算财政拨款收入支出决算表'],
    kind: 'coded',
    panels: [{ name: '', columns: FUNCTIONAL_COLUMNS.t5 }],
  },
  {
    id: 't6',
    title: '一般公共预算财政拨款基本支出决算表',
    aliases: ['一般公共预算财政拨款基本支出决算明细表'],
    kind: 'economic',
    panels: [
      { name: '人员经费', columns: [{ number: 1, label: '决算数', keys: AMOUNT_KEYS }] },
      { name: '公用经费', columns: [{ number: 1, label: '决算数', keys: AMOUNT_KEYS }] },
    ],
  },
  {
    id: 't7',
    title: '政府性基金预算财政拨款收入支出决算表',
    aliases: ['政府性基金预算财政拨款支出决算表'],
    kind: 'coded',
    panels: [{ name: '', columns: FUNCTIONAL_COLUMNS.t7 }],
  },
  {
    id: 't8',
    title: '国有资本经营预算财政拨款支出决算表',
    aliases: ['国有资本经营预算财政拨款收入支出决算表'],
    kind: 'coded',
    panels: [{ name: '', columns: FUNCTIONAL_COLUMNS.t8 }],
  },
  {
    id: 't9',
    title: '财政拨款“三公”经费支出决算表',
    aliases: ['一般公共预算财政拨款“三公”经费支出决算表', '“三公”经费及会议费、培训费支出决算表'],
    kind: 'three-public',
    panels: [{ name: '', columns: threePublicColumns() }],
  },
];

/** Phrases that declare a table empty (本表本年度无发生额 / …故本表无数据). */
export const EMPTY_TABLE_PHRASES: readonly string[] = ['无发生额', '本表无数据', '本表为空', '本表为空表'];

/** Header cells that name the code columns of coded tables. */
export const CODE_HEADERS: readonly string[] = [
  '科目编码',
  '功能分类科目编码',
  '支出功能分类科目编码',
  '经济分类科目编码',
  '支出经济分类科目编码',
  '功能分类',
  '支出功能分类',
  '经济分类',
  '编码',
  '类',
  '款',
  '项',
];

export const NAME_HEADERS: readonly string[] = ['科目名称', '项目', '名称'];

export const LINE_NO_HEADERS: readonly string[] = ['行次'];

/** Words that make a line a header line in any table (besides the table's own column keys). */
export const GENERIC_HEADERS: readonly string[] = [
  ...CODE_HEADERS,
  ...NAME_HEADERS,
  ...LINE_NO_HEADERS,
  '栏次',
  '收入',
  '支出',
  '人员经费',
  '公用经费',
  '本年支出',
  '财政拨款三公经费',
  ...AMOUNT_KEYS,
];

/** Labels of the total rows of 表6. */
export const ECONOMIC_TOTALS: Readonly<Record<string, string>> = {
  人员经费合计: 'personnel-total',
  人员经费小计: 'personnel-total',
  公用经费合计: 'public-total',
  公用经费小计: 'public-total',
};

/** Labels of the 合计 row of coded tables. */
export const TOTAL_LABELS: readonly string[] = ['合计', '总计', '合计数'];

export function templateOf(id: TableId): TableTemplate {
  const t = FINAL_ACCOUNTS_TEMPLATE.find((x) => x.id === id);
  if (!t) throw new Error(`no template for ${id}`);
  return t;
}
