import type { Figure, Unit } from './quantity.ts';
import type { SourceRef } from './source.ts';

/**
 * The nine standard tables of a 部门决算, under the national (Guangzhou) numbering. Documents that print
 * them in another order (Shanghai puts 三公 seventh) still map to these ids by title.
 */
export const TABLE_IDS = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface ColumnDef {
  /** 栏次 as the national template numbers it (1-based). */
  number: number;
  label: string;
}

export interface Cell {
  /** 栏次 of the column this cell belongs to. */
  column: number;
  figure: Figure;
  source: SourceRef;
}

export interface TableRow {
  /**
   * Stable key used by rules: the 行次 for 表1/表4 ("27"), the classification code for coded rows
   * ("2010301"), "total" for 合计, "personnel-total"/"public-total" in 表6, "row" for 表9's single row.
   */
  key: string;
  label: string;
  code?: string;
  /** 行次 as printed or, where the document prints none, as the national template assigns it. */
  lineNo?: number;
  cells: Cell[];
  source: SourceRef;
}

export interface ExtractedTable {
  id: TableId;
  title: string;
  /** The number the document gives the table, if any ("表1", "七"). */
  printedNumber?: string;
  unit: Unit;
  pages: number[];
  /** The document states the table has no data (本表本年度无发生额 / 无数据). */
  declaredEmpty: boolean;
  emptyNote?: SourceRef;
  columns: ColumnDef[];
  rows: TableRow[];
  source: SourceRef;
}

export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  t1: { zh: '收入支出决算总表', en: 'Revenue and expenditure summary' },
  t2: { zh: '收入决算表', en: 'Revenue table' },
  t3: { zh: '支出决算表', en: 'Expenditure table' },
  t4: { zh: '财政拨款收入支出决算总表', en: 'Fiscal appropriation summary' },
  t5: { zh: '一般公共预算财政拨款支出决算表', en: 'General public budget appropriation expenditure' },
  t6: { zh: '一般公共预算财政拨款基本支出决算表', en: 'General public budget basic expenditure' },
  t7: { zh: '政府性基金预算财政拨款收入支出决算表', en: 'Government fund appropriation' },
  t8: { zh: '国有资本经营预算财政拨款支出决算表', en: 'State capital operation appropriation' },
  t9: { zh: '财政拨款“三公”经费支出决算表', en: '"Three public expenses" table' },
};

/** "表3": the national number of a table, as messages name it. */
export function tableNumber(id: TableId): string {
  return `表${id.slice(1)}`;
}

export function findRow(table: ExtractedTable, key: string): TableRow | undefined {
  return table.rows.find((r) => r.key === key);
}

export function findCell(row: TableRow, column: number): Cell | undefined {
  return row.cells.find((c) => c.column === column);
}
