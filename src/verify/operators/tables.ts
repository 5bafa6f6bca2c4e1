import { z } from 'zod';
import type { Evidence, LocalizedText } from '#domain/finding.ts';
import {
  add,
  canBeLessOrEqual,
  formatFixed,
  intervalOf,
  overlaps,
  point,
  valueIn,
  type Interval,
} from '#domain/quantity.ts';
import type { ExtractedTable, TableRow } from '#domain/table.ts';
import {
  cellEvidence,
  cellKey,
  describeCell,
  resolveRefs,
  type EvalContext,
  type ResolvedCell,
} from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { RefListSchema } from '../refs.ts';
import type { Rule } from '../rule.schema.ts';

/** Sum of resolved cells as an interval; unprinted rows count as zero. */
interface Side {
  cells: ResolvedCell[];
  interval: Interval;
  printed: bigint;
  decimals: number;
}

function side(cells: ResolvedCell[]): Side {
  let interval = point(0n);
  let printed = 0n;
  let decimals = 0;
  for (const rc of cells) {
    const fig = rc.cell?.figure;
    if (!fig) continue;
    interval = add(interval, intervalOf(fig, rc.table.unit));
    printed += valueIn(fig, rc.table.unit);
    decimals = Math.max(decimals, Math.min(fig.decimals, 2));
  }
  return { cells, interval, printed, decimals: decimals || 2 };
}

function evidenceOf(cells: ResolvedCell[]): Evidence[] {
  return cells.filter((c) => c.cell).map(cellEvidence);
}

type Relation = 'eq' | 'le';

/**
 * Compares two sides. `eq`: the intervals must meet; `exact`: the printed values must be equal (for a
 * figure printed twice: the same fact prints the same). `le`: left can be ≤ right.
 */
function compare(
  rule: Rule,
  left: Side,
  right: Side,
  relation: Relation,
  exact: boolean,
  what: LocalizedText,
): RuleResult {
  const dec = Math.max(left.decimals, right.decimals);
  const shown = { expected: formatFixed(right.printed, dec), reported: formatFixed(left.printed, dec) };
  const where = left.cells.find((c) => c.cell) ?? left.cells[0];
  const loc = where ? describeCell(where) : { zh: '', en: '' };
  const evidence = [...evidenceOf(left.cells), ...evidenceOf(right.cells)];
  let holds: boolean;
  if (relation === 'le') holds = canBeLessOrEqual(left.interval, right.interval);
  else if (exact) holds = left.printed === right.printed;
  else holds = overlaps(left.interval, right.interval);
  if (!holds) {
    const rel =
      relation === 'le' ? { zh: '不应大于', en: 'must not exceed' } : { zh: '应为', en: 'should be' };
    return {
      status: 'failed',
      report: {
        message: {
          zh: `${loc.zh}：${what.zh}，${rel.zh} ${shown.expected}，实际为 ${shown.reported}`,
          en: `${loc.en}: ${what.en}; ${rel.en} ${shown.expected}, printed ${shown.reported}`,
        },
        ...shown,
        evidence,
      },
    };
  }
  if (relation === 'eq' && left.printed !== right.printed) {
    return {
      status: 'passed',
      report: {
        severity: 'info',
        message: {
          zh: `${loc.zh}：${what.zh}，相差 ${formatFixed(left.printed - right.printed, dec)}，在尾数误差范围内`,
          en: `${loc.en}: ${what.en}; differs by ${formatFixed(left.printed - right.printed, dec)}, within rounding`,
        },
        ...shown,
        evidence,
      },
    };
  }
  return { status: 'passed' };
}

const relationOp = defineOperator({
  params: z.object({
    left: RefListSchema,
    right: RefListSchema,
    relation: z.enum(['eq', 'le']).default('eq'),
    exact: z.boolean().default(false),
  }),
  run(rule, p, ctx) {
    const l = resolveRefs(ctx, p.left);
    if (!l.ok) return [notApplicable(l.reason)];
    const r = resolveRefs(ctx, p.right);
    if (!r.ok) return [notApplicable(r.reason)];
    if (!l.cells.some((c) => c.cell)) {
      return [notApplicable({ zh: `未找到 ${p.left.join('、')}`, en: `${p.left.join(', ')} not printed` })];
    }
    if (p.exact && ctx.trace) {
      for (const c of [...l.cells, ...r.cells])
        if (c.cell) ctx.trace.exact.add(cellKey(c.table.id, c.rowKey, c.column));
    }
    return [compare(rule, side(l.cells), side(r.cells), p.relation, p.exact, rule.title)];
  },
});

function cellsOfRow(
  ctx: EvalContext,
  table: ExtractedTable,
  row: TableRow,
  columns: number[],
): ResolvedCell[] {
  return columns.map((column) => {
    const cell = row.cells.find((c) => c.column === column);
    if (cell) ctx.trace?.cells.add(cellKey(table.id, row.key, column));
    return { table, rowKey: row.key, row, column, cell };
  });
}

const ColumnList = z.array(z.number().int().positive()).min(1);

/** For every row of a table (or the listed rows): column `total` = Σ columns `parts`. */
const eachRowOp = defineOperator({
  params: z.object({
    table: z.enum(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']),
    rows: z.array(z.string()).optional(),
    total: z.number().int().positive(),
    parts: ColumnList,
    /** Columns subtracted from the parts side (年末 = 年初 + 收入 − 支出). */
    minus: z.array(z.number().int().positive()).default([]),
  }),
  run(rule, p, ctx) {
    const table = ctx.table(p.table);
    if (!table) return [notApplicable(missingTable(p.table))];
    const rows = p.rows ? table.rows.filter((r) => p.rows?.includes(r.key)) : table.rows;
    const results: RuleResult[] = [];
    for (const row of rows) {
      const total = cellsOfRow(ctx, table, row, [p.total]);
      if (!total[0]?.cell) continue;
      const plus = side(cellsOfRow(ctx, table, row, p.parts));
      const minus = side(cellsOfRow(ctx, table, row, p.minus));
      const right: Side = {
        cells: [...plus.cells, ...minus.cells],
        interval: { lo: plus.interval.lo - minus.interval.hi, hi: plus.interval.hi - minus.interval.lo },
        printed: plus.printed - minus.printed,
        decimals: Math.max(plus.decimals, minus.decimals),
      };
      results.push(compare(rule, side(total), right, 'eq', false, rule.title));
    }
    if (results.length === 0) {
      return [
        notApplicable({ zh: '表中没有可核对的行', en: 'no row of the table carries the total column' }),
      ];
    }
    return results;
  },
});

/**
 * The 类/款/项 hierarchy of a functionally or economically coded table, for each listed column:
 * 合计 = Σ 类 (when `total` is set), 类 = Σ its 款, 款 = Σ its 项. Only printed children are summed;
 * a parent with no printed children is a leaf.
 */
const hierarchyOp = defineOperator({
  params: z.object({
    table: z.enum(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9']),
    columns: ColumnList,
    total: z.string().optional(),
    /** Code lengths of the levels, outermost first. */
    levels: z.array(z.number().int().positive()).default([3, 5, 7]),
    /** Restrict to codes starting with one of these (e.g. the 人员经费 classes of 表6). */
    within: z.array(z.string()).optional(),
  }),
  run(rule, p, ctx) {
    const table = ctx.table(p.table);
    if (!table) return [notApplicable(missingTable(p.table))];
    const coded = table.rows.filter(
      (r) =>
        r.code &&
        p.levels.includes(r.code.length) &&
        (!p.within || p.within.some((w) => r.code?.startsWith(w))),
    );
    if (coded.length === 0) {
      return [notApplicable({ zh: '表中没有带科目编码的行', en: 'no coded rows in the table' })];
    }
    const results: RuleResult[] = [];
    const groups: { parent: TableRow; children: TableRow[] }[] = [];
    const top = p.levels[0] ?? 3;
    if (p.total) {
      const totalRow = table.rows.find((r) => r.key === p.total);
      if (totalRow) groups.push({ parent: totalRow, children: coded.filter((r) => r.code?.length === top) });
    }
    for (let i = 0; i + 1 < p.levels.length; i++) {
      const len = p.levels[i];
      const childLen = p.levels[i + 1];
      for (const parent of coded.filter((r) => r.code?.length === len)) {
        const children = coded.filter(
          (r) => r.code !== undefined && r.code.length === childLen && r.code.startsWith(parent.code ?? '-'),
        );
        if (children.length > 0) groups.push({ parent, children });
      }
    }
    for (const { parent, children } of groups) {
      for (const column of p.columns) {
        const total = cellsOfRow(ctx, table, parent, [column]);
        if (!total[0]?.cell) continue;
        const parts = children.flatMap((c) => cellsOfRow(ctx, table, c, [column]));
        results.push(compare(rule, side(total), side(parts), 'eq', false, rule.title));
      }
    }
    if (results.length === 0) {
      return [notApplicable({ zh: '没有可核对的上下级科目', en: 'no parent row with printed children' })];
    }
    return results;
  },
});

function missingTable(id: string): LocalizedText {
  return { zh: `文档中未识别到表 ${id}`, en: `table ${id} not found in the document` };
}

export const tableOperators: Record<string, Operator> = {
  relation: relationOp,
  'each-row': eachRowOp,
  hierarchy: hierarchyOp,
};
