import type { TableId } from '#domain/table.ts';

/**
 * A compiled disclosure before it becomes a file: the blocks every renderer (text, HTML → PDF, DOCX, XLSX)
 * draws in order. Tables carry their full header grid with merged cells, so each format merges the same way.
 */
export interface CompiledDocument {
  /** "广州市荔湾区政务服务数据管理局2024年度部门决算". */
  title: string;
  org: string;
  year: number;
  /** Generated although the checks found errors (an explicit override): every format says so on page one. */
  unchecked: boolean;
  blocks: Block[];
}

export type Block =
  /** 1: 第一部分…; 2: 一、…; 3: （一）… */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: TableBlock }
  | { kind: 'page-break' };

export interface TableBlock {
  id: TableId;
  /** "表1". */
  number: string;
  /** The template title: "收入支出决算总表". */
  title: string;
  /** "部门：广州市…局". */
  org: string;
  /** "单位：万元". */
  unit: string;
  /** Grid width in columns. */
  columns: number;
  /** Header rows top to bottom; a merged cell appears once, in its top-left position. */
  header: HeaderCell[][];
  body: BodyCell[][];
  /** "注：…" under the table. */
  note?: string;
}

export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface BodyCell {
  text: string;
  align: 'left' | 'center' | 'right';
  colSpan?: number;
}
