import type { Dataset, DatasetRow, DatasetTable } from '#compile/dataset.ts';
import type { BodyCell, HeaderCell, TableBlock } from '#compile/model.ts';
import {
  FINAL_ACCOUNTS_TEMPLATE,
  THREE_PUBLIC_CATEGORIES,
  THREE_PUBLIC_KINDS,
  type TableTemplate,
  type TemplatePanel,
  type TemplateRow,
} from '#domain/final-accounts-template.ts';
import { formatFixed, parseFigure, type Unit } from '#domain/quantity.ts';
import { tableNumber, type TableId } from '#domain/table.ts';

/**
 * The nine tables of a dataset as the national template prints them (final-accounts-template.md §2): the
 * header grid with its merged cells and 栏次 row, the body rows in template order, amounts with thousands
 * separators. The layout is the one gongkai's own extractor reads back (src/extract/tables), so a compiled
 * document can be checked exactly like a published one.
 */

/** A dataset table the template has no place for (a row or a column it does not print). */
export class LayoutError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'LayoutError';
  }
}

/** Printed decimals of every amount: the template prints 万元 (and 元) to the fen. */
const PRINT_DECIMALS = 2;

/** Tables wider than this many grid columns go on landscape pages, as published documents print them. */
export const LANDSCAPE_MIN_COLUMNS = 7;

export function isLandscape(table: Pick<TableBlock, 'columns'>): boolean {
  return table.columns >= LANDSCAPE_MIN_COLUMNS;
}

const UNIT_LABELS: Record<Dataset['unit'], string> = { 'wan-yuan': '万元', yuan: '元' };

/** A header column: a leaf, or a merged cell over the columns of its children. */
interface Column {
  text: string;
  children?: readonly Column[];
}

const leaf = (text: string): Column => ({ text });
const group = (text: string, children: readonly Column[]): Column => ({ text, children });

function leafCount(c: Column): number {
  return c.children ? c.children.reduce((n, x) => n + leafCount(x), 0) : 1;
}

function depthOf(c: Column): number {
  return c.children ? 1 + Math.max(...c.children.map(depthOf)) : 1;
}

/**
 * Header rows from a column tree: a group spans its leaves; a leaf reaches down to the last header row.
 * Cells are listed in their top-left position, left to right, as the model wants them.
 */
function headerRows(top: readonly Column[]): HeaderCell[][] {
  const depth = Math.max(...top.map(depthOf));
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const walk = (c: Column, level: number): void => {
    const row = rows[level];
    if (!row) return;
    if (c.children) {
      row.push({ text: c.text, colSpan: leafCount(c), rowSpan: 1 });
      for (const child of c.children) walk(child, level + 1);
    } else {
      row.push({ text: c.text, colSpan: 1, rowSpan: depth - level });
    }
  };
  for (const c of top) walk(c, 0);
  return rows;
}

const cell = (text: string, colSpan = 1): HeaderCell => ({ text, colSpan, rowSpan: 1 });
const left = (text: string): BodyCell => ({ text, align: 'left' });
const center = (text: string, colSpan?: number): BodyCell =>
  colSpan && colSpan > 1 ? { text, align: 'center', colSpan } : { text, align: 'center' };
const right = (text: string): BodyCell => ({ text, align: 'right' });

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 21 → 二十一 (the template's ordinals run to 二十六). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CHINESE_DIGITS[tens] ?? '')}十${CHINESE_DIGITS[ones] ?? ''}`;
}

const ORDINAL_PREFIX = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])\s*/u;
const CJK = /[\u3400-\u9fff]/u;

/**
 * A label as the template prints it: Chinese text takes full-width brackets (a dataset read from a
 * document carries the NFKC half-width ones), and a fixed row of 表1/表4 its template ordinal.
 */
function printLabel(label: string, ordinal?: number): string {
  let t = label.trim();
  if (CJK.test(t)) t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  if (ordinal === undefined) return t;
  return `${chineseOrdinal(ordinal)}、${t.replace(ORDINAL_PREFIX, '')}`;
}

type Amounts = (column: number) => string;

function amountsOf(row: DatasetRow | undefined, unit: Unit, where: string, problems: string[]): Amounts {
  return (column) => {
    const text = row?.cells[String(column)];
    if (text === undefined) return '';
    const f = parseFigure(text, unit);
    if (!f) {
      problems.push(`${where}.c${column}: "${text}" is not an amount`);
      return '';
    }
    return formatFixed(f.value, Math.max(PRINT_DECIMALS, f.decimals));
  };
}

/** Cells of a row that the table has no column for. */
function strayColumns(row: DatasetRow, allowed: readonly number[], where: string, problems: string[]): void {
  for (const c of Object.keys(row.cells)) {
    if (!allowed.includes(Number(c))) problems.push(`${where}: no column ${c} in this table`);
  }
}

function rowsOf(table: DatasetTable): readonly DatasetRow[] {
  return 'rows' in table ? table.rows : [];
}

function noteOf(table: DatasetTable): string | undefined {
  const note = table.note?.trim();
  if (!note) return undefined;
  return /^(?:注|说明|备注)/u.test(note) ? note : `注：${note}`;
}

interface Layout {
  top: readonly Column[];
  /** The 栏次 row under the header; none for 表6, which the template prints without one. */
  steps?: HeaderCell[];
  body: BodyCell[][];
}

// ———— 表1, 表4: 收入 | 支出, rows paired by 行次 ————

/** 本年收入合计 in both 表1 and 表4. */
const INCOME_TOTAL_LINE = 27;

/** 行次 → ordinal: the income rows before 本年收入合计 and the 功能分类 class rows are numbered 一、二、… */
function ordinals(panel: TemplatePanel): Map<number, number> {
  const out = new Map<number, number>();
  let n = 0;
  for (const r of panel.rows ?? []) {
    if (r.classCode !== undefined || r.lineNo < INCOME_TOTAL_LINE) out.set(r.lineNo, ++n);
  }
  return out;
}

function summaryLayout(tpl: TableTemplate, table: DatasetTable, unit: Unit, problems: string[]): Layout {
  const [income, expense] = tpl.panels;
  if (!income || !expense) throw new Error(`${tpl.id}: a summary table has two panels`);
  const expenseFirst = Math.min(...(expense.rows ?? []).map((r) => r.lineNo));
  const expenseLast = Math.max(...(expense.rows ?? []).map((r) => r.lineNo));
  const lines = expenseFirst - 1;
  const byLine = new Map<number, DatasetRow>();
  const panelOf = (lineNo: number): TemplatePanel | undefined =>
    lineNo >= 1 && lineNo <= lines
      ? income
      : lineNo >= expenseFirst && lineNo <= expenseLast
        ? expense
        : undefined;
  for (const row of rowsOf(table)) {
    const where = `${tpl.id}[${row.key}]`;
    const lineNo = /^\d+$/.test(row.key) ? Number(row.key) : NaN;
    const panel = panelOf(lineNo);
    if (!panel || !(panel.rows ?? []).some((r) => r.lineNo === lineNo)) {
      problems.push(`${where}: not a 行次 the template prints`);
      continue;
    }
    strayColumns(
      row,
      panel.columns.map((c) => c.number),
      where,
      problems,
    );
    byLine.set(lineNo, row);
  }
  const ordinal = new Map([...ordinals(income), ...ordinals(expense)]);
  const side = (panel: TemplatePanel, lineNo: number): BodyCell[] => {
    const t: TemplateRow | undefined = panel.rows?.find((r) => r.lineNo === lineNo);
    const row = byLine.get(lineNo);
    const label = t ? printLabel(row?.label || (t.labels[0] ?? ''), ordinal.get(lineNo)) : '';
    const amount = amountsOf(row, unit, `${tpl.id}[${lineNo}]`, problems);
    return [left(label), center(String(lineNo)), ...panel.columns.map((c) => right(amount(c.number)))];
  };
  const body: BodyCell[][] = [];
  for (let i = 0; i < lines; i++) body.push([...side(income, i + 1), ...side(expense, expenseFirst + i)]);

  const amountHeader = tpl.id === 't1' ? '决算数' : '金额';
  const expenseColumns =
    expense.columns.length === 1 ? [leaf('决算数')] : expense.columns.map((c) => leaf(c.label));
  const stepCells = (panel: TemplatePanel): HeaderCell[] => [
    cell('栏次'),
    cell(''),
    ...panel.columns.map((c) => cell(String(c.number))),
  ];
  return {
    top: [
      group(income.name, [leaf('项目'), leaf('行次'), leaf(amountHeader)]),
      group(expense.name, [leaf('项目'), leaf('行次'), ...expenseColumns]),
    ],
    steps: [...stepCells(income), ...stepCells(expense)],
    body,
  };
}

// ———— 表2, 表3, 表5, 表7, 表8: rows by 功能分类 code ————

const ITEM = group('项目', [leaf('功能分类科目编码'), leaf('科目名称')]);
const SPENDING = group('本年支出', [leaf('小计'), leaf('基本支出'), leaf('项目支出')]);

/** The figure columns of each coded table, left to right in 栏次 order (1, 2, 3 …). */
const CODED_COLUMNS: Partial<Record<TableId, readonly Column[]>> = {
  t7: [leaf('年初结转和结余'), leaf('本年收入'), SPENDING, leaf('年末结转和结余')],
  // The national 表8 has 栏次 1–3 only; the template's 4–6 belong to Shanghai's 收入支出 variant.
  t8: [SPENDING],
};

const CODE_RE = /^(?:\d{3}|\d{5}|\d{7})$/;

function codedLayout(tpl: TableTemplate, table: DatasetTable, unit: Unit, problems: string[]): Layout {
  const figures = CODED_COLUMNS[tpl.id] ?? (tpl.panels[0]?.columns ?? []).map((c) => leaf(c.label));
  const width = figures.reduce((n, c) => n + leafCount(c), 0);
  const numbers = Array.from({ length: width }, (_, i) => i + 1);
  const rows = rowsOf(table);
  const total = rows.find((r) => r.key === 'total');
  const body: BodyCell[][] = [];
  const amounts = (row: DatasetRow | undefined, where: string): BodyCell[] => {
    const amount = amountsOf(row, unit, where, problems);
    return numbers.map((n) => right(amount(n)));
  };
  body.push([center(total?.label.trim() || '合计', 2), ...amounts(total, `${tpl.id}[total]`)]);
  for (const row of rows) {
    const where = `${tpl.id}[${row.key}]`;
    strayColumns(row, numbers, where, problems);
    if (row === total) continue;
    if (!CODE_RE.test(row.key)) {
      problems.push(`${where}: a row of this table is keyed by a 3-, 5- or 7-digit code or "total"`);
      continue;
    }
    body.push([left(row.key), left(printLabel(row.label)), ...amounts(row, where)]);
  }
  return {
    top: [ITEM, ...figures],
    steps: [cell('栏次', 2), ...numbers.map((n) => cell(String(n)))],
    body,
  };
}

// ———— 表6: 人员经费 | 公用经费, by 经济分类 code ————

/** 人员经费 are the classes 301 and 303; every other class is 公用经费. */
const PERSONNEL_CLASSES = new Set(['301', '303']);
const ECONOMIC_CODE_RE = /^(?:\d{3}|\d{5})$/;
const ECONOMIC_TOTALS = { personnel: 'personnel-total', public: 'public-total' } as const;

function economicLayout(tpl: TableTemplate, table: DatasetTable, unit: Unit, problems: string[]): Layout {
  const personnel: DatasetRow[] = [];
  const publicRows: DatasetRow[] = [];
  const totals = new Map<string, DatasetRow>();
  for (const row of rowsOf(table)) {
    const where = `${tpl.id}[${row.key}]`;
    strayColumns(row, [1], where, problems);
    if (row.key === ECONOMIC_TOTALS.personnel || row.key === ECONOMIC_TOTALS.public) totals.set(row.key, row);
    else if (!ECONOMIC_CODE_RE.test(row.key))
      problems.push(`${where}: a row of 表6 is keyed by a 3- or 5-digit economic code or a total`);
    else (PERSONNEL_CLASSES.has(row.key.slice(0, 3)) ? personnel : publicRows).push(row);
  }
  const side = (row: DatasetRow | undefined): BodyCell[] =>
    row
      ? [
          left(row.key),
          left(printLabel(row.label)),
          right(amountsOf(row, unit, `t6[${row.key}]`, problems)(1)),
        ]
      : [left(''), left(''), right('')];
  const body: BodyCell[][] = [];
  for (let i = 0; i < Math.max(personnel.length, publicRows.length); i++) {
    body.push([...side(personnel[i]), ...side(publicRows[i])]);
  }
  const empty = !('rows' in table);
  const totalSide = (key: string, label: string): BodyCell[] => {
    const row = totals.get(key);
    if (!row && !empty) return [center('', 2), right('')];
    return [center(row?.label.trim() || label, 2), right(amountsOf(row, unit, `t6[${key}]`, problems)(1))];
  };
  if (totals.size > 0 || empty) {
    body.push([
      ...totalSide(ECONOMIC_TOTALS.personnel, '人员经费合计'),
      ...totalSide(ECONOMIC_TOTALS.public, '公用经费合计'),
    ]);
  }
  const panel = (name: string): Column =>
    group(name, [leaf('经济分类科目编码'), leaf('科目名称'), leaf('决算数')]);
  return { top: tpl.panels.map((p) => panel(p.name)), body };
}

// ———— 表9: 预算数 | 决算数, one row ————

function threePublicLayout(tpl: TableTemplate, table: DatasetTable, unit: Unit, problems: string[]): Layout {
  const rows = rowsOf(table);
  if (rows.length > 1) problems.push(`${tpl.id}: the table has one row, the dataset gives ${rows.length}`);
  const row = rows[0];
  const numbers = Array.from({ length: 12 }, (_, i) => i + 1);
  if (row) strayColumns(row, numbers, `${tpl.id}[${row.key}]`, problems);
  const amount = amountsOf(row, unit, `${tpl.id}[row]`, problems);
  const label = (n: number): string => THREE_PUBLIC_CATEGORIES.find((c) => c.number === n)?.label ?? '';
  const categories: Column[] = [
    leaf(label(1)),
    leaf(label(2)),
    group('公务用车购置及运行维护费', [leaf('小计'), leaf(label(4)), leaf(label(5))]),
    leaf(label(6)),
  ];
  return {
    top: THREE_PUBLIC_KINDS.map((k) => group(k.label, categories)),
    steps: numbers.map((n) => cell(String(n))),
    body: [numbers.map((n) => right(amount(n)))],
  };
}

const LAYOUTS: Record<
  TableTemplate['kind'],
  (tpl: TableTemplate, table: DatasetTable, unit: Unit, problems: string[]) => Layout
> = {
  summary: summaryLayout,
  coded: codedLayout,
  economic: economicLayout,
  'three-public': threePublicLayout,
};

/** One table of the dataset as the template prints it; collects what it cannot place into `problems`. */
function tableBlock(ds: Dataset, tpl: TableTemplate, problems: string[]): TableBlock {
  const table = ds.tables[tpl.id];
  const keys = new Set<string>();
  for (const row of rowsOf(table)) {
    if (keys.has(row.key)) problems.push(`${tpl.id}[${row.key}]: the row appears twice`);
    keys.add(row.key);
  }
  const layout = LAYOUTS[tpl.kind](tpl, table, ds.unit, problems);
  const header = headerRows(layout.top);
  if (layout.steps) header.push(layout.steps);
  const note = noteOf(table);
  return {
    id: tpl.id,
    number: tableNumber(tpl.id),
    title: tpl.title,
    org: `部门：${ds.org}`,
    unit: `单位：${UNIT_LABELS[ds.unit]}`,
    columns: layout.top.reduce((n, c) => n + leafCount(c), 0),
    header,
    body: layout.body,
    ...(note ? { note } : {}),
  };
}

/**
 * The nine tables of a dataset in template order, each with its header grid (merged cells, 栏次 row), its
 * body (表1/表4 paired by 行次, coded tables 合计 first, 表6 side by side with its totals last) and note.
 * An empty table prints its skeleton (fixed rows, 合计, totals) with blank amounts. Throws a LayoutError
 * naming every row or column the template has no place for.
 */
export function tableBlocks(ds: Dataset): TableBlock[] {
  const problems: string[] = [];
  const blocks = FINAL_ACCOUNTS_TEMPLATE.map((tpl) => tableBlock(ds, tpl, problems));
  if (problems.length > 0) throw new LayoutError(problems);
  return blocks;
}

/** A header cell at its grid position. */
export interface PlacedCell extends HeaderCell {
  row: number;
  col: number;
}

/**
 * Where every header cell sits, resolving spans as an HTML table does: a row's cells fill the columns left
 * free by cells reaching down from above. Throws on overlap or overflow (a layout bug).
 */
export function placeHeader(table: Pick<TableBlock, 'id' | 'header' | 'columns'>): PlacedCell[] {
  const rows = table.header.length;
  const taken = Array.from({ length: rows }, () => Array.from({ length: table.columns }, () => false));
  const placed: PlacedCell[] = [];
  table.header.forEach((cells, r) => {
    let c = 0;
    for (const h of cells) {
      while (c < table.columns && taken[r]?.[c]) c++;
      if (c + h.colSpan > table.columns || r + h.rowSpan > rows) {
        throw new Error(`${table.id}: header cell "${h.text}" overflows the grid`);
      }
      for (let dr = 0; dr < h.rowSpan; dr++) {
        for (let dc = 0; dc < h.colSpan; dc++) {
          const line = taken[r + dr];
          if (!line || line[c + dc]) throw new Error(`${table.id}: header cell "${h.text}" overlaps another`);
          line[c + dc] = true;
        }
      }
      placed.push({ ...h, row: r, col: c });
      c += h.colSpan;
    }
  });
  return placed;
}

/** The header as a full grid of texts: a merged cell's text at its top-left, "" where it reaches. */
export function headerGrid(table: Pick<TableBlock, 'id' | 'header' | 'columns'>): string[][] {
  const grid = table.header.map(() => Array.from({ length: table.columns }, () => ''));
  for (const p of placeHeader(table)) {
    const row = grid[p.row];
    if (row) row[p.col] = p.text;
  }
  return grid;
}

/** A body row as a full grid row: a spanning cell's text in its first column, "" in the others. */
export function bodyGridRow(row: readonly BodyCell[]): string[] {
  return row.flatMap((c) => [c.text, ...Array.from({ length: (c.colSpan ?? 1) - 1 }, () => '')]);
}
