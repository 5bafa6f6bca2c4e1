import { z } from 'zod';
import { formatFixed, valueIn } from '#domain/quantity.ts';
import { cellEvidence, describeCell, type ResolvedCell } from '../context.ts';
import { defineOperator, notApplicable, type Operator, type RuleResult } from '../operator.ts';
import { parseRef } from '../refs.ts';
import {
  anyPrinted,
  ColumnListSchema,
  missingTable,
  nothingToCheck,
  RelationSchema,
  runRelation,
  TableIdSchema,
} from './support.ts';

/** Operators over the cells of one table that `tables.ts` does not cover. */

const COLUMN_SLOT = '{c}';

function fill(template: string, column: number): string {
  return template.replaceAll(COLUMN_SLOT, String(column));
}

/** A reference with a `{c}` slot for the column, e.g. `t4[33..58].c{c}`. */
const TemplateSchema = z.string().refine(
  (t) => {
    if (!t.includes(COLUMN_SLOT)) return false;
    try {
      parseRef(fill(t, 1));
      return true;
    } catch {
      return false;
    }
  },
  { message: 'a cell reference with a {c} column slot, such as t4[59].c{c}' },
);
const TemplateListSchema = z
  .union([TemplateSchema, z.array(TemplateSchema).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** The same relation column by column: T4[59,c] = Σ T4[33..58,c] for c = 2..5. */
const eachColumnOp = defineOperator({
  params: z.object({
    columns: ColumnListSchema,
    left: TemplateListSchema,
    right: TemplateListSchema,
    relation: RelationSchema,
    exact: z.boolean().default(false),
  }),
  run(rule, p, ctx) {
    for (const t of [...p.left, ...p.right]) {
      const table = parseRef(fill(t, 1)).table;
      if (!ctx.table(table)) return [notApplicable(missingTable(table))];
    }
    const results: RuleResult[] = [];
    for (const c of p.columns) {
      const left = p.left.map((t) => fill(t, c));
      const right = p.right.map((t) => fill(t, c));
      if (!anyPrinted(ctx, left)) continue;
      results.push(...runRelation(rule, ctx, left, right, p.relation, p.exact));
    }
    if (results.length === 0) {
      return nothingToCheck(
        `未找到 ${p.left.join('、')} 的任何一栏`,
        `no column of ${p.left.join(', ')} is printed`,
      );
    }
    return results;
  },
});

/** No printed amount of the table is negative (T6-4); one result per row. */
const nonNegativeOp = defineOperator({
  params: z.object({ table: TableIdSchema, columns: ColumnListSchema.optional() }),
  run(_rule, p, ctx) {
    const table = ctx.table(p.table);
    if (!table) return [notApplicable(missingTable(p.table))];
    const results: RuleResult[] = [];
    for (const row of table.rows) {
      const cells: ResolvedCell[] = row.cells
        .filter((c) => !p.columns || p.columns.includes(c.column))
        .map((cell) => ({ table, rowKey: row.key, row, column: cell.column, cell }));
      if (cells.length === 0) continue;
      const negative = cells.find((c) => c.cell && valueIn(c.cell.figure, table.unit) < 0n);
      if (!negative?.cell) {
        results.push({ status: 'passed' });
        continue;
      }
      const where = describeCell(negative);
      const printed = formatFixed(valueIn(negative.cell.figure, table.unit), negative.cell.figure.decimals);
      results.push({
        status: 'failed',
        report: {
          message: {
            zh: `${where.zh}：金额为负数 ${printed}`,
            en: `${where.en}: negative amount ${printed}`,
          },
          reported: printed,
          evidence: [cellEvidence(negative)],
        },
      });
    }
    if (results.length === 0) return nothingToCheck('表中没有列示金额', 'the table prints no amount');
    return results;
  },
});

export const cellOperators: Record<string, Operator> = {
  'each-column': eachColumnOp,
  'non-negative': nonNegativeOp,
};
