import type ExcelJS from 'exceljs';
import type { Dataset, DatasetTable } from '#compile/dataset.ts';
import { tableBlocks } from '#compile/layout.ts';
import type { BodyCell, TableBlock } from '#compile/model.ts';
import { FINAL_ACCOUNTS_TEMPLATE } from '#domain/final-accounts-template.ts';
import type { TableId } from '#domain/table.ts';
import { addTableSheet, newWorkbook, workbookBytes } from './render-xlsx.ts';

/**
 * An empty workbook to fill in: the nine tables exactly as a compiled disclosure prints them (the layout's
 * own header grids, 栏次 rows and fixed rows of 表1/表4), blank rows to fill in the coded tables and 表6,
 * and a 说明 sheet. `importWorkbook` reads it back.
 */

export interface TemplateOptions {
  org?: string;
  year?: number;
}

/** Blank rows under 合计 in 表2/3/5/7/8, and beside each other in 表6 (Excel inserts more if needed). */
export const BLANK_CODED_ROWS = 60;
export const BLANK_ECONOMIC_ROWS = 100;

const CODED: ReadonlySet<TableId> = new Set(['t2', 't3', 't5', 't7', 't8']);

const GUIDE: readonly (readonly [string, string])[] = [
  ['部门决算公开数据填报模板', ''],
  ['', ''],
  [
    '一、这是什么',
    '本工作簿用于填报部门决算公开的九张决算表。填好后用 gongkai 导入，即可检查勾稽关系并生成公开文本。',
  ],
  [
    '二、总体要求',
    '每张表一个工作表。请勿改动表头、栏次行和表1、表4的行次；可以在表内插入行，但不要删除或移动表头。',
  ],
  [
    '三、部门、年度和单位',
    '在每张表“部门：”后填写部门全称，在表号行右侧填写年度（如“2024年度”），九张表须一致。金额单位见“单位：”，默认为万元；如按元填报，请把九张表都改为“单位：元”。',
  ],
  [
    '四、金额',
    '金额栏只填数字（可带千分位，如 3,193.39），按打印口径保留两位小数；不填视为 0。请勿填写文字、空格以外的符号或公式错误值。公式可以使用，但须在 Excel 或 WPS 中保存后再导入。',
  ],
  ['五、表1、表4', '项目和行次已预先列出，只在金额栏填数即可；空白行次不填。'],
  [
    '六、表2、表3、表5、表7、表8',
    '按支出功能分类科目填列。第一行为“合计”；以下每行一个科目：科目编码只填数字（类3位、款5位、项7位），再填科目名称和各栏金额。类、款、项都要列出，按先类、后款、再项的顺序排列。',
  ],
  [
    '七、表6',
    '左侧填人员经费（301工资福利支出、303对个人和家庭的补助及其款级科目），右侧填公用经费（302商品和服务支出、307、310、399等类及其款级科目），经济分类科目编码只填数字。最后一行分别填人员经费合计和公用经费合计。',
  ],
  ['八、表9', '只有一行：第1—6栏为预算数（调整后的全年预算），第7—12栏为决算数。'],
  [
    '九、无数据的表',
    '某张表本年度没有发生额时，合计行填 0 或留空，并在表格下方第一列写上“本表本年度无发生额。”。',
  ],
  [
    '十、导入检查',
    '导入时逐表、逐行检查。发现任何问题（如金额栏填了文字、缺少工作表、未知栏次、编码含非数字）都会列出工作表名、行号和列号，且不导入任何数据；全部改正后再导入。',
  ],
  [
    '十一、旧版文件',
    '旧版 .xls 文件需要先转换（导入时如装有 LibreOffice 会自动转换）；建议在 Excel 或 WPS 中另存为 .xlsx 再导入。',
  ],
];

/** A dataset with nothing in it: the layout then prints each table's skeleton with blank amounts. */
function skeleton(opts: TemplateOptions): Dataset {
  const total = (label: string, key = 'total') => ({ key, label, cells: {} });
  const table = (id: TableId): DatasetTable => {
    if (CODED.has(id)) return { rows: [total('合计')] };
    if (id === 't6')
      return { rows: [total('人员经费合计', 'personnel-total'), total('公用经费合计', 'public-total')] };
    return { rows: [] };
  };
  return {
    kind: 'final-accounts',
    org: opts.org ?? '',
    year: opts.year ?? 0,
    unit: 'wan-yuan',
    profile: {},
    tables: Object.fromEntries(FINAL_ACCOUNTS_TEMPLATE.map((t) => [t.id, table(t.id)])) as Dataset['tables'],
    reasons: {},
  };
}

function blankRows(count: number, aligns: readonly BodyCell['align'][]): BodyCell[][] {
  return Array.from({ length: count }, () => aligns.map((align) => ({ text: '', align })));
}

/** The layout's skeleton with rows to fill: after 合计 in coded tables, before the totals in 表6. */
function withBlankRows(block: TableBlock): TableBlock {
  if (CODED.has(block.id)) {
    const [total, ...rest] = block.body;
    const aligns = [
      'left',
      'left',
      ...Array.from({ length: block.columns - 2 }, () => 'right' as const),
    ] as const;
    const blank = blankRows(BLANK_CODED_ROWS, aligns);
    return { ...block, body: [...(total ? [total] : []), ...blank, ...rest] };
  }
  if (block.id === 't6') {
    const blank = blankRows(BLANK_ECONOMIC_ROWS, ['left', 'left', 'right', 'left', 'left', 'right']);
    return { ...block, body: [...block.body.slice(0, -1), ...blank, ...block.body.slice(-1)] };
  }
  return block;
}

/** Columns that hold codes: formatted as text, so 2010301 stays a code and 03 keeps its zero. */
function codeColumns(id: TableId): number[] {
  if (CODED.has(id)) return [1];
  if (id === 't6') return [1, 4];
  return [];
}

function addGuide(wb: ExcelJS.Workbook): void {
  const sheet = wb.addWorksheet('说明');
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 90;
  GUIDE.forEach(([head, text], i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = head || null;
    row.getCell(2).value = text || null;
    row.getCell(1).font = { name: '黑体', size: i === 0 ? 16 : 11 };
    row.getCell(2).font = { name: '宋体', size: 11 };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    if (text) row.height = Math.max(18, 16 * Math.ceil(text.length / 44));
  });
}

/**
 * The fill-in workbook: a 说明 sheet, then the nine tables in the layout `importWorkbook` accepts. With
 * `org` and `year` the 部门 and 年度 cells are filled in; otherwise they are left for the department.
 */
export async function templateWorkbook(opts: TemplateOptions = {}): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.title = '部门决算公开数据填报模板';
  addGuide(wb);
  for (const block of tableBlocks(skeleton(opts))) {
    const table = withBlankRows(block);
    const { sheet, bodyTop, bodyEnd } = addTableSheet(wb, table, { period: `${opts.year ?? '    '}年度` });
    for (const col of codeColumns(block.id)) {
      for (let r = bodyTop; r < bodyEnd; r++) sheet.getCell(r, col).numFmt = '@';
    }
  }
  return workbookBytes(wb);
}
