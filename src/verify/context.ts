import type { DisclosureDocument } from '#domain/document.ts';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import type { IndicatorTree } from '#domain/indicator-tree.ts';
import type { Figure } from '#domain/quantity.ts';
import {
  findCell,
  TABLE_NAMES,
  tableNumber,
  type Cell,
  type ExtractedTable,
  type TableId,
  type TableRow,
} from '#domain/table.ts';
import { parseRef, type CellRef } from './refs.ts';

/** One entry of a classification code table (functional or economic). */
export interface CodeEntry {
  code: string;
  name: string;
  level: number;
}

export interface CodeTables {
  functional: ReadonlyMap<string, CodeEntry>;
  economic: ReadonlyMap<string, CodeEntry>;
}

/** Everything a rule may look at. Built once per document. */
export interface EvalContext {
  doc: DisclosureDocument;
  prior?: DisclosureDocument;
  codes?: CodeTables;
  table(id: TableId): ExtractedTable | undefined;
  /** Other documents of the same organisation to check against (a self-evaluation's 部门决算). */
  related?: readonly DisclosureDocument[];
  /** The indicator systems' trees, for summing a self-evaluation's scores. */
  indicatorTrees?: readonly IndicatorTree[];
  /** When set, records every printed cell a rule looks at (for mutation testing and coverage reports). */
  trace?: CellTrace;
}

/** Cells that took part in a relation, as `table:row:column`; `exact` holds those in identity rules. */
export interface CellTrace {
  cells: Set<string>;
  exact: Set<string>;
  /** Figures of a self-evaluation that took part in a relation (by identity). */
  figures?: Set<Figure>;
}

export function cellKey(table: TableId, row: string, column: number): string {
  return `${table}:${row}:${column}`;
}

export function makeContext(
  doc: DisclosureDocument,
  prior?: DisclosureDocument,
  codes?: CodeTables,
  trace?: CellTrace,
  related?: readonly DisclosureDocument[],
): EvalContext {
  const byId = new Map(doc.tables.map((t) => [t.id, t] as const));
  return { doc, prior, codes, trace, related, table: (id) => byId.get(id) };
}

/** A referenced position; `cell` is absent when the row is not printed (templates print only rows with data). */
export interface ResolvedCell {
  table: ExtractedTable;
  rowKey: string;
  row?: TableRow;
  column: number;
  cell?: Cell;
}

/** Resolves references; the first missing table makes the whole resolution fail with its reason. */
export function resolveRefs(ctx: EvalContext, refs: readonly string[]): Resolution {
  const cells: ResolvedCell[] = [];
  for (const r of refs) {
    const res = resolve(ctx, parseRef(r));
    if (!res.ok) return res;
    cells.push(...res.cells);
  }
  return { ok: true, cells };
}

export type Resolution = { ok: true; cells: ResolvedCell[] } | { ok: false; reason: LocalizedText };

export function resolve(ctx: EvalContext, ref: CellRef): Resolution {
  const table = ctx.table(ref.table);
  if (!table) {
    const name = TABLE_NAMES[ref.table];
    return {
      ok: false,
      reason: { zh: `文档中未识别到${name.zh}`, en: `${name.en} (${ref.table}) not found in the document` },
    };
  }
  const rows: { key: string; row?: TableRow }[] =
    ref.rows.kind === 'all'
      ? table.rows.map((r) => ({ key: r.key, row: r }))
      : ref.rows.keys.map((k) => ({ key: k, row: table.rows.find((r) => r.key === k) }));
  const cells: ResolvedCell[] = [];
  for (const { key, row } of rows) {
    for (const column of ref.columns) {
      const cell = row ? findCell(row, column) : undefined;
      if (cell) ctx.trace?.cells.add(cellKey(table.id, key, column));
      cells.push({ table, rowKey: key, row, column, cell });
    }
  }
  return { ok: true, cells };
}

/** "表2 收入决算表「201 一般公共服务支出」栏1（第6页）" and its English counterpart. */
export function describeCell(rc: ResolvedCell): LocalizedText {
  const t = rc.table;
  const name = TABLE_NAMES[t.id];
  const page = rc.cell?.source.page ?? rc.row?.source.page ?? t.source.page;
  return {
    zh: `${tableNumber(t.id)} ${name.zh}「${rc.row ? rowName(rc.row, 'zh') : rc.rowKey}」栏${rc.column}（第${page}页）`,
    en: `${name.en} (${t.id}), row "${rc.row ? rowName(rc.row, 'en') : rc.rowKey}", column ${rc.column} (page ${page})`,
  };
}

/** "201 一般公共服务支出", "行27 本年收入合计" / "line 27 本年收入合计": code or 行次, then the label. */
export function rowName(row: TableRow, lang: 'zh' | 'en'): string {
  const lineNo = row.lineNo === undefined ? '' : lang === 'zh' ? `行${row.lineNo}` : `line ${row.lineNo}`;
  const prefix = row.code ?? lineNo;
  // 表9 has one unlabelled data row; name it by what it holds rather than print an empty 「」.
  const label = row.label || (row.key === 'row' ? '“三公”经费' : prefix ? '' : row.key);
  return [prefix, label].filter(Boolean).join(' ');
}

export function cellEvidence(rc: ResolvedCell): Evidence {
  const src = rc.cell?.source ?? rc.row?.source ?? rc.table.source;
  return {
    page: src.page,
    line: src.line,
    text: src.text,
    table: rc.table.id,
    row: rc.rowKey,
    column: rc.column,
  };
}
